// The edition as the site shows it: documents in date order, register entries with every place that
// mentions them, persons who sent or received documents, and a chronology. Pure: data in, data out.
import { behaviours, safeId } from '../read/behaviours.js';
import { dateLabel as dateLabelIn, dateRangeLabel as dateRangeLabelIn, type DateWords } from '../labels/date-labels.js';
import { englishLabels, type Labels } from '../labels/labels.js';
import type { CorrespAction, RegisterEntry, TransformedFile, WitnessInfo } from '../transform/transform-file.js';
import type { DocumentPart, SiteVolume } from './volumes.js';

export interface SiteDocument {
  /** Source file as displayed. */
  source: string;
  /** The file's key: its path from the folder that holds every source (what link keys name). */
  key: string;
  /** Page path from the site root, e.g. "documents/1951-06-30-filippov-to-mao.html". */
  page: string;
  data: TransformedFile;
  /** A part of a file cut into documents (a FRUS volume): what it is, where it stands (src/render/volumes.ts). */
  part?: DocumentPart;
}

export interface SiteRegister {
  source: string;
  /** The file's key (as for documents); for a register made of the lists documents carry, `register:<list>`. */
  key: string;
  page: string;
  title: string;
  entries: RegisterEntry[];
  /** HTML printed above the entries: the prose of the division a document keeps its register in. */
  intro?: string;
  /** The document whose own register this is (a plain list's register: embedded-registers.ts). */
  from?: { title: string; page: string };
}

export interface MentionPlace {
  document: SiteDocument;
  places: { anchor: string; label: string }[];
}

export interface SiteModel {
  title: string;
  subtitle: string;
  /** The language of the edition's text (the edition file's, else the first document's): what its words are marked with. */
  lang: string;
  /** The interface's words, in the edition's interface language (labels.ts); English when absent. */
  labels?: Labels;
  slug: string;
  baseUrl?: string;
  buildDate: string;
  front?: TransformedFile;
  /** The key of the edition's front-matter file, when there is one. */
  frontKey?: string;
  documents: SiteDocument[];
  /** Files cut into documents: each volume's own page, its documents in order, the divisions of its front and back. */
  volumes?: SiteVolume[];
  registers: SiteRegister[];
  witnesses: WitnessInfo[];
  /** Register entry key (file URI#id) → where it is mentioned, in document order. */
  mentions: Map<string, MentionPlace[]>;
  /** Register entry key → the entry and its page. */
  entries: Map<string, { entry: RegisterEntry; register: SiteRegister }>;
}

/** Documents by date (undated last), then by page name: a stable order. */
export function sortDocuments(documents: readonly SiteDocument[]): SiteDocument[] {
  return [...documents].sort((a, b) => {
    const da = a.data.date.when ?? '';
    const db = b.data.date.when ?? '';
    if (da !== db) return da === '' ? 1 : db === '' ? -1 : da < db ? -1 : 1;
    return a.page < b.page ? -1 : a.page > b.page ? 1 : 0;
  });
}

/** The series title every document names, when they all name the same one. */
export function sharedSeries(documents: readonly SiteDocument[]): string | undefined {
  const series = new Set(documents.map((d) => d.data.series ?? ''));
  const only = series.size === 1 ? [...series][0] : undefined;
  return only || undefined;
}

/** The title every document has, when they all have the same one (and it is not empty). */
export function sharedTitle(documents: readonly SiteDocument[]): string | undefined {
  const titles = new Set(documents.map((d) => d.data.title ?? ''));
  const only = titles.size === 1 ? [...titles][0] : undefined;
  return only || undefined;
}

/**
 * The title of a folder build: the one given (--title), else the series all documents name, else the title
 * all documents share, else the name of the folder that holds them. Never one document's title for
 * documents with titles of their own.
 */
export function folderTitle(documents: readonly SiteDocument[], folderName: string, given?: string): string {
  return given?.trim() || sharedSeries(documents) || sharedTitle(documents) || folderName || 'TEI edition';
}

