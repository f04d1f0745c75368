// The words of the edition's interface, in its language: one table per language in
// src/templates/labels/<lang>.json (labels, the counts' plural forms, the words of dates), read here for the
// templates and renderers and passed to the stylesheets as the parameters $labels and $dates, so that every
// output says the same thing in the same words. An edition may override any label in its config ("labels").
// Pure, but for reading the tables once.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dateLabel, dateRangeLabel, type DateWords } from './date-labels.js';

/** The languages the interface speaks (a table each). */
export const INTERFACE_LANGUAGES = ['en', 'de', 'fr', 'it', 'la'] as const;
export type InterfaceLanguage = (typeof INTERFACE_LANGUAGES)[number];

/** A label: a text with {placeholders}, or for a count its forms for one and for any other number. */
export type LabelValue = string | { one: string; other: string };

export interface LanguageTable {
  /** The language's name in itself. */
  language: string;
  /** The counts that take the "one" form of a counted label (French counts 0 with 1). */
  pluralOne: number[];
  dates: DateWords;
  labels: Record<string, LabelValue>;
}

// From src/labels or lib/labels, two folders up is the package, whose src/templates/ ships the tables.
export const LABELS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'templates', 'labels');

const tables = new Map<InterfaceLanguage, LanguageTable>();

export function languageTable(lang: InterfaceLanguage): LanguageTable {
  let table = tables.get(lang);
  if (!table) {
    table = JSON.parse(readFileSync(path.join(LABELS_DIR, `${lang}.json`), 'utf8')) as LanguageTable;
    tables.set(lang, table);
  }
  return table;
}

/** The keys every table has: English's. */
export function labelKeys(): string[] {
  return Object.keys(languageTable('en').labels);
}

/** ISO 639-2 codes that langUsage often gives (ident="ger"), for the languages of the interface. */
const THREE_LETTER: Readonly<Record<string, InterfaceLanguage>> = { eng: 'en', ger: 'de', deu: 'de', fre: 'fr', fra: 'fr', ita: 'it', lat: 'la' };

/**
 * The interface language for a language tag of the sources ("de-AT", "ger", "fr", "grc" …): the language
 * of its primary subtag when the interface speaks it, else undefined.
 */
export function interfaceLanguageOf(tag: string | undefined): InterfaceLanguage | undefined {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if ((INTERFACE_LANGUAGES as readonly string[]).includes(primary)) return primary as InterfaceLanguage;
  return THREE_LETTER[primary];
}

/**
 * The language of the interface: the one configured (config "lang", --lang), else that of the edition's
 * text when the interface speaks it, else English.
 */
export function chooseInterfaceLanguage(configured: string | undefined, textLanguage: string | undefined): InterfaceLanguage {
  return interfaceLanguageOf(configured) ?? interfaceLanguageOf(textLanguage) ?? 'en';
}

/** The names of the placeholders a label's text uses, e.g. ["date"] for "Version of {date}". */
export function placeholdersOf(value: LabelValue): string[] {
  const texts = typeof value === 'string' ? [value] : [value.one, value.other];
  return [...new Set(texts.flatMap((t) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)))];
}

/**
 * What is wrong with a label an edition gives in its config, or undefined: it may use only the
 * placeholders the label has (a misspelt one would be printed as it is). The keys and forms are the
 * config schema's to check.
 */
export function overrideProblem(key: string, value: LabelValue): string | undefined {
  const known = languageTable('en').labels[key];
  if (known === undefined) return undefined;
  const allowed = placeholdersOf(known);
  const unknown = placeholdersOf(value).filter((p) => !allowed.includes(p));
  if (unknown.length === 0) return undefined;
  const has = allowed.length ? `it has ${allowed.map((p) => `{${p}}`).join(', ')}` : 'it has none';
  return `uses ${unknown.map((p) => `{${p}}`).join(', ')}, which this label does not have (${has}; the English is ${JSON.stringify(typeof known === 'string' ? known : known.other)})`;
}

/** Text escaped for HTML content. */
function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A text with its {placeholders} filled from `values`; a placeholder without a value stays as it is. */
function fill(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (values[name] === undefined ? whole : String(values[name])));
}

