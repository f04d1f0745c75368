// Writes the site into a temporary folder beside the output folder and swaps it in only when every
// file is written: a failed build leaves the previous output untouched.
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface SiteFile {
  /** Path from the site root, '/'-separated. */
  path: string;
  content: string;
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

export function writeSiteAtomically(siteDir: string, files: readonly SiteFile[], options: WriteOptions = {}): void {
  const parent = path.dirname(path.resolve(siteDir));
  const base = path.basename(siteDir);
  const temporary = path.join(parent, `.${base}-building-${process.pid}`);
  const previous = path.join(parent, `.${base}-previous-${process.pid}`);
  rmSync(temporary, { recursive: true, force: true });
  mkdirSync(temporary, { recursive: true });
  try {
    for (const c of options.copy ?? []) copyTree(c.from, path.join(temporary, c.to));
    for (const file of files) {
      if (!isSafeSitePath(file.path)) throw new Error(`refusing to write outside the site folder: ${JSON.stringify(file.path)}`);
      const target = path.join(temporary, ...file.path.split('/'));
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, file.content);
    }
    if (existsSync(siteDir)) renameSync(siteDir, previous);
    renameSync(temporary, siteDir);
    rmSync(previous, { recursive: true, force: true });
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    if (!existsSync(siteDir) && existsSync(previous)) renameSync(previous, siteDir);
    throw error;
  }
}
