// Output people can act on: many findings of one rule are counted, not listed, unless --verbose;
// --quiet keeps only errors; the closing line says what was checked; the machine formats stay
// complete; a clean run in GitHub format still says it ran.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SHOWN_PER_RULE } from '../../src/diagnostics/format-human.js';
import { runInProcess } from '../hostile/support/cli.js';

const temp = mkdtempSync(path.join(tmpdir(), 'validate-output-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A TEI document whose body holds these paragraphs. */
function tei(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>A fixture</title></titleStmt>
      <publicationStmt><p>Test fixture</p><date when="1951-07-01">1 July 1951</date></publicationStmt>
      <sourceDesc><p>Written by hand.</p></sourceDesc>
    </fileDesc>
  </teiHeader>
  <text>
    <body>
${body}
    </body>
  </text>
</TEI>
`;
}

// 40 unlinked names in two files (warnings), and two bad dates (errors) in a third.
const corpus = path.join(temp, 'corpus');
mkdirSync(corpus);
const names = (n: number): string => Array.from({ length: n }, (_, i) => `      <p>Name <persName>Person ${i}</persName>.</p>`).join('\n');
writeFileSync(path.join(corpus, 'a.xml'), tei(names(25)));
writeFileSync(path.join(corpus, 'b.xml'), tei(names(15)));
writeFileSync(path.join(corpus, 'c.xml'), tei('      <p><date when="1951-02-30">x</date><date when="1951-13-01">y</date></p>'));
const clean = path.join(temp, 'clean.xml');
writeFileSync(clean, tei('      <p>Nothing wrong here.</p>'));

const linesWith = (text: string, rule: string): string[] => text.split('\n').filter((l) => l.endsWith(`  ${rule}`));

describe('human output on many findings', () => {
  it('shows the first few of each rule, counts the rest, and closes with a table of rules', async () => {
    const run = await runInProcess(['validate', corpus]);
    expect(run.status).toBe(1);
    expect(linesWith(run.stdout, 'tei/name-unlinked')).toHaveLength(SHOWN_PER_RULE);
    expect(linesWith(run.stdout, 'tei/date-invalid')).toHaveLength(2);
    expect(run.stdout).toContain(`… and ${40 - SHOWN_PER_RULE} more tei/name-unlinked warnings (40 in 2 files)`);
    expect(run.stdout).toMatch(/By rule \(--verbose lists every finding\):\n +2 +error +tei\/date-invalid .+\n +40 +warning +tei\/name-unlinked +A persName/);
    // Errors come first, with their code frames.
    expect(run.stdout.indexOf('tei/date-invalid')).toBeLessThan(run.stdout.indexOf('tei/name-unlinked'));
    expect(run.stdout).toMatch(/^\s+>\s+\d+ \| +<p><date when="1951-02-30">/m);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('✖ 2 errors, 40 warnings (1 of 3 files with errors)');
  });

  it('--verbose lists every finding, in file order', async () => {
    const run = await runInProcess(['validate', corpus, '--verbose']);
    expect(linesWith(run.stdout, 'tei/name-unlinked')).toHaveLength(40);
    expect(run.stdout).not.toContain('By rule');
    expect(run.stdout).not.toContain('… and');
  });

  it('--quiet prints only the errors and the closing line', async () => {
    const run = await runInProcess(['validate', corpus, '--quiet']);
    expect(run.status).toBe(1);
    expect(linesWith(run.stdout, 'tei/name-unlinked')).toEqual([]);
    expect(linesWith(run.stdout, 'tei/date-invalid')).toHaveLength(2);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('✖ 2 errors, 40 warnings (1 of 3 files with errors, not shown: --quiet)');
    const quietClean = await runInProcess(['validate', path.join(corpus, 'a.xml'), '--quiet']);
    expect(quietClean.status).toBe(0);
    expect(quietClean.stdout).toBe('✔ 1 file well-formed, editorial rules passed; no RelaxNG schema given (0 errors, 25 warnings, not shown: --quiet)\n');
  });

  it('build --quiet prints no warnings either, however many', async () => {
    const run = await runInProcess(['build', path.join(corpus, 'a.xml'), path.join(corpus, 'b.xml'), '--out', path.join(temp, 'out-quiet'), '--only', 'site', '--quiet']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('✔ 2 files well-formed, editorial rules passed; no RelaxNG schema given (0 errors, 40 warnings, not shown: --quiet)\n');
  });

  it('build says what it checked, and summarises the findings', async () => {
    const run = await runInProcess(['build', path.join(corpus, 'a.xml'), path.join(corpus, 'b.xml'), '--out', path.join(temp, 'out'), '--only', 'site']);
    expect(run.status, run.stderr).toBe(0);
    expect(linesWith(run.stderr, 'tei/name-unlinked')).toHaveLength(SHOWN_PER_RULE);
    expect(run.stderr).toContain('✔ 2 files well-formed, editorial rules passed; no RelaxNG schema given (0 errors, 40 warnings)');
    expect(run.stdout).toMatch(/^Built site into .+: 2 documents, \d+ pages, 40 warnings, [\d.]+ s\n$/);
  });

  it('build of a path that does not exist names it, and counts sensibly', async () => {
    const missing = path.join(temp, 'nonexist.xml');
    const run = await runInProcess(['build', missing, '--out', path.join(temp, 'never')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`file or folder not found: ${missing}`);
    expect(run.stderr).toContain('✖ 1 error, 0 warnings (1 of 1 file with errors: 1 not found)');
    expect(run.stderr).not.toContain('of 0 files');
  });
});

describe('machine formats stay complete', () => {
  it('json and github list all 42 findings', async () => {
    const json = await runInProcess(['validate', corpus, '--format', 'json']);
    expect(JSON.parse(json.stdout).summary).toMatchObject({ errors: 2, warnings: 40 });
    const github = await runInProcess(['validate', corpus, '--format', 'github', '--quiet']);
    expect(github.stdout.trimEnd().split('\n')).toHaveLength(42);
  });

  it('github: a clean run prints one notice saying what was checked', async () => {
    const run = await runInProcess(['validate', clean, '--format', 'github']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('::notice title=tei-edition validate::1 file well-formed, editorial rules passed; no RelaxNG schema given\n');
  });

  it('build --format json puts the whole report on stdout and the summary on stderr', async () => {
    const run = await runInProcess(['build', path.join(corpus, 'a.xml'), '--out', path.join(temp, 'out-json'), '--only', 'site', '--format', 'json']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).summary).toMatchObject({ errors: 0, warnings: 25 });
    expect(run.stderr).toMatch(/^Built site into /);
  });
});
