// bag-info.txt's fields (RFC 8493 §2.2.2), from the TEI headers, the config and the build's instant.
// A field the sources do not give is left out, never filled with a guess: the warning says which TEI
// element (or config key) to add. Pure.
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { attribute, childElements, isTei, teiPath, textContent, type XmlElement } from '../../read/tree.js';
import { humanSize, payloadOxum, type BagInfoField } from './bagit.js';

/** What the headers say that bag-info.txt uses. */
export interface HeaderFacts {
  publisher?: string;
  /** The header's identifier: the first idno of publicationStmt, a persistent kind (DOI, handle, URN …) first. */
  idno?: string;
  /** The short description: profileDesc/abstract, else encodingDesc/projectDesc (its first paragraph). */
  description?: string;
}

const words = (e: XmlElement | undefined): string => (e ? textContent(e).replace(/\s+/g, ' ').trim() : '');

/** Identifiers that name the edition for good, preferred to any other idno (a slug, a local number). */
const PERSISTENT = ['doi', 'handle', 'hdl', 'ark', 'urn', 'uri', 'url', 'purl'];

/** The facts of one TEI header (the edition's, or a document's). */
export function headerFacts(root: XmlElement): HeaderFacts {
  const publicationStmt = teiPath(root, ['teiHeader', 'fileDesc', 'publicationStmt']);
  const named = (name: string): XmlElement[] => (publicationStmt ? childElements(publicationStmt).filter((c) => isTei(c, name)) : []);
  // The EPUB's publisher is read the same way (src/render/epub/book-metadata.ts): publisher, else authority.
  const publisher = words(named('publisher')[0]) || words(named('authority')[0]) || words(named('distributor')[0]);
  const idnos = named('idno').filter((i) => words(i) !== '');
  const persistent = idnos.find((i) => PERSISTENT.includes((attribute(i, 'type') ?? '').toLowerCase()));
  const idno = words(persistent ?? idnos[0]);
  const abstract = teiPath(root, ['teiHeader', 'profileDesc', 'abstract']);
  const projectDesc = teiPath(root, ['teiHeader', 'encodingDesc', 'projectDesc']);
  const firstParagraph = (e: XmlElement | undefined): string => (e ? words(childElements(e).find((c) => isTei(c, 'p')) ?? e) : '');
  const description = firstParagraph(abstract) || firstParagraph(projectDesc);
  return { ...(publisher ? { publisher } : {}), ...(idno ? { idno } : {}), ...(description ? { description } : {}) };
}

export interface BagInfoInput {
  /** The edition's header (its front matter), when the edition has an edition file. */
  edition?: { path: string; root: XmlElement };
  /** Without an edition file: every document's header; a value counts only when they all give the same. */
  documents: readonly { path: string; root: XmlElement }[];
  /** The edition's title and subtitle, as the site shows them. */
  title: string;
  subtitle: string;
  /** The config's identifier, when it has one. */
  identifier?: string;
  /** The build's instant (ISO 8601, UTC). */
  instant: string;
  payload: readonly { bytes: Uint8Array }[];
  /** `name version` of the tool, for Bag-Software-Agent. */
  agent: string;
}

/** The value every header gives alike, or undefined. */
function shared(values: readonly (string | undefined)[]): string | undefined {
  const distinct = new Set(values);
  return distinct.size === 1 ? values[0] : undefined;
}

/** Phrases joined as sentences: a full stop after each that does not end in one already. */
function sentences(parts: readonly (string | undefined)[]): string {
  const given = parts.filter((p): p is string => Boolean(p));
  return given.map((p, i) => (i < given.length - 1 && !/[.!?…]$/.test(p) ? `${p}.` : p)).join(' ');
}

export function bagInfoFields(input: BagInfoInput): { fields: BagInfoField[]; diagnostics: Diagnostic[] } {
  const headers = input.edition ? [input.edition] : input.documents;
  const facts = headers.map((h) => headerFacts(h.root));
  const publisher = shared(facts.map((f) => f.publisher));
  const idno = shared(facts.map((f) => f.idno));
  const identifier = input.identifier || idno;
  // Only the edition's own header describes the edition; a document's abstract describes the document.
  const description = input.edition ? facts[0]?.description : undefined;
  const about = [input.title, input.subtitle].map((t) => t.trim()).filter(Boolean).join(': ');

  const diagnostics: Diagnostic[] = [];
  const at = input.edition ?? input.documents[0];
  const place = ((): Pick<Diagnostic, 'file' | 'line' | 'column'> => {
    if (!at) return { file: 'bag-info.txt' };
    const stmt = teiPath(at.root, ['teiHeader', 'fileDesc', 'publicationStmt']) ?? teiPath(at.root, ['teiHeader']) ?? at.root;
    return { file: at.path, line: stmt.line, column: stmt.column };
  })();
  const whose = input.edition ? 'the edition’s header' : 'the documents’ headers';
  if (!publisher) {
    diagnostics.push({
      ...place,
      severity: 'warning',
      ruleId: 'deposit/bag-info',
      message: `bag-info.txt has no Source-Organization: ${whose} name${input.edition ? 's' : ''} no ${input.edition ? '' : 'common '}publisher; add teiHeader/fileDesc/publicationStmt/publisher${input.edition ? ' to the edition file' : ''}`,
    });
  }
  if (!identifier) {
    diagnostics.push({
      ...place,
      severity: 'warning',
      ruleId: 'deposit/bag-info',
      message: `bag-info.txt has no External-Identifier: the config has no "identifier" and ${whose} give${input.edition ? 's' : ''} no ${input.edition ? '' : 'common '}publicationStmt/idno; add one of them`,
    });
  }

  const octets = input.payload.reduce((sum, f) => sum + f.bytes.length, 0);
  const fields: BagInfoField[] = [
    ...(publisher ? [{ name: 'Source-Organization', value: publisher }] : []),
    ...(about || description ? [{ name: 'External-Description', value: sentences([about, description]) }] : []),
    { name: 'Bagging-Date', value: input.instant.slice(0, 10) },
    ...(identifier ? [{ name: 'External-Identifier', value: identifier }] : []),
    { name: 'Bag-Size', value: humanSize(octets) },
    { name: 'Payload-Oxum', value: payloadOxum(input.payload) },
    { name: 'Bag-Software-Agent', value: input.agent },
  ];
  return { fields, diagnostics };
}
