// Every hostile or broken file gets its documented diagnostic and exit code from `validate`,
// quickly and without a stack trace; big inputs stay within a small memory budget.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CASES, FIXTURES, writeDeepNesting, writeLongValue } from './cases.js';
import { ruleIdsOf, runChild, runInProcess } from './support/cli.js';

const temp = mkdtempSync(path.join(tmpdir(), 'hostile-validate-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('validate on hostile and broken files', () => {
  for (const c of CASES) {
    it(`${c.name}: ${c.rule ?? 'no error'}, exit ${c.validateExit}`, async () => {
      const run = await runInProcess(['validate', path.join(FIXTURES, c.file), '--format', 'json', ...(c.args ?? [])]);
      const found = ruleIdsOf(run);
      if (c.rule === null) expect(found.filter((d) => !d.ruleId.startsWith('tei/document-metadata'))).toEqual([]);
      else expect(found[0], run.stdout).toMatchObject({ ruleId: c.rule, line: c.line });
      expect(run.status).toBe(c.validateExit);
    });
  }
});

describe('validate on very large inputs (a child process with a small heap)', () => {
  const small = ['--max-old-space-size=384'];
  const child = (args: string[]): ReturnType<typeof runChild> => {
    const started = Date.now();
    const r = runChild(['validate', ...args, '--format', 'json'], undefined, 60_000, small);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(r.stderr).not.toMatch(/\n\s+at |heap out of memory|Maximum call stack/);
    return r;
  };

  it('100,000 nested elements: wf/too-deep, not a stack overflow', () => {
    const file = path.join(temp, 'deep.xml');
    writeDeepNesting(file);
    const r = child([file]);
    expect(ruleIdsOf(r)).toEqual([expect.objectContaining({ ruleId: 'wf/too-deep', line: 4 })]);
    expect(r.status).toBe(1);
  });

  it('a 100 MB text node: io/too-large by default, wf/too-long with a raised size limit', () => {
    const file = path.join(temp, 'long-text.xml');
    writeLongValue(file, 'text');
    expect(ruleIdsOf(child([file])).map((d) => d.ruleId)).toEqual(['io/too-large']);
    const raised = child([file, '--max-size', '200']);
    expect(ruleIdsOf(raised)).toEqual([expect.objectContaining({ ruleId: 'wf/too-long', line: 4 })]);
    expect(raised.status).toBe(1);
    rmSync(file);
  });

  it('a 100 MB attribute value: wf/too-long with a raised size limit', () => {
    const file = path.join(temp, 'long-attribute.xml');
    writeLongValue(file, 'attribute');
    const raised = child([file, '--max-size', '200']);
    expect(ruleIdsOf(raised)).toEqual([expect.objectContaining({ ruleId: 'wf/too-long', line: 4 })]);
    expect(raised.status).toBe(1);
    rmSync(file);
  });
});

describe('config and command-line errors: a message with a fix, exit 2, no stack trace', () => {
  const good = path.resolve('test/fixtures/validate/config/good/edition.config.json');
  const expectUsage = async (args: string[], rule: string | RegExp): Promise<void> => {
    const run = await runInProcess(['validate', ...args]);
    expect(run.status).toBe(2);
    expect(run.stdout + run.stderr).toMatch(rule);
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
  };

  it('a config file that does not exist', () => expectUsage(['--config', path.join(temp, 'absent.json')], 'config/not-found'));
  it('a config that is a folder', () => expectUsage(['--config', temp], /is a folder, not a config file/));
  it('malformed JSON', () => expectUsage(['--config', 'test/fixtures/validate/config/invalid-json/edition.config.json'], 'config/invalid-json'));
  it('an unknown key', () => expectUsage(['--config', 'test/fixtures/validate/config/unknown-key/edition.config.json'], /config\/unknown-key/));
  it('a value of the wrong type', () => expectUsage(['--config', 'test/fixtures/validate/config/wrong-type/edition.config.json'], 'config/wrong-type'));
  it('a path that does not exist', () => expectUsage(['--config', 'test/fixtures/validate/config/missing-path/edition.config.json'], 'config/missing-path'));
  it('an output folder that is a file', () => expectUsage(['--config', 'test/fixtures/validate/config/output-folder/edition.config.json'], 'config/output-folder'));
  it('an unknown option', () => expectUsage(['--frobnicate', good], /unknown option --frobnicate/));
  it('a bad option value', () => expectUsage(['--max-size', 'lots', good], /--max-size needs a size/));

  it('a config saved with a byte-order mark is read', async () => {
    const dir = path.join(temp, 'bom');
    mkdirSync(dir);
    const text = (await import('node:fs')).readFileSync(good, 'utf8').replaceAll('../../', path.resolve('test/fixtures/validate') + '/');
    writeFileSync(path.join(dir, 'edition.config.json'), '\uFEFF' + text);
    const run = await runInProcess(['validate', '--config', path.join(dir, 'edition.config.json'), '--format', 'json']);
    expect(run.status).toBe(0);
  });
});
