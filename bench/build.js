// Build speed, next to the reference toolchain (the TEI Stylesheets on Debian's Saxon-HE, see
// ../shared/anchors/SOURCE.txt). Run with `npm run bench` (compiles first). Whole processes, wall-clock
// and CPU (user + system) with process start, peak resident memory through GNU time; ours and the
// reference alternate, median of RUNS runs (default 3; 1 for editions of 10,000 documents).
//
// 1. Generated editions (bench/generate-edition.js, seeded) of BENCH_SIZES documents (default
//    100,1000,10000): validate, build per output, a full build without the PDF, a rebuild after one
//    document changes and after a register changes (the caches of the full build kept), and the
//    reference's HTML of the same documents in one JVM.
// 2. The shared corpora: the site of frus1951v07p2.xml against html.xsl, the EPUB of
//    frus1964-68v29p2.xml against tei-to-epub3.xsl, the site of the Schnitzler letters against
//    html.xsl over their folder in one JVM.
// 3. The bundled edition, a cold full build without the PDF.
// Every run of ours starts with empty caches (TEI_EDITION_RNG_CACHE, TEI_EDITION_TRANSFORM_CACHE,
// XDG_CACHE_HOME in a fresh folder), except the rebuilds, which are meant to find the full build's.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { generateEdition } from './generate-edition.js';
import { cli, corpora, median, root, shared } from './support.js';

const RUNS = Number(process.env.RUNS ?? 3);
const SIZES = (process.env.BENCH_SIZES ?? '100,1000,10000').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
const SAXON = '/usr/share/java/Saxon-HE.jar';
const STYLESHEETS = path.join(shared, 'anchors', 'tei-stylesheets');
const haveReference = existsSync(SAXON) && existsSync(STYLESHEETS) && spawnSync('sh', ['-c', 'command -v java']).status === 0;
const gnuTime = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0;
const temp = mkdtempSync(path.join(tmpdir(), 'tei-edition-bench-build-'));

