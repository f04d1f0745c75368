// The printed edition of the bundled edition, made by the real build (buildEdition with the apparatus and the
// print outputs), read back from the PDF with poppler-utils the way a reader reads it: the text of each document
// line for line against the apparatus model, the notes on the pages of their markers, the contents, the register's
// page.line references, the fonts, the metadata and the page size. One build is shared by the tests; a second,
// print only, checks that the config's "print" options reach the page. A picture of the telegram's first page is
// written to test-output/print/.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, printOptionsProblem } from '../../src/config/load-config.js';
import { buildEdition, type BuildResult } from '../../src/package/build-edition.js';
import { decodePdfString } from '../../src/render/print/pdf-metadata.js';
import type { DocumentApparatus, EditionApparatus } from '../../src/transform/apparatus/model.js';
import { copyText, readingOf } from '../../src/transform/apparatus/witness-text.js';
import { expandPaths } from '../../src/read/files.js';
import { buildBundled, temporaryFolder } from '../build/support/build.js';
import { attr, hasClass, isElement, parsePage, walk, type Element, type Node } from '../build/support/html.js';
import { projectRoot } from '../helpers/paths.js';
import { parseXml, type XmlElement, type XmlNode } from '../helpers/xml-tree.js';
import {
  bodyHeight,
  bodyRows,
  firstMissingInOrder,
  flat,
  missingTools,
  pageText,
  pdfWords,
  run,
  squash,
  squashWords,
  type PdfWord,
  type PrintedRow,
} from './support/pdf.js';

const missing = missingTools();
const skipReason = missing.length ? ` (skipped: ${missing.join(', ')} not found; on Debian: apt-get install chromium poppler-utils)` : '';
if (missing.length) console.warn(`test/print/edition.test.ts${skipReason}`);

const TELEGRAM = '1951-06-30-filippov-to-mao';
const REPLY = '1951-07-01-kim-peng-to-ridgway';
const artefacts = path.join(projectRoot, 'test-output', 'print');

// ---------------------------------------------------------------- the print HTML, as the build wrote it

const children = (node: Node): Node[] => ('childNodes' in node ? node.childNodes : []);
const textValue = (node: Node): string => (node as unknown as { value: string }).value;
const BLOCK = /^(div|p|blockquote|section|h[1-6]|li|ul|ol|table|tr|td|th|dl|dt|dd)$/;

interface HtmlLine {
  n: number;
  text: string;
  /** Row breaks inside the line that the text itself makes (a br or a block that begins no numbered line). */
  breaks: number;
}

interface HtmlNote {
  doc: string;
  series: string;
  label: string;
  line: number;
  text: string;
}

/** The text of a note as printed at the foot: without the notes it holds, which are printed on their own. */
function noteText(el: Element): string {
  const visit = (node: Node): string =>
    node.nodeName === '#text' ? textValue(node) : isElement(node) && hasClass(node, 'fn') && node !== el ? '' : children(node).map(visit).join('');
  return flat(visit(el));
}

