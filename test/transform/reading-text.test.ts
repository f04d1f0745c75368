// Nothing raw in the reading text: metadata a text carries, pointers with no words, and elements of other
// namespaces never reach it as running words; what is left out is reported once per element name.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { behavioursParam } from '../../src/read/behaviours.js';
import { loadStylesheet, type CompiledStylesheet } from '../../src/transform/stylesheet.js';
import { transformFile } from '../../src/transform/transform-file.js';

const TEI = `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:h="http://www.w3.org/1999/xhtml" xmlns:m="http://www.w3.org/1998/Math/MathML">
  <teiHeader><fileDesc><titleStmt><title>A letter</title></titleStmt><publicationStmt><p>Test</p></publicationStmt>
    <sourceDesc><p>Written for this test.</p></sourceDesc></fileDesc></teiHeader>
  <text><body>
    <div xml:id="d1"><head>First part</head>
      <p>Gallia est omnis <ptr target="CI_st_001"/> divisa in partes tres <ptr target="#d1"/> quarum unam.</p>
      <p>Watch <h:object><h:param name="movie" value="x"/><h:embed src="player.swf"/></h:object><h:script>brightcove.createExperiences();</h:script>
        <h:video src="v.mp4">Your browser cannot play this</h:video><h:style>p { color: red }</h:style> the film, <h:span>kept words</h:span>
        and <m:math><m:mi>x</m:mi></m:math> nothing else.</p>
      <p>An <docDate>odd</docDate> element and another <docDate>one</docDate>.</p>
    </div>
  </body>
  <back>
    <listEvent>
      <event when="1900-06-01"><label>A concert</label><note type="listorg">LISTORG</note>
        <idno type="URL">https://pmb.acdh.oeaw.ac.at/entity/334961/</idno><location><geo>48,208333 16,373056</geo></location></event>
    </listEvent>
    <listRelation><relation name="RELATION-TYPE" active="#a" passive="#b"/></listRelation>
    <idno type="URL">https://example.org/letter/1</idno>
  </back></text>
</TEI>
`;

interface Message {
  rule: string;
  message: string;
}

describe('nothing raw in the reading text', () => {
  let stylesheet: CompiledStylesheet;
  let html = '';
  let messages: Message[] = [];
  beforeAll(async () => {
    stylesheet = await loadStylesheet('html/page');
    const dir = mkdtempSync(path.join(tmpdir(), 'tei-edition-reading-text-'));
    const file = path.join(dir, 'letter.xml');
    writeFileSync(file, TEI);
    const outcome = transformFile(stylesheet, file, { base: dir, files: [file], sigla: {}, witnessOrder: [], behaviours: behavioursParam() });
    if (!outcome.ok) throw new Error(outcome.message);
    html = outcome.file.html.text;
    messages = outcome.messages.map((m) => JSON.parse(m) as Message);
  }, 120_000);
  const of = (rule: string): string[] => messages.filter((m) => m.rule === rule).map((m) => m.message);
  /** The words of the text, the edition's own markers (class "ed") left aside. */
  const words = (): string => html.replace(/<(\w+) class="[^"]*\bed\b[^"]*"[^>]*>[^<]*<\/\1>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

  it('leaves metadata of the back out of the text and reports it once per element name', () => {
    expect(html).not.toMatch(/https?:|48,208333|LISTORG|RELATION-TYPE|A concert/);
    expect(of('xslt/metadata-left-out').sort()).toEqual([
      '<idno> is metadata, not reading text: it is left out of the text',
      '<listEvent> is metadata, not reading text: it is left out of the text',
      '<listRelation> is metadata, not reading text: it is left out of the text',
    ]);
  });

  it('makes a pointer with no words a small named arrow, and leaves out one that leads nowhere', () => {
    expect(words()).toContain('Gallia est omnis divisa in partes tres quarum unam.');
    expect(html).not.toContain('CI_st_001');
    expect(html).toMatch(/<a class="ref ptr ed" href="#d1" title="First part" aria-label="Link: First part">→<\/a>/);
    expect(of('xslt/pointer-left-out')).toEqual(['a pointer with no words leads nowhere this edition can resolve (CI_st_001): it is left out of the text']);
  });

  it('keeps scripts, players, styles and formulas of other namespaces out of the text, but plain XHTML phrases', () => {
    expect(words()).toContain('Watch the film, kept words and nothing else.');
    expect(html).not.toMatch(/brightcove|createExperiences|Your browser|color: red|player\.swf/);
    const unknown = of('xslt/unknown-element');
    for (const name of ['h:object', 'h:param', 'h:embed', 'h:script', 'h:video', 'h:style', 'm:math', 'm:mi']) {
      expect(unknown.filter((m) => m.startsWith(`<${name}>`)), name).toHaveLength(1);
      expect(unknown.find((m) => m.startsWith(`<${name}>`))).toContain('left out of the reading text');
    }
    expect(unknown.find((m) => m.startsWith('<h:span>'))).toContain('its text is kept');
  });

  it('keeps the text of an unknown TEI element and reports it once, with a count', () => {
    expect(words()).toContain('An odd element and another one .');
    expect(of('xslt/unknown-element').filter((m) => m.startsWith('<docDate>'))).toEqual(['<docDate> has no rendering of its own: its text is kept as plain text (2 times in this document)']);
  });
});
