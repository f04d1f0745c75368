// The edition as the site shows it: documents in date order, register entries with every place that
// mentions them, persons who sent or received documents, and a chronology. Pure: data in, data out.
import { behaviours, safeId } from '../read/behaviours.js';
import type { CorrespAction, RegisterEntry, TransformedFile, WitnessInfo } from '../transform/transform-file.js';

export interface SiteDocument {
  /** Source file as displayed. */
  source: string;
  /** The file's key: its path from the folder that holds every source (what link keys name). */
  key: string;
  /** Page path from the site root, e.g. "documents/1951-06-30-filippov-to-mao.html". */
  page: string;
  data: TransformedFile;
}

export interface SiteRegister {
  source: string;
  /** The file's key (as for documents); for a register made of the lists documents carry, `register:<list>`. */
  key: string;
  page: string;
  title: string;
  entries: RegisterEntry[];
}

export interface MentionPlace {
  document: SiteDocument;
  places: { anchor: string; label: string }[];
}

export interface SiteModel {
  title: string;
  subtitle: string;
  lang: string;
  slug: string;
  baseUrl?: string;
  buildDate: string;
  front?: TransformedFile;
  /** The key of the edition's front-matter file, when there is one. */
  frontKey?: string;
  documents: SiteDocument[];
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

const MONTHS = behaviours().months;

const DATE = /^(-?)(\d{4,})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?)?)?(?:Z|[+-]\d{2}:\d{2})?$/;

/** The parts of an ISO date (as te:date-parts in xslt/common/functions.xsl), or undefined when it is none. */
export function dateParts(iso: string): { sign: string; year: string; month: string; day: string; hour: string; minute: string } | undefined {
  const m = DATE.exec(iso.trim().replace(/\s+/g, ' '));
  if (!m) return undefined;
  const [, sign = '', year = '', month = '', day = '', hour = '', minute = ''] = m;
  if (month && (Number(month) < 1 || Number(month) > 12)) return undefined;
  if (day && (Number(day) < 1 || Number(day) > 31)) return undefined;
  if (hour && (Number(hour) > 24 || Number(minute) > 59)) return undefined;
  return { sign, year, month, day, hour, minute };
}

/** A year without leading zeros; a negative year as a year before the common era ("-0044" → "44 BCE"). */
function yearLabel(sign: string, year: string): string {
  return `${BigInt(year).toString()}${sign === '-' ? ' BCE' : ''}`;
}

/**
 * An ISO date in words, as te:date-label: "1951-06-30" → "30 June 1951"; "1951-06" → "June 1951";
 * "0030" → "30"; "1949-01-14T14:00:00" → "14 January 1949, 14:00"; other strings unchanged.
 */
export function dateLabel(iso: string | undefined): string {
  if (!iso) return '';
  const p = dateParts(iso);
  if (!p) return iso;
  const words = [p.day ? String(Number(p.day)) : '', p.month ? MONTHS[Number(p.month) - 1]! : '', yearLabel(p.sign, p.year)].filter(Boolean).join(' ');
  return p.hour ? `${words}, ${p.hour}:${p.minute}` : words;
}

/**
 * A range of ISO dates in words, as te:date-range-label: equal ends collapse; ends within a month or a
 * year share it ("10–15 July 1951", "10 June – 15 July 1951", "June–July 1951"); an empty end gives the other.
 */
export function dateRangeLabel(from: string | undefined, to: string | undefined): string {
  const f = (from ?? '').trim();
  const t = (to ?? '').trim();
  if (t === '' || t === f) return dateLabel(f);
  if (f === '') return dateLabel(t);
  const a = dateParts(f);
  const b = dateParts(t);
  if (a && b && JSON.stringify(a) === JSON.stringify(b)) return dateLabel(f);
  const plain = a !== undefined && b !== undefined && !a.hour && !b.hour && a.sign === b.sign && BigInt(a.year) === BigInt(b.year);
  if (plain && a.day && b.day && a.month === b.month) return `${Number(a.day)}–${dateLabel(t)}`;
  if (plain && a.day && b.day) return `${Number(a.day)} ${MONTHS[Number(a.month) - 1]} – ${dateLabel(t)}`;
  if (plain && a.month && !a.day && b.month && !b.day) return `${MONTHS[Number(a.month) - 1]}–${dateLabel(t)}`;
  const first = dateLabel(f);
  const last = dateLabel(t);
  return `${first}${first.includes(' ') || last.includes(' ') ? ' – ' : '–'}${last}`;
}
