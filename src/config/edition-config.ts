// The edition's one config file, as the rest of the program sees it: checked, with defaults
// filled in and every path resolved against the config file's folder.
import type { RuleLevel } from '../diagnostics/rules.js';

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
  rules: Record<string, RuleLevel>;
}

export interface PrintOptions {
  pageSize?: 'A4' | 'Letter';
  fontSize?: number;
  margins?: Partial<Record<'top' | 'bottom' | 'inner' | 'outer', number>>;
}

export const CONFIG_FILE_NAME = 'edition.config.json';
