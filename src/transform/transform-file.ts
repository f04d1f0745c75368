// One TEI file through the HTML stylesheet: HTML fragments and the data the site is made from.
import { pathToFileURL } from 'node:url';
import SaxonJS from 'saxon-js';
import { asUtf8Source } from '../read/decode.js';
import { behavioursParam } from '../read/behaviours.js';
import { englishLabels, interfaceWords, type InterfaceWords } from '../labels/labels.js';
import type { CompiledStylesheet } from './stylesheet.js';
import { patternParam, type DocumentPattern, type TransformedPart } from './parts.js';

export interface NameRef {
  label: string;
  keys: string[];
  href: string;
}
export interface CorrespAction {
  type: string;
  persons: NameRef[];
  places: NameRef[];
  date: string;
}
export interface Mention {
  key: string;
  anchor: string;
  label: string;
}
export interface TextUnit {
  anchor: string;
  label: string;
  text: string;
}
export interface DateMention {
  when: string;
  to: string;
  text: string;
  anchor: string;
  label: string;
  /** The sigla of the witnesses whose reading the date is; empty in the text all witnesses share. */
  witnesses: string[];
}
export interface RegisterEntry {
  id: string;
  key: string;
  kind: string;
  list: string;
  listHead: string;
  /** For an entry of a list a document carries (xslt/common/registers.xsl): the register it joins, the kind of
   * list for an entity list (listPerson), the entries' name and the document's key for a plain list
   * (term@frus1951v07p2.xml); else ''. */
  register: string;
  /** The values a name's @key may give to point to this entry (the @key of the entry and of its names): src/render/entry-keys.ts. */
  keys?: string[];
  label: string;
  names: { type: string; text: string }[];
  html: string;
  /** For an entry of a list a document carries: its description as separate HTML parts (html is all of them); else empty. */
  parts: string[];
}
export interface RegisterInfo {
  /** The register's name, as entries give it (term@frus1951v07p2.xml). */
  register: string;
  title: string;
  /** HTML: the prose of the division made of the register, or ''. */
  intro: string;
}
export interface WitnessInfo {
  key: string;
  siglum: string;
  html: string;
}
export interface FrontMatter {
  editors: string[];
  publisher: string;
  edition: string;
  licence: { text: string; url: string };
  project: string;
  introduction: string;
  principles: string;
  sources: string;
}

/** What the stylesheet returns for one file (xslt/html/page.xsl). */
export interface TransformedFile {
  title: string;
  subtitle: string;
  /** The series title (title[@level='s']), or ''. */
  series: string;
  lang: string;
  id: string;
  number: string;
  date: { when?: string; to?: string; label?: string };
  correspondence: CorrespAction[];
  /**
   * `text`: the document's text as the site shows it; `book` and `print`: as the EPUB and the printed edition
   * show it ('' unless the build makes them); `source`: the source description of the header; the rest is
   * shared by every output.
   */
  html: { text: string; book: string; print: string; metadata: string; source: string };
  witnessesUsed: string[];
  witnesses: WitnessInfo[];
  mentions: Mention[];
  units: TextUnit[];
  dates: DateMention[];
  entries: RegisterEntry[];
  /** The registers the document's plain lists make (xslt/common/registers.xsl): their head and the prose of
   * the division that holds them, which the register page prints above the entries. */
  registers?: RegisterInfo[];
  front: FrontMatter;
  noteCount: number;
  appCount: number;
  /** A file cut into documents (src/transform/parts.ts): the volume's page, then each document and division; else empty or absent. */
  parts?: TransformedPart[];
  /** The prefix of the ids the edition makes in this file's pages: '' unless an id of the source could be one (xslt/common/parts.xsl). */
  idPrefix?: string;
}

