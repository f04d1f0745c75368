// Every hostile fixture through `build`: the documented exit code and diagnostic; after a failed
// build the output folder is byte-identical to before; no temporary folder or lock is left; and
// every page a successful build writes is inert and shows odd text as written.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'parse5';
import { CASES, FIXTURES, hostileFileName, writeDeepNesting, writeLongValue } from './cases.js';
import { pagesUnder, runChild, runInProcess, strayEntries, treeDigest } from './support/cli.js';
import { unsafeHtmlFindings } from './support/html-safety.js';

const temp = mkdtempSync(path.join(tmpdir(), 'hostile-build-'));
const baseline = path.join(temp, 'baseline', 'dist');
afterAll(() => rmSync(temp, { recursive: true, force: true }));

beforeAll(async () => {
  const run = await runInProcess(['build', path.resolve('test/fixtures/validate/clean/good.xml'), '--out', baseline, '--quiet']);
  expect(run.status, run.stderr).toBe(0);
});

/** A fresh output folder holding the baseline build, as a previous build would have left it. */
function previousBuild(name: string): string {
  const out = path.join(temp, name, 'dist');
  cpSync(baseline, out, { recursive: true });
  return out;
}

function visibleText(html: string): string {
  const document = parse(html);
  let out = '';
  const walk = (n: { nodeName: string; childNodes?: unknown[]; value?: string }): void => {
    if (n.nodeName === '#text') out += n.value ?? '';
    if (n.nodeName === 'script' || n.nodeName === 'style') return;
    for (const c of (n.childNodes ?? []) as (typeof n)[]) walk(c);
  };
  walk(document as unknown as { nodeName: string });
  return out;
}

function expectInert(out: string): void {
  const pages = pagesUnder(out);
  expect(pages.length).toBeGreaterThan(0);
  for (const page of pages) expect(unsafeHtmlFindings(readFileSync(page, 'utf8'), { requireCsp: page.endsWith('.html') }), page).toEqual([]);
}

describe('build on hostile and broken files', () => {
  for (const c of CASES) {
    it(`${c.name}: exit ${c.buildExit}${c.rule ? `, ${c.rule}` : ''}`, async () => {
      const out = previousBuild(c.name);
      const before = treeDigest(out);
      const run = await runInProcess(['build', path.join(FIXTURES, c.file), '--out', out, ...(c.args ?? [])]);
      expect(run.status, run.stderr).toBe(c.buildExit);
      if (c.rule) expect(run.stderr).toContain(c.rule);
      expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
      expect(strayEntries(out)).toEqual([]);
      // Nothing is ever written beside the output folder.
      expect(readdirSync(path.dirname(out))).toEqual(['dist']);
      if (c.buildExit !== 0) {
        expect(treeDigest(out)).toBe(before);
        return;
      }
      expectInert(out);
      const documents = readdirSync(path.join(out, 'site', 'documents'));
      expect(documents).toEqual(['doc.html']);
      const text = visibleText(readFileSync(path.join(out, 'site', 'documents', 'doc.html'), 'utf8'));
      for (const expected of c.rendered ?? []) expect(text).toContain(expected);
    });
  }

  it('a file whose name is markup: a safe page name, inert pages', async () => {
    const folder = path.join(temp, 'odd-name-input');
    mkdirSync(folder);
    hostileFileName(folder);
    const out = previousBuild('odd-name');
    const run = await runInProcess(['build', folder, '--out', out, '--quiet']);
    expect(run.status, run.stderr).toBe(0);
    for (const name of readdirSync(path.join(out, 'site', 'documents'))) expect(name).toMatch(/^[A-Za-z0-9._-]+$/);
    expectInert(out);
  });

  it('100,000 nested elements and 100 MB values: a diagnostic, dist unchanged, small memory', () => {
    const deep = path.join(temp, 'deep.xml');
    writeDeepNesting(deep);
    const long = path.join(temp, 'long.xml');
    writeLongValue(long, 'text');
    for (const [file, args, rule] of [
      [deep, [], 'wf/too-deep'],
      [long, [], 'io/too-large'],
      [long, ['--max-size', '200'], 'wf/too-long'],
    ] as const) {
      const out = previousBuild(`big-${rule.replace('/', '-')}`);
      const before = treeDigest(out);
      const run = runChild(['build', file, '--out', out, ...args], undefined, 60_000, ['--max-old-space-size=384']);
      expect(run.status, run.stderr).toBe(1);
      expect(run.stderr).toContain(rule);
      expect(run.stderr).not.toMatch(/heap out of memory|Maximum call stack|\n\s+at /);
      expect(treeDigest(out)).toBe(before);
      expect(strayEntries(out)).toEqual([]);
    }
    rmSync(long);
  });
});

describe('build: config and output-folder errors', () => {
  const good = path.resolve('test/fixtures/validate/clean/good.xml');

  it('--out naming a file: config/output-folder, exit 2, the file untouched', async () => {
    const file = path.join(temp, 'not-a-folder');
    writeFileSync(file, 'keep me');
    const run = await runInProcess(['build', good, '--out', file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('config/output-folder');
    expect(readFileSync(file, 'utf8')).toBe('keep me');
  });

  it('--out under a file: config/output-folder, exit 2', async () => {
    const run = await runInProcess(['build', good, '--out', path.join(temp, 'not-a-folder', 'dist')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('config/output-folder');
  });

  it('a config whose "out" is a file: exit 2 before any work', async () => {
    const run = await runInProcess(['build', '--config', 'test/fixtures/validate/config/output-folder/edition.config.json']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('config/output-folder');
  });

  it('a missing or malformed config: exit 2, no stack trace', async () => {
    for (const [config, rule] of [
      [path.join(temp, 'absent.json'), 'config/not-found'],
      ['test/fixtures/validate/config/invalid-json/edition.config.json', 'config/invalid-json'],
      ['test/fixtures/validate/config/unknown-key/edition.config.json', 'config/unknown-key'],
      ['test/fixtures/validate/config/wrong-type/edition.config.json', 'config/wrong-type'],
      ['test/fixtures/validate/config/missing-path/edition.config.json', 'config/missing-path'],
    ]) {
      const run = await runInProcess(['build', '--config', config!, '--out', path.join(temp, 'never')]);
      expect(run.status, config).toBe(2);
      expect(run.stderr).toContain(rule);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    expect(readdirSync(temp)).not.toContain('never');
  });

  it('a bad option: exit 2 with the help', async () => {
    const run = await runInProcess(['build', '--max-size', 'big', good]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--max-size');
  });
});
