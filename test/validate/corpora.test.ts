// Real TEI written by others: every file in ../shared/corpora, validated against tei_all in one
// run, gets the same valid/invalid verdict from us as from jing.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnosticsOf, SHARED, validate } from './cli.js';

const corpora = path.join(SHARED, 'corpora');
const schema = path.join(SHARED, 'schemas/tei_all.rng');
const haveShared = existsSync(corpora) && existsSync(schema);
const haveJing = spawnSync('sh', ['-c', 'command -v jing']).status === 0;

function corpusFiles(): string[] {
  const out: string[] = [];
  for (const dir of readdirSync(corpora, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const f of readdirSync(path.join(corpora, dir.name)).sort()) if (f.endsWith('.xml')) out.push(path.join(corpora, dir.name, f));
  }
  return out.sort();
}

function jingValid(file: string): boolean {
  try {
    execFileSync('jing', [schema, file], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

if (!haveShared) console.warn('Skipping the corpora comparison: ../shared/corpora or ../shared/schemas/tei_all.rng is missing.');
if (!haveJing) console.warn('Skipping the corpora comparison: jing is not installed (apt-get install jing).');

describe.skipIf(!haveShared || !haveJing)('the shared corpora against tei_all (needs ../shared and jing)', () => {
  it('finish in one run and get the same verdict per file as jing', { timeout: 180_000 }, () => {
    const files = corpusFiles();
    expect(files.length).toBeGreaterThan(10);
    const run = validate(['--schema', schema, '--format', 'json', ...files.map((f) => path.relative(process.cwd(), f))]);
    expect([0, 1]).toContain(run.status);
    const diagnostics = diagnosticsOf(run);
    // Only the schema's verdict is compared: editorial rules have their own opinions.
    expect(diagnostics.filter((d) => !d.ruleId.startsWith('rng/') && !d.ruleId.startsWith('tei/') || d.ruleId === 'tei/not-tei')).toEqual([]);
    const ours = Object.fromEntries(files.map((f) => [path.basename(f), !diagnostics.some((d) => d.ruleId === 'rng/invalid' && path.basename(d.file) === path.basename(f))]));
    const theirs = Object.fromEntries(files.map((f) => [path.basename(f), jingValid(f)]));
    expect(ours).toEqual(theirs);
    expect(Object.values(theirs)).toContain(true);
    expect(Object.values(theirs)).toContain(false);
  });
});
