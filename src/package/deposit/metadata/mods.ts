// The edition as a MODS 3.8 record (carried in mets.xml, and as mods.xml): title, everyone the header
// names with their roles, publication, languages, media types, abstract, subjects, identifiers, rights and
// the sources the header describes. Only what the header says; an element it gives nothing for is left out.
import type { EditionDescription } from './edition.js';
import { typedIdentifier } from './identifiers.js';
import type { Agent, SourceItem } from './tei-header.js';
import { el, textEl, xmlDocument, type XElement } from './xml-writer.js';

export const MODS_NS = 'http://www.loc.gov/mods/v3';
export const XLINK_NS = 'http://www.w3.org/1999/xlink';
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
export const MODS_SCHEMA = 'http://www.loc.gov/standards/mods/v3/mods-3-8.xsd';

/** What the edition is, in the words of every record (MODS genre, DataCite's resource type). */
export const EDITION_GENRE = 'digital scholarly edition';

const MODS_IDENTIFIER_TYPES: Readonly<Record<string, string>> = { DOI: 'doi', Handle: 'hdl', URN: 'urn', URL: 'uri', ISBN: 'isbn', ISSN: 'issn', ARK: 'ark', PURL: 'purl' };

/** MODS's identifier type for a TEI idno: the MODS term for a kind it knows, else the idno's own type. */
function identifierType(type: string, value: string): string | undefined {
  const typed = typedIdentifier({ type, value });
  if (typed) return MODS_IDENTIFIER_TYPES[typed.kind];
  return type || undefined;
}

interface NamedAgent {
  agent: Agent;
  roles: XElement[];
}

/** Everyone the header names, once each, with every role it gives them: the relator code for author and editor, the stated responsibility as text. */
function names(edition: EditionDescription): NamedAgent[] {
  const out: NamedAgent[] = [];
  const add = (agent: Agent, role: XElement): void => {
    let named = out.find((n) => n.agent.name === agent.name);
    if (!named) out.push((named = { agent, roles: [] }));
    named.roles.push(role);
  };
  const term = (type: 'code' | 'text', value: string): XElement =>
    el('mods:role', {}, el('mods:roleTerm', type === 'code' ? { type, authority: 'marcrelator', authorityURI: 'http://id.loc.gov/vocabulary/relators' } : { type }, value));
  for (const a of edition.authors) add(a, term('code', 'aut'));
  for (const a of edition.editors) {
    add(a, term('code', 'edt'));
    if (a.statedRole && a.statedRole.toLowerCase() !== 'editor') add(a, term('text', a.statedRole));
  }
  for (const a of edition.contributors) add(a, a.statedRole ? term('text', a.statedRole) : term('code', 'ctb'));
  return out;
}

function nameElement({ agent, roles }: NamedAgent): XElement {
  const parts = agent.given || agent.family ? [textEl('mods:namePart', agent.family, { type: 'family' }), textEl('mods:namePart', agent.given, { type: 'given' })] : [el('mods:namePart', {}, agent.name)];
  return el(
    'mods:name',
    { type: agent.kind === 'person' ? 'personal' : agent.kind === 'organisation' ? 'corporate' : undefined },
    parts,
    textEl('mods:affiliation', agent.affiliation),
    roles,
    agent.orcid ? el('mods:nameIdentifier', { type: 'orcid' }, `https://orcid.org/${agent.orcid}`) : undefined,
  );
}

function relatedSource(source: SourceItem): XElement {
  const physicalLocation = [source.repository, source.settlement].filter(Boolean).join(', ');
  const location = physicalLocation || source.shelfmark || source.urls.length > 0;
  return el(
    'mods:relatedItem',
    { type: 'original' },
    source.title ? el('mods:titleInfo', {}, el('mods:title', {}, source.title)) : undefined,
    source.publisher || source.date ? el('mods:originInfo', {}, textEl('mods:publisher', source.publisher), textEl('mods:dateIssued', source.date, { encoding: 'w3cdtf' })) : undefined,
    source.identifiers.map((i) => el('mods:identifier', { type: identifierType(i.type, i.value) }, i.value)),
    location
      ? el('mods:location', {}, textEl('mods:physicalLocation', physicalLocation), textEl('mods:shelfLocator', source.shelfmark), source.urls.map((u) => el('mods:url', {}, u)))
      : undefined,
    textEl('mods:note', source.text),
  );
}

