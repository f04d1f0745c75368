// The PDF engine on a hand-written print-HTML book (test/print/fixtures/book.html, which follows the contract
// in docs/print.md), checked the way a reader would: the text as poppler extracts it page by page, the fonts,
// the metadata, the outline. A picture of a document's first page goes to test-output/print/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookFonts, parseUnicodeRange } from '../../src/render/print/fonts.js';
import { decodePdfString, pdfDate, pdfText } from '../../src/render/print/pdf-metadata.js';
import { layoutPdf, type LayoutPdfOptions, type LayoutPdfSuccess } from '../../src/render/print/pdf-engine.js';
import { attr, hasClass, isElement, normalise, parsePage, walk, type Element, type Node } from '../build/support/html.js';
import { projectRoot } from '../helpers/paths.js';
import { firstMissingInOrder } from './support/pdf.js';

const CHROMIUM = '/usr/bin/chromium';
const POPPLER = ['pdftotext', 'pdfinfo', 'pdffonts', 'pdftoppm', 'pdftohtml'];
const onPath = (tool: string): boolean => {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const missing = [...(existsSync(CHROMIUM) ? [] : [CHROMIUM]), ...POPPLER.filter((t) => !onPath(t))];
const skipReason = missing.length
  ? ` (skipped: ${missing.join(', ')} not found; on Debian: apt-get install chromium poppler-utils)`
  : '';
if (missing.length) console.warn(`test/print/engine.test.ts${skipReason}`);

const fixture = path.join(projectRoot, 'test', 'print', 'fixtures', 'book.html');
const artefacts = path.join(projectRoot, 'test-output', 'print');
const DATE = new Date(Date.UTC(2026, 10, 27, 12, 0, 0));
const METADATA = {
  title: 'Toward Kaesong: the armistice proposal, June–July 1951',
  author: 'The editors of the tei-edition project',
  subject: 'A critical edition of two documents of June and July 1951',
  keywords: ['Korean War', 'armistice', 'critical edition'],
  lang: 'en',
};

// ---------------------------------------------------------------- what the fixture says

interface NoteInFixture {
  series: string;
  label: string;
  text: string;
  /** The edition line its marker stands on, and a piece of that line's text that is not broken by a marker. */
  line: string;
  lineText: string;
}

interface DocumentInFixture {
  id: string;
  stem: string;
  title: string;
  words: string[];
  lines: Map<string, string[]>;
  notes: NoteInFixture[];
}

const children = (node: Node): Node[] => ('childNodes' in node ? node.childNodes : []);
const textOfNode = (node: Node): string =>
  node.nodeName === '#text' ? (node as unknown as { value: string }).value : children(node).map(textOfNode).join('');
const letters = (text: string): string[] => text.match(/[\p{L}]+/gu) ?? [];

/** The lines of a div.text: for each line number, its text in pieces, split where a note's marker stands. */
function readText(text: Element, stem: string): Pick<DocumentInFixture, 'lines' | 'notes' | 'words'> {
  const lines = new Map<string, string[]>();
  const notes: Array<Omit<NoteInFixture, 'lineText'>> = [];
  let line = '';
  const push = (piece: string): void => {
    const pieces = lines.get(line);
    if (!pieces) return;
    pieces[pieces.length - 1] += piece;
  };
  const visit = (node: Node): void => {
    for (const child of children(node)) {
      if (child.nodeName === '#text') {
        push(textOfNode(child));
      } else if (isElement(child)) {
        if (hasClass(child, 'ln')) {
          line = attr(child, 'data-line') ?? '';
          expect(attr(child, 'id')).toBe(`line-${stem}-${line}`);
          lines.set(line, ['']);
        } else if (hasClass(child, 'fn')) {
          const series = ['fn-critical', 'fn-textual', 'fn-explanatory'].find((s) => hasClass(child, s)) ?? 'fn-explanatory';
          notes.push({ series, label: attr(child, 'data-label') ?? '', text: normalise(textOfNode(child)), line });
          lines.get(line)?.push('');
        } else {
          visit(child);
        }
      }
    }
  };
  visit(text);
  const words = [...lines.values()].flatMap((pieces) => letters(pieces.join(' ')));
  const longest = (pieces: string[]): string =>
    pieces.map(normalise).reduce((a, b) => (b.length > a.length ? b : a), '');
  return { lines, words, notes: notes.map((n) => ({ ...n, lineText: longest(lines.get(n.line) ?? []) })) };
}

function readFixture(html: string): { documents: DocumentInFixture[]; root: Node } {
  const { document: root } = parsePage(html);
  const documents: DocumentInFixture[] = [];
  for (const el of walk(root)) {
    if (el.tagName !== 'section' || !hasClass(el, 'document')) continue;
    const id = attr(el, 'id') ?? '';
    const h1 = [...walk(el)].find((e) => e.tagName === 'h1');
    const text = [...walk(el)].find((e) => e.tagName === 'div' && hasClass(e, 'text'));
    if (!h1 || !text) throw new Error(`fixture: ${id} lacks h1 or div.text`);
    const stem = id.replace(/^doc-/, '');
    documents.push({ id, stem, title: normalise(textOfNode(h1)), ...readText(text, stem) });
  }
  return { documents, root };
}

// ---------------------------------------------------------------- what the PDF says

const run = (tool: string, args: string[]): string => execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const pageText = (pdf: string, page: number, layout = false): string =>
  run('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', '-f', String(page), '-l', String(page), pdf, '-']);
