// Each output format is parsed as its consumer would parse it.
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub } from '../../src/diagnostics/format-github.js';
import { formatHuman } from '../../src/diagnostics/format-human.js';
import { FIXTURES, validate } from './cli.js';

const F = FIXTURES;
const mixed = [`${F}/clean/good.xml`, `${F}/tei/date-invalid/bad.xml`, `${F}/tei/name-unlinked/bad.xml`, `${F}/wf/syntax/bad.xml`];

describe('json output', () => {
  it('parses, lists every file and gives each diagnostic its place and rule', () => {
    const run = validate([...mixed, '--format', 'json']);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.files.map((f: { file: string }) => f.file)).toEqual(mixed);
    expect(report.files.map((f: { valid: boolean }) => f.valid)).toEqual([true, false, true, false]);
    expect(report.summary).toMatchObject({ files: 4, filesWithErrors: 2, errors: 2, warnings: 1 });
    expect(report.files[1].diagnostics[0]).toEqual({
      file: `${F}/tei/date-invalid/bad.xml`,
      line: 12,
      column: 16,
      severity: 'error',
      ruleId: 'tei/date-invalid',
      message: expect.stringContaining('February 1951 has 28 days'),
    });
  });
});

describe('junit output', () => {
  it('parses as XML with one testcase per file and a failure for each file with errors', () => {
    const run = validate([...mixed, '--format', 'junit']);
    expect(run.status).toBe(1);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(run.stdout);
    const suite = parsed.testsuites.testsuite;
    expect(suite.tests).toBe('4');
    expect(suite.failures).toBe('2');
    const cases = suite.testcase as { name: string; failure?: { type: string }; 'system-out'?: string }[];
    expect(cases.map((c) => c.name)).toEqual(mixed);
    expect(cases.map((c) => c.failure?.type)).toEqual([undefined, 'tei/date-invalid', undefined, 'wf/syntax']);
    expect(cases[2]!['system-out']).toContain('tei/name-unlinked');
  });
});

describe('github output', () => {
  const COMMAND = /^::(error|warning|notice) file=[^,:\r\n]+(,line=\d+,col=\d+)?,title=[^,:\r\n]+::[^\r\n]*$/;

  it('prints only workflow commands, one per diagnostic', () => {
    const run = validate([...mixed, '--format', 'github']);
    expect(run.status).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(COMMAND);
    expect(lines[0]).toBe(
      `::error file=${F}/tei/date-invalid/bad.xml,line=12,col=16,title=tei/date-invalid::@when="1951-02-30" is not a real date%3A February 1951 has 28 days, not 30`.replace(
        '%3A',
        ':',
      ),
    );
    expect(lines[1]).toMatch(/^::warning /);
  });

  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    expect(escapeData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
    const out = formatGithub({
      files: ['odd:name,1.xml'],
      diagnostics: [{ file: 'odd:name,1.xml', line: 2, column: 3, severity: 'error', ruleId: 'wf/syntax', message: 'two\nlines 50%' }],
    });
    expect(out).toBe('::error file=odd%3Aname%2C1.xml,line=2,col=3,title=wf/syntax::two%0Alines 50%25\n');
  });
});

describe('human output', () => {
  it('gives file:line:col, severity, message and rule id, a code frame for errors and a summary', () => {
    const run = validate([`${F}/tei/date-invalid/bad.xml`]);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(`${F}/tei/date-invalid/bad.xml:12:16  error  @when="1951-02-30" is not a real date: February 1951 has 28 days, not 30  tei/date-invalid`);
    expect(lines.some((l) => /^\s+>\s+12 \|\s+<p><date when="1951-02-30">/.test(l))).toBe(true);
    expect(run.stdout).toMatch(/✖ 1 error, 0 warnings \(1 of 1 file with errors\)/);
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('colours only when asked to', () => {
    const report = { files: ['a.xml'], diagnostics: [{ file: 'a.xml', line: 1, column: 1, severity: 'error' as const, ruleId: 'wf/syntax', message: 'm' }] };
    expect(formatHuman(report, { color: true })).toContain('\u001b[31m');
    expect(formatHuman(report, { color: false })).not.toContain('\u001b[');
  });

  it('says when every file is valid', () => {
    const run = validate([`${F}/clean/good.xml`]);
    // It says what ran: no schema was given, so no RelaxNG validation is claimed.
    expect(run.stdout.trim()).toBe('✔ 1 file well-formed, editorial rules passed; no RelaxNG schema given');
    expect(run.status).toBe(0);
  });
});

describe('the command line', () => {
  it('prints help with exit 0', () => {
    const run = validate(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: tei-edition validate');
  });

  it('refuses an unknown option or format with exit 2 and no stack trace', () => {
    for (const args of [['--bogus'], ['--format', 'xml', `${F}/clean/good.xml`]]) {
      const run = validate(args);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/unknown option|--format needs/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
