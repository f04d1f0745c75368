// The behaviour table (xslt/common/tei-behaviours.json) decides how elements are rendered: the element
// templates match its roles, not element names. Changing only the table (passed to the transform as
// $behaviours) changes the rendering, the edition's lines and the unknown-element diagnostics together.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { behavioursParam } from '../../src/read/behaviours.js';
import { loadStylesheet, type CompiledStylesheet } from '../../src/transform/stylesheet.js';
import { transformFile, type TransformedFile } from '../../src/transform/transform-file.js';

const TEI = `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader><fileDesc><titleStmt><title>A letter</title></titleStmt><publicationStmt><p>Test</p></publicationStmt>
    <sourceDesc><p>Written for this test.</p></sourceDesc></fileDesc></teiHeader>
  <text><body>
    <p>The first paragraph of the letter.</p>
    <docDate>The second of May</docDate>
    <p>The <stage>aside</stage> paragraph, and a <label>label</label> in it.</p>
    <label>A label between paragraphs</label>
  </body></text>
</TEI>
`;

interface Outcome {
  file: TransformedFile;
  messages: string[];
}

describe('the behaviour table drives the element templates', () => {
  let stylesheet: CompiledStylesheet;
  let file: string;
  beforeAll(async () => {
    stylesheet = await loadStylesheet('html/page');
    const dir = mkdtempSync(path.join(tmpdir(), 'tei-edition-behaviours-'));
    file = path.join(dir, 'letter.xml');
    writeFileSync(file, TEI);
  }, 120_000);

  const run = (change?: (table: Record<string, unknown>) => void): Outcome => {
    const table = structuredClone(behavioursParam());
    change?.(table);
    const outcome = transformFile(stylesheet, file, { base: path.dirname(file), files: [file], sigla: {}, witnessOrder: [], behaviours: table });
    if (!outcome.ok) throw new Error(outcome.message);
    return { file: outcome.file, messages: outcome.messages };
  };
  const unknown = (o: Outcome): string[] =>
    o.messages.map((m) => JSON.parse(m) as { rule: string; message: string }).filter((m) => m.rule === 'xslt/unknown-element').map((m) => m.message);
  const lines = (o: Outcome): number => (o.file as unknown as { apparatus: { lines: number } }).apparatus.lines;

  it('keeps the text of an element the table does not know, inline, and reports it', () => {
    const o = run();
    expect(o.file.html.text).toMatch(/<span class="tei-docDate">(<span class="ln[^>]*><\/span>)?The second of May<\/span>/);
    expect(unknown(o)).toEqual(['<docDate> has no rendering of its own: its text is kept as plain text']);
    // stage and label are phrases inside a paragraph, blocks outside one
    expect(o.file.html.text).toMatch(/<span class="tei-stage">aside<\/span>/);
    expect(o.file.html.text).toMatch(/<span class="tei-label">label<\/span>/);
    expect(o.file.html.text).toMatch(/<div class="label"[^>]*>(<span class="ln[^>]*><\/span>)?A label between paragraphs<\/div>/);
  });

  it('renders an element the table makes a block as a block, and stops reporting it', () => {
    const o = run((t) => {
      (t.blocks as Record<string, string>).docDate = 'block';
    });
    expect(o.file.html.text).toMatch(/<div class="docDate"[^>]*>(<span class="ln[^>]*><\/span>)?The second of May<\/div>/);
    expect(unknown(o)).toEqual([]);
  });

  it('begins the edition\'s lines at the blocks the table names', () => {
    const before = run();
    expect(lines(before)).toBe(4);
    // Without p as a block, the two paragraphs and the date run on in the body's lines.
    const o = run((t) => {
      delete (t.blocks as Record<string, string>).p;
    });
    expect(lines(o)).toBe(3);
  });

  it('renders an element the table gives a phrase role with that role\'s template', () => {
    const o = run((t) => {
      (t.phrases as Record<string, string>).docDate = 'emphasis';
    });
    expect(o.file.html.text).toMatch(/<em class="docDate">(<span class="ln[^>]*><\/span>)?The second of May<\/em>/);
    expect(unknown(o)).toEqual([]);
  });

  it('renders a paragraph as a plain block when the table says so, and an unlisted one as text', () => {
    const o = run((t) => {
      (t.blocks as Record<string, string>).p = 'block';
    });
    expect(o.file.html.text).toMatch(/<div class="p"[^>]*>/);
    expect(o.file.html.text).not.toMatch(/<p class="p"/);
    const gone = run((t) => {
      delete (t.blocks as Record<string, string>).p;
    });
    expect(gone.file.html.text).not.toMatch(/<p class="p"/);
    expect(gone.file.html.text).toContain('The first paragraph of the letter.');
    expect(unknown(gone)).toContain('<p> has no rendering of its own: its text is kept as plain text (2 times in this document)');
  });
});
