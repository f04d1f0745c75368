// Parsed HTML for the site tests: a parse5 tree with small queries, and the reading text of an element
// (editorial additions such as note numbers and tooltips left out).
import { parse, type DefaultTreeAdapterMap } from 'parse5';

export type Node = DefaultTreeAdapterMap['node'];
export type Element = DefaultTreeAdapterMap['element'];

export interface ParsedPage {
  document: DefaultTreeAdapterMap['document'];
  errors: string[];
}

export function parsePage(html: string): ParsedPage {
  const errors: string[] = [];
  const document = parse(html, { onParseError: (e) => errors.push(`${e.code} at line ${e.startLine}`) });
  return { document, errors };
}

export function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

export function* walk(node: Node): Generator<Element> {
  const children = 'childNodes' in node ? node.childNodes : [];
  for (const child of children) {
    if (isElement(child)) {
      yield child;
      yield* walk(child.tagName === 'template' ? child.content : child);
    }
  }
}

export function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

export function hasClass(el: Element, cls: string): boolean {
  return (attr(el, 'class') ?? '').split(/\s+/).includes(cls);
}

export function all(root: Node, test: (el: Element) => boolean): Element[] {
  return [...walk(root)].filter(test);
}

export function first(root: Node, test: (el: Element) => boolean): Element | undefined {
  for (const el of walk(root)) if (test(el)) return el;
  return undefined;
}

export function byId(root: Node, id: string): Element | undefined {
  return first(root, (el) => attr(el, 'id') === id);
}

export interface TextOptions {
  /** Leave out elements for which this returns true (and their content). */
  skip?: (el: Element) => boolean;
}

export function textOf(node: Node, options: TextOptions = {}): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  if (isElement(node) && options.skip?.(node)) return '';
  const children = 'childNodes' in node ? node.childNodes : [];
  const inner = children.map((c) => textOf(c, options)).join('');
  if (isElement(node) && /^(p|div|li|br|h\d|section|blockquote|dt|dd|td|th)$/.test(node.tagName)) return ` ${inner} `;
  return inner;
}

/** Editorial additions: paragraph and note numbers, variant letters, tooltips, witness labels. */
export const editorial = (el: Element): boolean => hasClass(el, 'ed') || el.tagName === 'input';

export function normalise(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