/** A piece of a label: its words, or the name of a placeholder something else stands in (a link, an element). */
export type LabelPiece = string | { slot: string };

/** The interface's words in one language, with an edition's overrides. */
export interface Labels {
  lang: InterfaceLanguage;
  /** A label with its placeholders filled. */
  t(key: string, values?: Readonly<Record<string, string | number>>): string;
  /** A counted label ("3 entries"): the form for `n`, with {count} filled. */
  count(key: string, n: number, values?: Readonly<Record<string, string | number>>): string;
  /** A counted label's form for one or for other numbers, its {count} unfilled. */
  form(key: string, form: 'one' | 'other'): string;
  /** The counts that take the "one" form (the language table's pluralOne). */
  pluralOne: readonly number[];
  /** A label as HTML: its words escaped, each of `html`'s placeholders the HTML given. */
  html(key: string, html: Readonly<Record<string, string>>, values?: Readonly<Record<string, string | number>>): string;
  /** A label in pieces: its words with `values` filled, and a slot for every other placeholder. */
  pieces(key: string, values?: Readonly<Record<string, string | number>>): LabelPiece[];
  /** Items joined as a list: "A", "A and B", "A, B and C". */
  list(items: readonly string[]): string;
  /** An ISO date in words (date-labels.ts). */
  date(iso: string | undefined): string;
  dateRange(from: string | undefined, to: string | undefined): string;
  dates: DateWords;
  /** Every label, overrides applied: what the stylesheets receive as $labels. */
  table: Readonly<Record<string, LabelValue>>;
}

/** Splits a text at its placeholders. */
function piecesOf(text: string): LabelPiece[] {
  const out: LabelPiece[] = [];
  let at = 0;
  for (const m of text.matchAll(/\{(\w+)\}/g)) {
    if (m.index > at) out.push(text.slice(at, m.index));
    out.push({ slot: m[1]! });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

export function labelsFor(lang: InterfaceLanguage, overrides: Readonly<Record<string, LabelValue>> = {}): Labels {
  const language = languageTable(lang);
  const table: Record<string, LabelValue> = { ...language.labels, ...overrides };
  const raw = (key: string): LabelValue => {
    const value = table[key];
    // A key no table has is a mistake of the program, not of the edition: the tests check every key used.
    if (value === undefined) throw new Error(`no interface label "${key}" (src/templates/labels/${lang}.json)`);
    return value;
  };
  const text = (key: string): string => {
    const value = raw(key);
    return typeof value === 'string' ? value : value.other;
  };
  const labels: Labels = {
    lang,
    t: (key, values = {}) => fill(text(key), values),
    count: (key, n, values = {}) => {
      const value = raw(key);
      const form = typeof value === 'string' ? value : language.pluralOne.includes(n) ? value.one : value.other;
      return fill(form, { ...values, count: n });
    },
    form: (key, form) => {
      const value = raw(key);
      return typeof value === 'string' ? value : value[form];
    },
    pluralOne: language.pluralOne,
    html: (key, html, values = {}) =>
      piecesOf(fill(text(key), values))
        .map((p) => (typeof p === 'string' ? escapeText(p) : (html[p.slot] ?? escapeText(`{${p.slot}}`))))
        .join(''),
    pieces: (key, values = {}) => piecesOf(fill(text(key), values)),
    list: (items) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')}${text('listAnd')}${items[items.length - 1]!}`),
    date: (iso) => dateLabel(iso, language.dates),
    dateRange: (from, to) => dateRangeLabel(from, to, language.dates),
    dates: language.dates,
    table,
  };
  return labels;
}

let english: Labels | undefined;

/** The English interface without overrides: the default wherever no edition is at hand. */
export function englishLabels(): Labels {
  english ??= labelsFor('en');
  return english;
}

/** The labels and the words of dates as the stylesheets take them ($labels, $dates: xslt/common/params.xsl), as plain data. */
export interface InterfaceWords {
  labels: Record<string, LabelValue>;
  dates: DateWords;
}

export function interfaceWords(labels: Labels): InterfaceWords {
  return { labels: { ...labels.table }, dates: { ...labels.dates } };
}
