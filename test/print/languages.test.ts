// The printed edition speaks the edition's language: a folder of German letters (test/build/fixtures/german)
// is printed with German headings, running heads, imprint and colophon, and German dates. Needs Chromium
// and poppler-utils, like the other tests of the printed edition.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEdition } from '../../src/package/build-edition.js';
import { temporaryFolder } from '../build/support/build.js';
import { all, attr, first, hasClass, normalise, parsePage, textOf, type ParsedPage } from '../build/support/html.js';
import { projectRoot } from '../helpers/paths.js';
import { flat, missingTools, run } from './support/pdf.js';

const missing = missingTools();
const skipReason = missing.length ? ` (skipped: ${missing.join(', ')} not found; on Debian: apt-get install chromium poppler-utils)` : '';
const germanDir = path.join(projectRoot, 'test', 'build', 'fixtures', 'german');

describe.skipIf(missing.length > 0)(`the printed edition of German letters${skipReason}`, () => {
  let book: ParsedPage;
  let pdfText: string;
  beforeAll(async () => {
    const out = temporaryFolder('tei-edition-print-german-');
    const result = await buildEdition({
      mode: 'paths',
      documents: ['brief-1.xml', 'brief-2.xml'].map((f) => path.join(germanDir, f)),
      registers: [],
      siteDir: path.join(out, 'site'),
      schematron: [],
      ruleLevels: {},
      strict: false,
      dateFrom: germanDir,
      only: ['print'],
    });
    expect(result.status, result.failure).toBe('built');
    book = parsePage(readFileSync(path.join(out, 'print', 'edition.html'), 'utf8'));
    pdfText = flat(run('pdftotext', ['-enc', 'UTF-8', path.join(out, 'print', 'edition.pdf'), '-']));
  }, 600_000);

  it('marks the book German and gives its parts German headings and running heads', () => {
    expect(attr(first(book.document, (el) => el.tagName === 'html')!, 'lang')).toBe('de');
    const h1 = all(book.document, (el) => el.tagName === 'h1').map((el) => normalise(textOf(el)));
    expect(h1).toEqual(expect.arrayContaining(['Inhalt', 'Register']));
    const running = all(book.document, (el) => attr(el, 'data-running-title') !== undefined).map((el) => attr(el, 'data-running-title'));
    expect(running).toEqual(expect.arrayContaining(['Inhalt', 'Register', 'Personen', 'Orte']));
    expect(normalise(textOf(first(book.document, (el) => el.tagName === 'p' && hasClass(el, 'register-note'))!))).toMatch(/^Die Verweise nennen Seite und Zeile/);
  });

  it('cites and signs the book in German, its dates in German', () => {
    expect(normalise(textOf(first(book.document, (el) => el.tagName === 'p' && hasClass(el, 'how-to-cite'))!))).toMatch(/^Zitiervorschlag: .*, Druckausgabe\.$/);
    expect(normalise(textOf(first(book.document, (el) => el.tagName === 'section' && hasClass(el, 'colophon'))!))).toMatch(/^Gesetzt aus den TEI-P5-Quellen der Edition mit .+ am \d{1,2}\. \p{L}+ \d{4}, mit Paged\.js in Chromium\.$/u);
    expect(all(book.document, (el) => el.tagName === 'p' && hasClass(el, 'doc-number')).map((el) => normalise(textOf(el)))).toEqual(['Dokument 1', 'Dokument 2']);
  });

  it('prints those words in the PDF', () => {
    for (const words of ['Zitiervorschlag:', 'Inhalt', 'Register', 'Personen', 'Gesetzt aus den TEI-P5-Quellen']) expect(pdfText).toContain(words);
  });
});
