// Simplification of a grammar (several children of element, define, oneOrMore, optional, … form an
// implicit group, so they are simplified as a sequence) after elements have been removed. Every rule here preserves the
// language exactly (RelaxNG spec, section 4.20, "notAllowed element"), so the only restrictions
// are the ones customise.ts makes; this file just propagates them and tidies up.
import { declaredElementName, empty, type Grammar, hasNameClassChild, notAllowed, type Pattern } from './pattern.js';

interface DefineStatus {
  notAllowed: ReadonlySet<string>;
  empty: ReadonlySet<string>;
}

const isNotAllowed = (p: Pattern): boolean => p.tag === 'notAllowed';
const isEmpty = (p: Pattern): boolean => p.tag === 'empty';

/**
 * Simplifies one pattern bottom-up, given which defines are already known to be notAllowed or empty.
 * Returns a new pattern; the input is not modified.
 */
export function simplifyPattern(p: Pattern, status: DefineStatus): Pattern {
  switch (p.tag) {
    case 'ref': {
      const name = p.attrs['name'] ?? '';
      if (status.notAllowed.has(name)) return notAllowed();
      if (status.empty.has(name)) return empty();
      return p;
    }
    case 'choice': {
      // notAllowed is the identity of choice.
      const kept = p.children.map((c) => simplifyPattern(c, status)).filter((c) => !isNotAllowed(c));
      if (kept.length === 0) return notAllowed();
      if (kept.length === 1) return kept[0] as Pattern;
      return { ...p, children: kept };
    }
    case 'group':
    case 'interleave': {
      // notAllowed absorbs group and interleave; empty is their identity.
      const content = simplifySequence(p.children, status);
      if (content === 'notAllowed') return notAllowed();
      if (content.length === 1) return content[0] as Pattern;
      return { ...p, children: content };
    }
    case 'optional':
    case 'zeroOrMore': {
      // optional(notAllowed) = choice(notAllowed, empty) = empty; the same for zeroOrMore.
      const content = simplifySequence(p.children, status);
      if (content === 'notAllowed' || content.every(isEmpty)) return empty();
      return { ...p, children: content };
    }
    case 'define':
    case 'oneOrMore':
    case 'list':
    case 'mixed':
    case 'element':
    case 'attribute': {
      // These require their content: if the content can match nothing, so can they (a define
      // included: its body is an implicit group).
      const nameClass = hasNameClassChild(p) ? p.children.slice(0, 1) : [];
      const content = simplifySequence(p.children.slice(nameClass.length), status);
      if (content === 'notAllowed') return notAllowed();
      if (p.tag === 'oneOrMore' && content.every(isEmpty)) return empty();
      // An attribute with no content pattern means text, so an emptied one keeps an explicit <empty/>.
      const children = content.length === 0 && p.tag === 'attribute' && p.children.length > nameClass.length ? [empty()] : content;
      return { ...p, children: [...nameClass, ...children] };
    }
    default:
      // value, data, text, empty, notAllowed, name classes: nothing inside can change.
      return p;
  }
}

/**
 * Simplifies the children of an implicit group. Returns 'notAllowed' if any child is notAllowed,
 * else the children without empty ones (an empty list means the sequence is empty).
 */
function simplifySequence(children: readonly Pattern[], status: DefineStatus): Pattern[] | 'notAllowed' {
  const simplified = children.map((c) => simplifyPattern(c, status));
  if (simplified.some(isNotAllowed)) return 'notAllowed';
  const kept = simplified.filter((c) => !isEmpty(c));
  return kept.length === 0 && simplified.length > 0 ? [empty()] : kept;
}

/** A define's body as one pattern, for deciding whether refs to it can be replaced. */
function bodyStatus(body: readonly Pattern[]): 'notAllowed' | 'empty' | 'other' {
  if (body.some(isNotAllowed)) return 'notAllowed';
  if (body.length > 0 && body.every(isEmpty)) return 'empty';
  return 'other';
}

/**
 * Simplifies every define until nothing changes: a define that became notAllowed (or empty) turns
 * the refs to it into notAllowed (or empty), which may in turn empty other defines.
 */
export function simplifyGrammar(grammar: Grammar): Grammar {
  let defines = new Map(grammar.defines);
  const notAllowedNames = new Set<string>();
  const emptyNames = new Set<string>();
  for (;;) {
    const status = { notAllowed: notAllowedNames, empty: emptyNames };
    const next = new Map<string, Pattern[]>();
    for (const [name, body] of defines) {
      const simplified = simplifyPattern({ tag: 'define', attrs: {}, children: body }, status);
      next.set(name, simplified.tag === 'define' ? simplified.children : [simplified]);
    }
    defines = next;
    let changed = false;
    for (const [name, body] of defines) {
      const s = bodyStatus(body);
      if (s === 'notAllowed' && !notAllowedNames.has(name)) {
        notAllowedNames.add(name);
        changed = true;
      } else if (s === 'empty' && !emptyNames.has(name)) {
        emptyNames.add(name);
        changed = true;
      }
    }
    if (!changed) {
      const start = simplifySequence(grammar.start, status);
      return { ...grammar, defines, start: start === 'notAllowed' ? [notAllowed()] : start };
    }
  }
}

/** Keeps only the defines reachable from start, in their original order. */
export function pruneUnreachable(grammar: Grammar): Grammar {
  const reachable = new Set<string>();
  const pending: string[] = [];
  const visit = (p: Pattern): void => {
    if (p.tag === 'ref') {
      const name = p.attrs['name'] ?? '';
      if (!reachable.has(name)) {
        reachable.add(name);
        pending.push(name);
      }
    }
    p.children.forEach(visit);
  };
  grammar.start.forEach(visit);
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    grammar.defines.get(name)?.forEach(visit);
  }
  const defines = new Map([...grammar.defines].filter(([name]) => reachable.has(name)));
  return { ...grammar, defines };
}

/** Names of the elements a grammar can still produce (element defines reachable and not notAllowed). */
export function declaredElements(grammar: Grammar): string[] {
  const names: string[] = [];
  for (const body of grammar.defines.values()) {
    const name = declaredElementName(body);
    if (name !== undefined) names.push(name);
  }
  return names.sort();
}
