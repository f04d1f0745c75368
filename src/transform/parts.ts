// Documents inside files: what the edition calls one document (a file, or an element inside files, such as
// the div type="document" of a FRUS volume), as the config says it and the stylesheets take it
// (xslt/common/parts.xsl), and the parts the transform returns for a file it cuts (xslt/html/volume.xsl).
// Pure functions and types.
import type { DateMention, Mention, TextUnit } from './transform-file.js';

/** An element that is one document: its TEI name, with an attribute (and its value) when the pattern gives them. */
export interface DocumentPattern {
  element: string;
  attribute?: string;
  value?: string;
  /** How many matches a file must hold to be cut (1 when the config names the pattern; 2 by default in folder builds). */
  minimum?: number;
}

/** What a folder build without a config cuts a file by: two or more of these in its text make it a volume. */
export const DEFAULT_DOCUMENT_PATTERN = "div[@type='document']";
/** A folder build cuts a file only when it holds this many documents: one document is the file itself. */
export const DEFAULT_MINIMUM = 2;

const NAME = '[A-Za-z_][A-Za-z0-9_.-]*';
/** `name`, `name[@attr]`, `name[@attr='value']` (or "value"), an optional `tei:` before the name; attribute names may have a prefix (xml:id). */
export const PATTERN_SYNTAX = new RegExp(`^\\s*(?:tei:)?(${NAME})\\s*(?:\\[\\s*@((?:${NAME}:)?${NAME})\\s*(?:=\\s*(?:'([^']*)'|"([^"]*)"))?\\s*\\])?\\s*$`);

/**
 * The config's "document": "file" (each file is one document), or a pattern. Undefined for "file"; an error
 * message for what is neither.
 */
export function parseDocumentPattern(spec: string): { pattern?: DocumentPattern; error?: string } {
  if (spec.trim() === 'file') return {};
  const m = PATTERN_SYNTAX.exec(spec);
  if (!m) return { error: `"${spec}" is not a pattern the tool reads: write "file", an element name ("div"), or a name with one attribute test ("div[@type='document']")` };
  const [, element = '', attribute, single, double] = m;
  const value = single ?? double;
  return { pattern: { element, ...(attribute ? { attribute } : {}), ...(value !== undefined ? { value } : {}) } };
}

/** The pattern as the stylesheets take it (the parameter document-pattern). */
export function patternParam(pattern: DocumentPattern | undefined): Record<string, unknown> {
  if (!pattern) return {};
  return { element: pattern.element, ...(pattern.attribute ? { attribute: pattern.attribute } : {}), ...(pattern.value !== undefined ? { value: pattern.value } : {}), minimum: pattern.minimum ?? 1 };
}

/** The kind of a part: the volume's own page (its contents), a document, a division of the front or the back. */
export type PartKind = 'volume' | 'document' | 'front' | 'back';

/**
 * One part of a file cut into documents, as xslt/html/volume.xsl returns it: what a document has of its own.
 * Everything else (metadata panel, source, witnesses, front matter, register entries) belongs to the file.
 */
export interface TransformedPart {
  kind: PartKind;
  title: string;
  /** The title of the volume the part belongs to. */
  series: string;
  lang: string;
  /** The part's xml:id, or ''. */
  id: string;
  /** A document's @n, or ''. */
  number: string;
  date: { when?: string; to?: string; label?: string };
  /** The id the part is linked by (its xml:id, else part-N); '' for the volume's page. */
  anchor: string;
  /** The ids of the source the part renders (safe ids): where links to them lead. */
  ids: string[];
  html: { text: string; book: string; print: string };
  mentions: Mention[];
  units: TextUnit[];
  dates: DateMention[];
  noteCount: number;
  appCount: number;
  apparatus: unknown;
}

/** The pattern a folder build cuts files by: div type="document", when a file holds two or more. */
export function defaultDocumentPattern(): DocumentPattern {
  return { ...parseDocumentPattern(DEFAULT_DOCUMENT_PATTERN).pattern!, minimum: DEFAULT_MINIMUM };
}
