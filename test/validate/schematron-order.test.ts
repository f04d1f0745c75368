// Several Schematron files over several documents: each document is parsed once for all of them,
// and the findings still come schema by schema, each schema's files in order, with a schema whose
// XPath fails reported where it failed and the other schemas unaffected.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSchematron, runSchematron, type SchematronSchema } from '../../src/check/sch/schematron.js';
import { loadXmlFile, type SourceFile } from '../../src/read/load.js';

const temp = mkdtempSync(path.join(tmpdir(), 'sch-order-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(temp, name);
  writeFileSync(file, text);
  return file;
}

const doc = (n: string, paragraphs: number): string =>
  `<TEI xmlns="http://www.tei-c.org/ns/1.0" n="${n}"><teiHeader><fileDesc><titleStmt><title>T ${n}</title></titleStmt></fileDesc></teiHeader>` +
  `<text><body>${'<p>x</p>'.repeat(paragraphs)}</body></text></TEI>`;

function schema(name: string, body: string): SchematronSchema {
  const file = write(name, `<schema xmlns="http://purl.oclc.org/dsdl/schematron"><ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/>${body}</schema>`);
  const loaded = loadSchematron(file, name);
  if (!loaded.ok) throw new Error(loaded.diagnostic.message);
  return loaded.schema;
}

const sources: SourceFile[] = ['1', '2', 'x'].map((n, i) => {
  const loaded = loadXmlFile(write(`doc-${n}.xml`, doc(n, i + 1)));
  if (!loaded.ok) throw new Error(loaded.diagnostic.message);
  return loaded.source;
});

const paragraphs = schema('a.sch', '<pattern id="a"><rule context="tei:p"><assert id="a-p" test="false()">p in <value-of select="/*/@n"/></assert></rule></pattern>');
const titles = schema('b.sch', '<pattern id="b"><rule context="tei:title"><report id="b-title" test="true()">title <value-of select="."/></report></rule></pattern>');
// Fails at run time on the third document only (its @n is not a number).
const numbers = schema('c.sch', '<pattern id="c"><rule context="tei:TEI"><assert id="c-n" test="xs:integer(@n) lt 10">n</assert></rule></pattern>');

const said = (d: { ruleId: string; file: string; message: string }): string => `${d.ruleId} ${path.basename(d.file)} ${d.ruleId === 'sch/schema-error' ? '' : d.message}`.trim();

describe('Schematron over several files', () => {
  it('reports schema by schema, each schema over the files in order', async () => {
    const out = (await runSchematron([paragraphs, titles], sources)).map(said);
    expect(out).toEqual([
      'sch/a-p doc-1.xml p in 1',
      'sch/a-p doc-2.xml p in 2',
      'sch/a-p doc-2.xml p in 2',
      'sch/a-p doc-x.xml p in x',
      'sch/a-p doc-x.xml p in x',
      'sch/a-p doc-x.xml p in x',
      'sch/b-title doc-1.xml title T 1',
      'sch/b-title doc-2.xml title T 2',
      'sch/b-title doc-x.xml title T x',
    ]);
  });

  it('a schema that fails on the third file: its findings so far, then its error; the others go on', async () => {
    const out = (await runSchematron([titles, numbers, paragraphs], sources)).map(said);
    expect(out).toEqual([
      'sch/b-title doc-1.xml title T 1',
      'sch/b-title doc-2.xml title T 2',
      'sch/b-title doc-x.xml title T x',
      'sch/schema-error c.sch',
      'sch/a-p doc-1.xml p in 1',
      'sch/a-p doc-2.xml p in 2',
      'sch/a-p doc-2.xml p in 2',
      'sch/a-p doc-x.xml p in x',
      'sch/a-p doc-x.xml p in x',
      'sch/a-p doc-x.xml p in x',
    ]);
  });

  it('the same findings as running each schema on its own', async () => {
    const together = await runSchematron([paragraphs, numbers, titles], sources);
    const alone = [...(await runSchematron([paragraphs], sources)), ...(await runSchematron([numbers], sources)), ...(await runSchematron([titles], sources))];
    expect(together).toEqual(alone);
  });
});
