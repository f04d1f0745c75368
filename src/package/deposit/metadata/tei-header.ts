// The fields every deposit record is mapped from, read once from a teiHeader: titles, who is responsible
// and how, publisher, place and date of publication, identifiers by type, the licence, languages, the
// sources described, abstract, keywords, the edition statement and the correspondence. Each field is what
// the header says, whitespace-normalised; a field the header lacks is absent, never filled in.
import { attribute, childElements, isTei, TEI_NAMESPACE, type XmlElement, type XmlNode } from '../../../read/tree.js';

export interface Place {
  line: number;
  column: number;
}

export interface Agent {
  /** The name as written (for a name given as forename and surname: "Surname, Forename"). */
  name: string;
  /** Only when the header gives the name split (forename, surname). */
  given?: string;
  family?: string;
  /** Only when the markup says so: persName or forename/surname (person), orgName (organisation). */
  kind?: 'person' | 'organisation';
  role: 'author' | 'editor' | 'contributor';
  /** editor/@role, or the resp of a respStmt, as written. */
  statedRole?: string;
  affiliation?: string;
  /** The bare ORCID iD (0000-0000-0000-0000), from an idno or a pointer to orcid.org. */
  orcid?: string;
  email?: string;
}

export interface Identifier {
  /** @type as written ('' when it has none). */
  type: string;
  value: string;
}

export interface Licence {
  text: string;
  /** The first URL of @target. */
  target?: string;
}

export interface Language {
  /** A BCP 47 tag (language/@ident or @xml:lang). */
  ident: string;
  text: string;
}

/** A source the header describes (sourceDesc: bibl, biblStruct, msDesc). */
export interface SourceItem {
  kind: 'bibl' | 'msDesc';
  title?: string;
  /** The whole description, as one line of text. */
  text: string;
  identifiers: Identifier[];
  /** http(s) addresses it links to (ref, ptr). */
  urls: string[];
  publisher?: string;
  date?: string;
  /** msDesc: where the manuscript is kept and its shelfmark. */
  settlement?: string;
  repository?: string;
  shelfmark?: string;
}

export interface HeaderFields {
  titles: { main?: string; sub?: string; series?: string };
  agents: Agent[];
  publishers: string[];
  pubPlaces: string[];
  /** publicationStmt/date: a W3C date (@when, or text of that form). */
  date?: string;
  identifiers: Identifier[];
  licence?: Licence;
  /** The other statements of availability (availability/p). */
  rightsNotes: string[];
  languages: Language[];
  sources: SourceItem[];
  abstract: string[];
  projectDesc: string[];
  keywords: string[];
  /** editionStmt/edition: @n, else its text. */
  edition?: string;
  /** text/@type. */
  textType?: string;
  correspDescs: XmlElement[];
  /** Where diagnostics about a missing field point. */
  at: { header?: Place; titleStmt?: Place; publicationStmt?: Place; profileDesc?: Place };
}

export const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

const children = (e: XmlElement | undefined, name: string): XmlElement[] => (e ? childElements(e).filter((c) => isTei(c, name)) : []);
const child = (e: XmlElement | undefined, name: string): XmlElement | undefined => children(e, name)[0];

/** TEI descendants named `name`, document order (iterative: headers can nest deeply). */
export function descendantsNamed(e: XmlElement | undefined, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  if (!e) return out;
  const stack: XmlNode[] = [...e.children].reverse();
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.kind !== 'element') continue;
    if (isTei(n, name)) out.push(n);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return out;
}

/** The text of an element without the elements named in `skip` (and what they hold), normalised. */
export function textWithout(e: XmlElement | undefined, skip: ReadonlySet<string> = new Set()): string {
  if (!e) return '';
  let out = '';
  const stack: XmlNode[] = [e];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.kind === 'text') out += n.text;
    else if (n.kind === 'element' && (n === e || !(n.namespace === TEI_NAMESPACE && skip.has(n.localName)))) {
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
    }
  }
  return norm(out);
}

