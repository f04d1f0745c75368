// Names linked by @key. A key names an entity by a value the whole edition shares (an authority's key), so a
// stylesheet, which sees one file, cannot know which entry answers it: it writes 'key:VALUE' as the link and as
// the mention's key (te:pointers in xslt/common/functions.xsl), and this module matches them once every
// register is known, before any output is rendered.
//
// What a @key matches: the entry that carries that key itself (@key on the entry or on one of its names);
// failing that, the entry whose xml:id is that value. An identifier (idno) is not matched: authorities write
// the same identifier in different forms. A key that matches no entry, or several, is not linked (its words
// stay) and is reported, once per source file, as render/unresolved-link.
// Pure: documents and registers in, documents and registers with resolved links out.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { RegisterEntry, TransformedFile } from '../transform/transform-file.js';
import { rewriteLinks } from './html-rewrite.js';
import { EDITION_SCHEME, REGISTER_SCHEME } from './link-keys.js';
import type { SiteDocument, SiteRegister } from './site-model.js';

export const KEY_SCHEME = 'key:';

/** The entry a key leads to: the link key of its place in a register, and the key its mentions are counted by. */
export interface KeyMatch {
  href: string;
  entryKey: string;
}

/** Key value → its entry, or 'ambiguous' when several entries answer it. */
export type KeyIndex = ReadonlyMap<string, KeyMatch | 'ambiguous'>;

/** The value a 'key:VALUE' pointer names (the stylesheets URI-encode it). */
export function keyValue(pointer: string): string {
  const raw = pointer.slice(KEY_SCHEME.length);
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The xml:id an entry's key ends with (file#id, register:LIST#id). */
function xmlIdOf(entry: RegisterEntry): string {
  const at = entry.key.lastIndexOf('#');
  return at < 0 ? '' : entry.key.slice(at + 1);
}

/** The link key of an entry of a register: into a register of the documents' lists, or into a register file. */
function hrefOf(register: SiteRegister, entry: RegisterEntry): string {
  return register.key.startsWith(REGISTER_SCHEME) ? `${register.key}#${entry.id}` : `${EDITION_SCHEME}${register.key}#${entry.id}`;
}

/** Every value a @key may name, with its entry: the entries' own keys first, their xml:ids only for values no entry carries as a key. */
export function keyIndex(registers: readonly SiteRegister[]): KeyIndex {
  const byKey = new Map<string, Map<string, KeyMatch>>();
  const byId = new Map<string, Map<string, KeyMatch>>();
  const add = (into: Map<string, Map<string, KeyMatch>>, value: string, match: KeyMatch): void => {
    if (!value) return;
    const matches = into.get(value) ?? new Map<string, KeyMatch>();
    matches.set(match.href, match);
    into.set(value, matches);
  };
  for (const register of registers) {
    for (const entry of register.entries) {
      const match = { href: hrefOf(register, entry), entryKey: entry.key };
      for (const k of entry.keys ?? []) add(byKey, k, match);
      add(byId, xmlIdOf(entry), match);
    }
  }
  const index = new Map<string, KeyMatch | 'ambiguous'>();
  for (const [value, matches] of byId) index.set(value, matches.size === 1 ? [...matches.values()][0]! : 'ambiguous');
  for (const [value, matches] of byKey) index.set(value, matches.size === 1 ? [...matches.values()][0]! : 'ambiguous');
  return index;
}

/** A copy of a JSON value with every string passed through `change`, sharing what did not change. */
function mapStrings<T>(value: T, change: (s: string) => string): T {
  if (typeof value === 'string') return change(value) as T;
  if (Array.isArray(value)) {
    const mapped = value.map((v) => mapStrings(v, change));
    return (mapped.some((v, i) => v !== value[i]) ? mapped : value) as T;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => [k, mapStrings(v, change)] as const);
    return (entries.some(([k, v]) => v !== (value as Record<string, unknown>)[k]) ? Object.fromEntries(entries) : value) as T;
  }
  return value;
}

const HAS_KEY_LINK = `href="${KEY_SCHEME}`;

/** Keys that matched nothing in one source file: each value with how often it was met, and whether several entries answer it. */
type Unmatched = Map<string, { count: number; ambiguous: boolean }>;

/**
 * Matches pointers, noting those that match nothing. `counted`: whether each pointer is one name (a mention:
 * each name gives one per key) or a link of a fragment (a name appears in the text of each output).
 */