const flat = (text: string): string => text.replace(/[\s\u00a0]+/g, ' ').trim();
/** Without any white space: poppler puts a space where glyphs are apart ("If ]"), or none where a line wraps. */
const squash = (text: string): string => text.replace(/[\s\u00a0]+/g, '');
/** Also without hyphens: pdftotext joins a word hyphenated at a line end ("copy-" "text" → "copytext"). */
const squashWords = (text: string): string => squash(text).replace(/[-\u2010]/g, '');

/** The pages (numbered from 1) whose text holds `needle`, white space aside. */
function pagesHolding(pages: string[], needle: string, from = 1, to = pages.length): number[] {
  const out: number[] = [];
  for (let p = from; p <= to; p++) if (squash(pages[p - 1] ?? '').includes(squash(needle))) out.push(p);
  return out;
}


// ---------------------------------------------------------------- the tests

describe.skipIf(missing.length > 0)(`the PDF engine on the fixture book${skipReason}`, () => {
  const html = readFileSync(fixture, 'utf8');
  const { documents, root } = readFixture(html);
  let work: string;
  let pdf: string;
  let result: LayoutPdfSuccess;
  let pages: string[];
  /** First page of each document, by id, found from its heading in the PDF text. */
  const starts = new Map<string, number>();

  const options = (outFile: string, extra: Partial<LayoutPdfOptions> = {}): LayoutPdfOptions => ({
    html,
    outFile,
    metadata: METADATA,
    date: DATE,
    pageSize: 'A4',
    ...extra,
  });

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'tei-edition-print-'));
    pdf = path.join(work, 'book.pdf');
    const started = Date.now();
    const laid = await layoutPdf(options(pdf));
    if (!laid.ok) throw new Error(laid.message);
    result = laid;
    console.info(`print: ${laid.pages} pages, layout ${laid.timings.layoutMs} ms, whole run ${Date.now() - started} ms`);
    pages = Array.from({ length: laid.pages }, (_, i) => pageText(pdf, i + 1));
    const contentsPage = pagesHolding(pages, 'Contents')[0] ?? 1;
    for (const d of documents) {
      const found = pagesHolding(pages, d.title, contentsPage + 1);
      if (found[0] !== undefined) starts.set(d.id, found[0]);
    }
  });

  afterAll(() => {
    // The temporary folder is left to the system: the PDF is useful when a test fails.
  });

  it('lays out the book on several pages with nothing to warn about', () => {
    expect(result.pages).toBeGreaterThanOrEqual(3);
    expect(result.warnings).toEqual([]);
    expect(result.overflowingLines).toEqual([]);
    expect(run('pdfinfo', [pdf])).toMatch(new RegExp(`Pages:\\s+${result.pages}\\n`));
  });

  it('prints the words of every document in the order of the edition', () => {
    const all = letters(run('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-']));
    for (const d of documents) {
      expect(d.words.length).toBeGreaterThan(50);
      const lost = firstMissingInOrder(all, d.words);
      expect(lost, `${d.id}: word ${lost} (${d.words[lost] ?? ''}) is not in order`).toBe(-1);
    }
  });

  it('begins every document on a new page, each edition line on one printed line', () => {
    for (const d of documents) {
      const start = starts.get(d.id);
      expect(start, `${d.id} has no page with its title`).toBeDefined();
      expect(squash(pages[(start ?? 1) - 1] ?? '').replace(/^Document\d+/i, '').startsWith(squash(d.title))).toBe(true);
      // With -layout, poppler keeps printed lines: every line of the edition appears within one of them.
      const layoutLines = Array.from({ length: result.pages }, (_, i) => pageText(pdf, i + 1, true))
        .join('\n')
        .split('\n')
        .map(squash);
      for (const [n, pieces] of d.lines) {
        const piece = pieces.map(normalise).reduce((a, b) => (b.length > a.length ? b : a), '');
        if (piece.length < 12) continue;
        expect(layoutLines.some((l) => l.includes(squash(piece))), `${d.id} line ${n}: "${piece}" is broken across printed lines`).toBe(true);
      }
    }
  });

  it('sets every note, textual note and apparatus entry on the page of its marker', () => {
    const notes = documents.flatMap((d) => d.notes.map((n) => ({ ...n, doc: d })));
    expect(notes.filter((n) => n.series === 'fn-explanatory').length).toBeGreaterThanOrEqual(6);
    expect(notes.filter((n) => n.series === 'fn-textual').length).toBeGreaterThanOrEqual(3);
    expect(notes.filter((n) => n.series === 'fn-critical').length).toBeGreaterThanOrEqual(10);
    // The fixture has a long note near a page end that does not fit below its marker's line: that line must
    // go to the next page with it (Paged.js alone would split the note).
    expect(result.notesMovedWithTheirLine.length).toBeGreaterThan(0);
    const docStarts = documents.map((d) => starts.get(d.id) ?? 1);
    for (const note of notes) {
      const index = documents.indexOf(note.doc);
      const from = docStarts[index] ?? 1;
      const to = (docStarts[index + 1] ?? result.pages + 1) - 1;
      const markerPages = pagesHolding(pages, note.lineText, from, to);
      expect(markerPages, `${note.doc.id} line ${note.line} ("${note.lineText}") is on exactly one page`).toHaveLength(1);
      const notePage = markerPages[0] ?? 0;
      // Its beginning and its end, so that a note split across pages fails too.
      const start = squashWords(note.text).slice(0, 40);
      const end = squashWords(note.text).slice(-40);
      const onPage = squashWords(pages[notePage - 1] ?? '');
      expect(onPage, `${note.series} ${note.label} of ${note.doc.id} does not begin on page ${notePage}, its marker's page`).toContain(start);
      expect(onPage, `${note.series} ${note.label} of ${note.doc.id} does not end on page ${notePage}, its marker's page`).toContain(end);
      for (let p = from; p <= to; p++) {
        if (p !== notePage) expect(squashWords(pages[p - 1] ?? '')).not.toContain(start);
      }
    }
  });

  it('orders each page foot as critical apparatus, then textual notes, then explanatory notes', () => {
    const first = documents[1]?.notes.find((n) => n.series === 'fn-critical');
    const explanatory = documents[1]?.notes.find((n) => n.series === 'fn-explanatory');
    const textual = documents[0]?.notes.find((n) => n.series === 'fn-textual');
    const later = documents[0]?.notes.find((n) => n.series === 'fn-explanatory');
    if (!first || !explanatory || !textual || !later) throw new Error('fixture lacks notes of each series');
    const at = (page: string, text: string): number => page.indexOf(squash(text).slice(0, 30));
    const page2 = squash(pages[(starts.get(documents[1]?.id ?? '') ?? 1) - 1] ?? '');
    expect(at(page2, first.text)).toBeGreaterThan(-1);
    expect(at(page2, first.text)).toBeLessThan(at(page2, explanatory.text));
    const page1 = squash(pages[(starts.get(documents[0]?.id ?? '') ?? 1) - 1] ?? '');
    expect(at(page1, textual.text)).toBeGreaterThan(-1);
    expect(at(page1, textual.text)).toBeLessThan(at(page1, later.text));
  });

  it('prints each marker with the label the HTML gives, not a count', () => {
    // Document 2 numbers its one explanatory note 1 again; a counter would print 6.
    const d2 = documents[1];
    const start = starts.get(d2?.id ?? '') ?? 0;
    expect(flat(pages[start - 1] ?? '')).toMatch(/28 June\s?1 regarding/);
    expect(flat(pages[start - 1] ?? '')).toMatch(/(^| )1 A dates Ridgway/);
  });

  it('fills the contents with the pages on which the parts begin', () => {
    const contentsPage = pagesHolding(pages, 'Contents')[0] ?? 0;
    const printed = pageText(pdf, contentsPage, true)
      .split('\n')
      .map((l) => /\S\s{2,}(\d+)\s*$/.exec(l)?.[1])
      .filter((n): n is string => n !== undefined)
      .map(Number);
    const targets = [...walk(root)]
      .filter((el) => el.tagName === 'a' && (attr(el, 'href') ?? '').startsWith('#') && [...walk(root)].some((nav) => nav.tagName === 'nav' && hasClass(nav, 'contents') && [...walk(nav)].includes(el)))
      .map((el) => (attr(el, 'href') ?? '').slice(1));
    const expected = targets.map((id) => {
      const target = [...walk(root)].find((el) => attr(el, 'id') === id);
      const heading = target && [...walk(target)].find((el) => el.tagName === 'h1');
      const title = normalise(textOfNode(heading ?? target ?? root));
      return pagesHolding(pages, title, contentsPage + 1).find((p) => squash(pages[p - 1] ?? '').replace(/^Document\d+/i, '').startsWith(squash(title)));
    });
    expect(targets.filter((t) => t.startsWith('doc-'))).toHaveLength(documents.length);
    expect(printed).toEqual(expected);
    for (const d of documents) expect(printed[targets.indexOf(d.id)]).toBe(starts.get(d.id));
  });

  it('resolves every register reference to the page and line that name the person, place or organisation', () => {
    const refs: Array<{ stem: string; line: string; names: string[] }> = [];
    for (const entry of walk(root)) {
      if (entry.tagName !== 'li' || !hasClass(entry, 'entry')) continue;
      const names = [...walk(entry)]
        .filter((el) => hasClass(el, 'headword') || hasClass(el, 'forms'))
        .flatMap((el) => textOfNode(el).replace(/[()]/g, '').split(/[;,]/))
        .map((n) => normalise(n.replace(/^signs as /, '')))
        .filter((n) => n !== '');
      for (const a of walk(entry)) {
        const m = /^#line-(.+)-(\d+)$/.exec(attr(a, 'href') ?? '');
        if (a.tagName === 'a' && hasClass(a, 'pageref') && m?.[1] && m[2]) refs.push({ stem: m[1], line: m[2], names });
      }
    }
    expect(refs.length).toBeGreaterThan(20);
    const registerPages = pagesHolding(pages, 'Register of persons, places and organisations', (pagesHolding(pages, 'Contents')[0] ?? 0) + 1);
    const registerText = registerPages.map((p) => flat(pages[p - 1] ?? '')).join(' ');
    const afterNote = registerText.slice(registerText.indexOf('Persons'));
    const printed = [...afterNote.matchAll(/\b(\d+)\.(\d+)\b/g)].map((m) => ({ page: Number(m[1]), line: m[2] }));
    expect(printed.map((p) => p.line)).toEqual(refs.map((r) => r.line));
    printed.forEach((p, i) => {
      const ref = refs[i];
      const doc = documents.find((d) => d.stem === ref?.stem);
      const pieces = doc?.lines.get(ref?.line ?? '') ?? [];
      const piece = pieces.map(normalise).reduce((a, b) => (b.length > a.length ? b : a), '');
      const text = squash(pages[p.page - 1] ?? '');
      expect(text, `reference ${p.page}.${p.line} of ${ref?.stem}: the line is not on page ${p.page}`).toContain(squash(piece));
      const named = (ref?.names ?? []).some((n) => text.toLowerCase().includes(squash(n).toLowerCase()));
      expect(named, `page ${p.page} does not name any of ${(ref?.names ?? []).join(', ')}`).toBe(true);
    });
  });

  it('puts running heads on the pages: the edition on versos, the document on rectos, none on the title pages', () => {
    const d1 = starts.get(documents[0]?.id ?? '') ?? 0;
    const second = d1 + 1;
    // The first printed line of the page, as poppler lays it out.
    const head = (p: number): string => flat(pageText(pdf, p, true).split('\n').find((l) => l.trim() !== '') ?? '');
    expect(second % 2).toBe(0);
    expect(head(second)).toMatch(new RegExp(`^${second} Toward Kaesong`));
    // A recto inside a document: the document's running title and the page number.
    const d2 = starts.get(documents[1]?.id ?? '') ?? 0;
    const rectos = Array.from({ length: d2 - d1 - 1 }, (_, i) => d1 + 1 + i).filter((p) => p % 2 === 1);
    for (const p of rectos) expect(head(p)).toBe(`Filippov [Stalin] to Mao Zedong, 30 June 1951 ${p}`);
    // No head on the half-title and the title page; the first page of a document has its number at the foot.
    expect(head(1)).toBe('Toward Kaesong');
    expect(head(3)).toBe('Toward Kaesong');
    expect(head(d1)).toMatch(/^Document 1$/i);
    expect(flat(pageText(pdf, d1, true)).endsWith(` ${d1}`)).toBe(true);
  });

  it('embeds every font, and only the bundled typefaces', () => {
    const rows = run('pdffonts', [pdf]).split('\n').slice(2).filter((l) => l.trim() !== '');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const cols = row.trim().split(/\s+/);
      const name = cols[0] ?? '';
      // name, type (one or two words), encoding, emb, sub, uni, object ID
      const emb = cols[cols.length - 5];
      expect(emb, `${name} is not embedded`).toBe('yes');
      expect(name, 'a font that is not bundled (a system fallback)').toMatch(/^[A-Z]{6}\+(SourceSerif4|NotoSerif|NotoSerifSC)/);
    }
    const names = rows.map((r) => r.trim().split(/\s+/)[0] ?? '').join(' ');
    expect(names).toMatch(/SourceSerif4/);
    // Greek (Noto Serif) and Chinese (Noto Serif SC) appear in the text.
    expect(names).toMatch(/NotoSerif-/);
    expect(names).toMatch(/NotoSerifSC/);
  });

  it('states the configured metadata, language, date and page size', () => {
    const info = run('pdfinfo', ['-isodates', pdf]);
    expect(info).toMatch(/^Title:\s+Toward Kaesong: the armistice proposal, June–July 1951$/m);
    expect(info).toMatch(/^Author:\s+The editors of the tei-edition project$/m);
    expect(info).toMatch(/^Subject:\s+A critical edition of two documents of June and July 1951$/m);
    expect(info).toMatch(/^Keywords:\s+Korean War, armistice, critical edition$/m);
    expect(info).toMatch(/^Creator:\s+tei-edition$/m);
    expect(info).toMatch(/^CreationDate:\s+2026-11-27T12:00:00(Z|\+00:00)?$/m);
    expect(info).toMatch(/^ModDate:\s+2026-11-27T12:00:00(Z|\+00:00)?$/m);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Page size:\s+59\d(\.\d+)? x 84\d(\.\d+)? pts \(A4\)$/m);
    const bytes = readFileSync(pdf).toString('latin1');
    const catalogs = [...bytes.matchAll(/\/Type \/Catalog[\s\S]*?\/Lang\s*(<[0-9A-F]+>|\([^)]*\))/g)];
    expect(decodePdfString(catalogs[catalogs.length - 1]?.[1] ?? '')).toBe('en');
    expect(run('pdfinfo', ['-meta', pdf])).toContain('<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Toward Kaesong');
  });

  it('has an outline made of the headings, with their words as written', () => {
    const xml = run('pdftohtml', ['-xml', '-i', '-q', '-stdout', pdf]);
    const items = [...xml.matchAll(/<item page="(\d+)">([^<]*)<\/item>/g)].map((m) => ({ page: Number(m[1]), title: m[2] ?? '' }));
    for (const d of documents) {
      expect(items).toContainEqual({ page: starts.get(d.id), title: d.title });
    }
    expect(items.map((i) => i.title)).toEqual(expect.arrayContaining(['Contents', 'Introduction', 'Persons', 'Places', 'Organisations']));
  });

  it('gives byte-identical PDFs for the same input', async () => {
    const again = path.join(work, 'again.pdf');
    const second = await layoutPdf(options(again));
    expect(second.ok).toBe(true);
    expect(readFileSync(again).equals(readFileSync(pdf))).toBe(true);
  });

  it('writes a picture of the first page of a document for people to look at', () => {
    mkdirSync(artefacts, { recursive: true });
    const page = starts.get(documents[0]?.id ?? '') ?? 1;
    const prefix = path.join(artefacts, 'document-1-first-page');
    run('pdftoppm', ['-f', String(page), '-l', String(page), '-r', '100', '-png', '-singlefile', pdf, prefix]);
    const png = readFileSync(`${prefix}.png`);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('sets US Letter pages with the margins and base size asked for', async () => {
    const letter = path.join(work, 'letter.pdf');
    const laid = await layoutPdf(options(letter, { pageSize: 'Letter', margins: { top: 20, bottom: 22, inner: 25, outer: 32 }, fontSize: 10 }));
    if (!laid.ok) throw new Error(laid.message);
    expect(run('pdfinfo', [letter])).toMatch(/^Page size:\s+612 x 792 pts \(letter\)$/m);
    expect(laid.overflowingLines).toEqual([]);
    // The base size: a word of the text is 10/11 as tall as in the 11 pt book.
    const height = (file: string): number => {
      const box = /<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">telegrams<\/word>/.exec(run('pdftotext', ['-bbox', file, '-']));
      return Number(box?.[2]) - Number(box?.[1]);
    };
    expect(height(letter) / height(pdf)).toBeCloseTo(10 / 11, 2);
  });
});

