// Turns a parsed RelaxNG document (XML syntax) into a Grammar. Only the shape tei_all.rng has is
// accepted: one top-level grammar of defines and a start, no include/externalRef/combine. Anything
// else is reported, not guessed at, because a silently misread schema would no longer be a subset.
import { ANNOTATIONS_NS, type Grammar, type Pattern, RNG_NS } from './pattern.js';
import { elementChildren, textContent, type XmlElement } from './xml-tree.js';

export type GrammarResult = { ok: true; grammar: Grammar; comments: string[] } | { ok: false; message: string };

const UNSUPPORTED = new Set(['include', 'externalRef', 'parentRef', 'div', 'grammar']);

export function readGrammar(root: XmlElement): GrammarResult {
  if (root.ns !== RNG_NS || root.local !== 'grammar') {
    return { ok: false, message: 'the root element is not a RelaxNG <grammar>' };
  }
  const defines = new Map<string, Pattern[]>();
  let start: Pattern[] | undefined;
  try {
    for (const child of elementChildren(root)) {
      if (child.ns !== RNG_NS) continue; // Schematron and other annotations: not part of the RelaxNG language.
      if (child.local === 'define') {
        const name = child.attrs['name'];
        if (name === undefined) throw new GrammarShapeError('a <define> has no @name');
        if (child.attrs['combine'] !== undefined) throw new GrammarShapeError(`define ${name} uses @combine`);
        if (defines.has(name)) throw new GrammarShapeError(`define ${name} occurs twice`);
        defines.set(name, readChildren(child));
      } else if (child.local === 'start') {
        start = readChildren(child);
      } else {
        throw new GrammarShapeError(`unsupported top-level <${child.local}>`);
      }
    }
  } catch (error) {
    if (error instanceof GrammarShapeError) return { ok: false, message: error.message };
    throw error;
  }
  if (!start) return { ok: false, message: 'the grammar has no <start>' };
  const attrs: Record<string, string> = {};
  for (const key of ['ns', 'datatypeLibrary']) {
    const value = root.attrs[key];
    if (value !== undefined) attrs[key] = value;
  }
  const comments = root.children.flatMap((c) => (c.kind === 'comment' ? [c.text] : []));
  return { ok: true, grammar: { attrs, start, defines }, comments };
}

class GrammarShapeError extends Error {}

/** The RelaxNG children of an element, with a:documentation attached to the pattern it belongs to. */
function readChildren(el: XmlElement): Pattern[] {
  const patterns: Pattern[] = [];
  for (const child of elementChildren(el)) {
    if (child.ns === ANNOTATIONS_NS && child.local === 'documentation') {
      // A documentation after a <value> describes that value; otherwise it describes the parent,
      // which readPattern handles by looking at its own children.
      const previous = patterns[patterns.length - 1];
      if (previous && previous.tag === 'value') previous.doc = normaliseSpace(textContent(child));
      continue;
    }
    if (child.ns !== RNG_NS) continue;
    patterns.push(readPattern(child));
  }
  return patterns;
}

function readPattern(el: XmlElement): Pattern {
  if (UNSUPPORTED.has(el.local)) throw new GrammarShapeError(`unsupported <${el.local}> inside a define`);
  const p: Pattern = { tag: el.local, attrs: { ...el.attrs }, children: [] };
  if (el.local === 'value' || el.local === 'param' || (el.local === 'name' && !hasRngChildren(el))) {
    p.text = textContent(el);
    return p;
  }
  p.children = readChildren(el);
  const firstDoc = elementChildren(el).find((c) => c.ns === ANNOTATIONS_NS && c.local === 'documentation');
  if (firstDoc && (el.local === 'element' || el.local === 'attribute')) p.doc = normaliseSpace(textContent(firstDoc));
  return p;
}

function hasRngChildren(el: XmlElement): boolean {
  return elementChildren(el).some((c) => c.ns === RNG_NS);
}

function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
