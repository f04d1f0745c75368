// --format sarif: a SARIF 2.1.0 log that the official JSON Schema accepts, with the tool's rules and
// one result per finding at its file (relative to the working directory), line and column.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { formatSarif } from '../../src/diagnostics/format-sarif.js';
import { rules } from '../../src/diagnostics/rules.js';
import { projectRoot } from '../helpers/paths.js';
import { skipReason } from '../helpers/tools.js';
import { runInProcess } from '../hostile/support/cli.js';
import { FIXTURES } from './cli.js';

/**
 * The SARIF 2.1.0 schema as the SARIF SDK ships it (sarif-2.1.0.json, the OASIS standard with its
 * errata), in the platform package of @microsoft/sarif-multitool, a dev dependency.
 */
function sarifSchemaFile(): string | undefined {
  const require = createRequire(import.meta.url);
  for (const platform of ['linux', 'darwin', 'win32']) {
    try {
      const file = path.join(path.dirname(require.resolve(`@microsoft/sarif-multitool-${platform}/package.json`)), 'sarif-2.1.0.json');
      if (existsSync(file)) return file;
    } catch {
      // not installed for this platform
    }
  }
  return undefined;
}

const schemaFile = sarifSchemaFile();
const noSchema = skipReason(schemaFile === undefined, 'the SARIF 2.1.0 JSON Schema (npm package @microsoft/sarif-multitool, a dev dependency)');

/** ajv knows no formats by itself; these are the four the SARIF schema uses. */
function sarifValidator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addFormat('uri', /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/);
  ajv.addFormat('uri-reference', /^[^\s]*$/);
  ajv.addFormat('date-time', (s: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i.test(s) && !Number.isNaN(Date.parse(s)));
  ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  return ajv.compile(JSON.parse(readFileSync(schemaFile!, 'utf8')));
}

const F = FIXTURES;
const mixed = [`${F}/clean/good.xml`, `${F}/tei/date-invalid/bad.xml`, `${F}/tei/name-unlinked/bad.xml`, `${F}/wf/syntax/bad.xml`];

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; rules: { id: string; shortDescription: { text: string } }[] } };
    results: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn: number } } }[] }[];
  }[];
}

describe.skipIf(noSchema.skip)(`--format sarif${noSchema.title}`, () => {
  it('is valid against the SARIF 2.1.0 JSON Schema, for findings and for a clean run', async () => {
    const validate = sarifValidator();
    for (const files of [mixed, [`${F}/clean/good.xml`]]) {
      const run = await runInProcess(['validate', ...files, '--format', 'sarif']);
      const log = JSON.parse(run.stdout) as unknown;
      expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    }
    // Odd paths and every severity, straight from the formatter.
    const odd = formatSarif(
      {
        files: ['dir with space/ü#1.xml', '/elsewhere/x.xml'],
        diagnostics: [
          { file: 'dir with space/ü#1.xml', line: 2, column: 3, severity: 'info', ruleId: 'sch/my-rule', message: 'm' },
          { file: '/elsewhere/x.xml', severity: 'warning', ruleId: 'tei/name-unlinked', message: 'n' },
        ],
      },
      { name: 'tei-edition', version: '0.1.0', root: '/work/project' },
    );
    expect(validate(JSON.parse(odd)), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('lists the rules with their descriptions and gives each finding its rule, level and place', async () => {
    const run = await runInProcess(['validate', ...mixed, '--format', 'sarif']);
    expect(run.status).toBe(1);
    const log = JSON.parse(run.stdout) as SarifLog;
    expect(log.version).toBe('2.1.0');
    const { driver } = log.runs[0]!.tool;
    const version = (JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;
    expect(driver).toMatchObject({ name: 'tei-edition', version });
    expect(driver.rules.map((r) => r.id)).toEqual([...rules.keys()]);
    expect(driver.rules.find((r) => r.id === 'tei/date-invalid')?.shortDescription.text).toBe(rules.get('tei/date-invalid')!.summary);
    const results = log.runs[0]!.results;
    expect(results.map((r) => [r.ruleId, r.level])).toEqual([
      ['tei/date-invalid', 'error'],
      ['tei/name-unlinked', 'warning'],
      ['wf/syntax', 'error'],
    ]);
    const first = results[0]!;
    expect(driver.rules[first.ruleIndex]!.id).toBe('tei/date-invalid');
    expect(first.message.text).toContain('February 1951 has 28 days');
    expect(first.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: `${F}/tei/date-invalid/bad.xml`, uriBaseId: 'SRCROOT' },
      region: { startLine: 12, startColumn: 16 },
    });
  });
});

describe('docs/ci/code-scanning.yml', () => {
  it('writes SARIF and uploads it to code scanning, linked from docs/rules.md', () => {
    const workflow = readFileSync(path.join(projectRoot, 'docs/ci/code-scanning.yml'), 'utf8');
    expect(workflow).toContain('--format sarif');
    expect(workflow).toContain('github/codeql-action/upload-sarif');
    expect(workflow).toContain('security-events: write');
    expect(readFileSync(path.join(projectRoot, 'docs/rules.md'), 'utf8')).toContain('ci/code-scanning.yml');
  });
});