describe.skipIf(missing.length > 0)(`the PDF engine on books that go wrong${skipReason}`, () => {
  const html = readFileSync(fixture, 'utf8');
  const base = (outFile: string, book: string): LayoutPdfOptions => ({ html: book, outFile, metadata: METADATA, date: DATE, pageSize: 'A4' });
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'tei-edition-print-bad-'));
  });

  it('wraps an edition line wider than the text block, its continuation indented and unnumbered, and reports it', async () => {
    const long = 'we agree to a meeting with your representatives for negotiations and for a great deal more than that, at length';
    const book = html.replace('we agree to a meeting with your representatives for negotiations<br class="line">', `${long}<br class="line">`);
    const out = path.join(work, 'long.pdf');
    const laid = await layoutPdf(base(out, book));
    if (!laid.ok) throw new Error(laid.message);
    expect(laid.overflowingLines).toHaveLength(1);
    expect(laid.overflowingLines[0]).toMatchObject({ document: 'doc-1951-06-30-filippov-to-mao', line: '24' });
    expect(laid.overflowingLines[0]?.overflowPt).toBeGreaterThan(0);
    // The values are the report: the warnings do not say it again.
    expect(laid.warnings.join('\n')).not.toMatch(/line 24/);
    // Nothing is cut off: the rest of the line is the next printed line, indented, and edition line 25 follows.
    const rows = run('pdftotext', ['-layout', '-enc', 'UTF-8', out, '-']).split('\n');
    const at = rows.findIndex((l) => l.includes('we agree to a meeting with your representatives'));
    const indent = (row: string | undefined): number => /^\s*(?:\d+\s+)?/.exec(row ?? '')?.[0].length ?? 0;
    expect(flat(rows[at + 1] ?? '')).toMatch(/at length$/);
    expect(indent(rows[at + 1])).toBeGreaterThan(indent(rows[at]));
    expect(flat(rows[at + 2] ?? '')).toMatch(/^(25 )?about a cessation of military actions and the$/);
  });

  it('splits a note taller than a page across pages, loses none of it, and says so', async () => {
    const giant = `${'A note longer than a page, to see what happens to it. '.repeat(240)}End of the long note.`;
    const book = html.replace('significance to only one Korean signature.', `significance to only one Korean signature.<span class="fn fn-explanatory" data-label="9">${giant}</span>`);
    const out = path.join(work, 'giant.pdf');
    const laid = await layoutPdf(base(out, book));
    if (!laid.ok) throw new Error(laid.message);
    expect(laid.warnings.some((w) => /note 9 on page \d+ is taller than the space/.test(w))).toBe(true);
    expect(squash(run('pdftotext', ['-enc', 'UTF-8', out, '-']))).toContain(squash('End of the long note.'));
  });

  it('reports references to ids that are not in the book', async () => {
    const book = html.replace('href="#line-1951-06-30-filippov-to-mao-36"', 'href="#line-1951-06-30-filippov-to-mao-99"');
    const laid = await layoutPdf(base(path.join(work, 'dangling.pdf'), book));
    if (!laid.ok) throw new Error(laid.message);
    expect(laid.warnings).toContain('a reference points to #line-1951-06-30-filippov-to-mao-99, which is not in the book');
  });

  it('loads nothing from the network and reports what the book asked for', async () => {
    const book = html.replace('</head>', '<link rel="stylesheet" href="https://fonts.example.org/serif.css">\n</head>');
    const laid = await layoutPdf(base(path.join(work, 'network.pdf'), book));
    if (!laid.ok) throw new Error(laid.message);
    expect(laid.warnings).toContain('the book asked for https://fonts.example.org/serif.css, which was not served (no network, and no such local file)');
    expect(laid.warnings).toContain("the book's own style sheets (1) were left out: the page design is print.css, applied by the engine");
  });
});

