// The RelaxNG layer spreads files over worker threads. However many workers there are, the report
// is the same (same diagnostics, same order, same exit code); and a worker that crashes gives one
// tool diagnostic, never a stack trace or a hang. The result cache is off: every run validates.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateRelaxNg, workersFromEnvironment } from '../../src/check/rng/validate-rng.js';
import { XMLLINT_WORKER_SOURCE } from '../../src/check/rng/xmllint-worker.js';
import { exitCodeFor } from '../../src/cli/exit-code.js';
import { loadXmlFile, type SourceFile } from '../../src/read/load.js';
import { FIXTURES, ROOT } from './cli.js';

const MINI = path.join(ROOT, FIXTURES, 'schema/mini.rng');
const good = readFileSync(path.join(ROOT, FIXTURES, 'clean/good.xml'), 'utf8');

// Files that the schema accepts or refuses in different ways, and files that never reach it.
const variants: ((i: number) => string)[] = [
  (i) => good.replace('Nothing wrong here.', `Document ${i}.`),
  (i) => good.replace('<body>', `<blink>${i}</blink>\n    <body>`),
  (i) => good.replace('<teiHeader>', '<teiHeader>\n    <blink/>').replace('Nothing', `Number ${i},`),
  (i) => good.replace(/<teiHeader>[\s\S]*<\/teiHeader>/, `<!-- no header ${i} -->`),
  (i) => good.replace('<p>Nothing', `<p><blink>${i}</blink><blink>again</blink>Nothing`),
  (i) => good.replace('</TEI>', `</TEI`) + `<!-- ${i} -->`,
  (i) => `<?xml version="1.0"?>\n<notTei n="${i}"/>\n`,
  (i) => good.replace('<text>', `<text xml:id="t${i}">`).replace('</body>', '</body>\n    <back><blink/></back>'),
];

