// Every registered rule has a fixture that triggers it at the right line, and one that does not.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rules } from '../../src/diagnostics/rules.js';
import { diagnosticsOf, FIXTURES, validateInProcess as validate } from './cli.js';

const F = FIXTURES;
const H = 'test/hostile/fixtures';
// An attribute value over the 1 M-character limit: generated, as it is too big to keep in git.
const LONG = path.join(mkdtempSync(path.join(tmpdir(), 'rules-too-long-')), 'long.xml');
afterAll(() => rmSync(path.dirname(LONG), { recursive: true, force: true }));
writeFileSync(LONG, `<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<text><body><p n="${'x'.repeat(1024 * 1024 + 1)}"/></body></text></TEI>\n`);
const MINI = `${F}/schema/mini.rng`;
const edition = (name: string): string[] => ['--config', `${F}/edition/${name}/edition.config.json`];
const config = (name: string): string[] => ['--config', `${F}/config/${name}/edition.config.json`];

interface Case {
  rule: string;
  bad: string[];
  /** Expected line of the first diagnostic with this rule id; undefined when it has no line. */
  line: number | undefined;
  good: string[];
  exit: number;
}

const cases: Case[] = [
  // A command line that does not parse is reported on stderr, whatever --format says.
  { rule: 'cli/usage', bad: ['--max-size', 'lots', `${F}/clean/good.xml`], line: undefined, good: ['--max-size', '2', `${F}/clean/good.xml`], exit: 2 },
  { rule: 'config/not-found', bad: ['--config', `${F}/config/absent.json`], line: undefined, good: config('good'), exit: 2 },
  { rule: 'config/invalid-json', bad: config('invalid-json'), line: 4, good: config('good'), exit: 2 },
  { rule: 'config/unknown-key', bad: config('unknown-key'), line: 14, good: config('good'), exit: 2 },
  { rule: 'config/missing-key', bad: config('missing-key'), line: 1, good: config('good'), exit: 2 },
  { rule: 'config/wrong-type', bad: config('wrong-type'), line: 13, good: config('good'), exit: 2 },
  { rule: 'config/missing-path', bad: config('missing-path'), line: 11, good: config('good'), exit: 2 },
  { rule: 'config/unknown-rule', bad: config('unknown-rule'), line: 15, good: config('good'), exit: 2 },
  { rule: 'config/output-folder', bad: config('output-folder'), line: 13, good: config('good'), exit: 2 },
  { rule: 'io/missing-file', bad: [`${F}/clean/absent.xml`], line: undefined, good: [`${F}/clean/good.xml`], exit: 2 },
  { rule: 'io/no-files', bad: [`${F}/io/no-files`], line: undefined, good: [`${F}/clean`], exit: 2 },
  { rule: 'io/empty-file', bad: [`${F}/io/empty-file/bad.xml`], line: undefined, good: [`${F}/clean/good.xml`], exit: 1 },
  { rule: 'io/too-large', bad: ['--max-size', '0.0001', `${F}/clean/good.xml`], line: undefined, good: [`${F}/clean/good.xml`], exit: 1 },
  { rule: 'wf/encoding', bad: [`${F}/wf/encoding/bad.xml`], line: 12, good: [`${F}/wf/encoding/latin1.xml`, `${F}/wf/encoding/utf16.xml`], exit: 1 },
  { rule: 'wf/not-xml', bad: [`${F}/wf/not-xml/bad.xml`], line: 1, good: [`${F}/clean/good.xml`], exit: 1 },
  { rule: 'wf/syntax', bad: [`${F}/wf/syntax/bad.xml`], line: 12, good: [`${F}/clean/good.xml`], exit: 1 },
  { rule: 'wf/tag-mismatch', bad: [`${F}/wf/tag-mismatch/bad.xml`], line: 12, good: [`${F}/clean/good.xml`], exit: 1 },
  { rule: 'wf/unclosed', bad: [`${F}/wf/unclosed/bad.xml`], line: 15, good: [`${F}/clean/good.xml`], exit: 1 },
  { rule: 'wf/forbidden-char', bad: [`${F}/wf/forbidden-char/bad.xml`], line: 12, good: [`${F}/clean/good.xml`], exit: 1 },
  { rule: 'wf/undefined-entity', bad: [`${F}/wf/undefined-entity/bad.xml`], line: 12, good: [`${F}/clean/good.xml`], exit: 1 },
  { rule: 'wf/external-entity', bad: [`${F}/wf/external-entity/bad.xml`], line: 3, good: [`${F}/wf/doctype-harmless/good.xml`], exit: 1 },
  { rule: 'wf/entity-declaration', bad: [`${F}/wf/entity-declaration/bad.xml`], line: 3, good: [`${F}/wf/doctype-harmless/good.xml`], exit: 1 },
  { rule: 'wf/namespace', bad: [`${F}/wf/namespace/bad.xml`], line: 12, good: [`${F}/clean/good.xml`], exit: 1 },
  { rule: 'wf/duplicate-attribute', bad: [`${F}/wf/duplicate-attribute/bad.xml`], line: 12, good: [`${F}/clean/good.xml`], exit: 1 },
  { rule: 'wf/dtd-defaults', bad: [`${H}/attlist-defaults/doc.xml`], line: 3, good: [`${F}/wf/doctype-harmless/good.xml`], exit: 1 },
  { rule: 'wf/xinclude', bad: [`${H}/xinclude/doc.xml`], line: 13, good: [`${F}/clean/good.xml`], exit: 1 },
  { rule: 'wf/too-deep', bad: [`${H}/too-deep/doc.xml`], line: 265, good: [`${F}/clean/good.xml`], exit: 1 },
  { rule: 'wf/too-long', bad: [LONG], line: 2, good: [`${F}/clean/good.xml`], exit: 1 },
  { rule: 'tei/unsafe-url', bad: [`${H}/web/javascript-target/doc.xml`], line: 12, good: [`${F}/clean/good.xml`], exit: 0 },
  { rule: 'tei/not-tei', bad: [`${F}/tei/not-tei/bad.xml`], line: 2, good: [`${F}/clean/good.xml`], exit: 1 },
  { rule: 'rng/invalid', bad: ['--schema', MINI, `${F}/rng/bad.xml`], line: 11, good: ['--schema', MINI, `${F}/clean/good.xml`], exit: 1 },
  { rule: 'rng/schema-error', bad: ['--schema', `${F}/schema/broken.rng`, `${F}/clean/good.xml`], line: undefined, good: ['--schema', MINI, `${F}/clean/good.xml`], exit: 3 },
  { rule: 'tei/ref-unresolved', bad: [`${F}/tei/ref-unresolved/bad.xml`], line: 13, good: [`${F}/tei/ref-unresolved/good.xml`], exit: 1 },
  { rule: 'tei/duplicate-id', bad: [`${F}/tei/duplicate-id/bad.xml`], line: 13, good: [`${F}/tei/duplicate-id/good.xml`], exit: 1 },
  { rule: 'tei/date-invalid', bad: [`${F}/tei/date-invalid/bad.xml`], line: 12, good: [`${F}/tei/date-invalid/good.xml`], exit: 1 },
  { rule: 'tei/date-range', bad: [`${F}/tei/date-range/bad.xml`], line: 12, good: [`${F}/tei/date-range/good.xml`], exit: 1 },
  { rule: 'tei/name-unlinked', bad: [`${F}/tei/name-unlinked/bad.xml`], line: 13, good: [`${F}/tei/name-unlinked/good.xml`], exit: 0 },
  { rule: 'tei/document-metadata', bad: edition('metadata-bad'), line: 3, good: edition('good'), exit: 1 },
  { rule: 'tei/apparatus', bad: edition('apparatus-bad'), line: 18, good: edition('good'), exit: 1 },
  { rule: 'sch/assert', bad: edition('schematron'), line: 19, good: edition('schematron-good'), exit: 1 },
  { rule: 'sch/schema-error', bad: edition('schematron-broken'), line: undefined, good: edition('schematron-good'), exit: 2 },
];

