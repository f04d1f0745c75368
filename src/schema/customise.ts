// Applies a Customisation to tei_all. Each operation here only ever removes documents from the
// language of the grammar; the comment on each says why. simplify.ts then propagates the effects.
import { acceptsLiteral } from './literal.js';
import type { AttributeChange, Customisation } from './odd.js';
import { clonePattern, declaredElementName, type Grammar, notAllowed, pattern, type Pattern } from './pattern.js';

export type CustomiseResult = { ok: true; grammar: Grammar } | { ok: false; errors: string[] };

export function customise(source: Grammar, c: Customisation): CustomiseResult {
  const errors: string[] = [];
  const grammar: Grammar = {
    attrs: { ...source.attrs },
    start: source.start.map(clonePattern),
    defines: new Map([...source.defines].map(([name, body]) => [name, body.map(clonePattern)])),
  };
  const elementDefines = new Map<string, string>();
  for (const [name, body] of grammar.defines) {
    const element = declaredElementName(body);
    if (element !== undefined) elementDefines.set(element, name);
  }

  const allowed = new Set<string>();
  for (const { key, include } of c.modules) {
    for (const name of include) {
      if (!elementDefines.has(name)) errors.push(`<moduleRef key="${key}">: tei_all has no element <${name}>`);
      allowed.add(name);
    }
  }
  for (const name of c.deletedElements) {
    if (!allowed.has(name)) errors.push(`<elementSpec ident="${name}" mode="delete">: <${name}> is not included by any moduleRef`);
    allowed.delete(name);
  }

  // Removing an element: its define becomes notAllowed. A ref to it then matches nothing, so every
  // content model offering it loses exactly that alternative (and nothing else).
  for (const [element, define] of elementDefines) {
    if (!allowed.has(element)) grammar.defines.set(define, [notAllowed()]);
  }

  // The root: only elements that tei_all already allows as a root.
  const teiAllRoots = new Set(collectRefs(source.start));
  for (const name of c.start) {
    if (!teiAllRoots.has(name)) errors.push(`@start: <${name}> is not a root element tei_all allows`);
    else if (!allowed.has(name)) errors.push(`@start: <${name}> is not included`);
  }
  const roots = c.start.map((name) => pattern('ref', [], { name }));
  grammar.start = roots.length === 1 ? roots : [pattern('choice', roots)];

  for (const { ident, changes } of c.classChanges) {
    const defines = [...grammar.defines.keys()].filter((n) => n === `${ident}.attributes` || n.startsWith(`${ident}.attribute.`));
    if (defines.length === 0) {
      errors.push(`<classSpec ident="${ident}">: tei_all has no attribute class of that name`);
      continue;
    }
    for (const change of changes) {
      const hosts = defines.map((n) => grammar.defines.get(n) as Pattern[]);
      const problem = applyChange(hosts, change);
      if (problem) errors.push(`<classSpec ident="${ident}"> @${change.attribute}: ${problem}`);
    }
  }

  for (const { ident, changes } of c.elementChanges) {
    const define = elementDefines.get(ident);
    if (define === undefined || !allowed.has(ident)) {
      errors.push(`<elementSpec ident="${ident}" mode="change">: <${ident}> is not an included element`);
      continue;
    }
    const body = grammar.defines.get(define) as Pattern[];
    for (const change of changes) {
      // Attributes usually come from shared class defines. Changing one element's attribute must not
      // change the class for every other member, so the refs that lead to it are copied inline first.
      const content = body[0]?.children ?? [];
      localiseAttribute(content, change.attribute, grammar);
      const problem = applyChange([content], change);
      if (problem) errors.push(`<elementSpec ident="${ident}"> @${change.attribute}: ${problem}`);
    }
  }

  return errors.length > 0 ? { ok: false, errors } : { ok: true, grammar };
}

function collectRefs(patterns: readonly Pattern[]): string[] {
  return patterns.flatMap((p) => (p.tag === 'ref' ? [p.attrs['name'] ?? ''] : collectRefs(p.children)));
}

/** Whether a define (following refs, but never into another element) declares the attribute. */
function declaresAttribute(patterns: readonly Pattern[], attribute: string, grammar: Grammar, seen: Set<string>): boolean {
  return patterns.some((p) => {
    if (p.tag === 'element') return false;
    if (p.tag === 'attribute') return p.attrs['name'] === attribute;
    if (p.tag === 'ref') {
      const name = p.attrs['name'] ?? '';
      if (seen.has(name)) return false;
      seen.add(name);
      return declaresAttribute(grammar.defines.get(name) ?? [], attribute, grammar, seen);
    }
    return declaresAttribute(p.children, attribute, grammar, seen);
  });
}

/**
 * Replaces, inside one element's pattern, each ref that leads to the attribute by a copy of the
 * define's content (a <group>, which is what a ref means), recursively. The language is unchanged.
 */
function localiseAttribute(patterns: Pattern[], attribute: string, grammar: Grammar): void {
  for (let i = 0; i < patterns.length; i++) {
    const p = patterns[i] as Pattern;
    if (p.tag === 'ref') {
      const body = grammar.defines.get(p.attrs['name'] ?? '') ?? [];
      if (declaredElementName(body) === undefined && declaresAttribute(body, attribute, grammar, new Set())) {
        const inlined = pattern('group', body.map(clonePattern));
        patterns[i] = inlined;
        localiseAttribute(inlined.children, attribute, grammar);
      }
    } else if (p.tag !== 'element') {
      // A nested element's attributes are its own business.
      localiseAttribute(p.children, attribute, grammar);
    }
  }
}

/**
 * Applies one attribute change to the attribute patterns found directly in the hosts (refs are not
 * followed). Returns a problem description, or undefined when it worked.
 */
function applyChange(hosts: Pattern[][], change: AttributeChange): string | undefined {
  let found = 0;
  let problem: string | undefined;
  const visit = (siblings: Pattern[], parent: Pattern | undefined): void => {
    for (let i = 0; i < siblings.length; i++) {
      const p = siblings[i] as Pattern;
      if (p.tag === 'attribute' && p.attrs['name'] === change.attribute) {
        found++;
        const optional = parent?.tag === 'optional' && parent.children.length === 1;
        if (change.kind === 'delete') {
          // optional(attribute) becomes optional(notAllowed) = empty: the attribute can no longer occur.
          if (!optional) problem = 'it is required in tei_all, so deleting it would remove the element itself';
          else siblings[i] = notAllowed();
        } else if (change.kind === 'require') {
          // optional(p) is choice(p, empty); keeping only p drops the documents without the attribute.
          if (!optional) problem = 'it is not a plain optional attribute in tei_all';
          else parent.tag = 'group';
        } else {
          // The new content is a choice of exact strings, each checked to be accepted by the old content.
          const nameClassless = p.children;
          const rejected = change.values.filter((v) => acceptsLiteral(nameClassless, v) !== true);
          if (rejected.length > 0) problem = `tei_all does not (provably) accept the value(s) ${rejected.join(', ')}`;
          else {
            const values = change.values.map((v) => ({ ...pattern('value', [], { type: 'string' }), text: v }));
            p.children = [values.length === 1 ? (values[0] as Pattern) : pattern('choice', values)];
          }
        }
      } else if (p.tag !== 'element') {
        visit(p.children, p);
      }
    }
  };
  for (const host of hosts) visit(host, undefined);
  if (found === 0) return 'no such attribute here';
  return problem;
}