export interface TransformParams {
  /** URI of the folder that holds every source, ending in '/': keys of files and entries are paths from it. */
  base: string;
  /** Keys (paths from `base`) of the edition's source files: pointers into them become link keys. */
  files: string[];
  /** Absolute witness URI → siglum. */
  sigla: Record<string, string>;
  witnessOrder: string[];
  /** Kinds of list whose entries join a register when documents carry them outside their body: entity lists
   * (listPerson …) and plain lists by the name of their entries (persName, term …; xslt/common/registers.xsl). */
  embeddedRegisters?: string[];
  /** The file is a register of the edition: its entries of every form, keyed by the file. */
  registerFile?: boolean;
  /** The outputs the build makes: the text is rendered for each that needs its own (default: the site only). */
  outputs?: string[];
  /** The behaviour table as the stylesheets take it (default: xslt/common/tei-behaviours.json). */
  behaviours?: Record<string, unknown>;
  /** The interface's words in the edition's language, overrides applied (default: English; src/labels/labels.ts). */
  labels?: InterfaceWords;
  /** What one document is when a file holds many (src/transform/parts.ts); default: every file is one document. */
  documentPattern?: DocumentPattern;
  /** The ids the outputs' page shells use themselves: generated ids avoid them (xslt/common/parts.xsl). */
  reservedIds?: string[];
}

/** `messages`: what the stylesheets reported, as the text of each xsl:message (see xslt-messages.ts). */
export type TransformOutcome = { ok: true; file: TransformedFile; messages: string[] } | { ok: false; message: string; messages: string[] };

/** The text of a message SaxonJS delivers (a document node, or a string). */
function messageText(message: unknown): string {
  const node = message as { textContent?: unknown } | null;
  return typeof node?.textContent === 'string' ? node.textContent : String(message);
}

export function fileUri(absolutePath: string): string {
  return pathToFileURL(absolutePath).href;
}

/** Where the processor reads one file from: the file itself, or the text the checks read with the file's URI. */
export type TransformSource = { sourceFileName: string } | { sourceText: string; sourceBaseURI: string };

/**
 * `text`: the decoded text the checks read. Given, the processor parses exactly that (SaxonJS reads
 * files as UTF-8 only, and a second read could see a file changed since it was checked); the file's
 * path stays its base URI, so relative pointers resolve as before.
 */
export function transformSource(absolutePath: string, text?: string): TransformSource {
  return text === undefined ? { sourceFileName: absolutePath } : { sourceText: asUtf8Source(text), sourceBaseURI: fileUri(absolutePath) };
}

/** The stylesheet's parameters, as plain data: one object shared by every file of a run (and sent once to each worker). */
export function stylesheetParams(params: TransformParams): Record<string, unknown> {
  return { behaviours: params.behaviours ?? behavioursParam(), ...(params.labels ?? interfaceWords(englishLabels())), base: params.base, files: params.files, sigla: params.sigla, 'witness-order': params.witnessOrder, 'embedded-registers': params.embeddedRegisters ?? [], 'register-file': params.registerFile ?? false, outputs: params.outputs ?? ['site'], 'document-pattern': patternParam(params.documentPattern), 'reserved-ids': params.reservedIds ?? [] };
}

/** What SaxonJS threw, as one line for a diagnostic: its code, message and the stylesheet line. */
export function failureMessage(error: unknown): string {
  const e = error as { message?: string; xsltLineNr?: string; xsltModule?: string; code?: string };
  const where = e.xsltModule ? ` (xslt ${e.xsltModule}:${Number(e.xsltLineNr ?? 0) + 1})` : '';
  return `${e.code ? `${e.code}: ` : ''}${e.message ?? String(error)}${where}`;
}

/** The stylesheet's result for one file, as its JSON text. Throws what SaxonJS throws. */
export function runTransform(sef: unknown, source: TransformSource, params: Record<string, unknown>, messages: string[]): string {
  const result = SaxonJS.transform(
    {
      stylesheetInternal: sef,
      ...source,
      destination: 'serialized',
      deliverMessage: (message: unknown) => {
        messages.push(messageText(message));
      },
      stylesheetParams: params,
    },
    'sync',
  );
  return String(result.principalResult);
}

export function transformFile(stylesheet: CompiledStylesheet, absolutePath: string, params: TransformParams, text?: string): TransformOutcome {
  const messages: string[] = [];
  try {
    return { ok: true, file: JSON.parse(runTransform(stylesheet.sef, transformSource(absolutePath, text), stylesheetParams(params), messages)) as TransformedFile, messages };
  } catch (error) {
    return { ok: false, message: failureMessage(error), messages };
  }
}
