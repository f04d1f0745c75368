// The RelaxNG grammar as plain data: the full XML syntax, restricted to what a grammar made of
// `define`s and one `start` needs. Foreign annotations are dropped except a:documentation, which is
// kept as text on the pattern it documents (editors see it in their XML editor).

export const RNG_NS = 'http://relaxng.org/ns/structure/1.0';
export const ANNOTATIONS_NS = 'http://relaxng.org/ns/compatibility/annotations/1.0';
export const XSD_DATATYPES = 'http://www.w3.org/2001/XMLSchema-datatypes';

export interface Pattern {
  /** RelaxNG element name: element, attribute, group, choice, ref, value, anyName, … */
  tag: string;
  /** RelaxNG attributes (name, ns, type, combine, …), in source order. */
  attrs: Record<string, string>;
  children: Pattern[];
  /** Text content of value and param. */
  text?: string;
  /** a:documentation text attached to this pattern. */
  doc?: string;
}

export interface Grammar {
  /** Attributes of the grammar element besides namespace declarations (ns, datatypeLibrary). */
  attrs: Record<string, string>;
  start: Pattern[];
  /** Defines in source order; the key is the define's name. */
  defines: Map<string, Pattern[]>;
}

export function pattern(tag: string, children: Pattern[] = [], attrs: Record<string, string> = {}): Pattern {
  return { tag, attrs, children };
}

export const notAllowed = (): Pattern => pattern('notAllowed');
export const empty = (): Pattern => pattern('empty');

/** Deep copy, so that a customisation of one element never leaks into a shared define. */
export function clonePattern(p: Pattern): Pattern {
  const copy: Pattern = { tag: p.tag, attrs: { ...p.attrs }, children: p.children.map(clonePattern) };
  if (p.text !== undefined) copy.text = p.text;
  if (p.doc !== undefined) copy.doc = p.doc;
  return copy;
}

/**
 * Whether the first child of an element or attribute pattern is a name class (it is when the
 * pattern has no @name). Name classes are not patterns and the simplifier must leave them alone.
 */
export function hasNameClassChild(p: Pattern): boolean {
  return (p.tag === 'element' || p.tag === 'attribute') && p.attrs['name'] === undefined;
}

/** The element name a define declares, when the define consists of exactly one named element. */
export function declaredElementName(body: readonly Pattern[]): string | undefined {
  if (body.length !== 1) return undefined;
  const only = body[0];
  return only && only.tag === 'element' ? only.attrs['name'] : undefined;
}
