// A small mutable element tree for the EPUB's XHTML: the transform's HTML fragments are parsed into it
// (with an HTML parser, as browsers read them), the apparatus renderer's XHTML with an XML parser (which
// keeps its epub:type), changed for EPUB readers, and written as XML.
import { parseFragment } from 'parse5';
import { parseXml } from '../../read/parse-xml.js';
import type { XmlNode } from '../../read/tree.js';
import { escapeAttribute, escapeText } from './xml.js';

export interface Element {
  kind: 'element';
  name: string;
  attrs: Map<string, string>;
  children: Node[];
}
export interface Text {
  kind: 'text';
  text: string;
}
export type Node = Element | Text;

export function el(name: string, attrs: Record<string, string | undefined> = {}, children: (Node | string)[] = []): Element {
  const map = new Map<string, string>();
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) map.set(k, v);
  return { kind: 'element', name, attrs: map, children: children.map((c) => (typeof c === 'string' ? text(c) : c)) };
}

export function text(value: string): Text {
  return { kind: 'text', text: value };
}

interface ParsedNode {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: ParsedNode[];
  content?: ParsedNode;
}

/** Elements that carry no reading content in an EPUB: scripts, styles and form controls. */
const DROPPED = new Set(['script', 'style', 'template', 'input', 'button', 'select', 'textarea', 'form', 'noscript', 'iframe', 'object', 'embed']);
const ATTRIBUTE_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Prefixed attributes kept: only `epub:type` (xml:lang is given again, from lang, where the tag is well-formed: languages.ts). */
const KEPT_PREFIXED = new Set(['epub:type']);

function keptAttribute(name: string): boolean {
  return (ATTRIBUTE_NAME.test(name) || KEPT_PREFIXED.has(name)) && !name.startsWith('on');
}

function convert(node: ParsedNode, keepEpub: boolean): Node[] {
  if (node.nodeName === '#text') return [text(node.value ?? '')];
  if (node.nodeName.startsWith('#')) return [];
  const name = (node.tagName ?? node.nodeName).toLowerCase();
  if (DROPPED.has(name) || !/^[a-z][a-z0-9]*$/.test(name)) return [];
  const attrs = new Map<string, string>();
  for (const a of node.attrs ?? []) {
    const attr = a.name.toLowerCase();
    if (keepEpub ? keptAttribute(attr) : ATTRIBUTE_NAME.test(attr) && !attr.startsWith('on')) attrs.set(attr, a.value);
  }
  return [{ kind: 'element', name, attrs, children: (node.childNodes ?? []).flatMap((c) => convert(c, keepEpub)) }];
}

/** An HTML fragment of the transform (the book's text, metadata, front matter, register entries) as nodes. */
export function parseHtml(html: string): Node[] {
  if (html.trim() === '') return [];
  const fragment = parseFragment(html) as unknown as ParsedNode;
  return (fragment.childNodes ?? []).flatMap((c) => convert(c, false));
}

const XHTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';
const EPUB_NAMESPACE = 'http://www.idpf.org/2007/ops';

function convertXml(node: XmlNode): Node[] {
  if (node.kind === 'text') return [text(node.text)];
  if (node.kind !== 'element') return [];
  const name = node.localName.toLowerCase();
  if (node.namespace !== XHTML_NAMESPACE || DROPPED.has(name) || !/^[a-z][a-z0-9]*$/.test(name)) return [];
  const attrs = new Map<string, string>();
  for (const a of node.attributes) if (a.name !== 'xmlns' && !a.name.startsWith('xmlns:') && keptAttribute(a.name)) attrs.set(a.name, a.value);
  return [{ kind: 'element', name, attrs, children: node.children.flatMap(convertXml) }];
}

/**
 * An XHTML fragment written for the book (the apparatus renderer's EPUB flavour: footnotes, endnotes, the
 * apparatus) as nodes, read as the XML it is, so that its `epub:type` stays. Should it not be well-formed,
 * it is read as HTML, `epub:type` kept all the same.
 */
export function parseXhtml(xhtml: string): Node[] {
  if (xhtml.trim() === '') return [];
  const parsed = parseXml(`<div xmlns="${XHTML_NAMESPACE}" xmlns:epub="${EPUB_NAMESPACE}">${xhtml}</div>`);
  if (parsed.ok) return parsed.document.root.children.flatMap(convertXml);
  const fragment = parseFragment(xhtml) as unknown as ParsedNode;
  return (fragment.childNodes ?? []).flatMap((c) => convert(c, true));
}

