// Reading a built book in the tests: the bundle's files, XML parsed into a small tree, and the zip's
// entries read from their local headers.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { unzipSync } from 'fflate';

export interface XNode {
  name: string;
  attrs: Record<string, string>;
  children: (XNode | string)[];
}

/** Parses XML into a tree (mixed content kept in order); throws with the parser's message if it is not well-formed. */
export function parseXmlFile(file: string): XNode {
  const text = readFileSync(file, 'utf8');
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new Error(`${file}: not well-formed: ${valid.err.msg} (line ${valid.err.line})`);
  // htmlEntities: character references (&#x301;) are read as the characters they stand for, as XML has it.
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, processEntities: true, htmlEntities: true });
  const raw = parser.parse(text) as unknown[];
  const convert = (item: Record<string, unknown>): XNode | string | undefined => {
    if ('#text' in item) return String(item['#text']);
    const name = Object.keys(item).find((k) => k !== ':@');
    if (!name || name.startsWith('?')) return undefined;
    const attrs = (item[':@'] as Record<string, string> | undefined) ?? {};
    const children = ((item[name] as Record<string, unknown>[]) ?? []).map(convert).filter((c): c is XNode | string => c !== undefined);
    return { name, attrs, children };
  };
  const nodes = raw.map((r) => convert(r as Record<string, unknown>)).filter((n): n is XNode => typeof n === 'object' && n !== undefined);
  return nodes.find((n) => !n.name.startsWith('!'))!;
}

export function* walk(node: XNode): Generator<XNode> {
  yield node;
  for (const c of node.children) if (typeof c !== 'string') yield* walk(c);
}

export function textOf(node: XNode | string): string {
  return typeof node === 'string' ? node : node.children.map(textOf).join('');
}

export function byAttr(root: XNode, name: string, value: string): XNode[] {
  return [...walk(root)].filter((n) => (n.attrs[name] ?? '').split(/\s+/).includes(value));
}

export interface ZipEntry {
  name: string;
  method: number;
  time: number;
  date: number;
}

/** The entries of a zip in the order they are stored, from their local file headers. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries: ZipEntry[] = [];
  let at = 0;
  while (at + 30 <= bytes.length && view.getUint32(at, true) === 0x04034b50) {
    const method = view.getUint16(at + 8, true);
    const time = view.getUint16(at + 10, true);
    const date = view.getUint16(at + 12, true);
    const size = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const extraLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + nameLength));
    entries.push({ name, method, time, date });
    at += 30 + nameLength + extraLength + size;
  }
  return entries;
}

export function unzip(file: string): Record<string, Uint8Array> {
  return unzipSync(readFileSync(file));
}

export function bundleFile(bundle: string, ...parts: string[]): string {
  return path.join(bundle, ...parts);
}

/** The content documents of a bundle's OEBPS folder in reading order (the OPF spine), as paths from that folder. */
export function spinePaths(oebps: string): string[] {
  const opf = parseXmlFile(path.join(oebps, 'package.opf'));
  const hrefOf = new Map([...walk(opf)].filter((n) => n.name === 'item').map((n) => [n.attrs.id!, n.attrs.href!]));
  return [...walk(opf)].filter((n) => n.name === 'itemref').map((n) => hrefOf.get(n.attrs.idref!)!);
}

/** The parts of an edition document in reading order: documents/<stem>.xhtml and the parts that follow it. */
export function documentParts(oebps: string, stem: string): string[] {
  const first = `documents/${stem}.xhtml`;
  const rest = `documents/${stem}--`;
  return spinePaths(oebps).filter((p) => p === first || (p.startsWith(rest) && /^\d+\.xhtml$/.test(p.slice(rest.length))));
}

export interface BookLink {
  /** The content document that holds the link. */
  from: string;
  a: XNode;
  href: string;
  text: string;
  /** Where it leads: a content document and an id (empty for the document itself), or undefined when nothing is there. */
  to?: { file: string; id: string; node?: XNode };
}

/** Every link inside the book (web links aside), each resolved against the ids of the content documents. */
export function bookLinks(oebps: string): { links: BookLink[]; trees: Map<string, XNode>; ids: Map<string, Map<string, XNode>> } {
  const trees = new Map<string, XNode>();
  const ids = new Map<string, Map<string, XNode>>();
  for (const f of spinePaths(oebps)) {
    const tree = parseXmlFile(path.join(oebps, f));
    trees.set(f, tree);
    const own = new Map<string, XNode>();
    for (const n of walk(tree)) if (n.attrs.id && !own.has(n.attrs.id)) own.set(n.attrs.id, n);
    ids.set(f, own);
  }
  const links: BookLink[] = [];
  for (const [from, tree] of trees) {
    for (const a of walk(tree)) {
      const href = a.name === 'a' ? a.attrs.href : undefined;
      if (href === undefined || /^(https?|mailto):/i.test(href)) continue;
      const [file = '', id = ''] = href.split('#') as [string, string?];
      const target = file === '' ? from : path.posix.normalize(path.posix.join(path.posix.dirname(from), file));
      const own = ids.get(target);
      const node = own?.get(decodeURIComponent(id));
      const to = own && (id === '' || node) ? { file: target, id: decodeURIComponent(id), ...(node ? { node } : {}) } : undefined;
      links.push({ from, a, href, text: textOf(a).trim(), ...(to ? { to } : {}) });
    }
  }
  return { links, trees, ids };
}