const matches = (rule: string, id: string): boolean => id === rule || (rule === 'sch/assert' && id.startsWith('sch/') && id !== 'sch/schema-error');

describe('each rule', () => {
  it('has a case below for every registered rule id', async () => {
    // These are the build's alone: package/locked fires in test/hostile/atomic.test.ts, the xslt/ and
    // render/ rules in test/build/xslt-diagnostics.test.ts.
    // print/ and package/print-failed in test/print/build.test.ts; deposit/ in test/deposit/*.test.ts, and
    // bag/, the rules of verify-bag, in test/deposit/verify-bag.test.ts.
    const buildOnly = (id: string): boolean => id === 'package/locked' || id === 'package/print-failed' || ['xslt/', 'render/', 'print/', 'deposit/', 'bag/'].some((p) => id.startsWith(p));
    expect(cases.map((c) => c.rule).sort()).toEqual([...rules.keys()].filter((id) => !buildOnly(id)).sort());
  });

  for (const c of cases) {
    it(`${c.rule} fires at the expected line and sets exit code ${c.exit}`, async () => {
      const run = await validate([...c.bad, '--format', 'json']);
      if (c.rule === 'cli/usage') {
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(/^tei-edition validate: error: .+  cli\/usage\n/);
        expect(run.status).toBe(c.exit);
        return;
      }
      const found = diagnosticsOf(run).filter((d) => matches(c.rule, d.ruleId));
      expect(found.length, run.stdout).toBeGreaterThan(0);
      expect(found[0]!.line).toBe(c.line);
      expect(run.status).toBe(c.exit);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    });

    it(`${c.rule} stays silent on its clean fixture`, async () => {
      const run = await validate([...c.good, '--format', 'json']);
      expect(diagnosticsOf(run).filter((d) => matches(c.rule, d.ruleId))).toEqual([]);
      expect(run.status).toBe(0);
    });
  }
});

