// What xmllint said about each document in earlier runs, so that a file validated before against
// the same schema is not validated again: its verdict cannot have changed. An entry is found by the
// hash of the exact text xmllint reads, inside a folder named by the hash of the validator (its
// WebAssembly), of this file's format and of every schema file: change any of them and nothing old
// is used. Only complete answers are kept (a verdict, from a run whose schema compiled). A run that
// finds every file here starts no validator and compiles no schema.
//
// Where: the package's own .cache/rng, or the user's own cache folder when the package is read-only
// (see src/cache/private-folder.ts: a stored verdict is trusted, so the folder must be the user's
// alone); TEI_EDITION_RNG_CACHE=off turns it off, TEI_EDITION_RNG_CACHE=FOLDER moves it.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cacheFolderFromSetting } from '../../cache/private-folder.js';

/** Bump when what is stored, or how it is read, changes. */
const FORMAT = 'rng-results-1';
/** The name documents carry in stored output, replaced by the real one when read back. */
export const STORED_NAME = 'doc/0.xml';
/** Bounds: entries per schema (the folder is emptied beyond), schemas kept (the oldest go). */
const MAX_ENTRIES = 50_000;
const MAX_SCHEMAS = 8;

/** The cache folder, or undefined when the cache is off. */
export function cacheRoot(setting: string | undefined = process.env.TEI_EDITION_RNG_CACHE): string | undefined {
  return cacheFolderFromSetting('rng', setting);
}

const sha256 = (...parts: (string | Uint8Array)[]): string => {
  const hash = createHash('sha256');
  for (const p of parts) hash.update(typeof p === 'string' ? `${Buffer.byteLength(p)}:` : `${p.length}:`).update(p);
  return hash.digest('hex');
};

export interface CacheKeyParts {
  /** The validator's WebAssembly, byte for byte. */
  validator: Uint8Array;
  mainSchema: string;
  schemaFiles: readonly { fileName: string; contents: string }[];
}

export class RngResultCache {
  private readonly folder: string;
  private readonly fresh = new Map<string, string>();
  private entries = -1;

  constructor(root: string, key: CacheKeyParts) {
    const files = [...key.schemaFiles].sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0));
    this.folder = path.join(root, sha256(FORMAT, key.validator, key.mainSchema, ...files.flatMap((f) => [f.fileName, f.contents])));
  }

  /** What xmllint printed about the schema when it compiled (warnings, usually nothing); undefined if never stored. */
  preamble(): string | undefined {
    return this.read('preamble');
  }

  /** What xmllint printed about a document with exactly this text, named STORED_NAME; undefined if not stored. */
  get(text: string): string | undefined {
    return this.read(`doc-${sha256(text)}`);
  }

  /** Keeps an answer for `save`. The output must hold the document's verdict. */
  put(text: string, output: string): void {
    this.fresh.set(`doc-${sha256(text)}`, output);
  }

  /** Writes what was kept, with the schema's preamble. Never fails the run: a cache that cannot be written is skipped. */
  save(preamble: string): void {
    if (this.fresh.size === 0) return;
    try {
      mkdirSync(this.folder, { recursive: true });
      if (this.count() + this.fresh.size > MAX_ENTRIES) {
        rmSync(this.folder, { recursive: true, force: true });
        mkdirSync(this.folder, { recursive: true });
      }
      this.write('preamble', preamble);
      for (const [name, output] of this.fresh) this.write(name, output);
      this.fresh.clear();
      const now = new Date();
      utimesSync(this.folder, now, now);
      this.pruneSchemas();
    } catch {
      // A read-only or full disk: the next run validates again.
    }
  }

  private read(name: string): string | undefined {
    try {
      return readFileSync(path.join(this.folder, `${name}.txt`), 'utf8');
    } catch {
      return undefined;
    }
  }

  /** Atomic: a reader sees the whole entry or none of it, even with two runs writing at once. */
  private write(name: string, text: string): void {
    const file = path.join(this.folder, `${name}.txt`);
    const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.partial`;
    writeFileSync(partial, text);
    renameSync(partial, file);
  }

  private count(): number {
    if (this.entries < 0) {
      try {
        this.entries = readdirSync(this.folder).length;
      } catch {
        this.entries = 0;
      }
    }
    return this.entries;
  }

  /** Keeps the folders of the schemas used most recently. */
  private pruneSchemas(): void {
    const root = path.dirname(this.folder);
    const folders = readdirSync(root, { withFileTypes: true })
      .filter((e) => e.isDirectory() && /^[0-9a-f]{64}$/.test(e.name))
      .map((e) => ({ name: e.name, at: statSync(path.join(root, e.name)).mtimeMs }))
      .sort((a, b) => b.at - a.at);
    for (const old of folders.slice(MAX_SCHEMAS)) rmSync(path.join(root, old.name), { recursive: true, force: true });
  }
}
