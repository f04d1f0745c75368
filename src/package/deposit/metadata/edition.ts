// The edition as every record describes it, from its header (the edition file's; without one, what the
// documents' headers say in common) and the site model (titles it shows, document order, pages, base URL).
// What a record requires and the header lacks is reported here, once, naming the TEI element to add.
import type { Diagnostic, Severity } from '../../../diagnostics/diagnostic.js';
import type { SourceFile } from '../../../read/load.js';
import type { DepositContext, PayloadFile } from '../deposit-model.js';
import { bareDoi, kindOfValue, typedIdentifier, type TypedIdentifier } from './identifiers.js';
import { knownLicence, type KnownLicence } from './licences.js';
import { commonHeader, readHeader, type Agent, type HeaderFields, type Place } from './tei-header.js';

export interface DocumentDescription {
  key: string;
  /** 1-based, the site's order. */
  order: number;
  page: string;
  title: string;
  /** text/@type; else "correspondence" for a document with a correspDesc; else "document". */
  kind: string;
  source?: SourceFile;
  header?: HeaderFields;
  /** The payload files that belong to it (its TEI source, its page …). */
  files: PayloadFile[];
}

export interface EditionDescription {
  title: string;
  subtitle?: string;
  series?: string;
  /** The authors; without any, the editors. */
  creators: Agent[];
  authors: Agent[];
  editors: Agent[];
  /** Named in respStmt, with what they did. */
  contributors: Agent[];
  publishers: string[];
  pubPlaces: string[];
  /** The header's date of publication (W3C form), when it gives one. */
  date?: string;
  /** The day and year a record that needs one gives: the header's, else the build's. */
  releaseDate: string;
  releaseYear: string;
  /** The header's DOI (10.prefix/suffix). */
  doi?: string;
  /** The header's identifiers (publicationStmt/idno), as written. */
  identifiers: HeaderFields['identifiers'];
  /** The identifier a record that needs one is given when there is no DOI (the config's, else the header's). */
  fallbackIdentifier?: TypedIdentifier | { kind: 'Other'; value: string };
  /** The config's identifier (urn:uuid:…). */
  configIdentifier?: string;
  licence?: HeaderFields['licence'] & { known?: KnownLicence };
  rightsNotes: string[];
  languages: HeaderFields['languages'];
  sources: HeaderFields['sources'];
  abstract: string[];
  projectDesc: string[];
  keywords: string[];
  version?: string;
  baseUrl?: string;
  documents: DocumentDescription[];
  /** The media types of the payload, sorted. */
  mediaTypes: string[];
  /** The edition file, when the edition has one (its header goes into METS too). */
  editionSource?: SourceFile;
  /** The header diagnostics point into. */
  file: string;
  at: HeaderFields['at'];
  header: HeaderFields;
}

function documentKind(header: HeaderFields | undefined): string {
  if (header?.textType) return header.textType;
  return header && header.correspDescs.length > 0 ? 'correspondence' : 'document';
}

const FULL_DAY = /^\d{4}-\d{2}-\d{2}/;