/** The lines of a document's text in the print HTML (notes left out) and its notes with the lines they belong to. */
function htmlDocument(root: Node, stem: string): { lines: HtmlLine[]; notes: HtmlNote[] } {
  const section = [...walk(root)].find((el) => el.tagName === 'section' && attr(el, 'id') === `doc-${stem}`);
  const text = section && [...walk(section)].find((el) => el.tagName === 'div' && hasClass(el, 'text'));
  if (!text) throw new Error(`the print HTML has no text for ${stem}`);
  const lines: HtmlLine[] = [];
  const notes: HtmlNote[] = [];
  let current: HtmlLine | undefined;
  let pending = false;
  const noteOf = (el: Element, line: number): void => {
    const series = ['fn-critical', 'fn-textual', 'fn-explanatory'].find((s) => hasClass(el, s)) ?? 'fn-explanatory';
    notes.push({ doc: stem, series, label: attr(el, 'data-label') ?? '', line, text: noteText(el) });
    for (const inner of walk(el)) if (hasClass(inner, 'fn')) notes.push({ doc: stem, series: ['fn-critical', 'fn-textual', 'fn-explanatory'].find((s) => hasClass(inner, s)) ?? '', label: attr(inner, 'data-label') ?? '', line, text: noteText(inner) });
  };
  const visit = (node: Node): void => {
    for (const child of children(node)) {
      if (child.nodeName === '#text') {
        const value = textValue(child);
        if (current && /\S/.test(value)) {
          if (pending && current.text.trim() !== '') current.breaks++;
          pending = false;
        }
        if (current) current.text += value;
      } else if (isElement(child)) {
        if (hasClass(child, 'ln')) {
          current = { n: Number(attr(child, 'data-line')), text: '', breaks: 0 };
          lines.push(current);
          pending = false;
        } else if (hasClass(child, 'fn')) {
          noteOf(child, current?.n ?? 0);
        } else if (child.tagName === 'br') {
          pending = true;
        } else {
          const block = BLOCK.test(child.tagName);
          if (block) pending = true;
          visit(child);
          if (block) pending = true;
        }
      }
    }
  };
  visit(text);
  return { lines: lines.map((l) => ({ ...l, text: flat(l.text) })), notes };
}

interface HtmlRef {
  doc: string;
  line: number;
  names: string[];
}

/** Every page.line reference of the register, in order, with the names of its entry. */
function htmlRegisterRefs(root: Node): HtmlRef[] {
  const refs: HtmlRef[] = [];
  for (const entry of walk(root)) {
    if (entry.tagName !== 'li' || !hasClass(entry, 'entry')) continue;
    const names = [...walk(entry)]
      .filter((el) => hasClass(el, 'headword') || hasClass(el, 'forms'))
      .flatMap((el) => flat(children(el).map((c) => (c.nodeName === '#text' ? textValue(c) : '')).join('')).replace(/[()]/g, '').split(';'))
      .map((n) => n.trim())
      .filter(Boolean);
    for (const a of walk(entry)) {
      const m = /^#doc-(.+)--line-(\d+)$/.exec(attr(a, 'href') ?? '');
      if (a.tagName === 'a' && hasClass(a, 'pageref') && m) refs.push({ doc: m[1]!, line: Number(m[2]), names });
    }
  }
  return refs;
}

// ---------------------------------------------------------------- the TEI

/** The words of a TEI document's text as a reader of the page meets them: notes are at the foot, not in the text. */
function teiTextWords(file: string): string[] {
  const root = parseXml(readFileSync(file, 'utf8'));
  const find = (el: XmlElement): XmlElement | undefined => (el.name === 'text' ? el : el.children.filter((c): c is XmlElement => typeof c !== 'string').map(find).find(Boolean));
  const text = find(root);
  if (!text) throw new Error(`${file} has no text`);
  // Blocks and line breaks part words; phrases (names, supplied words) do not.
  const BLOCKS = new Set(['body', 'div', 'p', 'ab', 'head', 'opener', 'closer', 'salute', 'signed', 'address', 'addrLine', 'dateline', 'floatingText', 'list', 'item', 'lb', 'postscript']);
  const words = (node: XmlNode): string => {
    if (typeof node === 'string') return node;
    // Notes, and the description of a gap, are printed at the foot.
    if (node.name === 'note' || node.name === 'desc') return ' ';
    const inner = node.children.map(words).join('');
    return BLOCKS.has(node.name) ? ` ${inner} ` : inner;
  };
  return letters(words(text));
}

const letters = (text: string): string[] => text.match(/[\p{L}\p{N}]+/gu) ?? [];

// ---------------------------------------------------------------- the tests

