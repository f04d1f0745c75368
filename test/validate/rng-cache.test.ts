// The RelaxNG result cache: a file validated before against the same schema by the same validator
// gets the same diagnostics without being validated again; any change (the file, the schema) is
// validated afresh; a run that failed leaves nothing behind.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheRoot } from '../../src/check/rng/result-cache.js';
import { validateRelaxNg, type RngOptions } from '../../src/check/rng/validate-rng.js';
import { loadXmlFile, type SourceFile } from '../../src/read/load.js';
import { FIXTURES, ROOT } from './cli.js';

const temp = mkdtempSync(path.join(tmpdir(), 'rng-cache-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const schemaDir = path.join(temp, 'schema');
cpSync(path.join(ROOT, FIXTURES, 'schema'), schemaDir, { recursive: true });
const MINI = path.join(schemaDir, 'mini.rng');
const good = readFileSync(path.join(ROOT, FIXTURES, 'clean/good.xml'), 'utf8');
const docs = path.join(temp, 'docs');
mkdirSync(docs);

function writeDocs(count: number, changed = -1): string[] {
  return Array.from({ length: count }, (_, i) => {
    const file = path.join(docs, `d${i}.xml`);
    const blink = i % 3 === 0 ? `<blink>${i}</blink>` : '';
    writeFileSync(file, good.replace('<body>', `${blink}<body>`).replace('Nothing wrong here.', i === changed ? 'Changed, <blink/>' : `Text ${i}.`));
    return file;
  });
}

function sources(files: string[]): SourceFile[] {
  return files.map((f) => {
    const l = loadXmlFile(path.relative(process.cwd(), f));
    if (!l.ok) throw new Error(l.diagnostic.message);
    return l.source;
  });
}

/** A worker that breaks at once: a run that needs the validator at all reports it. */
const BROKEN_WORKER = "throw new Error('the validator was asked');";
const run = (input: SourceFile[], options: Partial<RngOptions>) => validateRelaxNg(input, MINI, { schemaDisplay: 'mini.rng', ...options });
const entries = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.txt')) : []);

describe('the RelaxNG result cache', () => {
  it('answers a second run without the validator, with the same diagnostics', async () => {
    const cache = path.join(temp, 'cache-1');
    const input = sources(writeDocs(12));
    const uncached = await run(input, { cache: false });
    expect(uncached.filter((d) => d.ruleId === 'rng/invalid')).toHaveLength(4);
    expect(await run(input, { cache })).toEqual(uncached);
    // Twelve answers and the schema's preamble.
    expect(entries(cache)).toHaveLength(13);
    expect(await run(input, { cache, workerSource: BROKEN_WORKER })).toEqual(uncached);
  });

  it('validates a changed file again, and only needs the validator for it', async () => {
    const cache = path.join(temp, 'cache-2');
    await run(sources(writeDocs(6)), { cache });
    const changed = sources(writeDocs(6, 4));
    const broken = await run(changed, { cache, workerSource: BROKEN_WORKER });
    expect(broken).toEqual([expect.objectContaining({ ruleId: 'rng/schema-error', message: expect.stringMatching(/the validator was asked/) })]);
    const fresh = await run(changed, { cache: false });
    expect(fresh.some((d) => d.file.endsWith('d4.xml') && d.ruleId === 'rng/invalid')).toBe(true);
    expect(await run(changed, { cache })).toEqual(fresh);
    expect(await run(changed, { cache, workerSource: BROKEN_WORKER })).toEqual(fresh);
  });

  it('a changed schema is a new cache: nothing from the old one is used', async () => {
    const cache = path.join(temp, 'cache-3');
    const input = sources(writeDocs(4));
    await run(input, { cache });
    const rng = readFileSync(MINI, 'utf8');
    try {
      writeFileSync(MINI, rng.replace('</grammar>', '<!-- changed --></grammar>'));
      expect(await run(input, { cache, workerSource: BROKEN_WORKER })).toEqual([expect.objectContaining({ ruleId: 'rng/schema-error' })]);
      // A file the main schema includes counts too.
      writeFileSync(MINI, rng);
      const part = path.join(schemaDir, 'parts/any.rng');
      const partText = readFileSync(part, 'utf8');
      writeFileSync(part, partText.replace('</grammar>', '<!-- changed --></grammar>'));
      expect(await run(input, { cache, workerSource: BROKEN_WORKER })).toEqual([expect.objectContaining({ ruleId: 'rng/schema-error' })]);
      writeFileSync(part, partText);
      expect(await run(input, { cache, workerSource: BROKEN_WORKER })).toEqual(await run(input, { cache: false }));
    } finally {
      writeFileSync(MINI, rng);
    }
  });

  it('a failed run and a schema that does not compile leave nothing behind', async () => {
    const cache = path.join(temp, 'cache-4');
    const input = sources(writeDocs(3));
    await run(input, { cache, workerSource: BROKEN_WORKER });
    expect(entries(cache)).toEqual([]);
    const broken = await validateRelaxNg(input, path.join(schemaDir, 'broken.rng'), { schemaDisplay: 'broken.rng', cache });
    expect(broken).toEqual([expect.objectContaining({ ruleId: 'rng/schema-error' })]);
    expect(entries(cache)).toEqual([]);
  });

  it('is off with cache: false, and TEI_EDITION_RNG_CACHE chooses it', async () => {
    expect(cacheRoot('off')).toBeUndefined();
    expect(cacheRoot('OFF ')).toBeUndefined();
    expect(cacheRoot(path.join(temp, 'x'))).toBe(path.join(temp, 'x'));
    expect(cacheRoot(undefined)).toMatch(/rng/);
    const input = sources(writeDocs(2));
    expect((await run(input, { cache: false, workerSource: BROKEN_WORKER }))[0]).toMatchObject({ ruleId: 'rng/schema-error' });
  });

  it('the command line: the same report from an empty cache, a full one, and none', () => {
    writeDocs(9);
    const cli = (cache: string): { status: number; stdout: string } => {
      const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/tei-edition.js'), 'validate', '--schema', MINI, '--format', 'json', 'docs'], {
        cwd: temp,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', TEI_EDITION_RNG_CACHE: cache },
      });
      return { status: r.status ?? -1, stdout: r.stdout };
    };
    const none = cli('off');
    expect(none.stdout).toMatch(/rng\/invalid/);
    const dir = path.join(temp, 'cache-cli');
    expect(cli(dir)).toEqual(none);
    expect(entries(dir).length).toBeGreaterThan(9);
    expect(cli(dir)).toEqual(none);
  });
});
