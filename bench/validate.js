// Validation speed, next to jing's on the same files: the bundled edition, 1,000 generated
// documents against the project schema, and the shared corpora against tei_all.
// Run with `npm run bench` (compiles first). Times are wall-clock, process start included.
// tei-edition runs twice per case, with a result cache of its own that starts empty: the first run
// validates everything (and fills the cache), the second finds every file unchanged.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, '../shared');
const cli = path.join(root, 'bin/tei-edition.js');
const projectSchema = path.join(root, 'schema/tei-edition.rng');
const teiAll = path.join(shared, 'schemas/tei_all.rng');
const haveJing = spawnSync('sh', ['-c', 'command -v jing']).status === 0;

function xmlFiles(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...xmlFiles(p));
    else if (e.name.endsWith('.xml')) out.push(p);
  }
  return out.sort();
}

// Peak memory (resident set) through GNU time where it is installed: the whole process, worker
// threads included (for jing, the Java process it starts).
const gnuTime = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0;

function time(command, args, env = {}, cwd = root) {
  const rssFile = path.join(tmpdir(), `tei-edition-bench-rss-${process.pid}`);
  const [cmd, argv] = gnuTime ? ['/usr/bin/time', ['-f', '%M', '-o', rssFile, command, ...args]] : [command, args];
  const start = performance.now();
  const r = spawnSync(cmd, argv, { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env: { ...process.env, ...env } });
  const seconds = (performance.now() - start) / 1000;
  let rssMb = NaN;
  if (gnuTime && existsSync(rssFile)) {
    const kb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
    if (Number.isFinite(kb)) rssMb = kb / 1024;
    rmSync(rssFile, { force: true });
  }
  return { seconds, rssMb, status: r.status, stdout: r.stdout };
}

const rows = [];
const temp = mkdtempSync(path.join(tmpdir(), 'tei-edition-bench-'));

function measure(label, files, ours, schema) {
  const cache = { TEI_EDITION_RNG_CACHE: path.join(temp, `cache-${rows.length}`) };
  const us = time(process.execPath, [cli, 'validate', ...ours], cache);
  const again = time(process.execPath, [cli, 'validate', ...ours], cache);
  if (again.stdout !== us.stdout) throw new Error(`${label}: the second run's report differs from the first's`);
  let verdict = '';
  try {
    const report = JSON.parse(us.stdout);
    const invalid = report.files.filter((f) => f.diagnostics.some((d) => d.ruleId.startsWith('rng/') || d.ruleId.startsWith('wf/'))).length;
    verdict = `${report.files.length - invalid}/${report.files.length} schema-valid`;
  } catch {
    verdict = `exit ${us.status}`;
  }
  let jing = { seconds: NaN, rssMb: NaN };
  let jingVerdict = 'jing not installed';
  if (haveJing && schema) {
    jing = time('jing', [schema, ...files]);
    const failing = new Set((jing.stdout.match(/^(\/[^:]+):\d+:\d+: (?:fatal )?error/gm) ?? []).map((l) => l.slice(0, l.indexOf(':'))));
    jingVerdict = `${files.length - failing.size}/${files.length} valid`;
  }
  rows.push({ label, files: files.length, ours: us.seconds, again: again.seconds, oursRss: us.rssMb, jing: jing.seconds, jingRss: jing.rssMb, verdict, jingVerdict });
}

try {
  // 1. The bundled edition, as an editor runs it.
  if (existsSync(path.join(root, 'tei/edition.xml')) && existsSync(projectSchema)) {
    measure('bundled edition (project schema)', xmlFiles(path.join(root, 'tei')), ['--format', 'json'], projectSchema);
  }

  // 2. 1,000 generated documents: copies of the bundled documents with fresh ids, next to the registers.
  if (existsSync(path.join(root, 'tei/documents')) && existsSync(projectSchema)) {
    // A real copy even where tei/ is a link: the documents folder of the copy is replaced below.
    cpSync(path.join(root, 'tei'), path.join(temp, 'tei'), { recursive: true, dereference: true });
    const docs = path.join(temp, 'tei/documents');
    const templates = xmlFiles(docs).map((f) => readFileSync(f, 'utf8'));
    rmSync(docs, { recursive: true });
    mkdirSync(docs);
    for (let i = 0; i < 1000; i++) {
      const text = templates[i % templates.length].replace(/xml:id="([^"]+)"/g, `xml:id="$1-g${i}"`).replace(/(target|corresp)="#([^"\s]+)"/g, `$1="#$2-g${i}"`);
      writeFileSync(path.join(docs, `doc-${String(i).padStart(4, '0')}.xml`), text);
    }
    measure('1,000 generated documents (project schema)', xmlFiles(docs), ['--schema', projectSchema, '--format', 'json', docs], projectSchema);
  }

  // 3. Real TEI written by others against tei_all.
  if (existsSync(path.join(shared, 'corpora')) && existsSync(teiAll)) {
    const corpus = xmlFiles(path.join(shared, 'corpora'));
    measure('shared corpora (tei_all)', corpus, ['--schema', teiAll, '--format', 'json', ...corpus], teiAll);
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}

const pad = (s, n) => String(s).padEnd(n);
const secs = (n) => (Number.isNaN(n) ? '—' : `${n.toFixed(2)} s`);
const mb = (n) => (Number.isNaN(n) ? '—' : `${Math.round(n)} MB`);
console.log(`${pad('case', 44)}${pad('files', 7)}${pad('tei-edition', 13)}${pad('again', 10)}${pad('jing', 10)}${pad('peak RSS', 19)}${pad('tei-edition verdict', 26)}jing verdict`);
for (const r of rows) {
  console.log(`${pad(r.label, 44)}${pad(r.files, 7)}${pad(secs(r.ours), 13)}${pad(secs(r.again), 10)}${pad(secs(r.jing), 10)}${pad(`${mb(r.oursRss)} / ${mb(r.jingRss)}`, 19)}${pad(r.verdict, 26)}${r.jingVerdict}`);
}
console.log('\ntei-edition runs all layers (well-formedness, RelaxNG, editorial rules); jing runs RelaxNG only.');
console.log('"again": the same files a second time, answered by the RelaxNG result cache (docs/rules.md).');
console.log('Peak RSS: tei-edition (first run) / jing. Wall-clock times move with whatever else the machine runs: compare figures from one run.');
