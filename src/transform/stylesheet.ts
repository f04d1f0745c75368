// XSLT → SEF at build time, cached by a hash of every stylesheet source, parsed once per process.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { packageRoot } from './package-root.js';

const run = promisify(execFile);

export interface CompiledStylesheet {
  /** The parsed SEF, to pass to SaxonJS as stylesheetInternal. */
  sef: unknown;
  hash: string;
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

const loaded = new Map<string, CompiledStylesheet>();

/** The compiled form of xslt/<entry>.xsl, from the cache or compiled now with the xslt3 compiler. */
export async function loadStylesheet(entry: string, cacheDir = writableCacheDir()): Promise<CompiledStylesheet> {
  const xsltDir = path.join(packageRoot, 'xslt');
  const hash = stylesheetHash(xsltDir);
  const key = `${entry}-${hash}`;
  const known = loaded.get(key);
  if (known) return known;
  const sefFile = path.join(cacheDir, `${entry.replace(/[\\/]/g, '-')}-${hash}.sef.json`);
  if (!existsSync(sefFile)) {
    mkdirSync(cacheDir, { recursive: true });
    const compiler = path.join(packageRoot, 'node_modules', 'xslt3', 'xslt3.js');
    const partial = `${sefFile}.${process.pid}.tmp`;
    try {
      await run(process.execPath, [compiler, `-xsl:${path.join(xsltDir, `${entry}.xsl`)}`, `-export:${partial}`, '-nogo', '-relocate:on'], {
        maxBuffer: 16 * 1024 * 1024,
      });
    } catch (error) {
      const e = error as { stderr?: string; message?: string };
      throw new Error(`the stylesheet xslt/${entry}.xsl does not compile: ${(e.stderr || e.message || '').trim()}`);
    }
    renameSync(partial, sefFile);
  }
  const compiled = { sef: JSON.parse(readFileSync(sefFile, 'utf8')) as unknown, hash };
  loaded.set(key, compiled);
  return compiled;
}

/** The package's own .cache/xslt, or a folder in the system's temporary folder when the package is read-only. */
export function writableCacheDir(): string {
  const own = path.join(packageRoot, '.cache', 'xslt');
  try {
    mkdirSync(own, { recursive: true });
    accessSync(own, constants.W_OK);
    return own;
  } catch {
    return path.join(tmpdir(), 'tei-edition-xslt-cache');
  }
}

