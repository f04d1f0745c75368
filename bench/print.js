// The printed edition's speed and memory: the bundled edition and FRUS volumes from ../shared, each built
// with `build --only print` (transform, print HTML, Paged.js layout in Chromium, PDF). Wall-clock, process
// start included; peak RSS through GNU time (the largest process, Chromium's included). Run with
// `npm run bench`; never asserted in tests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, '../shared');
const cli = path.join(root, 'bin/tei-edition.js');
const gnuTime = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0;

if (!existsSync('/usr/bin/chromium')) {
  console.log('print bench skipped: Debian\'s chromium is not installed (apt-get install chromium)');
  process.exit(0);
}

function pages(pdf) {
  const r = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return /Pages:\s+(\d+)/.exec(r.stdout ?? '')?.[1] ?? '?';
}

function run(label, args) {
  const out = mkdtempSync(path.join(tmpdir(), 'tei-edition-bench-print-'));
  const rssFile = path.join(out, 'rss');
  const argv = [cli, 'build', ...args, '--out', path.join(out, 'dist'), '--only', 'print', '--quiet'];
  const [cmd, full] = gnuTime ? ['/usr/bin/time', ['-f', '%M', '-o', rssFile, process.execPath, ...argv]] : [process.execPath, argv];
  const start = performance.now();
  const r = spawnSync(cmd, full, { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const seconds = ((performance.now() - start) / 1000).toFixed(1);
  const rss = gnuTime && existsSync(rssFile) ? `${Math.round(Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024)} MB` : '?';
  const pdf = spawnSync('sh', ['-c', `ls ${path.join(out, 'dist', 'print')}/*.pdf 2>/dev/null`], { encoding: 'utf8' }).stdout.trim();
  const result = r.status === 0 && pdf ? `${pages(pdf)} pages` : `exit ${r.status}: ${(r.stderr ?? '').trim().split('\n').slice(-1)[0]}`;
  console.log(`${label.padEnd(44)}${`${seconds} s`.padEnd(10)}${rss.padEnd(10)}${result}`);
  rmSync(out, { recursive: true, force: true });
}

console.log(`${'printed edition'.padEnd(44)}${'time'.padEnd(10)}${'peak RSS'.padEnd(10)}result`);
run('bundled edition', []);
for (const file of ['frus1894Nicaragua.xml', 'frus1964-68v29p2.xml', 'frus1951v07p2.xml']) {
  const p = path.join(shared, 'corpora', 'frus', file);
  if (existsSync(p)) run(`FRUS ${file}`, [p]);
  else console.log(`FRUS ${file}: skipped (no ../shared beside the project)`);
}
