// cmif.xml: the letters of the edition in the Correspondence Metadata Interchange Format 1.1, what
// correspSearch harvests. One correspDesc per correspondence description of a document, with its sending
// and receiving: persons, organisations and places with @ref only when it is an authority's URI (given on
// the name, or by an idno of the register entry the name points to), never an id of the edition's own;
// dates with the dating attributes of the source.
import path from 'node:path';
import type { Diagnostic } from '../../../diagnostics/diagnostic.js';
import type { SourceFile } from '../../../read/load.js';
import { attribute, childElements, TEI_NAMESPACE, xmlId, type XmlElement } from '../../../read/tree.js';
import { pageUrl } from '../../../render/metadata.js';
import type { DepositContext } from '../deposit-model.js';
import type { DocumentDescription, EditionDescription } from './edition.js';
import { CMIF_LICENCE } from './licences.js';
import { descendantsNamed, norm, textWithout } from './tei-header.js';
import { el, xmlDocument, type XElement } from './xml-writer.js';

// Authorities whose identifiers CMIF asks for, in the order one is preferred when an entry gives several,
// each with the address a bare identifier stands for and the hosts its URIs are on. An entry's idno names
// its authority by @type (type="GND") or by @subtype (type="URL" subtype="gnd"), else by its URI's host.
const AUTHORITIES: readonly { names: readonly string[]; prefix: string; hosts: RegExp }[] = [
  { names: ['gnd'], prefix: 'https://d-nb.info/gnd/', hosts: /^https?:\/\/d-nb\.info\/gnd\//i },
  { names: ['geonames'], prefix: 'https://www.geonames.org/', hosts: /^https?:\/\/(www\.|sws\.)?geonames\.org\//i },
  { names: ['viaf'], prefix: 'https://viaf.org/viaf/', hosts: /^https?:\/\/(www\.)?viaf\.org\/viaf\//i },
  { names: ['lc', 'lcnaf', 'loc'], prefix: 'https://id.loc.gov/authorities/names/', hosts: /^https?:\/\/id\.loc\.gov\/authorities\//i },
  { names: ['wikidata'], prefix: 'https://www.wikidata.org/entity/', hosts: /^https?:\/\/(www\.)?wikidata\.org\/(entity|wiki)\//i },
  { names: ['isni'], prefix: 'https://isni.org/isni/', hosts: /^https?:\/\/(www\.)?isni\.org\/isni\//i },
  { names: ['bnf'], prefix: 'https://catalogue.bnf.fr/ark:/12148/', hosts: /^https?:\/\/(catalogue|data)\.bnf\.fr\/ark:\/12148\//i },
  { names: ['tgn'], prefix: 'http://vocab.getty.edu/tgn/', hosts: /^https?:\/\/vocab\.getty\.edu\/tgn\//i },
  { names: ['ulan'], prefix: 'http://vocab.getty.edu/ulan/', hosts: /^https?:\/\/vocab\.getty\.edu\/ulan\//i },
];
const isWeb = (v: string): boolean => /^https?:\/\/\S+$/i.test(v);

/** The authority URI an idno of a register entry gives, and the rank of its authority; undefined for any other idno. */
function authorityUri(idno: XmlElement): { uri: string; rank: number } | undefined {
  const names = [attribute(idno, 'type'), attribute(idno, 'subtype')].map((v) => norm(v ?? '').toLowerCase());
  const value = textWithout(idno).replace(/\s/g, '');
  if (!value) return undefined;
  for (const [rank, authority] of AUTHORITIES.entries()) {
    if (names.some((n) => authority.names.includes(n))) return { uri: isWeb(value) ? value : `${authority.prefix}${value}`, rank };
    if (authority.hosts.test(value)) return { uri: value, rank };
  }
  return undefined;
}

/** Finds register entries (and other elements) by pointer: file.xml#id relative to the file that points. */
class EntryIndex {
  private readonly byFile = new Map<string, Map<string, XmlElement>>();
  constructor(private readonly files: readonly SourceFile[]) {}

  private ids(file: string): Map<string, XmlElement> | undefined {
    let ids = this.byFile.get(file);
    if (!ids) {
      const source = this.files.find((s) => s.absolutePath === file);
      if (!source) return undefined;
      ids = new Map();
      const stack: XmlElement[] = [source.document.root];
      while (stack.length > 0) {
        const e = stack.pop()!;
        const id = xmlId(e);
        if (id !== undefined && !ids.has(id)) ids.set(id, e);
        stack.push(...childElements(e));
      }
      this.byFile.set(file, ids);
    }
    return ids;
  }

  find(pointer: string, from: SourceFile): XmlElement | undefined {
    const hash = pointer.indexOf('#');
    if (hash < 0 || /^[a-z][a-z0-9+.-]*:/i.test(pointer)) return undefined;
    const file = pointer.slice(0, hash);
    const target = file === '' ? from.absolutePath : path.resolve(path.dirname(from.absolutePath), decodeURIComponent(file));
    return this.ids(target)?.get(decodeURIComponent(pointer.slice(hash + 1)));
  }
}

/** The authority URI of a name: an http(s) URI in its @ref, else the preferred one its register entry gives. */
function nameRef(name: XmlElement, from: SourceFile, index: EntryIndex): string | undefined {
  const tokens = norm(attribute(name, 'ref') ?? '')
    .split(' ')
    .filter(Boolean);
  const direct = tokens.find(isWeb);
  if (direct) return direct;
  for (const token of tokens) {
    const entry = index.find(token, from);
    if (!entry) continue;
    const found = descendantsNamed(entry, 'idno')
      .map(authorityUri)
      .filter((a): a is { uri: string; rank: number } => a !== undefined)
      .sort((a, b) => a.rank - b.rank)[0];
    if (found) return found.uri;
  }
  return undefined;
}

const NAMES = new Set(['persName', 'orgName', 'placeName', 'name']);
const DATING = ['when', 'from', 'to', 'notBefore', 'notAfter'] as const;

/** CMIF 1.1 allows @cert only as "low" and @evidence only as "conjecture": other values are left out. */
function editorial(e: XmlElement): Record<string, string | undefined> {
  return {
    cert: attribute(e, 'cert') === 'low' ? 'low' : undefined,
    evidence: attribute(e, 'evidence') === 'conjecture' ? 'conjecture' : undefined,
  };
}

function action(source: XmlElement, type: 'sent' | 'received', from: SourceFile, index: EntryIndex): XElement | undefined {
  const parts: XElement[] = [];
  for (const c of childElements(source)) {
    if (c.namespace !== TEI_NAMESPACE) continue;
    if (NAMES.has(c.localName)) {
      const text = textWithout(c);
      if (!text) continue;
      const ref = nameRef(c, from, index);
      parts.push(el(c.localName, { ...(ref ? { ref } : {}), ...editorial(c) }, text));
    } else if (c.localName === 'date') {
      const dating: Record<string, string | undefined> = {};
      for (const a of DATING) {
        const v = norm(attribute(c, a) ?? '');
        if (v) dating[a] = v;
      }
      // A date without a dating attribute says nothing correspSearch can read (CMIF's Schematron refuses it).
      if (Object.keys(dating).length > 0) parts.push(el('date', { ...dating, ...editorial(c) }));
    }
  }
  return parts.length > 0 ? el('correspAction', { type }, parts) : undefined;
}

export interface CmifResult {
  content?: string;
  diagnostics: Diagnostic[];
}

/** The id of the edition's bibl: the config's UUID where it has one (CMIF asks for a UUID), else the slug. */
function biblId(edition: EditionDescription, slug: string): string {
  const uuid = /^urn:uuid:([0-9a-f-]{36})$/i.exec(edition.configIdentifier ?? '')?.[1];
  return `edition-${(uuid ?? slug).toLowerCase().replace(/[^a-z0-9._-]/g, '-')}`;
}

export function cmifDocument(edition: EditionDescription, context: DepositContext): CmifResult {
  const diagnostics: Diagnostic[] = [];
  const letters = edition.documents.filter((d) => d.source && d.header && d.header.correspDescs.length > 0);
  if (letters.length === 0) return { diagnostics };
  const editors = edition.editors.length > 0 ? edition.editors : edition.authors;
  const licence = edition.licence;
  if (editors.length === 0 || edition.publishers.length === 0 || !licence?.target) return { diagnostics };
  if (licence.known?.spdx !== CMIF_LICENCE) {
    const at = edition.at.publicationStmt ?? edition.at.header;
    diagnostics.push({
      file: edition.file,
      ...(at ? { line: at.line, column: at.column } : {}),
      severity: 'info',
      ruleId: 'deposit/cmif-licence',
      message: `correspSearch asks for CMIF files under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/); cmif.xml carries the licence the header states (${licence.target}), which is not that one`,
    });
  }

  const index = new EntryIndex([...(context.edition ? [context.edition] : []), ...context.documents, ...context.registers]);
  const bibl = biblId(edition, context.slug);
  const descriptions: XElement[] = [];
  for (const d of letters) descriptions.push(...letterDescriptions(d, bibl, pageUrl(context.model, d.page) ?? d.page, index, diagnostics));
  if (descriptions.length === 0) return { diagnostics };

  const root = el(
    'TEI',
    { xmlns: TEI_NAMESPACE },
    el(
      'teiHeader',
      {},
      el(
        'fileDesc',
        {},
        el('titleStmt', {}, el('title', {}, edition.subtitle ? `${edition.title}: ${edition.subtitle}` : edition.title), editors.map((a) => el('editor', {}, a.email ? [`${a.name} `, el('email', {}, a.email)] : a.name))),
        el(
          'publicationStmt',
          {},
          edition.publishers.map((p) => el('publisher', {}, p)),
          // The file's own address is where it is published, which only its publisher knows: its name here.
          el('idno', { type: 'url' }, 'cmif.xml'),
          el('date', { when: context.instant }),
          el('availability', {}, el('licence', { target: licence.target }, licence.text || licence.known?.name || licence.target)),
        ),
        el('sourceDesc', {}, el('bibl', { type: 'online', 'xml:id': bibl }, el('title', {}, edition.title), edition.baseUrl ? [', ', el('ref', { target: edition.baseUrl }, edition.baseUrl)] : undefined)),
      ),
      el('profileDesc', {}, descriptions),
    ),
    el('text', {}, el('body', {}, el('p'))),
  );
  return { content: xmlDocument(root), diagnostics };
}

/** `ref`: the letter's page, its address when the edition has a base URL, else its path in the site. */
function letterDescriptions(d: DocumentDescription, bibl: string, ref: string, index: EntryIndex, diagnostics: Diagnostic[]): XElement[] {
  const out: XElement[] = [];
  const source = d.source!;
  for (const corresp of d.header!.correspDescs) {
    const actions = childElements(corresp).filter((c) => c.namespace === TEI_NAMESPACE && c.localName === 'correspAction');
    const sent = actions.filter((a) => attribute(a, 'type') === 'sent').map((a) => action(a, 'sent', source, index)).filter((a): a is XElement => a !== undefined);
    const received = actions.filter((a) => attribute(a, 'type') === 'received').map((a) => action(a, 'received', source, index)).filter((a): a is XElement => a !== undefined);
    const lacking = [sent.length === 0 ? 'sent' : '', received.length === 0 ? 'received' : ''].filter(Boolean);
    if (lacking.length > 0) {
      diagnostics.push({
        file: source.path,
        line: corresp.line,
        column: corresp.column,
        severity: 'warning',
        ruleId: 'deposit/cmif-letter',
        message: `this correspDesc has no ${lacking.map((t) => `correspAction[@type='${t}']`).join(' and no ')} with a name, a place or a dated date (@when, @from, @to, @notBefore or @notAfter), which CMIF requires: add one; the letter is left out of cmif.xml`,
      });
      continue;
    }
    out.push(el('correspDesc', { ref, source: `#${bibl}` }, sent, received));
  }
  return out;
}