function resolver(index: KeyIndex, unmatched: Unmatched, counted: boolean): (pointer: string) => KeyMatch | undefined {
  return (pointer) => {
    const value = keyValue(pointer);
    const match = index.get(value);
    if (match !== undefined && match !== 'ambiguous') return match;
    const seen = unmatched.get(value) ?? { count: 0, ambiguous: match === 'ambiguous' };
    if (counted) seen.count++;
    unmatched.set(value, seen);
    return undefined;
  };
}

/** Every 'key:' link of the HTML fragments of `data` resolved, or unlinked when nothing answers it. */
function resolveHtml<T>(data: T, resolve: (pointer: string) => KeyMatch | undefined): T {
  return mapStrings(data, (s) => (s.includes(HAS_KEY_LINK) ? rewriteLinks(s, (href) => (href.startsWith(KEY_SCHEME) ? resolve(href)?.href : href)) : s));
}

/** A document's transform result with its keys matched: links, mentions and correspondents. */
function resolveDocument(data: TransformedFile, resolve: (pointer: string) => KeyMatch | undefined, count: (pointer: string) => KeyMatch | undefined): TransformedFile {
  const { mentions, correspondence, ...rest } = data;
  const resolvedMentions = mentions.flatMap((m) => {
    if (!m.key.startsWith(KEY_SCHEME)) return [m];
    const match = count(m.key);
    return match ? [{ ...m, key: match.entryKey }] : [];
  });
  const names = (refs: typeof correspondence[number]['persons']): typeof refs =>
    refs.map((r) => ({
      ...r,
      keys: r.keys.flatMap((k) => (k.startsWith(KEY_SCHEME) ? (resolve(k) ? [resolve(k)!.entryKey] : []) : [k])),
      href: r.href.startsWith(KEY_SCHEME) ? resolve(r.href)?.href ?? '' : r.href,
    }));
  return {
    ...resolveHtml(rest, resolve),
    mentions: resolvedMentions,
    correspondence: correspondence.map((a) => ({ ...a, persons: names(a.persons), places: names(a.places) })),
  } as TransformedFile;
}

function report(file: string, unmatched: Unmatched): Diagnostic[] {
  if (!unmatched.size) return [];
  const values = [...unmatched.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // Names are counted by their mentions; a key met only in a fragment (an entry's description) counts once.
  const count = values.reduce((n, [, v]) => n + Math.max(v.count, 1), 0);
  const shown = values.slice(0, 5).map(([value, v]) => `"${value}"${v.ambiguous ? ' (several entries)' : ''}`).join(', ');
  const more = values.length > 5 ? `, and ${values.length - 5} more` : '';
  return [{
    file,
    severity: 'warning',
    ruleId: 'render/unresolved-link',
    message: `${count} ${count === 1 ? 'name links' : 'names link'} by @key to no single register entry (${shown}${more}): ${count === 1 ? 'its words are' : 'their words are'} kept without a link. A @key matches the entry that carries the same @key (on the entry or one of its names), else the entry with that xml:id; give the entry its key, or link the name with @ref`,
  }];
}

/**
 * The documents and registers with every 'key:' link and mention matched to its entry (the link rewritten to
 * the entry's link key, the mention counted for the entry), or unlinked and dropped when no single entry answers
 * it, and the diagnostics for those.
 */
export function resolveEntryKeys(documents: readonly SiteDocument[], registers: readonly SiteRegister[]): { documents: SiteDocument[]; registers: SiteRegister[]; diagnostics: Diagnostic[] } {
  const index = keyIndex(registers);
  const unmatchedByFile = new Map<string, Unmatched>();
  const unmatchedIn = (file: string): Unmatched => {
    const unmatched = unmatchedByFile.get(file) ?? new Map();
    unmatchedByFile.set(file, unmatched);
    return unmatched;
  };
  const resolverFor = (file: string): ((pointer: string) => KeyMatch | undefined) => resolver(index, unmatchedIn(file), false);
  const resolvedDocuments = documents.map((d) => ({ ...d, data: resolveDocument(d.data, resolverFor(d.source), resolver(index, unmatchedIn(d.source), true)) }));
  // The entries of the registers documents carry came from those documents, whose keys are reported above.
  const unreported = resolver(index, new Map(), false);
  const resolvedRegisters = registers.map((r) => {
    const resolve = r.key.startsWith(REGISTER_SCHEME) ? unreported : resolverFor(r.source);
    return { ...r, entries: r.entries.map((e) => resolveHtml(e, resolve)) };
  });
  const diagnostics = [...unmatchedByFile.entries()].flatMap(([file, unmatched]) => report(file, unmatched));
  return { documents: resolvedDocuments, registers: resolvedRegisters, diagnostics };
}
