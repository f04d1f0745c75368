// Reading the records back: XML through the read stage's own parser (namespaces and positions kept),
// so the tests look at what was written, element by element.
import { parseXml } from '../../../src/read/parse-xml.js';
import { attribute, descendantsOrSelf, textContent, type XmlElement } from '../../../src/read/tree.js';
import type { DepositMetadata } from '../../../src/package/deposit/deposit-model.js';

export const NS = {
  mets: 'http://www.loc.gov/METS/',
  mods: 'http://www.loc.gov/mods/v3',
  xlink: 'http://www.w3.org/1999/xlink',
  datacite: 'http://datacite.org/schema/kernel-4',
  tei: 'http://www.tei-c.org/ns/1.0',
} as const;

export function parseRecord(xml: string): XmlElement {
  const parsed = parseXml(xml);
  if (!parsed.ok) throw new Error(`not well-formed at ${parsed.problem.line}:${parsed.problem.column}: ${parsed.problem.message}`);
  return parsed.document.root;
}

/** Every element of `namespace` named `name` under (and including) `root`, in document order. */
export function all(root: XmlElement, namespace: string, name: string): XmlElement[] {
  return [...descendantsOrSelf(root)].filter((e) => e.namespace === namespace && e.localName === name);
}

export function one(root: XmlElement, namespace: string, name: string): XmlElement {
  const found = all(root, namespace, name);
  if (found.length !== 1) throw new Error(`expected one ${name}, found ${found.length}`);
  return found[0]!;
}

export const text = (e: XmlElement | undefined): string => (e ? textContent(e).replace(/\s+/g, ' ').trim() : '');
export const attr = (e: XmlElement | undefined, name: string): string | undefined => (e ? attribute(e, name) : undefined);

export function fileOf(metadata: DepositMetadata, name: string): string | undefined {
  return metadata.files.find((f) => f.name === name)?.content;
}

export function fileNamed(metadata: DepositMetadata, name: string): string {
  const content = fileOf(metadata, name);
  if (content === undefined) throw new Error(`no ${name} among ${metadata.files.map((f) => f.name).join(', ')}`);
  return content;
}
