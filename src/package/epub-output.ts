// The build's EPUB step: the options a build plan gives, resolved (identifier, notes, date), and the
// files for dist/epub.
import path from 'node:path';
import { commonFolder } from '../read/files.js';
import type { XmlElement } from '../read/tree.js';
import type { SiteModel } from '../render/site-model.js';
import { sourceInstant } from '../render/source-date.js';
import { buildEpub, derivedIdentifier, type EpubFile } from './build-epub.js';
import type { NotesPlacement } from '../render/epub/content.js';

export interface EpubPlan {
  /** From the config's "identifier"; without one, derived from the title and file names. */
  identifier?: string;
  /** From the config's "epub": {"notes": …}; footnotes by default. */
  notes?: NotesPlacement;
  /** Bytes of XHTML above which a document is cut into parts; not a config setting (tests set it small). */
  partLimit?: number;
}

export interface EpubSources {
  header?: XmlElement;
  /** Folder whose last commit dates the book (as for the site). */
  dateFrom: string;
  /** Every source file, absolute. */
  files: string[];
}

export function renderEpub(model: SiteModel, plan: EpubPlan | undefined, sources: EpubSources): EpubFile[] {
  const identifier = plan?.identifier ?? derivedIdentifier(model.title, model.documents.map((d) => path.basename(d.page)));
  return buildEpub(model, {
    identifier,
    notes: plan?.notes ?? 'footnotes',
    modified: sourceInstant(sources.dateFrom, sources.files),
    ...(sources.header ? { header: sources.header } : {}),
    ...(plan?.partLimit !== undefined ? { partLimit: plan.partLimit } : {}),
    ...(sources.files.length ? { sourceRoot: commonFolder(sources.files) } : {}),
  });
}
