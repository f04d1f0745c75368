// Builds that outgrow one machine: `build --shard K/N` transforms one Nth of the files and writes what
// the stylesheet returned for each into a shard folder; `build --merge SHARD...` takes those results
// instead of transforming again, and renders and packages the whole edition from them. A result is a
// pure function of the file's text and URI, the run's parameters and the stylesheets, so a result
// made on another machine is the one this machine would make: the merged build is the one-machine
// build, byte for byte. A shard says which stylesheets and parameters it was made with; a merge takes
// only results made with its own, and transforms whatever no shard holds.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TransformOutcome } from './transform-file.js';

/** Bump when what a shard holds, or how it is read, changes. */
export const SHARD_FORMAT = 'tei-edition-shard-1';
const MANIFEST = 'shard.json';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** "K/N" with 1 ≤ K ≤ N, or why not. */
export function parseShard(text: string): { value: Shard } | { error: string } {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) return { error: `--shard needs K/N, e.g. --shard 1/4 (not "${text}")` };
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) return { error: `--shard ${text}: K must be between 1 and N` };
  return { value: { index, count } };
}

/**
 * Whether the file with this key falls to `shard`. By a hash of the key, not by position: adding a file
 * moves no other file to another shard, and shards stay even without sizes being known.
 */
export function inShard(key: string, shard: Shard): boolean {
  const h = createHash('sha256').update(key).digest();
  return h.readUInt32BE(0) % shard.count === shard.index - 1;
}

/** Results by their key (resultKeys in transform-cache.ts), gathered from shard folders (or collected for one). */
export type ShardResults = Map<string, TransformOutcome>;

/** Writes a shard folder: one file per result, then the manifest, so a folder with a manifest is whole. */
export function writeShard(folder: string, shard: Shard, results: ShardResults): void {
  const partial = `${folder}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(path.join(partial, 'results'), { recursive: true });
  const keys = [...results.keys()].sort();
  for (const key of keys) writeFileSync(path.join(partial, 'results', `${key}.json`), JSON.stringify(results.get(key)));
  writeFileSync(path.join(partial, MANIFEST), `${JSON.stringify({ format: SHARD_FORMAT, shard: `${shard.index}/${shard.count}`, results: keys.length }, null, 1)}\n`);
  rmSync(folder, { recursive: true, force: true });
  renameSync(partial, folder);
}

/** Every result of the shard folders, or a message saying which folder is not a shard of this tool. */
export function readShards(folders: readonly string[]): { results: ShardResults } | { error: string } {
  const results: ShardResults = new Map();
  for (const folder of folders) {
    const manifest = path.join(folder, MANIFEST);
    if (!existsSync(manifest)) return { error: `${folder} is not a shard folder (it has no ${MANIFEST}; make one with build --shard K/N)` };
    let format: unknown;
    try {
      format = (JSON.parse(readFileSync(manifest, 'utf8')) as { format?: unknown }).format;
    } catch {
      return { error: `${manifest} cannot be read as JSON` };
    }
    if (format !== SHARD_FORMAT) return { error: `${folder} was made by another version of tei-edition (${String(format)}; this one reads ${SHARD_FORMAT})` };
    const dir = path.join(folder, 'results');
    for (const name of readdirSync(dir).sort()) {
      if (!/^[0-9a-f]{64}\.json$/.test(name)) continue;
      try {
        results.set(name.slice(0, -5), JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as TransformOutcome);
      } catch {
        return { error: `${path.join(dir, name)} cannot be read as JSON` };
      }
    }
  }
  return { results };
}
