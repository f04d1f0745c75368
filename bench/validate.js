// Validation speed, next to jing's on the same files. Run with `npm run bench` (compiles first).
// Times are wall-clock for whole processes, process start included; peak memory is the resident
// set of the whole process (worker threads included; for jing, the Java process).
//
// 1. tei_all, cold: `validate --schema ../shared/schemas/tei_all.rng` on the Schnitzler letters,
//    on every shared corpus at once and on frus1951v07p2.xml, against `jing tei_all.rng FILES`;
//    the two alternate, median of RUNS runs (default 3). Cold: every run of tei-edition gets an
//    empty cache folder of its own (TEI_EDITION_RNG_CACHE and XDG_CACHE_HOME), so neither a
//    reduced schema nor a verdict is found from an earlier run.
// 2. The project schema: the bundled edition and 1,000 generated documents, a first run with an
//    empty result cache and a second that finds every file unchanged, next to jing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { cli, corpora, generatedDocuments, median, projectSchema, root, teiAll, xmlFiles } from './support.js';

const haveJing = spawnSync('sh', ['-c', 'command -v jing']).status === 0;
const RUNS = Number(process.env.RUNS ?? 3);

// Peak memory (resident set) through GNU time where it is installed.
const gnuTime = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0;
const temp = mkdtempSync(path.join(tmpdir(), 'tei-edition-bench-'));

function time(command, args, env = {}) {
  const rssFile = path.join(temp, `rss-${process.pid}`);
  const [cmd, argv] = gnuTime ? ['/usr/bin/time', ['-f', '%M', '-o', rssFile, command, ...args]] : [command, args];
  const start = performance.now();
  const r = spawnSync(cmd, argv, { cwd: root, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env: { ...process.env, ...env } });
  const seconds = (performance.now() - start) / 1000;
  let rssMb = NaN;
  if (gnuTime && existsSync(rssFile)) {
    const kb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
    if (Number.isFinite(kb)) rssMb = kb / 1024;
    rmSync(rssFile, { force: true });
  }
  return { seconds, rssMb, status: r.status, stdout: r.stdout };
}

/** A tei-edition run with caches of its own: `cache` is kept between calls only when given. */
function ours(args, cache) {
  const folder = cache ?? mkdtempSync(path.join(temp, 'cold-'));
  try {
    return time(process.execPath, [cli, 'validate', '--format', 'json', ...args], { TEI_EDITION_RNG_CACHE: folder, XDG_CACHE_HOME: folder });
  } finally {
    if (cache === undefined) rmSync(folder, { recursive: true, force: true });
  }
}

function ourVerdict(stdout) {
  try {
    const report = JSON.parse(stdout);
    const invalid = report.files.filter((f) => f.diagnostics.some((d) => d.ruleId.startsWith('rng/') || d.ruleId.startsWith('wf/'))).length;
    return `${report.files.length - invalid}/${report.files.length}`;
  } catch {
    return '?';
  }
}

function jingVerdict(stdout, files) {
  const failing = new Set((stdout.match(/^(\/[^:]+):\d+:\d+: (?:fatal )?error/gm) ?? []).map((l) => l.slice(0, l.indexOf(':'))));
  return `${files.length - failing.size}/${files.length}`;
}

const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
const secs = (n) => (Number.isNaN(n) ? '—' : `${n.toFixed(2)} s`);
const mb = (n) => (Number.isNaN(n) ? '—' : `${Math.round(n)} MB`);

console.log(`${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`);

try {
  // 1. tei_all, cold, alternating with jing.
  if (existsSync(corpora) && existsSync(teiAll)) {
    const cases = [
      ['Schnitzler letters', xmlFiles(path.join(corpora, 'schnitzler-briefe'))],
      ['every shared corpus', xmlFiles(corpora)],
      ['frus1951v07p2.xml (3.7 MB)', [path.join(corpora, 'frus/frus1951v07p2.xml')]],
    ];
    console.log(`\ntei_all.rng, cold, median of ${RUNS} runs (tei-edition and jing alternate)`);
    console.log(`${pad('case', 30)}${lpad('files', 6)}${lpad('tei-edition', 13)}${lpad('jing', 9)}${lpad('ratio', 8)}${lpad('peak RSS', 12)}${lpad('jing RSS', 10)}  valid (ours / jing)`);
    for (const [label, files] of cases) {
      const us = [];
      const them = [];
      let verdicts = '';
      for (let i = 0; i < RUNS; i++) {
        const r = ours(['--schema', teiAll, ...files]);
        us.push(r);
        if (haveJing) {
          const j = time('jing', [teiAll, ...files]);
          them.push(j);
          verdicts = `${ourVerdict(r.stdout)} / ${jingVerdict(j.stdout, files)}`;
        } else verdicts = `${ourVerdict(r.stdout)} / jing not installed`;
      }
      const t = median(us.map((r) => r.seconds));
      const j = them.length ? median(them.map((r) => r.seconds)) : NaN;
      const ratio = Number.isNaN(j) ? '—' : `${(t / j).toFixed(2)}×`;
      const rss = median(us.map((r) => r.rssMb));
      const jrss = them.length ? median(them.map((r) => r.rssMb)) : NaN;
      console.log(`${pad(label, 30)}${lpad(files.length, 6)}${lpad(secs(t), 13)}${lpad(secs(j), 9)}${lpad(ratio, 8)}${lpad(mb(rss), 12)}${lpad(mb(jrss), 10)}  ${verdicts}`);
    }
    console.log('ratio: tei-edition time / jing time (below 1: faster than jing).');
  }

  // 2. The project schema: first run, then the same files again (answered by the result cache).
  const rows = [];
  const measure = (label, files, args) => {
    const cache = mkdtempSync(path.join(temp, 'warm-'));
    const first = ours(args, cache);
    const again = ours(args, cache);
    if (again.stdout !== first.stdout) throw new Error(`${label}: the second run's report differs from the first's`);
    const jing = haveJing ? time('jing', [projectSchema, ...files]) : { seconds: NaN, rssMb: NaN, stdout: '' };
    rows.push({ label, files: files.length, first, again, jing, verdict: `${ourVerdict(first.stdout)} / ${haveJing ? jingVerdict(jing.stdout, files) : '—'}` });
  };
  if (existsSync(path.join(root, 'tei/edition.xml')) && existsSync(projectSchema)) {
    measure('bundled edition', xmlFiles(path.join(root, 'tei')), []);
    const docs = generatedDocuments(temp, 1000);
    measure('1,000 generated documents', xmlFiles(docs), ['--schema', projectSchema, docs]);
  }
  if (rows.length > 0) {
    console.log('\nschema/tei-edition.rng: a first run (empty caches), then the same files again');
    console.log(`${pad('case', 30)}${lpad('files', 6)}${lpad('first', 9)}${lpad('again', 9)}${lpad('jing', 9)}${lpad('peak RSS', 12)}${lpad('jing RSS', 10)}  valid (ours / jing)`);
    for (const r of rows) {
      console.log(`${pad(r.label, 30)}${lpad(r.files, 6)}${lpad(secs(r.first.seconds), 9)}${lpad(secs(r.again.seconds), 9)}${lpad(secs(r.jing.seconds), 9)}${lpad(mb(r.first.rssMb), 12)}${lpad(mb(r.jing.rssMb), 10)}  ${r.verdict}`);
    }
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}
console.log('\ntei-edition runs every layer (well-formedness, RelaxNG, editorial rules); jing runs RelaxNG only.');
console.log('Wall-clock times move with whatever else the machine runs: compare figures from one run.');