const text = (e: XmlElement | undefined): string => textWithout(e);
const place = (e: XmlElement | undefined): Place | undefined => (e ? { line: e.line, column: e.column } : undefined);
const firstToken = (value: string | undefined): string | undefined => norm(value ?? '').split(' ')[0] || undefined;

const W3C_DATE = /^-?\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/** A date in W3C form from a dating element: @when, @when-iso, else its text when it has that form. */
export function w3cDate(e: XmlElement | undefined): string | undefined {
  if (!e) return undefined;
  for (const v of [attribute(e, 'when'), attribute(e, 'when-iso'), text(e)]) {
    const value = norm(v ?? '');
    if (W3C_DATE.test(value)) return value;
  }
  return undefined;
}

// Titles as the site chooses them (xslt/html/page.xsl, te:title): the main title, else the analytic one,
// else the first that is neither a series, journal or monograph title nor a date or subtitle.
const NOT_MAIN = new Set(['iso-date', 'date', 'sub', 'subtitle', 'series', 'subseries', 'volume', 'volumenumber', 'alt', 'short', 'abbreviated']);

function titlesOf(titleStmt: XmlElement | undefined, seriesStmt: XmlElement | undefined): HeaderFields['titles'] {
  const titles = children(titleStmt, 'title').filter((t) => text(t) !== '');
  const type = (t: XmlElement): string => attribute(t, 'type') ?? '';
  const level = (t: XmlElement): string => attribute(t, 'level') ?? '';
  const main =
    titles.find((t) => type(t) === 'main') ??
    titles.find((t) => level(t) === 'a') ??
    titles.find((t) => !['s', 'j', 'm'].includes(level(t)) && !NOT_MAIN.has(type(t))) ??
    titles[0];
  const sub = titles.find((t) => type(t) === 'sub' || type(t) === 'subtitle');
  const series = titles.find((t) => level(t) === 's' || type(t) === 'series') ?? child(seriesStmt, 'title');
  return {
    ...(main ? { main: text(main) } : {}),
    ...(sub && sub !== main ? { sub: text(sub) } : {}),
    ...(series && series !== main && text(series) ? { series: text(series) } : {}),
  };
}

const NAME_PARTS = new Set(['email', 'affiliation', 'idno', 'note', 'ptr']);
const ORCID = /(\d{4}-\d{4}-\d{4}-\d{3}[\dX])/;

