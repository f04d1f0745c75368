// The table of TEI element behaviours (xslt/common/tei-behaviours.json): which lists are registers, which
// elements are blocks, phrases or milestones, month names for dates, and how ids are cleaned. The
// stylesheets read the same file (as the parameter $behaviours), so both sides agree by construction.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface RegisterList {
  /** The TEI list element, e.g. listPerson. */
  list: string;
  /** The entries it holds, e.g. person, personGrp. */
  entries: string[];
  /** File stem of its register page, e.g. persons. */
  stem: string;
  title: string;
  /** A list of persons, places, organisations or objects (not of works): what makes a file a register. */
  entity: boolean;
  /** What one entry and several are called ("2,964 persons: see the register"). */
  noun: [string, string];
}

/**
 * A register kept as a plain list (FRUS's `div xml:id="persons"` in the front): items that each hold one
 * name with an xml:id (persName, term …), the entry, and its description or gloss.
 */
export interface RegisterName {
  /** The TEI element that names an entry, e.g. persName, term. */
  name: string;
  stem: string;
  title: string;
  noun: [string, string];
}

export interface Behaviours {
  registerLists: RegisterList[];
  registerNames: RegisterName[];
  landmarks: string[];
  /** Element → how it is rendered as a block (a new line of the edition begins at each). */
  blocks: Record<string, string>;
  /** Blocks that are phrases inside a paragraph. */
  inlineInParagraph: string[];
  /** Blocks that are blocks only when they hold one of these elements. */
  blockWhenHolding: Record<string, string[]>;
  /** Element → how it is rendered inline ('editorial': by the apparatus model's templates; 'span': text kept). */
  phrases: Record<string, string>;
  /** Elements that are never reading text: anywhere in a text, or outside paragraphs, notes and bibliographic entries. */
  metadata: { anywhere: string[]; outsideParagraphs: string[] };
  /** Elements of other namespaces: those never shown, and the XHTML phrases whose plain text may be kept. */
  foreign: { never: string[]; xhtmlPhrases: string[] };
  milestones: string[];
  outsideText: string[];
  months: string[];
  ids: { normalization: 'NFC' | 'NFD' | 'NFKC' | 'NFKD'; drop: string; allowed: string; replacement: string };
}

// From src/read or lib/read, two folders up is the package, whose xslt/ ships the table.
export const BEHAVIOURS_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'xslt', 'common', 'tei-behaviours.json');

let loaded: Behaviours | undefined;

export function behaviours(): Behaviours {
  loaded ??= JSON.parse(readFileSync(BEHAVIOURS_FILE, 'utf8')) as Behaviours;
  return loaded;
}

/** The table as the stylesheets take it: a map parameter. */
export function behavioursParam(): Record<string, unknown> {
  const { registerLists, registerNames, ids, ...rest } = behaviours();
  return {
    ...rest,
    registerLists: Object.fromEntries(registerLists.map((r) => [r.list, r.entries])),
    registerNames: registerNames.map((r) => r.name),
    registerNouns: Object.fromEntries([...registerLists, ...registerNames].map((r) => ['list' in r ? r.list : r.name, r.noun])),
    ids,
  };
}

let idPatterns: { drop: RegExp; disallowed: RegExp } | undefined;

/**
 * An id safe in HTML and in file names, by the table's rule (the same as te:safe-id in
 * xslt/common/functions.xsl): decomposed, marks dropped ("Müller" → "Muller"), any run of other
 * characters made one replacement character.
 */
export function safeId(raw: string): string {
  const rule = behaviours().ids;
  idPatterns ??= { drop: new RegExp(rule.drop, 'gu'), disallowed: new RegExp(`[^${rule.allowed}]+`, 'gu') };
  const cleaned = raw.replace(/\s+/g, ' ').trim().normalize(rule.normalization).replace(idPatterns.drop, '').replace(idPatterns.disallowed, rule.replacement);
  return cleaned === '' ? rule.replacement : cleaned;
}
