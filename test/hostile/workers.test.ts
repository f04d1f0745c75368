// Hostile and broken files get the same refusals, diagnostics and exit codes whether the RelaxNG
// layer runs on one worker or on several: the reader refuses them before any worker sees them.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/paths.js';
import { CASES, FIXTURES } from './cases.js';
import { ruleIdsOf, runInProcess } from './support/cli.js';

const MINI = path.join(projectRoot, 'test/fixtures/validate/schema/mini.rng');
const before = { workers: process.env.TEI_EDITION_RNG_WORKERS, cache: process.env.TEI_EDITION_RNG_CACHE };
afterEach(() => {
  for (const [name, value] of [['TEI_EDITION_RNG_WORKERS', before.workers], ['TEI_EDITION_RNG_CACHE', before.cache]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

/** Runs with a fixed number of workers and no result cache, so that every run validates. */
async function withWorkers(workers: string, args: string[]): ReturnType<typeof runInProcess> {
  process.env.TEI_EDITION_RNG_WORKERS = workers;
  process.env.TEI_EDITION_RNG_CACHE = 'off';
  return runInProcess(args);
}

describe('hostile files with one RelaxNG worker and with three', () => {
  for (const c of CASES) {
    it(`${c.name}: the same report and exit code`, async () => {
      const args = ['validate', path.join(FIXTURES, c.file), '--schema', MINI, '--format', 'json', ...(c.args ?? [])];
      const one = await withWorkers('1', args);
      const three = await withWorkers('3', args);
      expect(three.stdout).toBe(one.stdout);
      expect(three.status).toBe(one.status);
      // The documented refusal is still the first thing said about the file.
      if (c.rule !== null) expect(ruleIdsOf(three)[0]).toMatchObject({ ruleId: c.rule, line: c.line });
    });
  }

  it('all of them in one run: the same report, in the same order', async () => {
    const args = ['validate', ...CASES.map((c) => path.join(FIXTURES, c.file)), '--schema', MINI, '--format', 'json'];
    const one = await withWorkers('1', args);
    const three = await withWorkers('3', args);
    expect(ruleIdsOf(one).map((d) => d.ruleId)).toEqual(expect.arrayContaining(['wf/external-entity', 'wf/entity-declaration', 'wf/too-deep']));
    expect(three.stdout).toBe(one.stdout);
    expect(three.status).toBe(one.status);
    expect(three.stdout + three.stderr).not.toMatch(/\n\s+at /);
  });
});