function orcidOf(...elements: XmlElement[]): string | undefined {
  for (const e of elements) {
    for (const i of descendantsNamed(e, 'idno')) if (/^orcid$/i.test(attribute(i, 'type') ?? '')) return ORCID.exec(text(i))?.[1];
    for (const name of ['ref', 'sameAs', 'key']) {
      for (const token of norm(attribute(e, name) ?? '').split(' ')) if (/orcid\.org\//i.test(token)) return ORCID.exec(token)?.[1];
    }
  }
  return undefined;
}

function agentOf(node: XmlElement, container: XmlElement, role: Agent['role'], statedRole: string | undefined): Agent | undefined {
  const name = textWithout(node, NAME_PARTS);
  if (name === '') return undefined;
  const forenames = descendantsNamed(node, 'forename').map(text).filter(Boolean).join(' ');
  const surnames = descendantsNamed(node, 'surname').map(text).filter(Boolean).join(' ');
  const typed = (attribute(node, 'type') ?? '').toLowerCase();
  const kind: Agent['kind'] =
    node.localName === 'orgName' || (node.localName === 'name' && /^(org|organi[sz]ation|corporate)$/.test(typed))
      ? 'organisation'
      : node.localName === 'persName' || forenames || surnames || (node.localName === 'name' && /^(person|personal)$/.test(typed))
        ? 'person'
        : undefined;
  const email = text(descendantsNamed(container, 'email')[0]);
  const affiliation = text(descendantsNamed(container, 'affiliation')[0]);
  const orcid = orcidOf(node, container);
  return {
    // A name given in parts is written "Surname, Forename", as the registries ask.
    name: forenames && surnames ? `${surnames}, ${forenames}` : name,
    ...(forenames ? { given: forenames } : {}),
    ...(surnames ? { family: surnames } : {}),
    ...(kind ? { kind } : {}),
    role,
    ...(statedRole ? { statedRole } : {}),
    ...(affiliation ? { affiliation } : {}),
    ...(orcid ? { orcid } : {}),
    ...(email ? { email } : {}),
  };
}

const NAME_ELEMENTS = new Set(['persName', 'orgName', 'name']);

/**
 * An author or editor element names one agent, or several when it holds several names. A single name
 * inside it (persName, orgName) says what kind of agent it is; what else it holds (affiliation, email)
 * belongs to that agent.
 */
function agentsOf(e: XmlElement, role: Agent['role'], statedRole: string | undefined): Agent[] {
  const names = childElements(e).filter((c) => c.namespace === TEI_NAMESPACE && NAME_ELEMENTS.has(c.localName));
  if (names.length > 1) return names.map((n) => agentOf(n, n, role, statedRole)).filter((a): a is Agent => a !== undefined);
  const agent = agentOf(names[0] ?? e, e, role, statedRole);
  return agent ? [agent] : [];
}

function identifiersOf(elements: readonly XmlElement[]): Identifier[] {
  const out: Identifier[] = [];
  for (const i of elements) {
    const value = text(i);
    if (value !== '' && !out.some((o) => o.value === value)) out.push({ type: norm(attribute(i, 'type') ?? ''), value });
  }
  return out;
}

const isWebAddress = (url: string): boolean => /^https?:\/\/\S+$/i.test(url);

function sourcesOf(sourceDesc: XmlElement | undefined): SourceItem[] {
  const out: SourceItem[] = [];
  // The outermost descriptions: a bibl inside a bibl (or a msDesc) is part of it.
  const stack: XmlElement[] = sourceDesc ? [...childElements(sourceDesc)].reverse() : [];
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (e.namespace !== TEI_NAMESPACE) continue;
    if (e.localName === 'bibl' || e.localName === 'biblStruct' || e.localName === 'biblFull') {
      const urls = [...descendantsNamed(e, 'ref'), ...descendantsNamed(e, 'ptr')].map((r) => firstToken(attribute(r, 'target')) ?? '').filter(isWebAddress);
      const title = text(descendantsNamed(e, 'title')[0]);
      const publisher = text(descendantsNamed(e, 'publisher')[0]);
      const date = w3cDate(descendantsNamed(e, 'date')[0]);
      out.push({
        kind: 'bibl',
        ...(title ? { title } : {}),
        text: text(e),
        identifiers: identifiersOf(descendantsNamed(e, 'idno')),
        urls: [...new Set(urls)],
        ...(publisher ? { publisher } : {}),
        ...(date ? { date } : {}),
      });
    } else if (e.localName === 'msDesc') {
      const identifier = child(e, 'msIdentifier');
      const settlement = text(child(identifier, 'settlement'));
      const repository = text(child(identifier, 'repository')) || text(child(identifier, 'institution'));
      const shelfmark = text(child(identifier, 'idno'));
      const title = text(descendantsNamed(identifier, 'msName')[0]) || text(descendantsNamed(child(e, 'head'), 'title')[0]);
      out.push({
        kind: 'msDesc',
        ...(title ? { title } : {}),
        text: text(identifier) || text(e),
        identifiers: identifiersOf(descendantsNamed(identifier, 'altIdentifier').flatMap((a) => children(a, 'idno'))),
        urls: [],
        ...(settlement ? { settlement } : {}),
        ...(repository ? { repository } : {}),
        ...(shelfmark ? { shelfmark } : {}),
      });
    } else {
      for (let i = e.children.length - 1; i >= 0; i--) {
        const c = e.children[i]!;
        if (c.kind === 'element') stack.push(c);
      }
    }
  }
  return out;
}

