// Random and damaged TEI through `validate` and `build`: no crash, no hang, only documented exit
// codes, and every page a successful build writes is inert. FUZZ_RUNS sets the number of cases
// (default 300), FUZZ_SEED the seed (default fixed, so CI runs are repeatable).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, expect, it } from 'vitest';
import { pagesUnder, runInProcess, strayEntries, treeDigest } from '../hostile/support/cli.js';
import { unsafeHtmlFindings } from '../hostile/support/html-safety.js';
import { fuzzCase } from './generators.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20260701);
/** Per command and case: far above the few milliseconds a case takes, far below a hang. */
const CASE_BOUND_MS = Number(process.env.FUZZ_CASE_MS ?? 10_000);
// Site pages carry a CSP meta tag; EPUB content documents are checked for everything else.
const REQUIRE_CSP = true;

const temp = mkdtempSync(path.join(tmpdir(), 'fuzz-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function timed<T>(what: string, f: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await f();
  const ms = performance.now() - started;
  if (ms > CASE_BOUND_MS) throw new Error(`${what} took ${Math.round(ms)} ms, over the bound of ${CASE_BOUND_MS} ms`);
  return result;
}

it(`${RUNS} random and damaged documents: no crash, no hang, documented exit codes, inert HTML`, async () => {
  const file = path.join(temp, 'case.xml');
  const out = path.join(temp, 'out');
  let built = 0;
  // Warm-up outside the time bound: the first build compiles the stylesheets (seconds, once).
  const warm = await runInProcess(['build', path.resolve('test/fixtures/validate/clean/good.xml'), '--out', path.join(temp, 'warm-up'), '--quiet']);
  expect(warm.status, warm.stderr).toBe(0);
  await fc.assert(
    fc.asyncProperty(fuzzCase, async (bytes) => {
      writeFileSync(file, bytes);
      const validated = await timed('validate', () => runInProcess(['validate', file, '--format', 'json']));
      expect([0, 1], validated.stderr).toContain(validated.status);
      expect(() => JSON.parse(validated.stdout)).not.toThrow();

      const before = treeDigest(out);
      const build = await timed('build', () => runInProcess(['build', file, '--out', out, '--quiet']));
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