describe('the PDF engine on bad options', () => {
  const ok = { html: '<p>x</p>', outFile: path.join(tmpdir(), 'never.pdf'), metadata: METADATA, date: DATE, pageSize: 'A4' as const };

  it('says to install Debian’s Chromium when it is missing', async () => {
    const result = await layoutPdf({ ...ok, chromiumPath: '/nonexistent/chromium' });
    expect(result).toEqual({ ok: false, message: expect.stringContaining('apt-get install chromium') });
  });

  it('refuses an unknown page size, a margin out of range and an empty book, with a message', async () => {
    const size = await layoutPdf({ ...ok, pageSize: 'A5' as unknown as 'A4' });
    expect(size).toEqual({ ok: false, message: 'page size must be "A4" or "Letter", not "A5"' });
    const margin = await layoutPdf({ ...ok, margins: { top: -3 } });
    expect(margin).toEqual({ ok: false, message: 'the top margin must be a number of millimetres from 5 to 80, not -3' });
    const empty = await layoutPdf({ ...ok, html: '  ' });
    expect(empty).toEqual({ ok: false, message: 'the print HTML is empty' });
    const date = await layoutPdf({ ...ok, date: new Date('not a date') });
    expect(date).toEqual({ ok: false, message: 'the PDF date is not a valid date' });
    expect(existsSync(ok.outFile)).toBe(false);
  });
});

