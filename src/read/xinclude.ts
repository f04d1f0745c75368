// XInclude is never processed: an `xi:include` would make the edition depend on a file (or a
// URL) that nobody checked, and silently lose its content if it were ignored. So the reader
// refuses a document that contains one, at the element, with a way out.
import { descendantsOrSelf, type XmlDocument, type XmlElement } from './tree.js';

export const XINCLUDE_NAMESPACE = 'http://www.w3.org/2001/XInclude';

export function firstXInclude(document: XmlDocument): XmlElement | undefined {
  for (const e of descendantsOrSelf(document.root)) if (e.namespace === XINCLUDE_NAMESPACE) return e;
  return undefined;
}

export function xincludeMessage(element: XmlElement): string {
  const href = element.attributes.find((a) => a.name === 'href')?.value;
  return `XInclude is not processed (<${element.name}${href === undefined ? '' : ` href="${href.slice(0, 80)}"`}>): nothing outside the file is read, so its content would be lost; put the included text into the file`;
}