const temp = mkdtempSync(path.join(tmpdir(), 'rng-workers-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const folder = path.join(temp, 'docs');
mkdirSync(folder);
const files: string[] = [];
for (let i = 0; i < 48; i++) {
  const file = path.join(folder, `doc-${String(i).padStart(2, '0')}.xml`);
  writeFileSync(file, variants[i % variants.length]!(i));
  files.push(file);
}

function cli(workers: string, args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/tei-edition.js'), 'validate', ...args], {
    cwd: temp,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', TEI_EDITION_RNG_WORKERS: workers, TEI_EDITION_RNG_CACHE: 'off' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function sources(): SourceFile[] {
  return files.map((f) => loadXmlFile(f)).flatMap((l) => (l.ok && l.source.document.root.localName === 'TEI' ? [l.source] : []));
}

describe('one worker or several: the same report', () => {
  it('the command line: same JSON, same order, same exit code with 1, 2 and 3 workers', () => {
    const runs = ['1', '2', '3'].map((n) => cli(n, ['--schema', MINI, '--format', 'json', 'docs']));
    const report = JSON.parse(runs[0]!.stdout) as { files: { file: string; diagnostics: { ruleId: string; line?: number }[] }[] };
    // The run under comparison found what the files hold, so "the same" is not "the same nothing".
    const rules = new Set(report.files.flatMap((f) => f.diagnostics.map((d) => d.ruleId)));
    expect([...rules].sort()).toEqual(['rng/invalid', 'tei/document-metadata', 'tei/not-tei', 'wf/syntax']);
    expect(report.files.filter((f) => f.diagnostics.some((d) => d.ruleId === 'rng/invalid'))).toHaveLength(30);
    expect(runs[0]!.status).toBe(1);
    for (const r of runs.slice(1)) {
      expect(r.stdout).toBe(runs[0]!.stdout);
      expect(r.status).toBe(runs[0]!.status);
      expect(r.stderr).toBe(runs[0]!.stderr);
    }
  });

  it('the human format too, line for line', () => {
    const one = cli('1', ['--schema', MINI, 'docs']);
    const three = cli('3', ['--schema', MINI, 'docs']);
    expect(one.stdout).toMatch(/rng\/invalid/);
    expect(three.stdout).toBe(one.stdout);
    expect(three.status).toBe(one.status);
  });

  it('the layer itself: diagnostics in file order, then line order, whatever the number of workers', async () => {
    const input = sources();
    const one = await validateRelaxNg(input, MINI, { schemaDisplay: 'mini.rng', cache: false, workers: 1 });
    const order = one.map((d) => input.findIndex((s) => s.path === d.file));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(one.filter((d) => d.ruleId === 'rng/invalid')).toHaveLength(30);
    for (const workers of [2, 4]) expect(await validateRelaxNg(input, MINI, { schemaDisplay: 'mini.rng', cache: false, workers })).toEqual(one);
    // The default (workers join as they pay) says the same.
    expect(await validateRelaxNg(input, MINI, { schemaDisplay: 'mini.rng', cache: false })).toEqual(one);
  });

  it('a schema that does not compile: the same single diagnostic with 1 and 3 workers', async () => {
    const input = sources().slice(0, 5);
    const broken = path.join(ROOT, FIXTURES, 'schema/broken.rng');
    const one = await validateRelaxNg(input, broken, { schemaDisplay: 'broken.rng', cache: false, workers: 1 });
    expect(one).toEqual([expect.objectContaining({ ruleId: 'rng/schema-error', file: 'broken.rng' })]);
    expect(await validateRelaxNg(input, broken, { schemaDisplay: 'broken.rng', cache: false, workers: 3 })).toEqual(one);
  });

  it('reads the worker count from TEI_EDITION_RNG_WORKERS, and ignores what is not a small positive number', () => {
    expect(workersFromEnvironment('3')).toBe(3);
    expect(workersFromEnvironment(' 12 ')).toBe(12);
    for (const bad of [undefined, '', '0', '-1', '2.5', 'two', '1000']) expect(workersFromEnvironment(bad)).toBeUndefined();
  });
});

describe('a worker that crashes', () => {
  const expectToolError = (diagnostics: Awaited<ReturnType<typeof validateRelaxNg>>, detail: RegExp): void => {
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: 'mini.rng', severity: 'error', ruleId: 'rng/schema-error' });
    expect(diagnostics[0]!.message).toMatch(/^the RelaxNG validator \(xmllint-wasm\) failed on schema mini\.rng: /);
    expect(diagnostics[0]!.message).toMatch(detail);
    expect(diagnostics[0]!.message).toMatch(/no file was validated$/);
    expect(diagnostics[0]!.message).not.toMatch(/\n\s+at /);
    expect(exitCodeFor(diagnostics, false)).toBe(3);
  };

  it('an exception in the worker: one rng/schema-error, exit 3', async () => {
    const result = await validateRelaxNg(sources(), MINI, { schemaDisplay: 'mini.rng', cache: false, workerSource: "throw new Error('the worker broke');" });
    expectToolError(result, /the worker broke/);
  });

  it('a worker that exits half-way: one rng/schema-error naming its exit code', async () => {
    const result = await validateRelaxNg(sources(), MINI, { schemaDisplay: 'mini.rng', cache: false, workerSource: 'setTimeout(() => process.exit(7), 20);' });
    expectToolError(result, /exit code 7/);
  });

  it('one of three workers crashing while the others wait for files: a diagnostic, no hang', async () => {
    const source = `if (require('node:worker_threads').workerData.index === 1) throw new Error('worker two broke');\n${XMLLINT_WORKER_SOURCE}`;
    const result = await validateRelaxNg(sources(), MINI, { schemaDisplay: 'mini.rng', cache: false, workers: 3, workerSource: source });
    expectToolError(result, /worker two broke/);
  });

  it('WebAssembly that aborts: a diagnostic', async () => {
    // The real worker, with memory too small for libxml2 to start.
    const source = XMLLINT_WORKER_SOURCE.replace('const input = threads.workerData;', 'const input = { ...threads.workerData, initialMemory: 1, maxMemory: 1 };');
    expect(source).not.toBe(XMLLINT_WORKER_SOURCE);
    const result = await validateRelaxNg(sources(), MINI, { schemaDisplay: 'mini.rng', cache: false, workerSource: source });
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ ruleId: 'rng/schema-error' });
    expect(exitCodeFor(result, false)).toBe(3);
  });
});
