// Constructs of correct TEI that the editorial rules once reported, beside the real problems they
// must still report: names linked by @corresp or @key, register lists in the front or back matter,
// page ranges, and private URI prefixes declared by a prefixDef.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diagnosticsOf, validateInProcess } from './cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'rules-false-alarms-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = `<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader>
    <fileDesc><titleStmt><title>T</title></titleStmt><publicationStmt><date when="1951">1951</date></publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc>
    <encodingDesc><listPrefixDef>
      <prefixDef ident="iiif" matchPattern="(.+)" replacementPattern="https://images.example.org/iiif/$1"/>
      <prefixDef ident="bad" matchPattern="(.+)" replacementPattern="javascript:$1"/>
    </listPrefixDef></encodingDesc>
  </teiHeader>`;

async function findings(name: string, text: string): Promise<[number | undefined, string][]> {
  const file = path.join(dir, name);
  writeFileSync(file, `${HEADER}\n${text}\n</TEI>\n`);
  return diagnosticsOf(await validateInProcess(['--format', 'json', file])).map((d) => [d.line, d.ruleId]);
}

describe('no false alarms on correct TEI', () => {
  it('tei/name-unlinked: @ref, @corresp and @key link a name; entries of a register list are not mentions', async () => {
    const text = `  <text>
    <front><div xml:id="persons"><list type="names">
      <item><persName xml:id="p1">Aichi, Kiichi</persName>, Foreign Minister of <placeName>Japan</placeName></item>
    </list></div></front>
    <body>
      <p><persName corresp="#p1">Aichi</persName> <persName key="Abel_Gen.4.2">Abel</persName> <placeName ref="#p1">X</placeName></p>
      <p><persName>Johnson</persName></p>
      <list><item><persName>Rostow</persName></item></list>
    </body>
  </text>`;
    // Line 15: Johnson; line 16: an item of a list in the body is text, not a register.
    expect(await findings('names.xml', text)).toEqual([
      [15, 'tei/name-unlinked'],
      [16, 'tei/name-unlinked'],
    ]);
  });

  it('tei/date-invalid: @from/@to are dates only on att.datable members, not page or folio ranges', async () => {
    const text = `  <text><body>
    <p><bibl><biblScope unit="page" from="89" to="102"/><citedRange from="3" to="5"/></bibl> <locus from="51v" to="58v"/></p>
    <p><date from="1951-02-30" to="1951-03">x</date> <time from="09:45:00" to="10:15:00Z">t</time> <birth when="1951-13">b</birth></p>
  </body></text>`;
    expect(await findings('dates.xml', text)).toEqual([
      [11, 'tei/date-invalid'],
      [11, 'tei/date-invalid'],
    ]);
  });

  it('tei/unsafe-url: a prefix declared by a prefixDef is checked by its expansion', async () => {
    const text = `  <text><body>
    <pb facs="iiif:page1.jpg"/> <pb facs="bad:alert(1)"/> <pb facs="FFimg:page2.jpg"/>
  </body></text>`;
    // bad: expands to javascript:, and FFimg: is declared nowhere.
    expect(await findings('urls.xml', text)).toEqual([
      [10, 'tei/unsafe-url'],
      [10, 'tei/unsafe-url'],
    ]);
  });
});
