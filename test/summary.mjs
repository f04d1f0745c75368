// The closing lines of a test run (test/run-all.sh, test/run-quick.sh): which checkers this machine
// has, every test skipped with the reason its title gives, and one plain line
// "N passed, N failed, N skipped". Usage: node test/summary.mjs REPORT.json [TIER]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const [reportFile = 'test-output/vitest.json', tier = 'full'] = process.argv.slice(2);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const onPath = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

const checkers = [
  ['jing', onPath('jing')],
  ['java', onPath('java')],
  ['chromium', existsSync('/usr/bin/chromium')],
  ['epubcheck', existsSync('/usr/share/java/epubcheck.jar')],
  ['pdftotext', onPath('pdftotext')],
  ['../shared', existsSync(path.join(root, '..', 'shared', 'README.md'))],
];
console.log('');
console.log(`Checkers: ${checkers.map(([name, found]) => `${name} ${found ? 'found' : 'MISSING'}`).join(', ')}`);
const missing = checkers.filter(([, found]) => !found).map(([name]) => name);
if (missing.length > 0) console.log(`  without ${missing.join(', ')}, the tests that need them are skipped (bash scripts/setup-debian.sh installs the tools)`);
if (tier === 'quick') console.log('Quick tier: corpora (../shared), epubcheck, print and Chromium, fuzz and install tests are left to `npm test`.');

let report;
try {
  report = JSON.parse(readFileSync(reportFile, 'utf8'));
} catch {
  console.log(`No test report at ${reportFile}: the test runner did not finish.`);
  process.exit(0);
}

// Skipped tests, grouped by file and outermost title. Each skip is to say why in its title (e.g.
// "(skipped: needs jing)", test/helpers/tools.ts); one that does not is pointed out.
const REASON = /needs|not found|skipped/i;
const groups = new Map();
for (const file of report.testResults) {
  const name = path.relative(root, file.name);
  for (const t of file.assertionResults) {
    if (t.status === 'passed' || t.status === 'failed') continue;
    const titles = [...t.ancestorTitles, t.title];
    const reason = titles.find((x) => REASON.test(x));
    const key = `${name} › ${reason ?? titles[0]}`;
    const group = groups.get(key) ?? { count: 0, reason };
    group.count++;
    groups.set(key, group);
  }
}
if (groups.size > 0) {
  console.log('Skipped:');
  for (const [key, { count, reason }] of groups) console.log(`  ${key}: ${count} test${count === 1 ? '' : 's'}${reason ? '' : ' (its title gives no reason: a failed hook, or a skip to explain)'}`);
}
const skipped = report.numPendingTests + report.numTodoTests;
console.log(`${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped`);
