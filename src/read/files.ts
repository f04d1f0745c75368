// Paths named by the user or the config → the list of XML files to read, in a stable order.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export type ExpandResult = { files: string[]; missing: string[]; emptyFolders: string[] };

function walk(dir: string, out: string[]): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile() && entry.name.toLowerCase().endsWith('.xml')) out.push(full);
  }
}

/** Files are taken as named (whatever their extension); folders contribute their *.xml files. */
export function expandPaths(paths: readonly string[]): ExpandResult {
  const files: string[] = [];
  const missing: string[] = [];
  const emptyFolders: string[] = [];
  for (const p of paths) {
    let stat;
    try {
      stat = statSync(p);
    } catch {
      missing.push(p);
      continue;
    }
    if (stat.isDirectory()) {
      const found: string[] = [];
      walk(p, found);
      if (found.length === 0) emptyFolders.push(p);
      files.push(...found);
    } else files.push(p);
  }
  const seen = new Set<string>();
  const unique = files.filter((f) => {
    const key = path.resolve(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { files: unique, missing, emptyFolders };
}

/** How a path is shown in diagnostics: relative to the working directory, with forward slashes. */
export function displayPath(file: string, cwd: string = process.cwd()): string {
  const rel = path.relative(cwd, path.resolve(cwd, file));
  return (rel === '' ? '.' : rel).split(path.sep).join('/');
}

/** The deepest folder that holds every one of these files (absolute paths); '' for none. */
export function commonFolder(files: readonly string[]): string {
  if (files.length === 0) return '';
  let folder = path.dirname(path.resolve(files[0]!));
  for (const f of files.slice(1)) {
    const resolved = path.resolve(f);
    while (folder !== path.dirname(folder) && !resolved.startsWith(folder + path.sep)) folder = path.dirname(folder);
  }
  return folder;
}