/** The MODS record of the edition (prefix `mods:`; the caller declares the namespaces). */
export function modsRecord(edition: EditionDescription, attributes: Readonly<Record<string, string>> = {}): XElement {
  const licence = edition.licence;
  const identifiers = [...edition.identifiers.filter((i) => !(edition.doi && i.type.toLowerCase() === 'doi')).map((i) => ({ type: identifierType(i.type, i.value), value: i.value }))];
  if (edition.configIdentifier && !identifiers.some((i) => i.value === edition.configIdentifier)) identifiers.push({ type: identifierType('', edition.configIdentifier) ?? 'local', value: edition.configIdentifier });
  const place = edition.pubPlaces.map((p) => el('mods:place', {}, el('mods:placeTerm', { type: 'text' }, p)));
  const originInfo = place.length > 0 || edition.publishers.length > 0 || edition.date || edition.version;
  return el(
    'mods:mods',
    { ...attributes, version: '3.8' },
    el('mods:titleInfo', {}, el('mods:title', {}, edition.title), textEl('mods:subTitle', edition.subtitle)),
    names(edition).map(nameElement),
    el('mods:typeOfResource', {}, 'text'),
    el('mods:genre', {}, EDITION_GENRE),
    originInfo
      ? el(
          'mods:originInfo',
          { eventType: 'publication' },
          place,
          edition.publishers.map((p) => el('mods:publisher', {}, p)),
          textEl('mods:dateIssued', edition.date, { encoding: 'w3cdtf', keyDate: 'yes' }),
          textEl('mods:edition', edition.version),
        )
      : undefined,
    edition.languages.map((l) => el('mods:language', {}, el('mods:languageTerm', { type: 'code', authority: 'rfc5646' }, l.ident), textEl('mods:languageTerm', l.text, { type: 'text' }))),
    edition.mediaTypes.length > 0 ? el('mods:physicalDescription', {}, edition.mediaTypes.map((m) => el('mods:internetMediaType', {}, m))) : undefined,
    edition.abstract.map((p) => el('mods:abstract', {}, p)),
    edition.keywords.length > 0 ? el('mods:subject', {}, edition.keywords.map((k) => el('mods:topic', {}, k))) : undefined,
    edition.series ? el('mods:relatedItem', { type: 'series' }, el('mods:titleInfo', {}, el('mods:title', {}, edition.series))) : undefined,
    edition.sources.map(relatedSource),
    edition.doi ? el('mods:identifier', { type: 'doi' }, edition.doi) : undefined,
    identifiers.map((i) => el('mods:identifier', { type: i.type }, i.value)),
    edition.baseUrl ? el('mods:location', {}, el('mods:url', { usage: 'primary' }, edition.baseUrl)) : undefined,
    licence ? el('mods:accessCondition', { type: 'use and reproduction', 'xlink:href': licence.target }, licence.text || licence.known?.name || licence.target || '') : undefined,
    edition.rightsNotes.map((n) => el('mods:accessCondition', { type: 'use and reproduction' }, n)),
  );
}

/** mods.xml: the record on its own. */
export function modsDocument(edition: EditionDescription): string {
  return xmlDocument(modsRecord(edition, { 'xmlns:mods': MODS_NS, 'xmlns:xlink': XLINK_NS, 'xmlns:xsi': XSI_NS, 'xsi:schemaLocation': `${MODS_NS} ${MODS_SCHEMA}` }));
}
