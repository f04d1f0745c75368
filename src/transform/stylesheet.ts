// XSLT → SEF (the compiled form SaxonJS runs), parsed once per process.
//
// The package ships the SEF of every entry stylesheet in lib/xslt/, named by a hash of every file
// in xslt/ (written by `npm run compile`, so by `prepare` and `prepack` too): an installed tool
// finds the SEF that matches its stylesheets and compiles nothing. Only when the stylesheets differ
// from what was shipped (a developer editing xslt/) is an entry compiled with the xslt3 compiler,
// into a cache folder only the user can write to (src/cache/private-folder.ts): a compiled
// stylesheet is code that writes the pages, so it must not be read from where others could put it.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { cacheFolder, writableFolder } from '../cache/private-folder.js';
import { packageRoot } from './package-root.js';

const run = promisify(execFile);

/** Every stylesheet the tool runs, as a path under xslt/ without `.xsl`: what is compiled and shipped. */
export const STYLESHEET_ENTRIES = ['html/page'] as const;
export type StylesheetEntry = (typeof STYLESHEET_ENTRIES)[number];

/** The stylesheets' sources. */
export const XSLT_DIR = path.join(packageRoot, 'xslt');
/** Where the package's own compiled stylesheets are (built output, like the rest of lib/). */
export const SHIPPED_SEF_DIR = path.join(packageRoot, 'lib', 'xslt');
/** Compiled stylesheets kept in a cache folder: the newest go on being used, older ones are removed. */
const MAX_CACHED = 8;

export interface CompiledStylesheet {
  /** The parsed SEF, to pass to SaxonJS as stylesheetInternal (SaxonJS adds to it as it runs). */
  sef: unknown;
  /** The SEF as read, for worker threads to parse their own copy (transform-pool.ts). */
  text: string;
  hash: string;
}

/** A stylesheet that could not be compiled or loaded; the message is one line, fit for a diagnostic. */
export class StylesheetError extends Error {
  override name = 'StylesheetError';
}

function xslFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...xslFilesUnder(full));
    else if (name.endsWith('.xsl')) out.push(full);
  }
  return out;
}

/** A hash of every stylesheet under xslt/ (names and contents), so any change recompiles. */
export function stylesheetHash(xsltDir: string): string {
  const hash = createHash('sha256');
  for (const file of xslFilesUnder(xsltDir)) {
    hash.update(path.relative(xsltDir, file).split(path.sep).join('/'));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 20);
}

/** The file name of an entry's SEF for stylesheets with this hash, the same shipped or cached. */
export function sefFileName(entry: string, hash: string): string {
  return `${entry.replace(/[\\/]/g, '-')}-${hash}.sef.json`;
}

/** The xslt3 compiler, found the way Node finds any dependency (npm may place it anywhere above the package). */
function compilerPath(): string {
  try {
    return createRequire(import.meta.url).resolve('xslt3/xslt3.js');
  } catch {
    throw new StylesheetError('the XSLT compiler (the npm package xslt3) is not installed: run "npm install" where tei-edition is installed');
  }
}

/** What xslt3 said, on one line: its error code and message, without its closing "Failed to compile stylesheet". */
function oneLine(output: string): string {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^Failed to compile stylesheet/i.test(l) && !/^at\s/.test(l));
  const text = lines.join(' ').replace(/\s+/g, ' ');
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

