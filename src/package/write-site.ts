// Writes the site into a temporary folder beside the output folder and swaps it in only when every
// file is written: a failed build leaves the previous output untouched.
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { onExit } from './exit-cleanup.js';

export interface SiteFile {
  /** Path from the site root, '/'-separated. */
  path: string;
  content: string | Uint8Array;
}

/** A page path is written only if it stays inside the site folder: relative, no '..', safe characters. */
export function isSafeSitePath(p: string): boolean {
  if (p === '' || p.startsWith('/') || p.includes('\\') || p.includes('\0')) return false;
  return p.split('/').every((part) => part !== '' && part !== '.' && part !== '..' && /^[A-Za-z0-9._-]+$/.test(part));
}

function copyTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from).sort()) {
    const source = path.join(from, name);
    const target = path.join(to, name);
    if (statSync(source).isDirectory()) copyTree(source, target);
    else copyFileSync(source, target);
  }
}

export interface WriteOptions {
  /** Folders whose files are copied into the site as they are (e.g. assets). */
  copy?: { from: string; to: string }[];
}

/** Temporary folders of builds of `outDir` are named with this prefix and the builder's process id. */
export function temporaryPrefix(outDir: string): string {
  return `.${path.basename(path.resolve(outDir))}.building-`;
}

/**
 * Removes temporary folders left beside `outDir` by builds that crashed or were killed. Only
 * call this while holding the build lock: then no other build is writing one.
 */
export function removeStaleTemporaries(outDir: string): void {
  const parent = path.dirname(path.resolve(outDir));
  if (!existsSync(parent)) return;
  const prefix = temporaryPrefix(outDir);
  for (const name of readdirSync(parent)) if (name.startsWith(prefix)) rmSync(path.join(parent, name), { recursive: true, force: true });
}

/**
 * Writes the site into a temporary folder next to the output folder (`.dist.building-<pid>` beside
 * `dist/`) and swaps it into `<out>/<site>` only when every file is written. An error, or the
 * process ending early (SIGINT, SIGTERM), removes the temporary folder; a crash leaves it for the
 * next build to remove.
 */
export function writeSiteAtomically(siteDir: string, files: readonly SiteFile[], options: WriteOptions = {}): void {
  const target = path.resolve(siteDir);
  const outDir = path.dirname(target);
  const temporary = path.join(path.dirname(outDir), `${temporaryPrefix(outDir)}${process.pid}`);
  const staged = path.join(temporary, path.basename(target));
  const previous = path.join(temporary, '.previous');
  rmSync(temporary, { recursive: true, force: true });
  const forget = onExit(() => rmSync(temporary, { recursive: true, force: true }));
  try {
    mkdirSync(staged, { recursive: true });
    for (const c of options.copy ?? []) copyTree(c.from, path.join(staged, c.to));
    for (const file of files) {
      if (!isSafeSitePath(file.path)) throw new Error(`refusing to write outside the site folder: ${JSON.stringify(file.path)}`);
      const destination = path.join(staged, ...file.path.split('/'));
      mkdirSync(path.dirname(destination), { recursive: true });
      writeFileSync(destination, file.content);
    }
    // The swap: two renames, undone if the second fails.
    mkdirSync(outDir, { recursive: true });
    const hadPrevious = existsSync(target);
    if (hadPrevious) renameSync(target, previous);
    try {
      renameSync(staged, target);
    } catch (error) {
      if (hadPrevious) renameSync(previous, target);
      throw error;
    }
  } finally {
    rmSync(temporary, { recursive: true, force: true });
    forget();
  }
}
