// How the source renders its text (@rend, @rendition with tagsDecl, @style) reaches the page as rendition
// classes, never as the source's CSS; page breaks are numbered once.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadStylesheet } from '../../src/transform/stylesheet.js';
import { transformFile } from '../../src/transform/transform-file.js';

const TEI = `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader><fileDesc><titleStmt><title>Renditions</title></titleStmt><publicationStmt><p>Test</p></publicationStmt>
    <sourceDesc><p>Written for this test.</p></sourceDesc></fileDesc>
    <encodingDesc><tagsDecl><rendition xml:id="u">text-decoration: underline;</rendition><rendition xml:id="c">display: block; text-align: center; color: red; background: url(x.png)</rendition></tagsDecl></encodingDesc></teiHeader>
  <text><body>
    <p>The <hi rend="smallcaps">President</hi> read <hi rend="italic">the <hi rend="roman">Times</hi> and</hi> <hi rend="sc bold">NOTE</hi>,
      <hi rend="superscript">2</hi> <hi rendition="#u">lined</hi> <hi style="font-variant: small-caps">caps</hi> <hi rend="strong">strong</hi>
      <hi rend="italic">italic</hi> <hi>plain</hi>.<pb n="[I]"/>Next<pb/>page <pb n="12"/>end.</p>
    <p rendition="#c">Centred.</p>
  </body></text>
</TEI>
`;

describe('renditions and page breaks', () => {
  let html = '';
  beforeAll(async () => {
    const stylesheet = await loadStylesheet('html/page');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'tei-edition-rend-')), 'renditions.xml');
    writeFileSync(file, TEI);
    const outcome = transformFile(stylesheet, file, { base: path.dirname(file), files: [file], sigla: {}, witnessOrder: [] });
    if (!outcome.ok) throw new Error(outcome.message);
    html = outcome.file.html.text.replace(/<span class="ln[^>]*><\/span>|<br class="lb-auto">/g, '');
  }, 120_000);

  it('gives each rendition its class, and the element its meaning', () => {
    expect(html).toContain('<span class="hi r-smallcaps">President</span>');
    expect(html).toMatch(/<em class="hi r-italic">the <span class="hi r-roman">Times<\/span> and<\/em>/);
    expect(html).toContain('<span class="hi r-smallcaps r-bold">NOTE</span>');
    expect(html).toContain('<sup class="hi r-sup">2</sup>');
    expect(html).toContain('<span class="hi r-underline">lined</span>');
    expect(html).toContain('<span class="hi r-smallcaps">caps</span>');
    expect(html).toContain('<strong class="hi r-bold">strong</strong>');
    expect(html).toContain('<em class="hi">plain</em>');
    expect(html).toMatch(/<p [^>]*class="p r-center"/);
  });

  it('never copies the source\'s CSS into the page', () => {
    expect(html).not.toMatch(/style=|color: red|url\(/);
  });

  it('numbers a page break once, and marks one without a number by style alone', () => {
    expect(html).toContain('data-page="I" aria-label="page I">[I]</span>');
    expect(html).not.toContain('[[I]]');
    expect(html).toMatch(/<span class="pb ed pb-unnumbered" data-page="" aria-label="page break"><\/span>page/);
    expect(html).toContain('data-page="12" aria-label="page 12">[12]</span>');
  });
});
