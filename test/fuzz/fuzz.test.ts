// Random and damaged TEI through `validate` and `build`: no crash, no hang, only documented exit
// codes, and every page a successful build writes is inert. FUZZ_RUNS sets the number of cases
// (default 300), FUZZ_SEED the seed (default fixed, so CI runs are repeatable). The commands run
// from lib/ (compile first) in a worker thread that is terminated when a case exceeds its bound.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, expect, it } from 'vitest';
import { pagesUnder, strayEntries, treeDigest } from '../hostile/support/cli.js';
import { BoundedCli } from './bounded-cli.js';
import { unsafeHtmlFindings } from '../hostile/support/html-safety.js';
import { fuzzCase } from './generators.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20260701);
/** Per command and case: far above the few milliseconds a case takes, far below a hang. */
const CASE_BOUND_MS = Number(process.env.FUZZ_CASE_MS ?? 10_000);
// Site pages carry a CSP meta tag; EPUB content documents are checked for everything else.
const REQUIRE_CSP = true;

const temp = mkdtempSync(path.join(tmpdir(), 'fuzz-'));
const cli = new BoundedCli();
afterAll(async () => {
  await cli.close();
  rmSync(temp, { recursive: true, force: true });
});

it(`${RUNS} random and damaged documents: no crash, no hang, documented exit codes, inert HTML`, async () => {
  const file = path.join(temp, 'case.xml');
  const out = path.join(temp, 'out');
  let built = 0;
  // Warm-up outside the time bound: the first build compiles the stylesheets (seconds, once).
  const warm = await cli.run(['build', path.resolve('test/fixtures/validate/clean/good.xml'), '--out', path.join(temp, 'warm-up'), '--quiet'], 120_000);
  expect(warm.status, warm.stderr).toBe(0);
  await fc.assert(
    fc.asyncProperty(fuzzCase, async (bytes) => {
      writeFileSync(file, bytes);
      const validated = await cli.run(['validate', file, '--format', 'json'], CASE_BOUND_MS);
      expect([0, 1], validated.stderr).toContain(validated.status);
      expect(() => JSON.parse(validated.stdout)).not.toThrow();

      const before = treeDigest(out);
      // The printed edition starts Chromium (seconds a case): the hostile-input tests print their fixtures;
      // here the many random cases go through every other output.
      const build = await cli.run(['build', file, '--out', out, '--quiet', '--only', 'site,apparatus,epub'], CASE_BOUND_MS);
      expect([0, 1], build.stderr).toContain(build.status);
      expect(build.stderr).not.toMatch(/internal error|\n\s+at /);
      expect(strayEntries(out)).toEqual([]);
      if (build.status !== 0) {
        expect(treeDigest(out)).toBe(before);
        return;
      }
      built++;
      for (const page of pagesUnder(out)) {
        expect(unsafeHtmlFindings(readFileSync(page, 'utf8'), { requireCsp: REQUIRE_CSP && page.endsWith('.html') }), page).toEqual([]);
      }
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  );
  // The generator must reach the build's output, not only its error paths.
  expect(built).toBeGreaterThan(RUNS / 10);
}, Math.max(120_000, RUNS * 2 * CASE_BOUND_MS));

it('a command that does not answer within its bound is stopped and reported', async () => {
  const slow = new BoundedCli();
  try {
    await expect(slow.run(['build', path.resolve('test/fixtures/validate/clean/good.xml'), '--out', path.join(temp, 'never'), '--quiet'], 1)).rejects.toThrow(/no answer within 1 ms/);
  } finally {
    await slow.close();
  }
});
