// `tei-edition init [DIR]`: a new edition that validates and builds at once — a config, a sample
// letter with its registers, a .gitignore and a CI workflow — from the templates in
// src/templates/init/. It never overwrites a file without --force, and it writes everything or
// nothing: each file is written beside its place first and moved in only when all were written.
import { randomUUID } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readFileSync, renameSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE_NAME } from '../../config/edition-config.js';
import { ExitCode } from '../../diagnostics/diagnostic.js';
import { packageRoot } from '../../transform/package-root.js';
import { readCommandLine } from '../options.js';
import { INIT_SPEC } from '../specs.js';

/** Each file init writes: its template under src/templates/init/ and its place in the edition. */
export const INIT_FILES: readonly { template: string; target: string }[] = [
  { template: 'edition.config.json', target: CONFIG_FILE_NAME },
  { template: 'tei/edition.xml', target: 'tei/edition.xml' },
  { template: 'tei/documents/sample-letter.xml', target: 'tei/documents/sample-letter.xml' },
  { template: 'tei/registers/persons.xml', target: 'tei/registers/persons.xml' },
  { template: 'tei/registers/places.xml', target: 'tei/registers/places.xml' },
  // Stored without the leading dot: npm leaves .gitignore files out of packages.
  { template: 'gitignore', target: '.gitignore' },
  { template: 'github/workflows/edition.yml', target: '.github/workflows/edition.yml' },
];

export const INIT_TEMPLATES = path.join(packageRoot, 'src', 'templates', 'init');

/** A slug the config accepts (lowercase letters, digits, hyphens), from the folder's name. */
export function slugOf(folder: string): string {
  const slug = path
    .basename(path.resolve(folder))
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug === '' ? 'edition' : slug;
}

function fail(message: string, code: number): number {
  process.stderr.write(`tei-edition init: ${message}\n`);
  return code;
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
}

/** Errors of the user's folder (no permission, a read-only disk): usage errors, exit 2. Anything else (a full disk) is exit 3. */
const USER_FAULTS = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST', 'EISDIR']);
const IN_WORDS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'a read-only file system',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
};

export async function initCommand(args: string[]): Promise<number> {
  const line = readCommandLine(INIT_SPEC, args);
  if (line.exit !== undefined) return line.exit;
  const force = line.parsed.options.force === true;
  const given = line.parsed.paths[0];
  const dir = path.resolve(given ?? '.');
  const shown = given ?? 'the current folder';

  // What is in the way: a file of the same name (unless --force), or anything that is not a folder
  // where a folder must be (never replaced, even with --force).
  const inTheWay: string[] = [];
  const blocking: string[] = [];
  const kindAt = (p: string): 'none' | 'folder' | 'other' => {
    try {
      return statSync(p).isDirectory() ? 'folder' : 'other';
    } catch {
      // A dangling symbolic link is still something in the way.
      try {
        lstatSync(p);
        return 'other';
      } catch {
        return 'none';
      }
    }
  };
  if (kindAt(dir) === 'other') return fail(`${shown} is not a folder: name a folder (it is created if it does not exist)`, ExitCode.usage);
  const folders = new Set<string>();
  for (const { target } of INIT_FILES) {
    for (let d = path.dirname(target); d !== '.'; d = path.dirname(d)) folders.add(d);
  }
  for (const folder of [...folders].sort()) if (kindAt(path.join(dir, folder)) === 'other') blocking.push(`${folder} (not a folder)`);
  for (const { target } of INIT_FILES) {
    const kind = kindAt(path.join(dir, target));
    if (kind === 'folder') blocking.push(`${target} (a folder)`);
    else if (kind === 'other') inTheWay.push(target);
  }
  if (blocking.length > 0) return fail(`cannot write the edition into ${shown}: ${blocking.join(', ')} is in the way; nothing was written`, ExitCode.usage);
  if (inTheWay.length > 0 && !force) {
    return fail(`${inTheWay.length === 1 ? 'this file exists' : 'these files exist'} in ${shown}: ${inTheWay.join(', ')}; nothing was written (use --force to overwrite ${inTheWay.length === 1 ? 'it' : 'them'})`, ExitCode.usage);
  }

  const values: Record<string, string> = { slug: slugOf(dir), identifier: `urn:uuid:${randomUUID()}` };
  const contents: { target: string; text: string }[] = [];
  try {
    for (const { template, target } of INIT_FILES) {
      const text = readFileSync(path.join(INIT_TEMPLATES, template), 'utf8').replace(/\{\{(\w+)\}\}/g, (all, key: string) => values[key] ?? all);
      contents.push({ target, text });
    }
  } catch (error) {
    return fail(`the templates of tei-edition cannot be read (${errorCode(error)} in ${INIT_TEMPLATES}): reinstall tei-edition`, ExitCode.internal);
  }

  const written = writeAll(dir, contents);
  if (!written.ok) {
    const code = USER_FAULTS.has(written.code) ? ExitCode.usage : ExitCode.internal;
    const why = IN_WORDS[written.code] ? `${IN_WORDS[written.code]}, ${written.code}` : written.code;
    return fail(`cannot write into ${shown} (${why} at ${written.at}); nothing was written`, code);
  }

  const lines = [`tei-edition init: a new edition in ${shown}${inTheWay.length > 0 ? ` (overwritten: ${inTheWay.join(', ')})` : ''}:`];
  for (const { target } of INIT_FILES) lines.push(`  ${target}`);
  lines.push('', 'Next:');
  if (path.resolve('.') !== dir) lines.push(`  cd ${given}`);
  if (!existsSync(path.join(dir, 'node_modules', 'tei-edition', 'package.json'))) {
    lines.push('  npm install --save-dev tei-edition     # the config points to its schema in node_modules/tei-edition');
  }
  lines.push('  npx tei-edition validate', '  npx tei-edition build                  # the site, apparatus, EPUB and PDF in dist/');
  process.stdout.write(`${lines.join('\n')}\n`);
  return ExitCode.ok;
}

