// datacite.xml: the edition in the DataCite Metadata Schema 4.7 (namespace kernel-4). Its mandatory
// properties (identifier, creators, titles, publisher, publicationYear, resourceType) come from the header;
// without creators, a publisher or any identifier the record is not written (edition.ts reports why).
import type { EditionDescription } from './edition.js';
import { typedIdentifier, type TypedIdentifier } from './identifiers.js';
import { EDITION_GENRE, XSI_NS } from './mods.js';
import type { Agent } from './tei-header.js';
import { el, textEl, xmlDocument, type XElement } from './xml-writer.js';

export const DATACITE_NS = 'http://datacite.org/schema/kernel-4';
const DATACITE_SCHEMA = 'https://schema.datacite.org/meta/kernel-4/metadata.xsd';

/** The edition is text to be read, whatever files carry it: "Text", with the genre as its resource type. */
export const RESOURCE_TYPE_GENERAL = 'Text';

function nameParts(a: Agent, nameElement: 'creatorName' | 'contributorName'): XElement[] {
  const nameType = a.kind === 'person' ? 'Personal' : a.kind === 'organisation' ? 'Organizational' : undefined;
  return [
    el(nameElement, { nameType }, a.name),
    textEl('givenName', a.given),
    textEl('familyName', a.family),
    a.orcid ? el('nameIdentifier', { nameIdentifierScheme: 'ORCID', schemeURI: 'https://orcid.org' }, `https://orcid.org/${a.orcid}`) : undefined,
    textEl('affiliation', a.affiliation),
  ].filter((x): x is XElement => x !== undefined);
}

interface Related {
  type: string;
  value: string;
  relation: string;
}

function relatedIdentifiers(edition: EditionDescription): Related[] {
  const out: Related[] = [];
  const add = (id: TypedIdentifier | undefined, relation: string): void => {
    if (id && !out.some((r) => r.type === id.kind && r.value === id.value && r.relation === relation)) out.push({ type: id.kind, value: id.value, relation });
  };
  // The edition on the web: the deposit is the same edition in another form.
  if (edition.baseUrl) add({ kind: 'URL', value: edition.baseUrl }, 'IsVariantFormOf');
  // The sources the header describes: the edition is made from them.
  for (const s of edition.sources) {
    for (const i of s.identifiers) add(typedIdentifier(i), 'IsDerivedFrom');
    for (const u of s.urls) add({ kind: 'URL', value: u }, 'IsDerivedFrom');
  }
  // The documents' own identifiers (their headers' publicationStmt/idno): the deposit holds them.
  for (const d of edition.documents) for (const i of d.header?.identifiers ?? []) add(typedIdentifier(i), 'HasPart');
  return out;
}

export function dataciteDocument(edition: EditionDescription): string | undefined {
  const primary = edition.doi ? { kind: 'DOI', value: edition.doi } : edition.fallbackIdentifier;
  if (!primary || edition.creators.length === 0 || edition.publishers.length === 0) return undefined;

  const alternates: { type: string; value: string }[] = [];
  const addAlternate = (type: string, value: string): void => {
    if (value !== primary.value && !alternates.some((a) => a.value === value)) alternates.push({ type, value });
  };
  if (edition.configIdentifier) addAlternate(edition.fallbackIdentifier?.kind ?? 'Other', edition.fallbackIdentifier?.value ?? edition.configIdentifier);
  for (const i of edition.identifiers) {
    if (i.type.toLowerCase() === 'doi') continue;
    const typed = typedIdentifier(i);
    addAlternate(typed?.kind ?? (i.type || 'local'), typed?.value ?? i.value);
  }
  const contributors = edition.authors.length > 0 ? edition.editors : [];
  const licence = edition.licence;
  const descriptions: XElement[] = [
    edition.abstract.length > 0 ? el('description', { descriptionType: 'Abstract' }, edition.abstract.join('\n\n')) : undefined,
    edition.projectDesc.length > 0 ? el('description', { descriptionType: 'Other' }, edition.projectDesc.join('\n\n')) : undefined,
    edition.series ? el('description', { descriptionType: 'SeriesInformation' }, edition.series) : undefined,
    edition.documents.length > 1 ? el('description', { descriptionType: 'TableOfContents' }, edition.documents.map((d) => d.title).join('\n')) : undefined,
  ].filter((x): x is XElement => x !== undefined);
  const related = relatedIdentifiers(edition);
  const language = edition.languages[0]?.ident;

  return xmlDocument(
    el(
      'resource',
      { xmlns: DATACITE_NS, 'xmlns:xsi': XSI_NS, 'xsi:schemaLocation': `${DATACITE_NS} ${DATACITE_SCHEMA}` },
      el('identifier', { identifierType: primary.kind }, primary.value),
      el('creators', {}, edition.creators.map((a) => el('creator', {}, nameParts(a, 'creatorName')))),
      el('titles', {}, el('title', {}, edition.title), edition.subtitle ? el('title', { titleType: 'Subtitle' }, edition.subtitle) : undefined),
      el('publisher', {}, edition.publishers.join('; ')),
      el('publicationYear', {}, edition.releaseYear),
      el('resourceType', { resourceTypeGeneral: RESOURCE_TYPE_GENERAL }, EDITION_GENRE),
      edition.keywords.length > 0 ? el('subjects', {}, edition.keywords.map((k) => el('subject', {}, k))) : undefined,
      contributors.length > 0 ? el('contributors', {}, contributors.map((a) => el('contributor', { contributorType: 'Editor' }, nameParts(a, 'contributorName')))) : undefined,
      edition.date ? el('dates', {}, el('date', { dateType: 'Issued' }, edition.date)) : undefined,
      language && /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(language) ? el('language', {}, language) : undefined,
      alternates.length > 0 ? el('alternateIdentifiers', {}, alternates.map((a) => el('alternateIdentifier', { alternateIdentifierType: a.type }, a.value))) : undefined,
      related.length > 0 ? el('relatedIdentifiers', {}, related.map((r) => el('relatedIdentifier', { relatedIdentifierType: r.type, relationType: r.relation }, r.value))) : undefined,
      edition.mediaTypes.length > 0 ? el('formats', {}, edition.mediaTypes.map((m) => el('format', {}, m))) : undefined,
      textEl('version', edition.version),
      licence || edition.rightsNotes.length > 0
        ? el(
            'rightsList',
            {},
            licence
              ? el(
                  'rights',
                  {
                    rightsURI: licence.target,
                    ...(licence.known ? { rightsIdentifier: licence.known.spdx, rightsIdentifierScheme: 'SPDX', schemeURI: 'https://spdx.org/licenses/' } : {}),
                  },
                  licence.text || licence.known?.name || '',
                )
              : undefined,
            edition.rightsNotes.map((n) => el('rights', {}, n)),
          )
        : undefined,
      descriptions.length > 0 ? el('descriptions', {}, descriptions) : undefined,
    ),
  );
}