export function collectMentions(documents: readonly SiteDocument[]): Map<string, MentionPlace[]> {
  const out = new Map<string, MentionPlace[]>();
  for (const document of documents) {
    const byKey = new Map<string, { anchor: string; label: string }[]>();
    for (const m of document.data.mentions) {
      const list = byKey.get(m.key) ?? [];
      if (!list.some((p) => p.anchor === m.anchor)) list.push({ anchor: m.anchor, label: m.label });
      byKey.set(m.key, list);
    }
    for (const [key, places] of byKey) {
      const list = out.get(key) ?? [];
      list.push({ document, places });
      out.set(key, list);
    }
  }
  return out;
}

export function indexEntries(registers: readonly SiteRegister[]): Map<string, { entry: RegisterEntry; register: SiteRegister }> {
  const out = new Map<string, { entry: RegisterEntry; register: SiteRegister }>();
  for (const register of registers) for (const entry of register.entries) if (!out.has(entry.key)) out.set(entry.key, { entry, register });
  return out;
}

export interface Correspondent {
  key: string;
  label: string;
  /** Id used in the documents page for this person's anchor list. */
  anchor: string;
  documents: SiteDocument[];
}

/** Every person or body who sent, transmitted or received a document, with those documents. */
export function correspondents(model: SiteModel): Correspondent[] {
  const byKey = new Map<string, Correspondent>();
  for (const document of model.documents) {
    for (const action of document.data.correspondence) {
      for (const person of action.persons) {
        const key = person.keys[0] ?? `name:${person.label}`;
        const entry = model.entries.get(key)?.entry;
        const label = entry?.label ?? person.label;
        let c = byKey.get(key);
        if (!c) {
          c = { key, label, anchor: `person-${safeFragment(entry?.id ?? person.label)}`, documents: [] };
          byKey.set(key, c);
        }
        if (!c.documents.includes(document)) c.documents.push(document);
      }
    }
  }
  const list = [...byKey.values()].sort((a, b) => a.label.localeCompare(b.label, 'en') || (a.key < b.key ? -1 : 1));
  const seen = new Set<string>();
  for (const c of list) {
    let anchor = c.anchor;
    for (let i = 2; seen.has(anchor); i++) anchor = `${c.anchor}-${i}`;
    c.anchor = anchor;
    seen.add(anchor);
  }
  return list;
}

/** An id for a page or fragment, by the one rule of the behaviour table (as te:safe-id in the stylesheets). */
export const safeFragment = safeId;

export function actionsOf(document: SiteDocument, type: string): CorrespAction[] {
  return document.data.correspondence.filter((a) => a.type === type);
}

// ISO dates in words (src/labels/date-labels.ts), in English unless the words of another language are given:
// the site, the book and the print take theirs from the edition's labels (labelsOf(model).date …).
export { dateParts } from '../labels/date-labels.js';

/** An ISO date in words, as te:date-label: "1951-06-30" → "30 June 1951"; other strings unchanged. */
export function dateLabel(iso: string | undefined, words: DateWords = englishLabels().dates): string {
  return dateLabelIn(iso, words);
}

/** A range of ISO dates in words, as te:date-range-label ("10–15 July 1951"). */
export function dateRangeLabel(from: string | undefined, to: string | undefined, words: DateWords = englishLabels().dates): string {
  return dateRangeLabelIn(from, to, words);
}

/** The edition's interface words: its labels, else English (a model made without them, as tests make). */
export function labelsOf(model: Pick<SiteModel, 'labels'>): Labels {
  return model.labels ?? englishLabels();
}

/** The labels of the registers a folder build makes of the lists documents carry, by kind of list. */
const REGISTER_TITLES: Readonly<Record<string, string>> = { listPerson: 'persons', listPlace: 'places', listOrg: 'organisations', listObject: 'objects', listBibl: 'bibliography' };

/**
 * The title of a register in the interface's words: a register of the lists documents carry that their
 * lists give no head of its own is called after its kind ("Persons", "Personen", "Index nominum"); any
 * other keeps the title its sources give.
 */
export function registerTitleIn(register: Pick<SiteRegister, 'key' | 'title'>, labels: Labels): string {
  const list = register.key.startsWith('register:') ? register.key.slice('register:'.length) : '';
  const key = REGISTER_TITLES[list];
  const fallback = behaviours().registerLists.find((r) => r.list === list)?.title;
  return key !== undefined && register.title === fallback ? labels.t(key) : register.title;
}