/** One whole process: wall and CPU seconds, peak RSS in MB (NaN without GNU time), exit status. */
function time(command, args, { cwd = root, env = {} } = {}) {
  const stats = path.join(temp, 'time.txt');
  const [cmd, argv] = gnuTime ? ['/usr/bin/time', ['-f', '%e %U %S %M', '-o', stats, command, ...args]] : [command, args];
  const start = performance.now();
  const r = spawnSync(cmd, argv, { cwd, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, env: { ...process.env, ...env } });
  const wall = (performance.now() - start) / 1000;
  let cpu = NaN;
  let rss = NaN;
  if (gnuTime && existsSync(stats)) {
    const [, user, system, kb] = readFileSync(stats, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    cpu = user + system;
    rss = kb / 1024;
    rmSync(stats, { force: true });
  }
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status}:\n${(r.stderr ?? '').slice(-2000)}`);
  return { wall, cpu, rss };
}

/** Caches of their own for one run of ours (cold), or the folder given (kept between runs). */
function ours(args, { cwd, cache } = {}) {
  const folder = cache ?? mkdtempSync(path.join(temp, 'cold-'));
  try {
    return time(process.execPath, [cli, ...args, '--quiet'], { cwd, env: { TEI_EDITION_RNG_CACHE: path.join(folder, 'rng'), TEI_EDITION_TRANSFORM_CACHE: path.join(folder, 'transform'), XDG_CACHE_HOME: folder } });
  } finally {
    if (cache === undefined) rmSync(folder, { recursive: true, force: true });
  }
}

function saxon(args) {
  return time('java', ['-Xss8m', '-jar', SAXON, ...args]);
}

const medianOf = (runs, key) => median(runs.map((r) => r[key]));
const secs = (n) => (Number.isNaN(n) ? '—' : `${n.toFixed(2)} s`);
const mb = (n) => (Number.isNaN(n) ? '—' : `${Math.round(n)} MB`);
const rows = [];

/** Runs `mine` and `theirs` (if any) alternately and keeps the medians as one row of the table. */
function measure(label, mine, theirs, runs = RUNS) {
  const us = [];
  const them = [];
  for (let i = 0; i < runs; i++) {
    us.push(mine(i));
    if (theirs && haveReference) them.push(theirs(i));
  }
  const row = { label, wall: medianOf(us, 'wall'), cpu: medianOf(us, 'cpu'), rss: medianOf(us, 'rss'), refWall: them.length ? medianOf(them, 'wall') : NaN, refCpu: them.length ? medianOf(them, 'cpu') : NaN, refRss: them.length ? medianOf(them, 'rss') : NaN };
  rows.push(row);
  print(row);
}

function print(r) {
  const ratio = Number.isNaN(r.refWall) ? '—' : `${(r.wall / r.refWall).toFixed(2)}×`;
  console.log(`| ${r.label} | ${secs(r.wall)} | ${secs(r.cpu)} | ${mb(r.rss)} | ${secs(r.refWall)} | ${secs(r.refCpu)} | ${mb(r.refRss)} | ${ratio} |`);
}

/** The reference's HTML of every file of `folder`, in one JVM (directory mode). */
function referenceHtml(folder) {
  const out = mkdtempSync(path.join(temp, 'ref-html-'));
  try {
    return saxon([`-s:${folder}`, `-xsl:${path.join(STYLESHEETS, 'html/html.xsl')}`, `-o:${out}`]);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function referenceEpub(file) {
  const dir = mkdtempSync(path.join(temp, 'ref-epub-'));
  const css = (name) => `file://${path.join(STYLESHEETS, 'css', name)}`;
  try {
    return saxon([`-s:${file}`, `-xsl:${path.join(STYLESHEETS, 'epub3/tei-to-epub3.xsl')}`, `-o:${path.join(dir, 'out.xml')}`, `directory=${dir}`, `cssFile=${css('tei.css')}`, `cssPrintFile=${css('epub-print.css')}`, `cssODDFile=${css('odd.css')}`]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}; median of ${RUNS} runs`);
if (!haveReference) console.log('The reference is not measured: it needs java, Debian\'s libsaxonhe-java and ../shared/anchors/tei-stylesheets.');
console.log('\n| work | tei-edition wall | CPU | peak RSS | reference wall | CPU | peak RSS | ratio |\n|---|---|---|---|---|---|---|---|');
try {
  // 3. The bundled edition.
  measure('bundled edition, full build without the PDF, cold', () => ours(['build', '--only', 'site,apparatus,epub', '--out', path.join(temp, 'bundled-dist')]), undefined);

  // 1. Generated editions.
  for (const n of SIZES) {
    const folder = path.join(temp, `generated-${n}`);
    const made = generateEdition(n, folder, 1);
    const runs = n >= 10000 ? 1 : RUNS;
    const docs = path.dirname(made.documents[0]);
    const out = (name) => ['--out', path.join(temp, `out-${n}-${name}`)];
    const label = `${n.toLocaleString('en')} generated letters`;
    measure(`${label}: validate, cold`, () => ours(['validate'], { cwd: folder }), undefined, runs);
    for (const only of ['site', 'apparatus', 'epub']) {
      measure(`${label}: --only ${only}, cold`, () => ours(['build', '--only', only, ...out(only)], { cwd: folder }), only === 'site' ? () => referenceHtml(docs) : undefined, runs);
    }
    const cache = mkdtempSync(path.join(temp, `warm-${n}-`));
    measure(`${label}: full build without the PDF, cold`, (i) => ours(['build', '--only', 'site,apparatus,epub', ...out('full')], { cwd: folder, ...(i === runs - 1 ? { cache } : {}) }), undefined, runs);
    // One letter changes: a word of its first paragraph.
    const one = made.documents[Math.floor(made.documents.length / 2)];
    measure(
      `${label}: rebuild after one letter changes`,
      (i) => {
        writeFileSync(one, readFileSync(one, 'utf8').replace(/(<p xml:id="[^"]+">)/, `$1Edited ${i}. `));
        return ours(['build', '--only', 'site,apparatus,epub', ...out('full')], { cwd: folder, cache });
      },
      undefined,
      runs,
    );
    const persons = made.registers[0];
    measure(
      `${label}: rebuild after a register changes`,
      (i) => {
        writeFileSync(persons, readFileSync(persons, 'utf8').replace('<note>A correspondent of the generated letters.</note>', `<note>A correspondent of the generated letters (edited ${i}).</note>`));
        return ours(['build', '--only', 'site,apparatus,epub', ...out('full')], { cwd: folder, cache });
      },
      undefined,
      runs,
    );
    rmSync(cache, { recursive: true, force: true });
    rmSync(folder, { recursive: true, force: true });
  }

  // 2. The shared corpora.
  if (existsSync(corpora)) {
    const frus51 = path.join(corpora, 'frus/frus1951v07p2.xml');
    measure('frus1951v07p2.xml (3.7 MB): site', () => ours(['build', frus51, '--only', 'site', '--out', path.join(temp, 'frus51')]), () => saxon([`-s:${frus51}`, `-xsl:${path.join(STYLESHEETS, 'html/html.xsl')}`, `-o:${path.join(temp, 'frus51-ref.html')}`]));
    // The reference stops on two ids of this volume ("index", "toc"), which its EPUB writes as files:
    // both run on a copy with those two renamed.
    const frus64 = path.join(temp, 'frus1964-68v29p2.xml');
    writeFileSync(frus64, readFileSync(path.join(corpora, 'frus/frus1964-68v29p2.xml'), 'utf8').replace(/xml:id="index"/g, 'xml:id="index-1"').replace(/xml:id="toc"/g, 'xml:id="toc-1"'));
    measure('frus1964-68v29p2.xml (1.4 MB): EPUB', () => ours(['build', frus64, '--only', 'epub', '--out', path.join(temp, 'frus64')]), () => referenceEpub(frus64));
    const letters = path.join(temp, 'schnitzler');
    mkdirSync(letters);
    for (const f of readdirSync(path.join(corpora, 'schnitzler-briefe')).filter((f) => f.endsWith('.xml'))) cpSync(path.join(corpora, 'schnitzler-briefe', f), path.join(letters, f));
    measure('the 6 shared Schnitzler letters: site', () => ours(['build', letters, '--only', 'site', '--out', path.join(temp, 'schnitzler-out')]), () => referenceHtml(letters));
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}
console.log('\nratio: tei-edition wall / reference wall (below 1: faster). The reference makes HTML only where a ratio is given.');
console.log('Wall-clock times move with whatever else the machine runs: compare figures from one run.');
