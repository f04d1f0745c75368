// Bad input gets one clear diagnostic and the documented exit code, never a stack trace.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, openSync, rmSync, writeSync, closeSync, copyFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diagnosticsOf, FIXTURES, validate } from './cli.js';

const F = FIXTURES;
const temp = mkdtempSync(path.join(tmpdir(), 'validate-bad-input-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function expectOne(args: string[], ruleId: string, exit: number, cwd?: string): string {
  const run = validate([...args, '--format', 'json'], cwd);
  const diagnostics = diagnosticsOf(run);
  expect(diagnostics.map((d) => d.ruleId)).toEqual([ruleId]);
  expect(run.status).toBe(exit);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  return run.stdout;
}

describe('bad input', () => {
  it('a missing file: io/missing-file, exit 2', () => {
    expectOne([`${F}/nothing-here.xml`], 'io/missing-file', 2);
  });

  it('an empty file: io/empty-file, exit 1', () => {
    expectOne([`${F}/io/empty-file/bad.xml`], 'io/empty-file', 1);
  });

  it('a file that is not XML: wf/not-xml, exit 1', () => {
    expectOne([`${F}/wf/not-xml/bad.xml`], 'wf/not-xml', 1);
  });

  it('invalid UTF-8: wf/encoding with the line and column of the bad byte, exit 1', () => {
    const run = validate([`${F}/wf/encoding/bad.xml`, '--format', 'json']);
    expect(diagnosticsOf(run)).toEqual([expect.objectContaining({ ruleId: 'wf/encoding', line: 12, column: 13, message: expect.stringContaining('0xE9') })]);
    expect(run.status).toBe(1);
  });

  it('ISO-8859-1 and UTF-16 files are decoded, not rejected', () => {
    const run = validate([`${F}/wf/encoding/latin1.xml`, `${F}/wf/encoding/utf16.xml`, '--schema', `${F}/schema/mini.rng`, '--format', 'json']);
    expect(diagnosticsOf(run)).toEqual([]);
    expect(run.status).toBe(0);
  });

  it('a document that is not TEI: tei/not-tei, exit 1', () => {
    expectOne([`${F}/tei/not-tei/bad.xml`, '--schema', `${F}/schema/mini.rng`], 'tei/not-tei', 1);
  });

  it('a DOCTYPE with an external entity: refused, and the entity’s file is never read', () => {
    // The entity points at a named pipe: opening it for reading would block forever, so a run
    // that finishes proves the file was never opened. Its content must not appear either.
    const dir = path.join(temp, 'xxe');
    execFileSync('mkdir', ['-p', dir]);
    copyFileSync(`${F}/wf/external-entity/bad.xml`, path.join(dir, 'bad.xml'));
    execFileSync('mkfifo', [path.join(dir, 'secret.txt')]);
    const out = expectOne([path.join(dir, 'bad.xml')], 'wf/external-entity', 1);
    expect(out).toContain('never read');
    const plain = validate([`${F}/wf/external-entity/bad.xml`, `${F}/wf/external-entity/dtd.xml`, '--schema', `${F}/schema/mini.rng`]);
    expect(plain.stdout + plain.stderr).not.toContain('SECRET-CONTENT');
    expect(plain.status).toBe(1);
  });

  it('nested entity expansion (billion laughs): refused before any expansion, exit 1', () => {
    const started = Date.now();
    expectOne([`${F}/wf/entity-declaration/bad.xml`, '--schema', `${F}/schema/mini.rng`], 'wf/entity-declaration', 1);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('a file of tens of MB: io/too-large, exit 1, without reading it into the checks', () => {
    const big = path.join(temp, 'big.xml');
    const fd = openSync(big, 'w');
    writeSync(fd, '<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>\n');
    const chunk = '<p>' + 'lorem ipsum dolor sit amet '.repeat(40) + '</p>\n';
    const block = chunk.repeat(1000);
    for (let written = 0; written < 40 * 1024 * 1024; written += block.length) writeSync(fd, block);
    writeSync(fd, '</body></text></TEI>\n');
    closeSync(fd);
    const out = expectOne([big], 'io/too-large', 1);
    expect(out).toMatch(/--max-size/);
  });

  it('a schema xmllint cannot compile: rng/schema-error, exit 3, never "valid"', () => {
    const run = validate(['--schema', `${F}/schema/broken.rng`, `${F}/clean/good.xml`]);
    expect(run.status).toBe(3);
    expect(run.stdout).toContain('rng/schema-error');
    expect(run.stdout).not.toContain('valid\n');
  });

  it('RelaxNG compact syntax: a tool error that says to use the XML syntax', () => {
    const rnc = path.join(temp, 'schema.rnc');
    execFileSync('sh', ['-c', `echo 'start = element TEI { empty }' > ${rnc}`]);
    const run = validate(['--schema', rnc, `${F}/clean/good.xml`, '--format', 'json']);
    expect(run.status).toBe(3);
    expect(diagnosticsOf(run)[0]!.message).toContain('XML syntax');
  });

  it('no PATH and no config: config/not-found, exit 2', () => {
    expect(existsSync(path.join(temp, 'edition.config.json'))).toBe(false);
    expectOne([], 'config/not-found', 2, temp);
  });
});