const paragraphs = (e: XmlElement | undefined): string[] => {
  if (!e) return [];
  const ps = descendantsNamed(e, 'p').map(text).filter(Boolean);
  return ps.length > 0 ? ps : [text(e)].filter(Boolean);
};

/** The fields of the header of `root` (a TEI element); empty fields when it has no header. */
export function readHeader(root: XmlElement): HeaderFields {
  const header = child(root, 'teiHeader');
  const fileDesc = child(header, 'fileDesc');
  const titleStmt = child(fileDesc, 'titleStmt');
  const publicationStmt = child(fileDesc, 'publicationStmt');
  const profileDesc = child(header, 'profileDesc');
  const encodingDesc = child(header, 'encodingDesc');

  const agents: Agent[] = [];
  for (const e of titleStmt ? childElements(titleStmt) : []) {
    if (e.namespace !== TEI_NAMESPACE) continue;
    if (e.localName === 'author') agents.push(...agentsOf(e, 'author', undefined));
    else if (e.localName === 'editor') agents.push(...agentsOf(e, 'editor', norm(attribute(e, 'role') ?? '') || undefined));
  }
  for (const r of children(titleStmt, 'respStmt')) {
    const resp = children(r, 'resp').map(text).filter(Boolean).join('; ');
    for (const n of childElements(r).filter((c) => c.namespace === TEI_NAMESPACE && NAME_ELEMENTS.has(c.localName))) {
      const agent = agentOf(n, n, 'contributor', resp || undefined);
      if (agent) agents.push(agent);
    }
  }

  const publishers = (['publisher', 'distributor', 'authority'] as const).map((name) => children(publicationStmt, name).map(text).filter(Boolean)).find((l) => l.length > 0) ?? [];
  const availability = child(publicationStmt, 'availability');
  const licenceElement = descendantsNamed(availability, 'licence')[0];
  const licenceTarget = firstToken(licenceElement ? attribute(licenceElement, 'target') : undefined);

  const languages: Language[] = [];
  for (const l of descendantsNamed(child(profileDesc, 'langUsage'), 'language')) {
    const ident = norm(attribute(l, 'ident') ?? '');
    if (ident && !languages.some((x) => x.ident === ident)) languages.push({ ident, text: text(l) });
  }
  if (languages.length === 0) {
    const own = norm(attribute(root, 'xml:lang') ?? attribute(child(root, 'text') ?? root, 'xml:lang') ?? '');
    if (own) languages.push({ ident: own, text: '' });
  }

  const keywords: string[] = [];
  for (const k of descendantsNamed(child(profileDesc, 'textClass'), 'keywords')) {
    for (const t of [...descendantsNamed(k, 'term'), ...descendantsNamed(k, 'item')]) {
      const term = text(t);
      if (term && !keywords.includes(term)) keywords.push(term);
    }
  }

  const edition = child(child(fileDesc, 'editionStmt'), 'edition');
  const date = w3cDate(child(publicationStmt, 'date'));
  const textType = norm(attribute(child(root, 'text') ?? root, 'type') ?? '');
  const titleStmtPlace = place(titleStmt);
  const publicationStmtPlace = place(publicationStmt);
  const profileDescPlace = place(profileDesc);
  const headerPlace = place(header);

  return {
    titles: titlesOf(titleStmt, child(fileDesc, 'seriesStmt')),
    agents,
    publishers,
    pubPlaces: children(publicationStmt, 'pubPlace').map(text).filter(Boolean),
    ...(date ? { date } : {}),
    identifiers: identifiersOf(children(publicationStmt, 'idno')),
    ...(licenceElement ? { licence: { text: text(licenceElement), ...(licenceTarget ? { target: licenceTarget } : {}) } } : {}),
    rightsNotes: children(availability, 'p').map(text).filter(Boolean),
    languages,
    sources: sourcesOf(child(fileDesc, 'sourceDesc')),
    abstract: children(profileDesc, 'abstract').flatMap(paragraphs),
    projectDesc: children(encodingDesc, 'projectDesc').flatMap(paragraphs),
    keywords,
    ...(edition && (norm(attribute(edition, 'n') ?? '') || text(edition)) ? { edition: norm(attribute(edition, 'n') ?? '') || text(edition) } : {}),
    ...(textType && child(root, 'text') ? { textType } : {}),
    correspDescs: children(profileDesc, 'correspDesc'),
    at: {
      ...(headerPlace ? { header: headerPlace } : {}),
      ...(titleStmtPlace ? { titleStmt: titleStmtPlace } : {}),
      ...(publicationStmtPlace ? { publicationStmt: publicationStmtPlace } : {}),
      ...(profileDescPlace ? { profileDesc: profileDescPlace } : {}),
    },
  };
}

