// Shared paths and checkers for the schema tests. jing and tei_all.rng live outside the project
// (a system package and ../shared), so tests that need them skip with a reason when they are absent.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { validateXML } from 'xmllint-wasm';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const TEI_ALL = resolve(ROOT, '../shared/schemas/tei_all.rng');
export const PROJECT_SCHEMA = join(ROOT, 'schema', 'tei-edition.rng');
export const ODD = join(ROOT, 'schema', 'source', 'tei-edition.odd');
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'schema');

// The quick tier (TEI_EDITION_TIER=quick) leaves ../shared to the full suite.
export const hasTeiAll = process.env.TEI_EDITION_TIER !== 'quick' && existsSync(TEI_ALL);
export const hasJing = spawnSync('jing', [], { stdio: 'ignore' }).error === undefined;

export function xmlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return xmlFiles(path);
      return name.endsWith('.xml') ? [path] : [];
    })
    .sort();
}

export interface FileVerdict {
  valid: boolean;
  errors: string[];
}

/**
 * Validates many files against a RelaxNG schema in one xmllint-wasm call (each call starts a worker
 * and compiles the schema). Files are named by their index, so equal basenames cannot collide.
 */
export async function validateWithXmllint(schemaPath: string, files: readonly string[]): Promise<Map<string, FileVerdict>> {
  const names = files.map((_, i) => `f${i}.xml`);
  const result = await validateXML({
    xml: files.map((file, i) => ({ fileName: names[i] as string, contents: readFileSync(file, 'utf8') })),
    schema: [{ fileName: basename(schemaPath), contents: readFileSync(schemaPath, 'utf8') }],
    extension: 'relaxng',
    maxMemoryPages: 4096,
  });
  if (/failed to compile|Relax-NG schema .* failed/i.test(result.rawOutput)) {
    throw new Error(`xmllint could not compile ${schemaPath}:\n${result.rawOutput.slice(0, 2000)}`);
  }
  const lines = result.rawOutput.split('\n');
  const verdicts = new Map<string, FileVerdict>();
  files.forEach((file, i) => {
    const name = names[i] as string;
    const errors = lines.filter((l) => l.startsWith(`${name}:`)).map((l) => l.replace(name, basename(file)));
    const valid = lines.includes(`${name} validates`);
    if (!valid && !lines.includes(`${name} fails to validate`) && errors.length === 0) {
      throw new Error(`xmllint said nothing about ${file}:\n${result.rawOutput.slice(0, 2000)}`);
    }
    verdicts.set(file, { valid, errors });
  });
  return verdicts;
}

/** jing's verdict on one file (exit status 0 means valid); stderr warnings about Java jars are ignored. */
export function validateWithJing(schemaPath: string, file: string): FileVerdict {
  try {
    execFileSync('jing', [schemaPath, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    return { valid: true, errors: [] };
  } catch (error) {
    const out = String((error as { stdout?: Buffer }).stdout ?? '');
    return { valid: false, errors: out.split('\n').filter((l) => l.length > 0) };
  }
}
