// A small namespace-aware XML tree, built on fast-xml-parser's ordered output.
// Why our own tree: RelaxNG elements in tei_all.rng appear both unprefixed and as `rng:…`, and
// annotations use several foreign namespaces; only resolved namespace URIs tell them apart.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XmlElement {
  kind: 'element';
  /** Namespace URI ('' when none). */
  ns: string;
  local: string;
  /** Attributes other than namespace declarations, in document order, keyed by their lexical name. */
  attrs: Record<string, string>;
  children: XmlNode[];
}
export interface XmlText {
  kind: 'text';
  text: string;
}
export interface XmlComment {
  kind: 'comment';
  text: string;
}
export type XmlNode = XmlElement | XmlText | XmlComment;

export type ParseResult = { ok: true; root: XmlElement } | { ok: false; message: string };

const ATTR_PREFIX = '@_';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** Parses XML text into a tree with resolved namespaces. Malformed input is an error value, not a throw. */
export function parseXml(text: string): ParseResult {
  const check = XMLValidator.validate(text);
  if (check !== true) {
    return { ok: false, message: `line ${check.err.line}, column ${check.err.col}: ${check.err.msg}` };
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: ATTR_PREFIX,
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: false,
    commentPropName: '#comment',
    ignoreDeclaration: true,
    ignorePiTags: true,
  });
  const items = parser.parse(text) as unknown[];
  const scope = new Map<string, string>([['xml', XML_NS]]);
  const nodes = items.flatMap((item) => convert(item, scope));
  const root = nodes.find((n): n is XmlElement => n.kind === 'element');
  return root ? { ok: true, root } : { ok: false, message: 'no root element' };
}

function convert(item: unknown, parentScope: Map<string, string>): XmlNode[] {
  const record = item as Record<string, unknown>;
  const out: XmlNode[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (key === ':@') continue;
    if (key === '#text') {
      out.push({ kind: 'text', text: String(value) });
    } else if (key === '#comment') {
      const parts = value as Array<Record<string, unknown>>;
      out.push({ kind: 'comment', text: parts.map((p) => String(p['#text'] ?? '')).join('') });
    } else {
      out.push(convertElement(key, value as unknown[], (record[':@'] ?? {}) as Record<string, string>, parentScope));
    }
  }
  return out;
}

function convertElement(
  qname: string,
  children: unknown[],
  rawAttrs: Record<string, string>,
  parentScope: Map<string, string>,
): XmlElement {
  const scope = new Map(parentScope);
  const attrs: Record<string, string> = {};
  for (const [rawName, value] of Object.entries(rawAttrs)) {
    const name = rawName.slice(ATTR_PREFIX.length);
    if (name === 'xmlns') scope.set('', value);
    else if (name.startsWith('xmlns:')) scope.set(name.slice(6), value);
    else attrs[name] = value;
  }
  const colon = qname.indexOf(':');
  const prefix = colon < 0 ? '' : qname.slice(0, colon);
  const local = colon < 0 ? qname : qname.slice(colon + 1);
  return {
    kind: 'element',
    ns: scope.get(prefix) ?? '',
    local,
    attrs,
    children: children.flatMap((child) => convert(child, scope)),
  };
}

/** The element children of an element. */
export function elementChildren(el: XmlElement): XmlElement[] {
  return el.children.filter((c): c is XmlElement => c.kind === 'element');
}

/** All text inside an element, markup removed. */
export function textContent(node: XmlNode): string {
  if (node.kind === 'text') return node.text;
  if (node.kind === 'comment') return '';
  return node.children.map(textContent).join('');
}

/** Descendant elements (document order) matching a namespace and local name. */
export function descendants(el: XmlElement, ns: string, local: string): XmlElement[] {
  const found: XmlElement[] = [];
  const walk = (e: XmlElement): void => {
    for (const child of elementChildren(e)) {
      if (child.ns === ns && child.local === local) found.push(child);
      walk(child);
    }
  };
  walk(el);
  return found;
}