export function describeEdition(context: DepositContext): { edition: EditionDescription; diagnostics: Diagnostic[] } {
  const { model } = context;
  const byPath = new Map(context.documents.map((s) => [s.path, s]));
  const documents: DocumentDescription[] = model.documents.map((d, i) => {
    const source = byPath.get(d.source);
    const header = source ? readHeader(source.document.root) : undefined;
    return {
      key: d.key,
      order: i + 1,
      page: d.page,
      title: d.data.title || d.key,
      kind: documentKind(header),
      ...(source ? { source } : {}),
      ...(header ? { header } : {}),
      files: context.payload.filter((p) => p.document === d.key),
    };
  });
  const documentHeaders = documents.map((d) => d.header).filter((h): h is HeaderFields => h !== undefined);
  const header = context.edition ? readHeader(context.edition.document.root) : commonHeader(documentHeaders);
  const file = context.edition?.path ?? documents.find((d) => d.source)?.source?.path ?? model.slug;

  const authors = header.agents.filter((a) => a.role === 'author');
  const editors = header.agents.filter((a) => a.role === 'editor');
  const contributors = header.agents.filter((a) => a.role === 'contributor');
  const doiIdno = header.identifiers.find((i) => i.type.toLowerCase() === 'doi');
  const doi = doiIdno ? bareDoi(doiIdno.value) : undefined;
  const config = context.identifier?.trim() || undefined;
  const configKind = config ? kindOfValue(config) : undefined;
  const headerTyped = header.identifiers.map(typedIdentifier).filter((t): t is TypedIdentifier => t !== undefined && t.kind !== 'DOI' && t.kind !== 'ISBN' && t.kind !== 'ISSN');
  const fallbackIdentifier: EditionDescription['fallbackIdentifier'] = config ? (configKind ? { kind: configKind, value: configKind === 'DOI' ? bareDoi(config)! : config } : { kind: 'Other', value: config }) : headerTyped[0];
  const known = knownLicence(header.licence?.target);
  const instantDay = context.instant.slice(0, 10);
  const releaseDate = header.date && FULL_DAY.test(header.date) ? header.date.slice(0, 10) : instantDay;
  // DataCite's publicationYear is four digits: a year before 1000 or the common era cannot be one.
  const headerYear = header.date?.slice(0, 4);
  const releaseYear = headerYear && /^\d{4}$/.test(headerYear) ? headerYear : instantDay.slice(0, 4);
  // The edition file's keywords, and those of its documents: the subjects of the edition.
  const keywords = [...new Set([...header.keywords, ...(context.edition ? documentHeaders.flatMap((h) => h.keywords) : [])])];

  // The header's titles; without a main title, the site's (a folder's common series, or its name).
  const subtitle = header.titles.main ? header.titles.sub : model.subtitle || undefined;
  const edition: EditionDescription = {
    title: header.titles.main || model.title,
    ...(subtitle ? { subtitle } : {}),
    ...(header.titles.series ? { series: header.titles.series } : {}),
    creators: authors.length > 0 ? authors : editors,
    authors,
    editors,
    contributors,
    publishers: header.publishers,
    pubPlaces: header.pubPlaces,
    ...(header.date ? { date: header.date } : {}),
    releaseDate,
    releaseYear,
    ...(doi ? { doi } : {}),
    identifiers: header.identifiers,
    ...(fallbackIdentifier ? { fallbackIdentifier } : {}),
    ...(config ? { configIdentifier: config } : {}),
    ...(header.licence ? { licence: { ...header.licence, ...(known ? { known } : {}) } } : {}),
    rightsNotes: header.rightsNotes,
    languages: header.languages,
    sources: header.sources,
    abstract: header.abstract,
    projectDesc: header.projectDesc,
    keywords,
    ...(header.edition ? { version: header.edition } : {}),
    ...(model.baseUrl ? { baseUrl: model.baseUrl } : {}),
    documents,
    mediaTypes: [...new Set(context.payload.map((p) => p.mime))].sort(),
    ...(context.edition ? { editionSource: context.edition } : {}),
    file,
    at: header.at,
    header,
  };
  return { edition, diagnostics: headerDiagnostics(edition, context, documentHeaders, doiIdno?.value) };
}

