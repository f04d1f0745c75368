// What the stylesheet returned for each file in earlier builds, so that a rebuild transforms only the
// files that changed. A transformation is a pure function of the file's text, its URI, the parameters
// of the run and the stylesheets (they read no other file), so an entry is found by the hash of the text
// and URI inside a folder named by the hash of the stylesheets and of the parameters: change either and
// nothing old is used. Only transformations that succeeded are kept, with their messages, which become
// diagnostics again exactly as the first time.
//
// Where: the package's own .cache/transform, or the user's own cache folder (see
// src/cache/private-folder.ts: what is stored becomes pages, so the folder must be the user's alone);
// TEI_EDITION_TRANSFORM_CACHE=off turns it off, TEI_EDITION_TRANSFORM_CACHE=FOLDER moves it.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cacheFolderFromSetting } from '../cache/private-folder.js';
import type { TransformOutcome, TransformSource } from './transform-file.js';

/** Bump when what is stored, or how it is read, changes. */
const FORMAT = 'transform-results-1';
/** Bounds: entries per stylesheet and parameters (the folder is emptied beyond), such folders kept (the oldest go). */
const MAX_ENTRIES = 50_000;
const MAX_FOLDERS = 6;

export function transformCacheRoot(setting: string | undefined = process.env.TEI_EDITION_TRANSFORM_CACHE): string | undefined {
  return cacheFolderFromSetting('transform', setting);
}

const sha256 = (...parts: string[]): string => {
  const hash = createHash('sha256');
  for (const p of parts) hash.update(`${Buffer.byteLength(p)}:`).update(p);
  return hash.digest('hex');
};

/**
 * What a result is found by, for the sources of one run: the stylesheets, the run's parameters (hashed
 * once: they hold every file's key) and the source's text and URI.
 */
export function resultKeys(stylesheetHash: string, params: Record<string, unknown>): (source: TransformSource) => string {
  const run = sha256(FORMAT, stylesheetHash, JSON.stringify(params));
  return (source) => ('sourceText' in source ? sha256(run, 'text', source.sourceBaseURI, source.sourceText) : sha256(run, 'file', source.sourceFileName, readFileSync(source.sourceFileName, 'utf8')));
}

export class TransformCache {
  private readonly folder: string;
  private readonly fresh = new Map<string, string>();

  /** Entries are kept per stylesheets (`stylesheetHash`, the hash of every stylesheet) and found by resultKeys. */
  constructor(root: string, stylesheetHash: string) {
    this.folder = path.join(root, sha256(FORMAT, stylesheetHash));
  }

  get(key: string): TransformOutcome | undefined {
    try {
      const stored = JSON.parse(readFileSync(path.join(this.folder, `${key}.json`), 'utf8')) as TransformOutcome;
      return stored.ok ? stored : undefined;
    } catch {
      return undefined;
    }
  }

  /** Keeps a successful outcome for `save`. */
  put(key: string, outcome: TransformOutcome): void {
    if (outcome.ok) this.fresh.set(key, JSON.stringify(outcome));
  }

  /** Writes what was kept. Never fails the build: a cache that cannot be written is skipped. */
  save(): void {
    if (this.fresh.size === 0) return;
    try {
      mkdirSync(this.folder, { recursive: true });
      if (readdirSync(this.folder).length + this.fresh.size > MAX_ENTRIES) {
        rmSync(this.folder, { recursive: true, force: true });
        mkdirSync(this.folder, { recursive: true });
      }
      for (const [name, text] of this.fresh) {
        // Atomic: a reader sees the whole entry or none of it, even with two builds writing at once.
        const file = path.join(this.folder, `${name}.json`);
        const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.partial`;
        writeFileSync(partial, text);
        renameSync(partial, file);
      }
      this.fresh.clear();
      const now = new Date();
      utimesSync(this.folder, now, now);
      this.prune();
    } catch {
      // A read-only or full disk: the next build transforms again.
    }
  }

  /** Keeps the folders used most recently. */
  private prune(): void {
    const root = path.dirname(this.folder);
    const folders = readdirSync(root, { withFileTypes: true })
      .filter((e) => e.isDirectory() && /^[0-9a-f]{64}$/.test(e.name))
      .map((e) => ({ name: e.name, at: statSync(path.join(root, e.name)).mtimeMs }))
      .sort((a, b) => b.at - a.at);
    for (const old of folders.slice(MAX_FOLDERS)) rmSync(path.join(root, old.name), { recursive: true, force: true });
  }
}
