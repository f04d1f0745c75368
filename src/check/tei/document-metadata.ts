// tei/document-metadata: every document of an edition needs a title, a date and, because the
// edition is of correspondence, a correspDesc. For files named on the command line (any TEI,
// letters or not) the rule only asks for a title and a date, as a warning.
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { SourceFile } from '../../read/load.js';
import { childElements, descendantsOrSelf, isTei, teiPath, textContent, type XmlElement } from '../../read/tree.js';
import type { TeiContext } from './context.js';

const DATE_ATTRIBUTES = ['when', 'notBefore', 'notAfter', 'from', 'to', 'when-iso', 'notBefore-iso', 'notAfter-iso', 'from-iso', 'to-iso'];

function hasDate(date: XmlElement): boolean {
  return date.attributes.some((a) => a.namespace === null && DATE_ATTRIBUTES.includes(a.localName)) || textContent(date).trim() !== '';
}

function datesUnder(element: XmlElement | undefined): XmlElement[] {
  return element ? [...descendantsOrSelf(element)].filter((e) => isTei(e, 'date')) : [];
}

function isRegister(source: SourceFile): boolean {
  // Registers keep their entries in the body or in standOff.
  const holders = [teiPath(source.document.root, ['text', 'body']), teiPath(source.document.root, ['standOff'])];
  return holders.some((h) => h && [...descendantsOrSelf(h)].some((e) => isTei(e, 'listPerson') || isTei(e, 'listPlace') || isTei(e, 'listOrg')));
}

export function checkDocumentMetadata(context: TeiContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const source of context.sources) {
    const role = context.roleOf(source);
    const root = source.document.root;
    if (!isTei(root, 'TEI')) continue;
    if (role === 'edition' || role === 'register') continue;
    if (role === 'file' && isRegister(source)) continue;
    const strict = role === 'document';
    const header = childElements(root).find((e) => isTei(e, 'teiHeader'));
    const at = header ?? root;
    const missing: string[] = [];
    const title = teiPath(root, ['teiHeader', 'fileDesc', 'titleStmt', 'title']);
    if (!title || textContent(title).trim() === '') missing.push('a title (teiHeader/fileDesc/titleStmt/title)');
    const profile = teiPath(root, ['teiHeader', 'profileDesc']);
    const correspDesc = profile && childElements(profile).find((e) => isTei(e, 'correspDesc'));
    const documentDates = [...datesUnder(correspDesc), ...datesUnder(profile && childElements(profile).find((e) => isTei(e, 'creation')))];
    // Outside an edition, a date of the source or of publication also tells when the text is from.
    const otherDates = strict ? [] : [...datesUnder(teiPath(root, ['teiHeader', 'fileDesc', 'sourceDesc'])), ...datesUnder(teiPath(root, ['teiHeader', 'fileDesc', 'publicationStmt']))];
    if (![...documentDates, ...otherDates].some(hasDate)) {
      missing.push(strict ? 'a date (correspDesc/correspAction/date or profileDesc/creation/date)' : 'a date (in profileDesc, sourceDesc or publicationStmt)');
    }
    if (strict && !correspDesc) missing.push('a correspDesc (sender, addressee, date and place in profileDesc/correspDesc)');
    if (missing.length === 0) continue;
    out.push({
      file: source.path,
      line: at.line,
      column: at.column,
      severity: strict ? 'error' : 'warning',
      ruleId: 'tei/document-metadata',
      message: `the document's header lacks ${missing.join('; ')}`,
    });
  }
  return out;
}