type WriteResult = { ok: true } | { ok: false; code: string; at: string };

/**
 * Writes every file or none. Each goes first to a partial file beside its place; only when all are
 * written are they renamed into place, any file they replace kept aside until the last rename. A
 * failure at any step removes what this run wrote and puts back what it replaced.
 */
function writeAll(dir: string, files: readonly { target: string; text: string }[]): WriteResult {
  const stamp = `${process.pid}-${Date.now().toString(36)}`;
  const madeFolders: string[] = [];
  const partials: string[] = [];
  const placed: { file: string; aside?: string }[] = [];
  let at = dir;

  const undo = (): void => {
    for (const { file, aside } of placed.reverse()) {
      try {
        unlinkSync(file);
        if (aside) renameSync(aside, file);
      } catch {
        // Best effort: the message already says the write failed.
      }
    }
    for (const p of partials) {
      try {
        unlinkSync(p);
      } catch {
        // Already moved or never written.
      }
    }
    for (const folder of madeFolders.reverse()) {
      try {
        rmdirSync(folder);
      } catch {
        // Not empty (someone else wrote there meanwhile): leave it.
      }
    }
  };

  const makeFolder = (folder: string): void => {
    if (existsSync(folder)) return;
    makeFolder(path.dirname(folder));
    at = folder;
    mkdirSync(folder);
    madeFolders.push(folder);
  };

  try {
    for (const { target, text } of files) {
      const file = path.join(dir, target);
      makeFolder(path.dirname(file));
      const partial = `${file}.init-${stamp}.partial`;
      at = partial;
      partials.push(partial);
      writeFileSync(partial, text, { flag: 'wx' });
    }
    for (const [i, { target }] of files.entries()) {
      const file = path.join(dir, target);
      at = file;
      let aside: string | undefined;
      if (existsSync(file)) {
        aside = `${file}.init-${stamp}.previous`;
        renameSync(file, aside);
      }
      try {
        renameSync(partials[i]!, file);
      } catch (error) {
        if (aside) renameSync(aside, file);
        throw error;
      }
      placed.push({ file, ...(aside ? { aside } : {}) });
    }
  } catch (error) {
    undo();
    return { ok: false, code: errorCode(error), at: path.relative(dir, at) || '.' };
  }
  for (const { aside } of placed) {
    if (!aside) continue;
    try {
      unlinkSync(aside);
    } catch {
      // The new file is in place; a leftover copy of the old one harms nothing.
    }
  }
  return { ok: true };
}
