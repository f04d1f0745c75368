// The zips of a build: the .epub file (`mimetype` first and stored, then every other file) and the
// deposit's bag. Entries in a fixed order, compressed, each with the same fixed time: the same files
// give the same bytes.
import { zipSync, type Zippable } from 'fflate';

/**
 * The zip's timestamp for `instant` (ISO 8601, UTC). Zip times have no time zone and fflate reads
 * them from a Date's local fields, so the Date is built so that its local fields are the UTC ones:
 * the bytes do not depend on the machine's time zone. Zip cannot store dates before 1980.
 */
function zipTime(instant: string): Date {
  const t = new Date(instant);
  const valid = !Number.isNaN(t.getTime()) && t.getUTCFullYear() >= 1980 && t.getUTCFullYear() < 2100;
  const u = valid ? t : new Date(Date.UTC(1980, 0, 1));
  return new Date(u.getUTCFullYear(), u.getUTCMonth(), u.getUTCDate(), u.getUTCHours(), u.getUTCMinutes(), u.getUTCSeconds());
}

/** `files`: path → bytes; `mimetype` is written first whatever the order of the others, which are sorted. */
export function zipEpub(files: ReadonlyMap<string, Uint8Array>, instant: string): Uint8Array {
  const mtime = zipTime(instant);
  const mimetype = files.get('mimetype');
  if (!mimetype) throw new Error('an EPUB needs a mimetype file');
  const entries: Zippable = {};
  entries['mimetype'] = [mimetype, { level: 0, mtime }];
  for (const name of [...files.keys()].filter((k) => k !== 'mimetype').sort()) {
    entries[name] = [files.get(name)!, { level: 9, mtime }];
  }
  return zipSync(entries);
}

/**
 * A zip of `files` (path → bytes), entries sorted by path, every one deflated and dated `instant`. Paths
 * are '/'-separated and relative; folders are implied by the paths (no folder entries).
 */
export function zipSorted(files: ReadonlyMap<string, Uint8Array>, instant: string, level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 = 6): Uint8Array {
  const mtime = zipTime(instant);
  const entries: Zippable = {};
  for (const name of [...files.keys()].sort()) entries[name] = [files.get(name)!, { level, mtime }];
  return zipSync(entries);
}
