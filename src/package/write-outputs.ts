// Every output of a build is written into one temporary folder beside the output folder, and that folder
// replaces the output folder in one swap once everything is written. A build that fails or is killed at
// any point before the swap leaves the whole previous output folder as it was: never a new site beside an
// old EPUB. Outputs a build does not make (`--only`) and anything else in the folder are carried over.
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { onExit } from './exit-cleanup.js';

export interface OutputFile {
  /** Path from the output's own folder, '/'-separated. */
  path: string;
  content: string | Uint8Array;
}

export interface Output {
  /** The output's folder inside the output folder: 'site', 'epub', 'apparatus', 'print'. */
  folder: string;
  files: readonly OutputFile[];
  /** Folders copied into the output as they are (e.g. the site's assets). */
  copy?: readonly { from: string; to: string }[];
  /** Files already written elsewhere (e.g. a PDF laid out by the browser), moved in: source → path in the output. */
  move?: readonly { from: string; to: string }[];
  /**
   * The files' paths keep the names of the sources they copy (the deposit's TEI files), so any character
   * but a separator or a control character is allowed in them (isContainedPath); they still stay inside.
   */
  sourceNames?: boolean;
}

/** A page path is written only if it stays inside its folder: relative, no '..', safe characters. */
export function isSafeOutputPath(p: string): boolean {
  if (p === '' || p.startsWith('/') || p.includes('\\') || p.includes('\0')) return false;
  return p.split('/').every((part) => part !== '' && part !== '.' && part !== '..' && /^[A-Za-z0-9._-]+$/.test(part));
}

/** A relative path that stays inside its folder, with any names but `.`, `..` and those holding a control character or a backslash. */
export function isContainedPath(p: string): boolean {
  if (p === '' || p.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(p)) return false;
  return p.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

/** Temporary folders of builds of `outDir` are named with this prefix and the builder's process id. */
export function temporaryPrefix(outDir: string): string {
  return `.${path.basename(path.resolve(outDir))}.building-`;
}

/** The temporary folder this process stages a build of `outDir` in (beside it, so the swap is a rename). */
export function stagingFolder(outDir: string): string {
  const resolved = path.resolve(outDir);
  return path.join(path.dirname(resolved), `${temporaryPrefix(resolved)}${process.pid}`);
}

/**
 * Removes temporary folders left beside `outDir` by builds that crashed or were killed. Only call this
 * while holding the build lock: then no other build is writing one.
 */
export function removeStaleTemporaries(outDir: string): void {
  const parent = path.dirname(path.resolve(outDir));
  if (!existsSync(parent)) return;
  const prefix = temporaryPrefix(outDir);
  for (const name of readdirSync(parent)) if (name.startsWith(prefix)) rmSync(path.join(parent, name), { recursive: true, force: true });
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

/** Carries a file or folder of the previous output over: hard links where the file system allows, else copies. */
function carryOver(from: string, to: string): void {
  if (statSync(from).isDirectory()) {
    mkdirSync(to, { recursive: true });
    for (const name of readdirSync(from).sort()) carryOver(path.join(from, name), path.join(to, name));
    return;
  }
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/**
 * Writes every output into the staging folder, carries over what the build does not replace, and swaps
 * the staging folder in as `outDir`. An error, or the process ending early (SIGINT, SIGTERM), removes the
 * staging folder; a crash leaves it for the next build to remove.
 */
export function writeOutputsAtomically(outDir: string, outputs: readonly Output[], onStaged?: (folder: string) => void): void {
  const target = path.resolve(outDir);
  const temporary = stagingFolder(target);
  const staged = path.join(temporary, path.basename(target));
  const previous = path.join(temporary, '.previous');
  const forget = onExit(() => rmSync(temporary, { recursive: true, force: true }));
  try {
    mkdirSync(staged, { recursive: true });
    for (const output of outputs) {
      if (!isSafeOutputPath(output.folder)) throw new Error(`refusing to write outside the output folder: ${JSON.stringify(output.folder)}`);
      const folder = path.join(staged, output.folder);
      mkdirSync(folder, { recursive: true });
      for (const c of output.copy ?? []) copyTree(c.from, path.join(folder, c.to));
      const safe = output.sourceNames ? isContainedPath : isSafeOutputPath;
      for (const file of output.files) {
        if (!safe(file.path)) throw new Error(`refusing to write outside the ${output.folder} folder: ${JSON.stringify(file.path)}`);
        const destination = path.join(folder, ...file.path.split('/'));
        mkdirSync(path.dirname(destination), { recursive: true });
        writeFileSync(destination, file.content);
      }
      for (const m of output.move ?? []) {
        if (!isSafeOutputPath(m.to)) throw new Error(`refusing to write outside the ${output.folder} folder: ${JSON.stringify(m.to)}`);
        const destination = path.join(folder, ...m.to.split('/'));
        mkdirSync(path.dirname(destination), { recursive: true });
        renameSync(m.from, destination);
      }
      onStaged?.(output.folder);
    }
    const replaced = new Set(outputs.map((o) => o.folder));
    const hadPrevious = existsSync(target);
    if (hadPrevious) for (const name of readdirSync(target).sort()) if (!replaced.has(name)) carryOver(path.join(target, name), path.join(staged, name));
    // The swap: two renames, undone if the second fails.
    mkdirSync(path.dirname(target), { recursive: true });
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
