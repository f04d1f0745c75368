// Does a second RelaxNG worker pay, now that the schema is cut down before it is compiled?
// Times whole `validate` processes, cold (empty caches), with one worker, two workers, and the
// default (at most one worker per core the main thread leaves, a second joining when the files
// left would outlast another compile; see src/check/rng/pool.ts), alternating the three, median of
// RUNS (default 3) each.
// Run with `npm run compile && node bench/rng-workers.js`; the figures are in docs/performance.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { cli, corpora, generatedDocuments, median, projectSchema, root, teiAll, xmlFiles } from './support.js';

const runs = Number(process.env.RUNS ?? 3);

const temp = mkdtempSync(path.join(tmpdir(), 'tei-edition-workers-'));

function once(args, workers) {
  const cache = mkdtempSync(path.join(temp, 'cache-'));
  const env = { ...process.env, TEI_EDITION_RNG_CACHE: cache, XDG_CACHE_HOME: cache };
  if (workers === 'default') delete env.TEI_EDITION_RNG_WORKERS;
  else env.TEI_EDITION_RNG_WORKERS = String(workers);
  const start = performance.now();
  const r = spawnSync(process.execPath, [cli, 'validate', ...args], { cwd: root, env, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const seconds = (performance.now() - start) / 1000;
  rmSync(cache, { recursive: true, force: true });
  if (r.status !== 0 && r.status !== 1) throw new Error(`validate ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return { seconds, stdout: r.stdout };
}

const cases = [];
if (existsSync(teiAll)) {
  cases.push(['Schnitzler letters (tei_all)', ['--schema', teiAll, ...xmlFiles(path.join(corpora, 'schnitzler-briefe'))]]);
  cases.push(['frus1951v07p2.xml (tei_all)', ['--schema', teiAll, path.join(corpora, 'frus/frus1951v07p2.xml')]]);
  cases.push(['every shared corpus (tei_all)', ['--schema', teiAll, ...xmlFiles(corpora)]]);
}
cases.push(['bundled edition (project schema)', ['--schema', projectSchema, ...xmlFiles(path.join(root, 'tei'))]]);
{
  const docs = generatedDocuments(temp, 1000);
  cases.push(['1,000 generated documents (project schema)', ['--schema', projectSchema, docs]]);
  if (existsSync(teiAll)) cases.push(['1,000 generated documents (tei_all)', ['--schema', teiAll, docs]]);
}

const choices = [1, 2, 'default'];
console.log(`${availableParallelism()} cores, Node ${process.version}; median of ${runs} cold runs each, wall-clock seconds\n`);
console.log(`${'case'.padEnd(44)}${choices.map((c) => `${c === 'default' ? 'default' : `${c} worker${c === 1 ? '' : 's'}`}`.padStart(12)).join('')}`);
try {
  for (const [label, args] of cases) {
    const times = new Map(choices.map((c) => [c, []]));
    let report;
    for (let i = 0; i < runs; i++) {
      for (const c of choices) {
        const r = once(['--format', 'json', ...args], c);
        times.get(c).push(r.seconds);
        // Whatever the number of workers, the report is the same.
        if (report === undefined) report = r.stdout;
        else if (r.stdout !== report) throw new Error(`${label}: the report with ${c} worker(s) differs`);
      }
    }
    console.log(`${label.padEnd(44)}${choices.map((c) => `${median(times.get(c)).toFixed(2)} s`.padStart(12)).join('')}`);
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}
