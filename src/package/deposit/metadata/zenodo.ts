// zenodo.json: the body of a request to Zenodo's deposit API (`{"metadata": {…}}`, the legacy REST API's
// deposition metadata). An edition is a publication of the kind Zenodo calls "other": neither a book nor
// an article, and more than a dataset (its TEI comes with the site, the EPUB and the PDF made from it).
import type { EditionDescription } from './edition.js';
import { resolvable, typedIdentifier } from './identifiers.js';
import type { Agent } from './tei-header.js';

export const UPLOAD_TYPE = 'publication';
export const PUBLICATION_TYPE = 'other';

// Zenodo names languages by ISO 639-2/3 codes; the header by BCP 47 tags, whose two-letter codes are
// ISO 639-1. These are the ISO 639-1 codes with their ISO 639-3 equivalents; a three-letter tag is kept.
const ISO_639_3: Readonly<Record<string, string>> = {
  ar: 'ara', bg: 'bul', bs: 'bos', ca: 'cat', cs: 'ces', cy: 'cym', da: 'dan', de: 'deu', el: 'ell', en: 'eng', eo: 'epo', es: 'spa', et: 'est',
  eu: 'eus', fa: 'fas', fi: 'fin', fr: 'fra', ga: 'gle', gd: 'gla', gl: 'glg', he: 'heb', hi: 'hin', hr: 'hrv', hu: 'hun', hy: 'hye', is: 'isl',
  it: 'ita', ja: 'jpn', ka: 'kat', ko: 'kor', la: 'lat', lt: 'lit', lv: 'lav', mk: 'mkd', mt: 'mlt', nb: 'nob', nl: 'nld', nn: 'nno', no: 'nor',
  pl: 'pol', pt: 'por', ro: 'ron', ru: 'rus', sa: 'san', sk: 'slk', sl: 'slv', sq: 'sqi', sr: 'srp', sv: 'swe', tr: 'tur', uk: 'ukr', ur: 'urd',
  vi: 'vie', yi: 'yid', zh: 'zho',
};

export function zenodoLanguage(tag: string | undefined): string | undefined {
  const language = (tag ?? '').toLowerCase().split('-')[0] ?? '';
  if (/^[a-z]{3}$/.test(language)) return language;
  return ISO_639_3[language];
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface ZenodoPerson {
  name: string;
  affiliation?: string;
  orcid?: string;
}

function person(a: Agent): ZenodoPerson {
  return { name: a.name, ...(a.affiliation ? { affiliation: a.affiliation } : {}), ...(a.orcid ? { orcid: a.orcid } : {}) };
}

/** The description Zenodo requires: the header's abstract (else its project description), then the documents. */
function description(edition: EditionDescription): string {
  const paragraphs = (edition.abstract.length > 0 ? edition.abstract : edition.projectDesc).map((p) => `<p>${escapeHtml(p)}</p>`);
  const list = edition.documents.length > 0 ? [`<p>Documents:</p>`, `<ol>${edition.documents.map((d) => `<li>${escapeHtml(d.title)}</li>`).join('')}</ol>`] : [];
  return [...paragraphs, ...list].join('\n');
}

export function zenodoDocument(edition: EditionDescription): string | undefined {
  if (edition.creators.length === 0) return undefined;
  const related: { identifier: string; relation: string }[] = [];
  const relate = (identifier: string, relation: string): void => {
    if (!related.some((r) => r.identifier === identifier && r.relation === relation)) related.push({ identifier, relation });
  };
  if (edition.baseUrl) relate(edition.baseUrl, 'isVariantFormOf');
  if (edition.configIdentifier && edition.configIdentifier !== edition.doi) relate(edition.configIdentifier, 'isAlternateIdentifier');
  for (const i of edition.identifiers) {
    const typed = typedIdentifier(i);
    if (typed && typed.kind !== 'DOI' && typed.kind !== 'ISBN' && typed.kind !== 'ISSN') relate(resolvable(typed), 'isAlternateIdentifier');
  }
  for (const s of edition.sources) {
    for (const i of s.identifiers) {
      const typed = typedIdentifier(i);
      if (typed) relate(resolvable(typed), 'isDerivedFrom');
    }
    for (const u of s.urls) relate(u, 'isDerivedFrom');
  }
  for (const d of edition.documents) {
    for (const i of d.header?.identifiers ?? []) {
      const typed = typedIdentifier(i);
      if (typed) relate(resolvable(typed), 'hasPart');
    }
  }
  const licence = edition.licence?.known;
  const language = zenodoLanguage(edition.languages[0]?.ident);
  const notes = edition.rightsNotes.join('\n\n');
  const metadata = {
    upload_type: UPLOAD_TYPE,
    publication_type: PUBLICATION_TYPE,
    publication_date: edition.releaseDate,
    title: edition.subtitle ? `${edition.title}: ${edition.subtitle}` : edition.title,
    creators: edition.creators.map(person),
    description: description(edition),
    // Without a licence Zenodo knows, the files stay closed: an open record would get Zenodo's default licence.
    access_right: licence ? 'open' : 'closed',
    ...(licence ? { license: licence.zenodo } : {}),
    ...(edition.doi ? { doi: edition.doi } : {}),
    ...(edition.keywords.length > 0 ? { keywords: edition.keywords } : {}),
    ...(edition.authors.length > 0 && edition.editors.length > 0 ? { contributors: edition.editors.map((a) => ({ ...person(a), type: 'Editor' })) } : {}),
    ...(related.length > 0 ? { related_identifiers: related } : {}),
    ...(language ? { language } : {}),
    ...(edition.version ? { version: edition.version } : {}),
    ...(notes ? { notes } : {}),
    ...(edition.publishers.length > 0 ? { imprint_publisher: edition.publishers.join('; ') } : {}),
    ...(edition.pubPlaces.length > 0 ? { imprint_place: edition.pubPlaces.join('; ') } : {}),
  };
  return `${JSON.stringify({ metadata }, null, 2)}\n`;
}