const same = (values: readonly unknown[]): boolean => values.every((v) => JSON.stringify(v) === JSON.stringify(values[0]));
const agentKey = (a: Agent): string => `${a.role}\u0000${a.name}`;

/**
 * What the headers of a folder's documents say in common, for an edition without an edition file: a
 * single field (publisher, date, licence …) only when every header gives the same; the editors, the
 * contributors, the languages and the keywords of them all; an author only when every document has them.
 * Identifiers and sources are each document's own, never the collection's.
 */
export function commonHeader(headers: readonly HeaderFields[]): HeaderFields {
  const first = headers[0];
  if (!first) return readHeader({ kind: 'element', name: 'TEI', localName: 'TEI', namespace: TEI_NAMESPACE, attributes: [], children: [], parent: null, line: 1, column: 1 });
  const agents: Agent[] = [];
  const seen = new Set<string>();
  for (const h of headers) {
    for (const a of h.agents) {
      if (seen.has(agentKey(a))) continue;
      if (a.role === 'author' && !headers.every((o) => o.agents.some((b) => agentKey(b) === agentKey(a)))) continue;
      seen.add(agentKey(a));
      agents.push(a);
    }
  }
  const languages: Language[] = [];
  for (const l of headers.flatMap((h) => h.languages)) if (!languages.some((x) => x.ident === l.ident)) languages.push(l);
  const keywords = [...new Set(headers.flatMap((h) => h.keywords))];
  const licences = headers.map((h) => h.licence?.target ?? h.licence?.text);
  const main = same(headers.map((h) => h.titles.main)) ? first.titles.main : undefined;
  const sub = same(headers.map((h) => h.titles.sub)) ? first.titles.sub : undefined;
  const series = same(headers.map((h) => h.titles.series)) ? first.titles.series : undefined;
  const date = same(headers.map((h) => h.date)) ? first.date : undefined;
  const edition = same(headers.map((h) => h.edition)) ? first.edition : undefined;
  return {
    titles: { ...(main ? { main } : {}), ...(sub ? { sub } : {}), ...(series ? { series } : {}) },
    agents,
    publishers: same(headers.map((h) => h.publishers)) ? first.publishers : [],
    pubPlaces: same(headers.map((h) => h.pubPlaces)) ? first.pubPlaces : [],
    ...(date ? { date } : {}),
    identifiers: [],
    ...(first.licence && same(licences) ? { licence: first.licence } : {}),
    rightsNotes: same(headers.map((h) => h.rightsNotes)) ? first.rightsNotes : [],
    languages,
    sources: [],
    abstract: same(headers.map((h) => h.abstract)) ? first.abstract : [],
    projectDesc: same(headers.map((h) => h.projectDesc)) ? first.projectDesc : [],
    keywords,
    ...(edition ? { edition } : {}),
    correspDescs: [],
    at: first.at,
  };
}