/** Compiles xslt/<entry>.xsl into `target` (written whole, or not at all). */
export async function compileStylesheet(xslFile: string, target: string, label: string): Promise<void> {
  const compiler = compilerPath();
  const partial = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.partial`;
  try {
    await run(process.execPath, [compiler, `-xsl:${xslFile}`, `-export:${partial}`, '-nogo', '-relocate:on'], { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    rmSync(partial, { force: true });
    const e = error as { stderr?: string; stdout?: string; message?: string };
    const said = oneLine(`${e.stderr ?? ''}\n${e.stdout ?? ''}`) || oneLine(e.message ?? '') || 'no message';
    throw new StylesheetError(`the stylesheet ${label} does not compile: ${said}`);
  }
  try {
    renameSync(partial, target);
  } catch (error) {
    // Not the compiler's fault: the file system refused the result (a full or read-only disk).
    rmSync(partial, { force: true });
    throw new StylesheetError(`the compiled stylesheet ${label} could not be written into ${path.dirname(target)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

function readIfThere(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function parseSef(text: string): unknown {
  const sef = JSON.parse(text) as { N?: unknown } | null;
  if (typeof sef !== 'object' || sef === null || sef.N !== 'package') throw new Error('not a SEF package');
  return sef;
}

/** Keeps the newest compiled stylesheets of a cache folder (each is about 2 MB; an edited xslt/ makes a new one per change). */
function pruneCache(folder: string): void {
  try {
    const files = readdirSync(folder)
      .filter((n) => n.endsWith('.sef.json'))
      .map((n) => ({ n, at: statSync(path.join(folder, n)).mtimeMs }))
      .sort((a, b) => b.at - a.at);
    for (const old of files.slice(MAX_CACHED)) unlinkSync(path.join(folder, old.n));
  } catch {
    // Pruning is housekeeping: never a reason to fail a build.
  }
}

export interface LoadStylesheetOptions {
  /** Default: the package's xslt/. */
  xsltDir?: string;
  /** Default: the package's lib/xslt/. */
  shippedDir?: string;
  /** Where to keep what is compiled here; null: keep nothing. Default: cacheFolder('xslt'). */
  cacheDir?: string | null;
}

const loaded = new Map<string, CompiledStylesheet>();

/**
 * The compiled form of xslt/<entry>.xsl: the shipped SEF when it matches the stylesheets, else the
 * cached one, else compiled now. Throws only StylesheetError, with a one-line message.
 */
export async function loadStylesheet(entry: StylesheetEntry, options: LoadStylesheetOptions = {}): Promise<CompiledStylesheet> {
  const xsltDir = options.xsltDir ?? XSLT_DIR;
  let hash: string;
  try {
    hash = stylesheetHash(xsltDir);
  } catch (error) {
    throw new StylesheetError(`the stylesheets in ${xsltDir} cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const key = `${xsltDir}\0${entry}\0${hash}`;
  const known = loaded.get(key);
  if (known) return known;
  const name = sefFileName(entry, hash);
  const label = `xslt/${entry}.xsl`;

  const keep = (text: string): CompiledStylesheet => {
    const compiled = { sef: parseSef(text), text, hash };
    loaded.set(key, compiled);
    return compiled;
  };

  const shipped = readIfThere(path.join(options.shippedDir ?? SHIPPED_SEF_DIR, name));
  if (shipped !== undefined) {
    try {
      return keep(shipped);
    } catch {
      throw new StylesheetError(`the compiled stylesheet lib/xslt/${name} is damaged: reinstall tei-edition (or run "npm run compile" in a checkout)`);
    }
  }

  const xslFile = path.join(xsltDir, `${entry}.xsl`);
  const cacheDir = options.cacheDir === undefined ? cacheFolder('xslt') : options.cacheDir;
  if (cacheDir !== null && cacheDir !== undefined && writableFolder(cacheDir)) {
    const file = path.join(cacheDir, name);
    const cached = readIfThere(file);
    if (cached !== undefined) {
      try {
        const compiled = keep(cached);
        touch(file);
        return compiled;
      } catch {
        // A damaged entry (a disk that filled up under another tool): compile it again below.
        rmSync(file, { force: true });
      }
    }
    await compileStylesheet(xslFile, file, label);
    pruneCache(cacheDir);
    return keep(readFileSync(file, 'utf8'));
  }

  // No folder is safe to keep it in: compile into a private folder of this process (mkdtemp: mode
  // 0700, a fresh name), read it, and remove it.
  let scratch: string;
  try {
    scratch = mkdtempSync(path.join(tmpdir(), 'tei-edition-xslt-'));
  } catch (error) {
    throw new StylesheetError(`the stylesheet ${label} must be compiled, but no folder can take it: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    const file = path.join(scratch, name);
    await compileStylesheet(xslFile, file, label);
    return keep(readFileSync(file, 'utf8'));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Marks a cached entry as used, so pruning keeps it; a read-only cache simply is not marked. */
function touch(file: string): void {
  try {
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    // Nothing to do.
  }
}

/**
 * Compiles every entry into lib/xslt/ for the package to ship, and removes what the current
 * stylesheets no longer use. An entry already compiled from the same stylesheets is kept.
 */
export async function shipStylesheets(target: string = SHIPPED_SEF_DIR, xsltDir: string = XSLT_DIR): Promise<string[]> {
  const hash = stylesheetHash(xsltDir);
  mkdirSync(target, { recursive: true });
  const wanted = new Set<string>();
  for (const entry of STYLESHEET_ENTRIES) {
    const name = sefFileName(entry, hash);
    wanted.add(name);
    const file = path.join(target, name);
    if (readIfThere(file) === undefined) await compileStylesheet(path.join(xsltDir, `${entry}.xsl`), file, `xslt/${entry}.xsl`);
  }
  for (const name of readdirSync(target)) if (name.endsWith('.sef.json') && !wanted.has(name)) unlinkSync(path.join(target, name));
  return [...wanted];
}
