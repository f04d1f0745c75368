// A minimal element tree for tests, built with fast-xml-parser in order-preserving mode
// (its default mode garbles mixed content).
import { XMLParser } from 'fast-xml-parser';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: '#comment',
});

type Raw = Record<string, unknown>;

function convert(raw: Raw[]): XmlNode[] {
  const out: XmlNode[] = [];
  for (const item of raw) {
    if ('#text' in item) {
      out.push(String(item['#text']));
      continue;
    }
    if ('#comment' in item) continue;
    const name = Object.keys(item).find((k) => k !== ':@');
    if (!name) continue;
    const attrs = (item[':@'] as Record<string, string> | undefined) ?? {};
    out.push({ name, attrs: { ...attrs }, children: convert(item[name] as Raw[]) });
  }
  return out;
}

export function parseXml(text: string): XmlElement {
  const nodes = convert(parser.parse(text) as Raw[]);
  const root = nodes.find((n): n is XmlElement => typeof n !== 'string');
  if (!root) throw new Error('no root element');
  return root;
}

export function* descendants(el: XmlElement): Generator<XmlElement> {
  for (const child of el.children) {
    if (typeof child === 'string') continue;
    yield child;
    yield* descendants(child);
  }
}

export function find(el: XmlElement, name: string): XmlElement | undefined {
  for (const d of descendants(el)) if (d.name === name) return d;
  return undefined;
}

export function findAll(el: XmlElement, name: string): XmlElement[] {
  return [...descendants(el)].filter((d) => d.name === name);
}

/** Whitespace collapsed to single spaces and trimmed. */
export function normalizeSpace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** All text content, markup ignored. */
export function plainText(node: XmlNode): string {
  return typeof node === 'string' ? node : node.children.map(plainText).join('');
}