function headerDiagnostics(edition: EditionDescription, context: DepositContext, documentHeaders: readonly HeaderFields[], doiValue: string | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  const folder = !context.edition;
  // Whose header lacks the field: the edition file's, the one document's, or what the documents share.
  const several = folder && documentHeaders.length > 1;
  const whose = (field: string): string => (several ? `the documents’ headers have no ${field} in common` : `the ${folder ? 'document’s' : 'edition’s'} header gives no ${field}`);
  const at = (where: Place | undefined): Pick<Diagnostic, 'line' | 'column'> => (where ? { line: where.line, column: where.column } : {});
  const report = (ruleId: string, severity: Severity, where: Place | undefined, message: string): void => {
    out.push({ file: edition.file, ...at(where), severity, ruleId, message });
  };
  const differ = (has: (h: HeaderFields) => boolean): string => (several && documentHeaders.every(has) ? ' (each gives one, not the same)' : '');

  if (edition.creators.length === 0) {
    report('deposit/missing-editor', 'warning', edition.at.titleStmt ?? edition.at.header, `${whose('editor or author')}: add titleStmt/editor (or titleStmt/author). datacite.xml, zenodo.json, CITATION.cff and cmif.xml each require one and are not written; mets.xml names no one`);
  }
  if (edition.publishers.length === 0) {
    report('deposit/missing-publisher', 'warning', edition.at.publicationStmt ?? edition.at.header, `${whose('publisher')}${differ((h) => h.publishers.length > 0)}: add publicationStmt/publisher. datacite.xml and cmif.xml require one and are not written; mets.xml and zenodo.json name no publisher`);
  }
  if (!edition.licence) {
    report('deposit/missing-licence', 'warning', edition.at.publicationStmt ?? edition.at.header, `${whose('licence')}${differ((h) => h.licence !== undefined)}: add publicationStmt/availability/licence with @target, the licence’s URL. The records state no rights; zenodo.json asks for closed access (Zenodo would otherwise apply a licence of its own); cmif.xml, which requires one, is not written`);
  } else if (!edition.licence.known) {
    const target = edition.licence.target;
    report('deposit/unknown-licence', 'warning', edition.at.publicationStmt ?? edition.at.header, `${target ? `the licence’s @target (${target}) is not a licence whose SPDX id is known (a Creative Commons licence or CC0 at creativecommons.org, or an spdx.org/licenses/ page)` : 'the licence has no @target naming its URL'}: give licence/@target as such a URL if it is one. zenodo.json asks for closed access and CITATION.cff names no licence; the other records give the licence’s text${target ? ' and URL' : ', and cmif.xml, which requires the URL, is not written'}`);
  }
  if (!edition.date) {
    report('deposit/missing-date', 'info', edition.at.publicationStmt ?? edition.at.header, `${whose('date of publication')}${differ((h) => h.date !== undefined)}: add publicationStmt/date with @when. The build’s date (${edition.releaseDate}) stands for it in datacite.xml (publicationYear), zenodo.json (publication_date) and CITATION.cff (date-released); mets.xml gives none`);
  } else if (!FULL_DAY.test(edition.date)) {
    report('deposit/missing-date', 'info', edition.at.publicationStmt ?? edition.at.header, `the date of publication (${edition.date}) is not a full date: zenodo.json (publication_date) and CITATION.cff (date-released), which need a day, take the build’s date (${edition.releaseDate}); give publicationStmt/date/@when as YYYY-MM-DD if the day is known`);
  }
  if (!edition.doi) {
    const given = doiValue !== undefined ? ` (the idno of type DOI, “${doiValue}”, is not a DOI of the form 10.prefix/suffix)` : '';
    const fallback = edition.fallbackIdentifier;
    const datacite = fallback ? `datacite.xml identifies the edition by ${fallback.value} (identifierType ${fallback.kind}) until then, and a DataCite registration replaces it with the DOI` : 'datacite.xml, which requires an identifier, is not written (the config has no identifier either)';
    report('deposit/missing-doi', 'info', edition.at.publicationStmt ?? edition.at.header, `no DOI${given}: add publicationStmt/idno[@type='DOI'] once one is reserved. ${datacite}; zenodo.json lets Zenodo register one; CITATION.cff gives none`);
  }
  if (edition.abstract.length === 0 && edition.projectDesc.length === 0) {
    report('deposit/missing-abstract', 'info', edition.at.profileDesc ?? edition.at.header, `${whose('abstract')}: add profileDesc/abstract (or encodingDesc/projectDesc). zenodo.json, which requires a description, describes the edition by the list of its documents; the other records give no abstract`);
  }
  if (!edition.baseUrl) {
    out.push({
      file: edition.file,
      severity: 'info',
      ruleId: 'deposit/missing-base-url',
      message: 'the edition has no public address: set baseUrl in edition.config.json (or build --base-url). cmif.xml points to each letter by the path of its page in the site, where correspSearch needs an address; datacite.xml, zenodo.json, mods.xml and CITATION.cff give no address of the edition',
    });
  }
  return out;
}