describe('rule levels from the config', () => {
  it('a warning turned into an error fails the run', async () => {
    const run = await validate([...edition('rule-levels'), '--format', 'json']);
    expect(diagnosticsOf(run).find((d) => d.ruleId === 'tei/name-unlinked')?.severity).toBe('error');
    expect(run.status).toBe(1);
  });

  it('a rule turned off reports nothing', async () => {
    const run = await validate([...edition('rule-off'), '--format', 'json']);
    expect(diagnosticsOf(run)).toEqual([]);
    expect(run.status).toBe(0);
  });

  it('warnings pass unless --strict', async () => {
    expect((await validate(edition('warning-only'))).status).toBe(0);
    expect((await validate([...edition('warning-only'), '--strict'])).status).toBe(1);
  });
});

describe('editorial rules in detail', () => {
  it('reports every unresolved pointer and ignores URLs and prefixed pointers', async () => {
    const run = await validate([`${F}/tei/ref-unresolved/bad.xml`, '--format', 'json']);
    const found = diagnosticsOf(run).filter((d) => d.ruleId === 'tei/ref-unresolved');
    expect(found.map((d) => [d.line, d.message.match(/"([^"]+)"/)![1]])).toEqual([
      [13, '#nowhere'],
      [14, 'register.xml#nobody'],
      [15, 'missing.xml#smith'],
    ]);
  });

  it('reports a backwards range in @notBefore/@notAfter as well as @from/@to', async () => {
    const run = await validate([`${F}/tei/date-range/bad.xml`, '--format', 'json']);
    expect(diagnosticsOf(run).filter((d) => d.ruleId === 'tei/date-range').map((d) => d.line)).toEqual([12, 13]);
  });

  it('asks for a lemma when the variant encoding keeps the apparatus apart from the text', async () => {
    const run = await validate([`${F}/tei/apparatus/no-lemma.xml`, '--format', 'json']);
    expect(diagnosticsOf(run).filter((d) => d.ruleId === 'tei/apparatus').map((d) => d.message)).toEqual([expect.stringContaining('no <lem>')]);
  });

  it('reports a witness missing from a document’s own listWit when files are named directly', async () => {
    const run = await validate([`${F}/tei/apparatus/bad.xml`, '--format', 'json']);
    const found = diagnosticsOf(run).filter((d) => d.ruleId === 'tei/apparatus');
    expect(found.map((d) => [d.line, d.message.includes('"#C"')])).toEqual([[12, true]]);
  });

  it('checks ids across the whole edition', async () => {
    const run = await validate([...edition('duplicate-across'), '--format', 'json']);
    expect(diagnosticsOf(run).filter((d) => d.ruleId === 'tei/duplicate-id')).toHaveLength(1);
  });

  it('only warns about document metadata for files named on the command line', async () => {
    const run = await validate([`${F}/tei/document-metadata/bad.xml`, '--format', 'json']);
    const found = diagnosticsOf(run).filter((d) => d.ruleId === 'tei/document-metadata');
    expect(found.map((d) => [d.line, d.severity])).toEqual([[3, 'warning']]);
    expect(run.status).toBe(0);
  });

  it('says how to fix a TEI root without the TEI namespace', async () => {
    const run = await validate([`${F}/tei/not-tei/no-namespace.xml`, '--format', 'json']);
    expect(diagnosticsOf(run)[0]!.message).toContain('xmlns="http://www.tei-c.org/ns/1.0"');
  });
});
