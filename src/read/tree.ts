// The element tree every later stage reads: elements with their namespace, attributes and
// 1-based positions, so editorial rules (and the build) can report a place for anything.

export interface XmlAttribute {
  /** Qualified name as written, e.g. `xml:id` or `ref`. */
  name: string;
  localName: string;
  /** Namespace URI; null for unprefixed attributes. */
  namespace: string | null;
  value: string;
  line: number;
  column: number;
}

export interface XmlElement {
  kind: 'element';
  name: string;
  localName: string;
  namespace: string | null;
  attributes: XmlAttribute[];
  children: XmlNode[];
  parent: XmlElement | null;
  line: number;
  column: number;
}

export interface XmlText {
  kind: 'text';
  text: string;
  /** True when the text came from a CDATA section. */
  cdata: boolean;
  line: number;
  column: number;
}

export interface XmlComment {
  kind: 'comment';
  text: string;
  line: number;
  column: number;
}

export interface XmlProcessingInstruction {
  kind: 'pi';
  target: string;
  data: string;
  line: number;
  column: number;
}

export type XmlNode = XmlElement | XmlText | XmlComment | XmlProcessingInstruction;

export interface XmlDocument {
  root: XmlElement;
  /** The DOCTYPE's root name, when the document has a (harmless) DOCTYPE. */
  doctypeName?: string;
}

export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
export const TEI_NAMESPACE = 'http://www.tei-c.org/ns/1.0';

export function attribute(element: XmlElement, name: string): string | undefined {
  for (const a of element.attributes) if (a.name === name) return a.value;
  return undefined;
}

export function attributeNode(element: XmlElement, name: string): XmlAttribute | undefined {
  for (const a of element.attributes) if (a.name === name) return a;
  return undefined;
}

export function xmlId(element: XmlElement): string | undefined {
  for (const a of element.attributes) if (a.localName === 'id' && a.namespace === XML_NAMESPACE) return a.value;
  return undefined;
}

export function childElements(element: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of element.children) if (c.kind === 'element') out.push(c);
  return out;
}

/** Depth-first, document order, the element itself first. Iterative: TEI can nest deeply. */
export function* descendantsOrSelf(element: XmlElement): Generator<XmlElement> {
  const stack: XmlElement[] = [element];
  while (stack.length > 0) {
    const e = stack.pop()!;
    yield e;
    for (let i = e.children.length - 1; i >= 0; i--) {
      const c = e.children[i]!;
      if (c.kind === 'element') stack.push(c);
    }
  }
}

export function isTei(element: XmlElement, localName: string): boolean {
  return element.namespace === TEI_NAMESPACE && element.localName === localName;
}

/** The first TEI element reached by following child steps, e.g. ['teiHeader', 'fileDesc']. */
export function teiPath(element: XmlElement, steps: readonly string[]): XmlElement | undefined {
  let current: XmlElement | undefined = element;
  for (const step of steps) {
    current = current && childElements(current).find((c) => isTei(c, step));
    if (!current) return undefined;
  }
  return current;
}

export function textContent(element: XmlElement): string {
  // Iterative, like descendantsOrSelf: a recursive walk is a stack overflow waiting for deep input.
  let out = '';
  const stack: XmlNode[] = [element];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind === 'text') out += node.text;
    else if (node.kind === 'element') for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return out;
}

export function hasAncestor(element: XmlElement, test: (e: XmlElement) => boolean): boolean {
  for (let p = element.parent; p; p = p.parent) if (test(p)) return true;
  return false;
}