describe('the fonts and PDF strings of the printed edition', () => {
  it('declares Greek and Chinese faces only when the text has such characters', () => {
    const latin = bookFonts('<p>Only Latin text, 1951.</p>');
    expect(latin.families).toEqual(['Source Serif 4']);
    expect(latin.css).not.toMatch(/Noto/);
    const all = bookFonts('<p>Ἱστορίαι, Филиппов, 开城 &#x5F6D;</p>');
    expect(all.families).toEqual(['Source Serif 4', 'Noto Serif', 'Noto Serif SC']);
    expect(all.uncovered).toEqual([]);
    for (const f of all.files) expect(existsSync(f.file), f.file).toBe(true);
    // Chinese loads a few subsets, not the whole package.
    expect(all.files.filter((f) => f.urlPath.includes('noto-serif-sc')).length).toBeLessThan(10);
  });

  it('reports characters that no bundled font covers', () => {
    expect(bookFonts('<p>עברית हिन्दी</p>').uncovered.length).toBeGreaterThan(0);
  });

  it('reads CSS unicode ranges, with wildcards', () => {
    expect(parseUnicodeRange('U+0000-00FF, U+0131, U+4??')).toEqual([[0, 0xff], [0x131, 0x131], [0x400, 0x4ff]]);
  });

  it('writes PDF dates in UTC and text strings that survive any character', () => {
    expect(pdfDate(DATE)).toBe("D:20261127120000+00'00'");
    expect(decodePdfString(pdfText('Toward Kaesong: June–July 1951, 开城'))).toBe('Toward Kaesong: June–July 1951, 开城');
    expect(decodePdfString('(a \\(b\\) \\101)')).toBe('a (b) A');
  });
});
