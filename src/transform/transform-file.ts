// One TEI file through the HTML stylesheet: HTML fragments and the data the site is made from.
import { pathToFileURL } from 'node:url';
import SaxonJS from 'saxon-js';
import { asUtf8Source } from '../read/decode.js';
import { behavioursParam } from '../read/behaviours.js';
import type { CompiledStylesheet } from './stylesheet.js';

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
  /** For an entry of a list a document carries (xslt/common/registers.xsl): the kind of list whose register it joins; else ''. */
  register: string;
  label: string;
  names: { type: string; text: string }[];
  html: string;
  /** For an entry of a list a document carries: its description as separate HTML parts (html is all of them); else empty. */
  parts: string[];
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
  front: FrontMatter;
  noteCount: number;
  appCount: number;
}

export interface TransformParams {
  /** URI of the folder that holds every source, ending in '/': keys of files and entries are paths from it. */
  base: string;
  /** Keys (paths from `base`) of the edition's source files: pointers into them become link keys. */
  files: string[];
  /** Absolute witness URI → siglum. */
  sigla: Record<string, string>;
  witnessOrder: string[];
  /** Kinds of entity list (listPerson …) whose entries join a register when documents carry them in back or standOff. */
  embeddedRegisters?: string[];
  /** The outputs the build makes: the text is rendered for each that needs its own (default: the site only). */
  outputs?: string[];
  /** The behaviour table as the stylesheets take it (default: xslt/common/tei-behaviours.json). */
  behaviours?: Record<string, unknown>;
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

/**
 * `text`: the decoded text the checks read. Given, the processor parses exactly that (SaxonJS reads
 * files as UTF-8 only, and a second read could see a file changed since it was checked); the file's
 * path stays its base URI, so relative pointers resolve as before.
 */
export function transformFile(stylesheet: CompiledStylesheet, absolutePath: string, params: TransformParams, text?: string): TransformOutcome {
  const messages: string[] = [];
  try {
    const source = text === undefined ? { sourceFileName: absolutePath } : { sourceText: asUtf8Source(text), sourceBaseURI: fileUri(absolutePath) };
    const result = SaxonJS.transform(
      {
        stylesheetInternal: stylesheet.sef,
        ...source,
        destination: 'serialized',
        deliverMessage: (message: unknown) => {
          messages.push(messageText(message));
        },
        stylesheetParams: { behaviours: params.behaviours ?? behavioursParam(), base: params.base, files: params.files, sigla: params.sigla, 'witness-order': params.witnessOrder, 'embedded-registers': params.embeddedRegisters ?? [], outputs: params.outputs ?? ['site'] },
      },
      'sync',
    );
    return { ok: true, file: JSON.parse(String(result.principalResult)) as TransformedFile, messages };
  } catch (error) {
    const e = error as { message?: string; xsltLineNr?: string; xsltModule?: string; code?: string };
    const where = e.xsltModule ? ` (xslt ${e.xsltModule}:${Number(e.xsltLineNr ?? 0) + 1})` : '';
    return { ok: false, message: `${e.code ? `${e.code}: ` : ''}${e.message ?? String(error)}${where}`, messages };
  }
}
