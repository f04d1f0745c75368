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

/** "1951-06-30" → "30 June 1951"; "1951-06" → "June 1951"; other strings unchanged. */
export function dateLabel(iso: string | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  const month = mo ? MONTHS[Number(mo) - 1] : undefined;
  if (d && month) return `${Number(d)} ${month} ${y}`;
  if (month) return `${month} ${y}`;
  return y!;
}