export function classes(e: Element): string[] {
  return (e.attrs.get('class') ?? '').split(/\s+/).filter(Boolean);
}

export function hasClass(e: Element, name: string): boolean {
  return classes(e).includes(name);
}

/** Every element under `nodes`, in document order. */
export function* elements(nodes: readonly Node[]): Generator<Element> {
  for (const n of nodes) {
    if (n.kind !== 'element') continue;
    yield n;
    yield* elements(n.children);
  }
}

/** Every id under `nodes`. */
export function idsUnder(nodes: readonly Node[]): Set<string> {
  const ids = new Set<string>();
  for (const e of elements(nodes)) {
    const id = e.attrs.get('id');
    if (id) ids.add(id);
  }
  return ids;
}

/** Rebuilds the tree: `change` returns the nodes that stand for an element (itself, changed, or others). */
export function rewrite(nodes: readonly Node[], change: (e: Element) => Node[] | Element): Node[] {
  const out: Node[] = [];
  for (const n of nodes) {
    if (n.kind === 'text') {
      out.push(n);
      continue;
    }
    const copy: Element = { kind: 'element', name: n.name, attrs: new Map(n.attrs), children: rewrite(n.children, change) };
    const result = change(copy);
    if (Array.isArray(result)) out.push(...result);
    else out.push(result);
  }
  return out;
}

export function textOf(nodes: readonly Node[]): string {
  return nodes.map((n) => (n.kind === 'text' ? n.text : textOf(n.children))).join('');
}

const VOID = new Set(['area', 'base', 'br', 'col', 'hr', 'img', 'link', 'meta', 'source', 'track', 'wbr']);

/** XML serialisation (XHTML): every element closed, every attribute quoted, text escaped. */
export function serialise(nodes: readonly Node[]): string {
  let out = '';
  for (const n of nodes) {
    if (n.kind === 'text') {
      out += escapeText(n.text);
      continue;
    }
    let attrs = '';
    for (const [k, v] of n.attrs) attrs += ` ${k}="${escapeAttribute(v)}"`;
    if (VOID.has(n.name)) out += `<${n.name}${attrs}/>`;
    else out += `<${n.name}${attrs}>${serialise(n.children)}</${n.name}>`;
  }
  return out;
}

/** Elements whose content must be phrasing content only. */
const PHRASING_ONLY = new Set(['p', 'span', 'em', 'strong', 'i', 'b', 'u', 's', 'small', 'cite', 'q', 'dfn', 'abbr', 'time', 'code', 'var', 'samp', 'kbd', 'sub', 'sup', 'mark', 'bdi', 'bdo', 'data', 'label', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'caption', 'legend', 'summary']);
const BLOCK = new Set(['address', 'article', 'aside', 'blockquote', 'details', 'dialog', 'div', 'dl', 'dt', 'dd', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul']);
const TRANSPARENT = new Set(['a', 'ins', 'del']);
const LIST_ITEM_PARENT: Record<string, Set<string>> = { li: new Set(['ol', 'ul', 'menu']), dt: new Set(['dl']), dd: new Set(['dl']) };

function isBlock(n: Node): boolean {
  return n.kind === 'element' && (BLOCK.has(n.name) || (TRANSPARENT.has(n.name) && n.children.some(isBlock)));
}

/**
 * Makes HTML that browsers accept valid XHTML content: a phrasing element that holds blocks (a
 * heading in a span, a list in a paragraph) becomes a div, and list items or terms outside their
 * lists become divs. Classes and ids stay, so nothing the reader sees is lost.
 */
export function fixContentModel(nodes: readonly Node[]): Node[] {
  const root = rewrite([el('div', {}, [...nodes])], (e) => {
    for (const c of e.children) {
      if (c.kind === 'element' && LIST_ITEM_PARENT[c.name] && !LIST_ITEM_PARENT[c.name]!.has(e.name)) c.name = 'div';
    }
    if (e.name === 'dl' || e.name === 'ol' || e.name === 'ul') {
      // Only items belong in lists: anything else is wrapped in an item of its own.
      const item = e.name === 'dl' ? 'dd' : 'li';
      const allowed = e.name === 'dl' ? new Set(['dt', 'dd', 'div']) : new Set(['li']);
      e.children = e.children.flatMap((c): Node[] => (c.kind === 'text' ? (c.text.trim() === '' ? [c] : [el(item, {}, [c])]) : allowed.has(c.name) ? [c] : [el(item, {}, [c])]));
    }
    if (PHRASING_ONLY.has(e.name) && e.children.some(isBlock)) e.name = 'div';
    return e;
  });
  return (root[0] as Element).children;
}
