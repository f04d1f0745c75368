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
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, processEntities: true });
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
