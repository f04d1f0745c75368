// Reduced schemas (reduce-schema.ts) kept from one run to the next: cutting tei_all down takes a
// few hundred milliseconds, as much as compiling what comes out of it, and an editor validating the
// same edition again uses the same elements. An entry is named by the hash of this file's format,
// of the reducer's version, of every schema file (its name and text) and of the sorted element
// names; change any of them and the entry is not found.
//
// It lives in the RelaxNG cache folder (result-cache.ts: the package's .cache/rng or the user's
// own cache, never a shared temporary folder), under `reduced/`: a schema read back from here
// decides verdicts, so it must be as private as a stored verdict. TEI_EDITION_RNG_CACHE=off turns
// it off with the result cache.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Bump when what is stored, or how the reducer cuts, changes. */
const FORMAT = 'rng-reduced-1';
/** Reduced schemas kept; the least recently written go. */
const MAX_ENTRIES = 32;

export interface StoredSchemaFile {
  fileName: string;
  contents: string;
}

export function reducedKey(reducerVersion: string, files: readonly StoredSchemaFile[], names: ReadonlySet<string>): string {
  const hash = createHash('sha256');
  const part = (s: string): void => void hash.update(`${Buffer.byteLength(s)}:`).update(s);
  part(FORMAT);
  part(reducerVersion);
  const sorted = [...files].sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0));
  for (const f of sorted) (part(f.fileName), part(f.contents));
  for (const n of [...names].sort()) part(n);
  return hash.digest('hex');
}

export class ReducedSchemaCache {
  private readonly folder: string;

  constructor(root: string) {
    this.folder = path.join(root, 'reduced');
  }

  /** The reduced files stored under `key`, or undefined. */
  get(key: string): StoredSchemaFile[] | undefined {
    try {
      const data = JSON.parse(readFileSync(path.join(this.folder, `${key}.json`), 'utf8')) as unknown;
      if (!Array.isArray(data)) return undefined;
      const files = data.filter((f): f is StoredSchemaFile => typeof f?.fileName === 'string' && typeof f?.contents === 'string');
      return files.length === data.length && files.length > 0 ? files : undefined;
    } catch {
      return undefined;
    }
  }

  /** Stores reduced files; never fails the run (a cache that cannot be written is skipped). */
  put(key: string, files: readonly StoredSchemaFile[]): void {
    try {
      mkdirSync(this.folder, { recursive: true, mode: 0o700 });
      const file = path.join(this.folder, `${key}.json`);
      // Atomic: a reader sees the whole entry or none of it, even with two runs writing at once.
      const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.partial`;
      writeFileSync(partial, JSON.stringify(files));
      renameSync(partial, file);
      this.prune();
    } catch {
      // A read-only or full disk: the next run reduces again.
    }
  }

  private prune(): void {
    const entries = readdirSync(this.folder)
      .filter((n) => /^[0-9a-f]{64}\.json$/.test(n))
      .map((n) => ({ n, at: statSync(path.join(this.folder, n)).mtimeMs }))
      .sort((a, b) => b.at - a.at);
    for (const old of entries.slice(MAX_ENTRIES)) rmSync(path.join(this.folder, old.n), { force: true });
  }
}
