// The edition's one config file, as the rest of the program sees it: checked, with defaults
// filled in and every path resolved against the config file's folder.
import type { RuleLevel } from '../diagnostics/rules.js';
import type { DocumentPattern } from '../transform/parts.js';
import type { LabelValue } from '../labels/labels.js';

export interface EditionConfig {
  /** The config file, as displayed. */
  file: string;
  /** Folder the config's relative paths are resolved against. */
  root: string;
  title: string;
  slug: string;
  /** Edition-level TEI (front matter, witnesses), absolute. */
  edition: string;
  /** Files or folders of edition documents, absolute. */
  documents: string[];
  /** Files or folders of registers (persons, places, organisations), absolute. */
  registers: string[];
  /** RelaxNG schema (XML syntax), absolute; undefined when the edition names none. */
  schema?: string;
  /** ISO Schematron files, absolute. */
  schematron: string[];
  out: string;
  /** The book's identifier (EPUB dc:identifier), e.g. "urn:uuid:…": fixed once, never regenerated. */
  identifier?: string;
  /** EPUB options: notes as footnotes (pop-up asides) or as endnotes at the end of each document. */
  epub?: { notes: 'footnotes' | 'endnotes' };
  /** The printed edition's page: size, margins (mm) and base font size (pt); defaults A4, the engine's margins, 11 pt. */
  print?: PrintOptions;
  /** What one document is ("document"): undefined for "file" (the default: each file is one document), else the
   * element inside files that is one document, e.g. div type="document" (src/transform/parts.ts). */
  document?: DocumentPattern;
  rules: Record<string, RuleLevel>;
  /** The interface's language ("lang"); undefined: that of the edition's text (src/labels/labels.ts). */
  lang?: string;
  /** The edition's own words for labels of the interface ("labels"), by key. */
  labels?: Record<string, LabelValue>;
}

export interface PrintOptions {
  pageSize?: 'A4' | 'Letter';
  fontSize?: number;
  margins?: Partial<Record<'top' | 'bottom' | 'inner' | 'outer', number>>;
}

export const CONFIG_FILE_NAME = 'edition.config.json';