describe.skipIf(missing.length > 0)(`the printed edition of the bundled edition${skipReason}`, () => {
  let result: BuildResult;
  let outDir: string;
  let pdf: string;
  let root: Node;
  let apparatus: EditionApparatus;
  let pages: string[];
  let words: PdfWord[][];
  /** The page on which each document begins (its number and title at the head of the page). */
  const starts = new Map<string, number>();
  /** The pages of each document. */
  const docPages = new Map<string, number[]>();
  /** For each document, the page on which each of its lines begins. */
  const linePages = new Map<string, Map<number, number>>();
  const htmlDocs = new Map<string, { lines: HtmlLine[]; notes: HtmlNote[] }>();

  beforeAll(async () => {
    const built = await buildBundled({ only: ['apparatus', 'print'] });
    result = built.result;
    outDir = path.dirname(built.siteDir);
    pdf = path.join(outDir, 'print', 'toward-kaesong.pdf');
    root = parsePage(readFileSync(path.join(outDir, 'print', 'toward-kaesong.html'), 'utf8')).document;
    apparatus = JSON.parse(readFileSync(path.join(outDir, 'apparatus', 'apparatus.json'), 'utf8')) as EditionApparatus;
    const count = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]))?.[1]);
    pages = Array.from({ length: count }, (_, i) => pageText(pdf, i + 1));
    words = pdfWords(pdf);
    const contentsPage = pages.findIndex((p) => /^\s*Contents/.test(p)) + 1;
    const titles = new Map([[TELEGRAM, 'Filippov [Stalin] to Mao Zedong, through Krasovsky, 30 June 1951'], [REPLY, 'Kim Il Sung and Peng Dehuai to Ridgway, 1 July 1951: the reply, in three witnesses']]);
    for (const [stem, title] of titles) {
      const page = pages.findIndex((p, i) => i + 1 > contentsPage && squash(p).replace(/^Document\d+/i, '').startsWith(squash(title))) + 1;
      if (page > 0) starts.set(stem, page);
    }
    const registerPage = pages.findIndex((p, i) => i + 1 > contentsPage && /^\s*Registers/.test(p)) + 1;
    const order = [TELEGRAM, REPLY];
    order.forEach((stem, i) => {
      const from = starts.get(stem) ?? 0;
      const to = (starts.get(order[i + 1] ?? '') ?? registerPage) - 1;
      docPages.set(stem, Array.from({ length: Math.max(0, to - from + 1) }, (_, k) => from + k));
      htmlDocs.set(stem, htmlDocument(root, stem));
    });
  });

  /** The printed rows of a document's text. */
  const rowsOf = (stem: string): PrintedRow[] => {
    const onPages = docPages.get(stem) ?? [];
    return bodyRows(words, onPages, bodyHeight(words, onPages));
  };

  function checkLines(stem: string, model: readonly { n: number; text: string }[]): PrintedRow[] {
    const rows = rowsOf(stem);
    const html = new Map((htmlDocs.get(stem)?.lines ?? []).map((l) => [l.n, l]));
    const pagesOfLines = new Map<number, number>();
    const first = squash(model[0]?.text ?? '');
    let r = rows.findIndex((row) => first.startsWith(squash(row.words.join(''))) && squash(row.words.join('')).length > 0);
    const from = r;
    expect(r, `${stem}: no printed row begins line 1 ("${model[0]?.text}")`).toBeGreaterThanOrEqual(0);
    for (const line of model) {
      const expected = squash(line.text);
      const start = rows[r];
      expect(start, `${stem}: line ${line.n} ("${line.text}") is not printed`).toBeDefined();
      pagesOfLines.set(line.n, start!.page);
      expect(start!.number, `${stem}: the row that begins line ${line.n} has the number ${start!.number}`).toBe(line.n % 5 === 0 ? line.n : undefined);
      let printed = '';
      let taken = 0;
      while (printed.length < expected.length && r < rows.length) {
        const row = rows[r]!;
        if (taken > 0) expect(row.number, `${stem}: a row inside line ${line.n} has the number ${row.number}`).toBeUndefined();
        printed += squash(row.words.join(''));
        taken++;
        r++;
      }
      expect(printed, `${stem}: printed line ${line.n} differs from the model`).toBe(expected);
      // One row per line: a line is never re-wrapped (only a break the text itself makes adds a row).
      expect(taken, `${stem}: line ${line.n} ("${line.text}") takes ${taken} rows`).toBe(1 + (html.get(line.n)?.breaks ?? 0));
    }
    linePages.set(stem, pagesOfLines);
    return rows.slice(from, r);
  }

  it('builds the PDF with the print HTML beside it, with no line too wide for the page', () => {
    expect(result.status).toBe('built');
    expect(result.report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const print = result.report.diagnostics.filter((d) => /^(print|package)\//.test(d.ruleId));
    expect(print, JSON.stringify(print)).toEqual([]);
    expect(starts.get(TELEGRAM)).toBeGreaterThan(5);
    expect(starts.get(REPLY)).toBeGreaterThan(starts.get(TELEGRAM) ?? 0);
  });

  it('prints no paragraph numbers of the site and no type labels of notes', () => {
    const html = readFileSync(path.join(outDir, 'print', 'toward-kaesong.html'), 'utf8');
    expect(html).not.toMatch(/class="pnum\b/);
    expect(html).not.toMatch(/class="note-type\b/);
    // The note on the Danish ship begins with its words, not with its type.
    const telegram = docPages.get(TELEGRAM) ?? [];
    expect(flat(telegram.map((p) => pageText(pdf, p, true)).join('\n'))).toMatch(/(^| )1 Ridgway’s draft of his message/);
  });

  it('prints the words of the telegram in the order of the TEI text', () => {
    const expected = teiTextWords(path.join(projectRoot, 'tei', 'documents', `${TELEGRAM}.xml`));
    expect(expected.length).toBeGreaterThan(300);
    // The text proper: words of the body's size on the telegram's pages (notes and markers are smaller); the
    // document's heading and source note are larger and smaller, and come first.
    const onPages = docPages.get(TELEGRAM) ?? [];
    const printed = bodyRows(words, onPages, bodyHeight(words, onPages)).flatMap((r) => letters(r.words.join(' ')));
    const begin = printed.findIndex((_, i) => printed.slice(i, i + 4).join(' ') === expected.slice(0, 4).join(' '));
    expect(begin).toBeGreaterThanOrEqual(0);
    expect(printed.slice(begin)).toEqual(expected);
    // And every word of the whole page, notes included, in the order of the TEI where the text is concerned.
    const all = letters(run('pdftotext', ['-layout', '-enc', 'UTF-8', '-f', String(onPages[0]), '-l', String(onPages[onPages.length - 1]), pdf, '-']));
    expect(firstMissingInOrder(all, expected)).toBe(-1);
  });

  // Method. The printed rows of a document are the PDF's words of the body text's size, grouped by baseline
  // (pdftotext -bbox), with the line numbers printed beside them. White space is left aside (it is not a glyph,
  // and poppler guesses it), so lines are compared character for character otherwise. The model is the apparatus
  // model (dist/apparatus/apparatus.json) read as its documentation says: the copy-text rebuilt from the text
  // segments (copyText: the lemmas, or the first witness's readings), one line per numbered line. Line N of the PDF is line N of that text, on one
  // row, numbered where N is a multiple of 5; and so is line N of the print HTML (between two span.ln).
  const modelLines = (stem: string): { n: number; text: string }[] => {
    const doc = apparatus.documents.find((d) => d.document === stem) as DocumentApparatus;
    const lines = copyText(doc).split('\n').map((text, i) => ({ n: i + 1, text }));
    expect(lines.length, `${stem}: the model's text has as many lines as the model counts`).toBe(doc.lines);
    return lines;
  };

  for (const stem of [TELEGRAM, REPLY]) {
    it(`prints line N of ${stem} as line N of the apparatus model, one row each`, () => {
      const model = modelLines(stem);
      expect(model.length).toBeGreaterThan(10);
      const html = htmlDocs.get(stem)?.lines ?? [];
      expect(html.map((l) => [l.n, squash(l.text)])).toEqual(model.map((l) => [l.n, squash(l.text)]));
      checkLines(stem, model);
    });
  }

  it('keys each critical entry of the reply to the printed line its lemma begins in', () => {
    const doc = apparatus.documents.find((d) => d.document === REPLY) as DocumentApparatus;
    const witness = doc.witnesses[0]?.key ?? '';
    const lines = modelLines(REPLY);
    const lineAt = (offset: number): number => {
      let at = 0;
      for (const l of lines) {
        at += squash(l.text).length;
        if (offset < at) return l.n;
      }
      return lines.length;
    };
    // Each critical entry: where its lemma (the first witness's reading) begins in that witness's text.
    const byId = new Map(doc.entries.map((e) => [e.localId, e]));
    const starts = new Map<string, number>();
    let pos = 0;
    const visit = (segments: DocumentApparatus['text']): void => {
      for (const s of segments) {
        if (typeof s === 'string') {
          pos += squash(s).length;
          continue;
        }
        const entry = byId.get(s.app);
        if (!entry) continue;
        starts.set(entry.localId, pos);
        const reading = readingOf(entry, witness);
        if (reading) visit(reading.segments);
      }
    };
    visit(doc.text);
    const critical = doc.entries.filter((e) => e.series === 'critical');
    expect(critical.length).toBeGreaterThan(15);
    for (const entry of critical) {
      const lemma = squash(readingOf(entry, witness)?.text ?? '');
      if (lemma === '') continue;
      expect(lineAt(starts.get(entry.localId) ?? -1), `${entry.localId} (${entry.label}) "${readingOf(entry, witness)?.text}"`).toBe(entry.line);
    }
  });

  it('sets every note, textual note and apparatus entry on the page where its line begins', () => {
    const notes = [...htmlDocs.values()].flatMap((d) => d.notes);
    // The telegram's five explanatory notes and the reply's; the editors' textual note is lettered with the textual notes.
    expect(notes.filter((n) => n.series === 'fn-explanatory').length).toBeGreaterThanOrEqual(5);
    expect(notes.filter((n) => n.series === 'fn-textual').length).toBeGreaterThanOrEqual(4);
    expect(notes.filter((n) => n.series === 'fn-critical').length).toBeGreaterThanOrEqual(15);
    for (const note of notes) {
      const page = linePages.get(note.doc)?.get(note.line);
      expect(page, `${note.doc}: the page of line ${note.line} (${note.series} ${note.label}) is not known`).toBeDefined();
      const text = squashWords(note.text);
      const onPage = squashWords(pages[page! - 1] ?? '');
      expect(onPage, `${note.series} ${note.label} of ${note.doc} does not begin on page ${page}`).toContain(text.slice(0, 30));
      expect(onPage, `${note.series} ${note.label} of ${note.doc} does not end on page ${page}`).toContain(text.slice(-30));
      for (const p of docPages.get(note.doc) ?? []) {
        if (p !== page && text.length >= 30) expect(squashWords(pages[p - 1] ?? ''), `${note.series} ${note.label} is also on page ${p}`).not.toContain(text.slice(0, 30));
      }
    }
  });

  it('fills the contents with the pages on which the documents begin', () => {
    const contentsPage = pages.findIndex((p) => /^\s*Contents/.test(p)) + 1;
    const rows = pageText(pdf, contentsPage, true).split('\n');
    const numbers = rows.map((l) => /\S\s{2,}(\d+)\s*$/.exec(l)?.[1]).filter((n): n is string => n !== undefined).map(Number);
    // Introduction, Editorial principles, Witnesses and sigla, the two documents, Registers.
    expect(numbers).toHaveLength(6);
    expect(numbers[3]).toBe(starts.get(TELEGRAM));
    expect(numbers[4]).toBe(starts.get(REPLY));
    const begins = (title: string): number => pages.findIndex((p, i) => i + 1 > contentsPage && squash(p).startsWith(squash(title))) + 1;
    expect([numbers[0], numbers[1], numbers[2], numbers[5]]).toEqual([begins('Introduction'), begins('Editorial principles'), begins('Witnesses and sigla'), begins('Registers')]);
    // A document begins on its own page: the page before ends the part before it.
    for (const stem of [TELEGRAM, REPLY]) expect(squash(pages[(starts.get(stem) ?? 1) - 1] ?? '')).toMatch(/^Document\d/i);
  });

  it('refers from the register to the page and line of each mention, on a page that names the entry', () => {
    const refs = htmlRegisterRefs(root);
    expect(refs.length).toBeGreaterThan(25);
    const registerPages = pages.map((_, i) => i + 1).filter((p) => p >= (pages.findIndex((t, i) => i > (starts.get(REPLY) ?? 0) && /^\s*Registers/.test(t)) + 1));
    const all = registerPages.map((p) => flat(pages[p - 1] ?? '')).join(' ');
    // From the first entry (after the note that explains the references) to the colophon.
    const text = all.slice(all.indexOf('line 3.') + 7, all.indexOf('Typeset from'));
    const printed = [...text.matchAll(/\b(\d+)\.(\d+)\b/g)].map((m) => ({ page: Number(m[1]), line: Number(m[2]) }));
    expect(printed.map((p) => p.line)).toEqual(refs.map((r) => r.line));
    printed.forEach((p, i) => {
      const ref = refs[i]!;
      expect(p.page, `${ref.names[0]}: ${p.page}.${p.line} is not the page of line ${ref.line} of ${ref.doc}`).toBe(linePages.get(ref.doc)?.get(ref.line));
      const page = squash(pages[p.page - 1] ?? '').toLowerCase();
      expect(ref.names.some((n) => page.includes(squash(n).toLowerCase())), `page ${p.page} names none of ${ref.names.join(', ')}`).toBe(true);
    });
  });

  it('puts the document on the running heads of rectos and the short title on versos', () => {
    const head = (p: number): string => flat(pageText(pdf, p, true).split('\n').find((l) => l.trim() !== '') ?? '');
    const telegram = docPages.get(TELEGRAM) ?? [];
    const second = telegram[1];
    expect(second, 'the telegram takes more than one page').toBeDefined();
    expect(head(second!)).toMatch(second! % 2 === 1 ? new RegExp(`^Filippov \\[Stalin\\] to Mao Zedong, through Krasovsky, 30 June 1951 ${second}$`) : new RegExp(`^${second} Toward Kaesong$`));
    expect(head(starts.get(TELEGRAM) ?? 0)).toMatch(/^Document 1$/i);
  });

  it('embeds every font, and only the bundled typefaces', () => {
    const rows = run('pdffonts', [pdf]).split('\n').slice(2).filter((l) => l.trim() !== '');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const cols = row.trim().split(/\s+/);
      expect(cols[cols.length - 5], `${cols[0]} is not embedded`).toBe('yes');
      expect(cols[0], 'a font that is not bundled (a system fallback)').toMatch(/^[A-Z]{6}\+(SourceSerif4|NotoSerif|NotoSerifSC)/);
    }
  });

  it('states the edition’s metadata, its language, and A4 pages by default', () => {
    const info = run('pdfinfo', ['-isodates', pdf]);
    expect(info).toMatch(/^Title:\s+Toward Kaesong: the armistice proposal, June–July 1951$/m);
    expect(info).toMatch(/^Author:\s+The editors of the tei-edition project$/m);
    expect(info).toMatch(/^Creator:\s+tei-edition$/m);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Page size:\s+59\d(\.\d+)? x 84\d(\.\d+)? pts \(A4\)$/m);
    const bytes = readFileSync(pdf).toString('latin1');
    const catalogs = [...bytes.matchAll(/\/Type \/Catalog[\s\S]*?\/Lang\s*(<[0-9A-F]+>|\([^)]*\))/g)];
    expect(decodePdfString(catalogs[catalogs.length - 1]?.[1] ?? '')).toBe('en');
  });

  it('writes a picture of the telegram’s first page for people to look at', () => {
    mkdirSync(artefacts, { recursive: true });
    const page = starts.get(TELEGRAM) ?? 1;
    const prefix = path.join(artefacts, 'telegram-first-page');
    run('pdftoppm', ['-f', String(page), '-l', String(page), '-r', '100', '-png', '-singlefile', pdf, prefix]);
    expect(readFileSync(`${prefix}.png`).subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});

describe.skipIf(missing.length > 0)(`the printed edition's options in the config${skipReason}`, () => {
  it('gives US Letter pages when the config says "print": {"pageSize": "Letter"}', async () => {
    const bundled = loadConfig(path.join(projectRoot, 'edition.config.json'));
    if (!bundled.ok) throw new Error('the bundled config does not load');
    const c = bundled.config;
    const folder = temporaryFolder('tei-edition-print-letter-');
    const print = { pageSize: 'Letter', margins: { inner: 22, outer: 30 }, fontSize: 10.5 };
    expect(printOptionsProblem(print)).toBeUndefined();
    const file = path.join(folder, 'edition.config.json');
    writeFileSync(file, JSON.stringify({ title: c.title, slug: c.slug, edition: c.edition, documents: c.documents, registers: c.registers, ...(c.schema ? { schema: c.schema } : {}), print }));
    const loaded = loadConfig(file);
    if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('; '));
    expect(loaded.config.print).toEqual(print);
    const built = await buildEdition({
      mode: 'edition',
      title: loaded.config.title,
      slug: loaded.config.slug,
      edition: loaded.config.edition,
      documents: expandPaths(loaded.config.documents).files,
      registers: expandPaths(loaded.config.registers).files,
      siteDir: path.join(folder, 'out', 'site'),
      ...(loaded.config.schema ? { schema: loaded.config.schema } : {}),
      schematron: [],
      ruleLevels: {},
      strict: false,
      dateFrom: projectRoot,
      only: ['print'],
      ...(loaded.config.print ? { print: loaded.config.print } : {}),
    });
    expect(built.status, built.failure).toBe('built');
    const pdf = path.join(folder, 'out', 'print', 'toward-kaesong.pdf');
    expect(run('pdfinfo', [pdf])).toMatch(/^Page size:\s+612 x 792 pts \(letter\)$/m);
    // The base size: Chromium's word boxes of Source Serif 4 are 1.372 times the font size (15.1 at 11 pt).
    const words = pdfWords(pdf);
    const pagesFrom5 = words.map((_, i) => i + 1).filter((p) => p >= 5);
    const height = bodyHeight(words, pagesFrom5);
    expect(height / 10.5).toBeCloseTo(15.1 / 11, 1);
    // The margins: the text block begins at the inner margin on rectos, at the outer on versos.
    const mm = (pt: number): number => (pt * 25.4) / 72;
    const left = (side: number): number =>
      Math.min(...pagesFrom5.filter((p) => p % 2 === side).flatMap((p) => (words[p - 1] ?? []).filter((w) => Math.abs(w.height - height) < 0.3).map((w) => w.x)));
    expect(Math.abs(mm(left(1)) - 22)).toBeLessThan(0.5);
    expect(Math.abs(mm(left(0)) - 30)).toBeLessThan(0.5);
  });
});
