// Maps an XPath `path()` result (/Q{ns}TEI[1]/Q{ns}text[1]/@n) to a place in our own tree, so
// Schematron findings get the line and column SaxonJS's tree does not keep.
import { childElements, type XmlElement } from '../../read/tree.js';

const STEP = /^Q\{([^}]*)\}([^[]+)\[(\d+)\]$/;

export function locatePath(root: XmlElement, nodePath: string): { line: number; column: number } {
  // Namespace URIs contain slashes, so steps are matched, not split.
  const steps = [...nodePath.matchAll(/\/((?:@?Q\{[^}]*\}[^/[]*(?:\[\d+\])?)|[^/]+)/g)].map((m) => m[1]!);
  let current: XmlElement | undefined;
  for (const step of steps) {
    if (step === '') continue;
    const m = STEP.exec(step);
    if (!m) {
      if (step.startsWith('@') && current) {
        const name = step.slice(1);
        const attr = current.attributes.find((a) => a.name === name || `Q{${a.namespace ?? ''}}${a.localName}` === name);
        if (attr) return { line: attr.line, column: attr.column };
      }
      break; // text(), comment(), processing-instruction(): the element is close enough
    }
    const [, ns, local, nth] = m;
    const candidates = current === undefined ? [root] : childElements(current);
    const matching = candidates.filter((e) => e.localName === local && (e.namespace ?? '') === ns);
    const next = matching[Number(nth) - 1];
    if (!next) break;
    current = next;
  }
  return current ? { line: current.line, column: current.column } : { line: 1, column: 1 };
}
