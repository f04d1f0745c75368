// The deposit step on its own, without a build: what it takes from the headers, what it leaves out and
// says, and what it refuses to deposit. The metadata mappings are replaced by a stand-in that gives
// nothing, so only the bag's own findings are seen here.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { renderDeposit, withDepositInputs } from '../../src/package/deposit-output.js';
import { loadXmlFile, type SourceFile } from '../../src/read/load.js';
import type { SiteModel } from '../../src/render/site-model.js';
import { parseBagInfo } from '../../src/package/deposit/verify-bag.js';

vi.mock('../../src/package/deposit/metadata/describe.js', () => ({ describeDeposit: () => ({ files: [], diagnostics: [] }) }));

const temp = mkdtempSync(path.join(tmpdir(), 'tei-edition-deposit-output-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function tei(publicationStmt: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>A letter</title></titleStmt>
      <publicationStmt>${publicationStmt}</publicationStmt>
      <sourceDesc><p>Written for the tests.</p></sourceDesc>
    </fileDesc>
  </teiHeader>
  <text><body><p>Dear friend,</p></body></text>
</TEI>
`;
}

function source(name: string, text: string): SourceFile {
  const file = path.join(temp, name);
  writeFileSync(file, text);
  const loaded = loadXmlFile(file);
  if (!loaded.ok) throw new Error(loaded.diagnostic.message);
  return loaded.source;
}

const model: SiteModel = { title: 'Letters', subtitle: '', lang: 'en', slug: 'letters', buildDate: '2024-01-02', documents: [], registers: [], witnesses: [], mentions: new Map(), entries: new Map() };
const keyOf = (s: SourceFile): string => path.relative(temp, s.absolutePath).split(path.sep).join('/');
const site = { folder: 'site', files: [{ path: 'index.html', content: '<!doctype html><title>Letters</title>\n' }] };
const base = { outputs: [site], model, registers: [], keyOf, schematron: [], instant: '2024-01-02T03:04:05Z' };
const bagInfo = (files: readonly { path: string; content: string | Uint8Array }[]): Map<string, string[]> =>
  parseBagInfo(new TextDecoder().decode(files.find((f) => f.path === 'letters-bag/bag-info.txt')!.content as Uint8Array));

describe('the deposit step', () => {
  it('makes every output it packages when the deposit is asked for', () => {
    expect(withDepositInputs(['deposit'])).toEqual(['site', 'apparatus', 'epub', 'print', 'deposit']);
    expect(withDepositInputs(['epub', 'deposit'])).toEqual(['site', 'apparatus', 'epub', 'print', 'deposit']);
    expect(withDepositInputs(['site'])).toEqual(['site']);
  });

  it('takes Source-Organization and External-Identifier from the header when every document gives the same', () => {
    const stmt = '<publisher>A press</publisher><idno type="local">42</idno><idno type="DOI">10.1234/letters</idno>';
    const result = renderDeposit({ ...base, documents: [source('one.xml', tei(stmt)), source('two.xml', tei(stmt))] });
    expect(result.diagnostics).toEqual([]);
    const info = bagInfo(result.output.files);
    expect(info.get('Source-Organization')).toEqual(['A press']);
    // A persistent identifier before a local number.
    expect(info.get('External-Identifier')).toEqual(['10.1234/letters']);
    expect(info.get('Bagging-Date')).toEqual(['2024-01-02']);
    expect(info.get('External-Description')).toEqual(['Letters']);
  });

  it('leaves out what the headers do not give, and says which element to add', () => {
    const result = renderDeposit({ ...base, documents: [source('plain.xml', tei('<p>Unpublished.</p>')), source('other.xml', tei('<publisher>A press</publisher>'))] });
    expect(result.diagnostics.map((d) => [d.ruleId, d.severity, d.file])).toEqual([
      ['deposit/bag-info', 'warning', path.join(temp, 'plain.xml')],
      ['deposit/bag-info', 'warning', path.join(temp, 'plain.xml')],
    ]);
    expect(result.diagnostics[0]!.message).toMatch(/Source-Organization.*publicationStmt\/publisher/);
    expect(result.diagnostics[1]!.message).toMatch(/External-Identifier.*"identifier".*publicationStmt\/idno/);
    expect(result.diagnostics[0]!.line).toBe(6);
    const info = bagInfo(result.output.files);
    expect(info.has('Source-Organization')).toBe(false);
    expect(info.has('External-Identifier')).toBe(false);
  });

  it('prefers the config’s identifier to the header’s', () => {
    const result = renderDeposit({ ...base, identifier: 'urn:uuid:00000000-0000-4000-8000-000000000000', documents: [source('idno.xml', tei('<publisher>P</publisher><idno>local-1</idno>'))] });
    expect(bagInfo(result.output.files).get('External-Identifier')).toEqual(['urn:uuid:00000000-0000-4000-8000-000000000000']);
  });

  it('deposits a source’s own bytes, and refuses one changed on disk since it was checked', () => {
    const text = tei('<publisher>P</publisher>').replace(/\n/g, '\r\n');
    const letter = source('crlf.xml', text);
    const result = renderDeposit({ ...base, documents: [letter] });
    const carried = result.output.files.find((f) => f.path === 'letters-bag/data/tei/crlf.xml')!;
    expect(Buffer.from(carried.content as Uint8Array).equals(readFileSync(letter.absolutePath))).toBe(true);
    writeFileSync(letter.absolutePath, text.replace('Dear', 'Dearest'));
    expect(() => renderDeposit({ ...base, documents: [letter] })).toThrow(/crlf\.xml changed while the edition was being built/);
  });
});
