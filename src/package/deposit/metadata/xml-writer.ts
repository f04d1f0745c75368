// Writing the deposit's XML records: elements built as values and written with two-space indentation
// (inline where an element holds text), and a faithful copy of a parsed TEI element (the headers METS
// carries). Escaping is the EPUB's (render/epub/xml.ts): characters XML refuses are dropped, never written.
import { escapeAttribute, escapeText } from '../../../render/epub/xml.js';
import { XML_NAMESPACE, type XmlElement } from '../../../read/tree.js';

export interface XElement {
  kind: 'element';
  name: string;
  attributes: [string, string][];
  children: XNode[];
}
/** Markup written as it is: a copy made by `copyElement`. */
export interface XRaw {
  kind: 'raw';
  xml: string;
}
export type XNode = XElement | XRaw | string;

type Child = XNode | readonly Child[] | undefined | null | false;

/** An element; attributes whose value is undefined are left out, children that are empty values too. */
export function el(name: string, attributes: Readonly<Record<string, string | undefined>> = {}, ...children: Child[]): XElement {
  const attrs: [string, string][] = [];
  for (const [key, value] of Object.entries(attributes)) if (value !== undefined) attrs.push([key, value]);
  const out: XNode[] = [];
  const add = (c: Child): void => {
    if (c === undefined || c === null || c === false) return;
    if (Array.isArray(c)) for (const x of c as readonly Child[]) add(x);
    else out.push(c as XNode);
  };
  for (const c of children) add(c);
  return { kind: 'element', name, attributes: attrs, children: out };
}

/** An element holding only text, or nothing when the text is empty (an optional field the source lacks). */
export function textEl(name: string, text: string | undefined, attributes: Readonly<Record<string, string | undefined>> = {}): XElement | undefined {
  return text === undefined || text === '' ? undefined : el(name, attributes, text);
}

export function raw(xml: string): XRaw {
  return { kind: 'raw', xml };
}

function openTag(e: XElement): string {
  return `<${e.name}${e.attributes.map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join('')}`;
}

function write(node: XNode, indent: string, out: string[]): void {
  if (typeof node === 'string') {
    out.push(escapeText(node));
    return;
  }
  if (node.kind === 'raw') {
    out.push(node.xml);
    return;
  }
  if (node.children.length === 0) {
    out.push(`${openTag(node)}/>`);
    return;
  }
  // Text anywhere among the children: the element is mixed content, and whitespace added there would be text.
  if (node.children.some((c) => typeof c === 'string')) {
    out.push(`${openTag(node)}>`);
    for (const c of node.children) write(c, '', out);
    out.push(`</${node.name}>`);
    return;
  }
  const inner = `${indent}  `;
  out.push(`${openTag(node)}>`);
  for (const c of node.children) {
    out.push(`\n${inner}`);
    write(c, inner, out);
  }
  out.push(`\n${indent}</${node.name}>`);
}

export function serialise(node: XNode, indent = ''): string {
  const out: string[] = [];
  write(node, indent, out);
  return out.join('');
}

/** A whole XML document: the declaration, the root, a final line end. */
export function xmlDocument(root: XElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serialise(root)}\n`;
}

const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

function prefixOf(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? '' : qname.slice(0, colon);
}

/**
 * A parsed element written back as XML, as it stands in its file: its names and prefixes, attributes,
 * text (whitespace included), comments and processing instructions. The namespaces it uses are declared
 * on it, since it is taken out of the document that declared them (`inScope`: what the place it is copied
 * into already declares, prefix → URI). Entities come out as characters; CDATA sections as escaped text.
 */
export function copyElement(element: XmlElement, inScope: ReadonlyMap<string, string> = new Map()): XRaw {
  const out: string[] = [];
  copyInto(element, new Map(inScope), out);
  return raw(out.join(''));
}

function copyInto(element: XmlElement, inScope: Map<string, string>, out: string[]): void {
  const scope = new Map(inScope);
  const declarations: string[] = [];
  const declare = (prefix: string, uri: string): void => {
    if ((scope.get(prefix) ?? '') === uri) return;
    scope.set(prefix, uri);
    declarations.push(prefix === '' ? ` xmlns="${escapeAttribute(uri)}"` : ` xmlns:${prefix}="${escapeAttribute(uri)}"`);
  };
  declare(prefixOf(element.name), element.namespace ?? '');
  const attributes: string[] = [];
  for (const a of element.attributes) {
    if (a.namespace === XMLNS_NAMESPACE || a.name === 'xmlns') continue;
    if (a.namespace && a.namespace !== XML_NAMESPACE) declare(prefixOf(a.name), a.namespace);
    attributes.push(` ${a.name}="${escapeAttribute(a.value)}"`);
  }
  const start = `<${element.name}${declarations.join('')}${attributes.join('')}`;
  if (element.children.length === 0) {
    out.push(`${start}/>`);
    return;
  }
  out.push(`${start}>`);
  for (const c of element.children) {
    if (c.kind === 'text') out.push(escapeText(c.text));
    else if (c.kind === 'comment') out.push(`<!--${c.text}-->`);
    else if (c.kind === 'pi') out.push(`<?${c.target}${c.data ? ` ${c.data}` : ''}?>`);
    else copyInto(c, scope, out);
  }
  out.push(`</${element.name}>`);
}
