// Documents inside a file: a small volume (test/build/fixtures/volume/volume.xml: a title page, a preface,
// two chapters of four documents, an index of page references) is cut into one page per document, a page
// per division of its front and back and its own contents page, from one transformation of the file. Each
// document has its own title, date, notes, lines and search entries; every id of the source is kept on the
// page that renders it, and every link of the site resolves (test/helpers/link-check.ts).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { buildEdition, type BuildResult } from '../../src/package/build-edition.js';
import { parseDocumentPattern } from '../../src/transform/parts.js';
import { loadStylesheet } from '../../src/transform/stylesheet.js';
import { transformFile } from '../../src/transform/transform-file.js';
import { checkSiteLinks, describeBroken } from '../helpers/link-check.js';
import { projectRoot } from '../helpers/paths.js';
import { find, findAll, parseXml, type XmlNode } from '../helpers/xml-tree.js';
import { temporaryFolder } from './support/build.js';
import { filesUnder } from './support/folder-site.js';
import { all, attr, byId, first, hasClass, normalise, parsePage, textOf, type ParsedPage } from './support/html.js';
import { pathToFileURL } from 'node:url';
import { checkers, skipReason } from '../helpers/tools.js';
import { epubcheck, hasEpubcheck } from '../epub/support/epubcheck.js';
import { bookLinks, spinePaths } from '../epub/support/book.js';

const fixtureDir = path.join(projectRoot, 'test', 'build', 'fixtures', 'volume');
const fixture = path.join(fixtureDir, 'volume.xml');

interface SearchUnit {
  u: string;
  t: string;
  l: string;
  x: string;
}

function searchUnitsOf(siteDir: string): SearchUnit[] {
  const script = readFileSync(path.join(siteDir, 'assets', 'search-index.js'), 'utf8');
  return JSON.parse(script.replace(/^window\.teiEditionSearchUnits = /, '').replace(/;\s*$/, '')) as SearchUnit[];
}

function idsOf(page: ParsedPage): string[] {
  return all(page.document, (el) => attr(el, 'id') !== undefined).map((el) => attr(el, 'id')!);
}

/** Every xml:id of an element of the TEI text, with the element. */
function sourceIds(node: XmlNode, into: { id: string; name: string }[] = []): { id: string; name: string }[] {
  if (typeof node === 'string') return into;
  const id = node.attrs['xml:id'];
  if (id) into.push({ id, name: node.name });
  for (const c of node.children) sourceIds(c, into);
  return into;
}

async function buildFixture(extra: { only?: ('site' | 'epub' | 'print')[]; documentPattern?: ReturnType<typeof parseDocumentPattern>['pattern'] } = {}): Promise<{ siteDir: string; result: BuildResult; progress: [number, number][] }> {
  const siteDir = path.join(temporaryFolder('tei-edition-volume-'), 'site');
  const progress: [number, number][] = [];
  const result = await buildEdition({
    mode: 'paths',
    documents: [fixture],
    registers: [],
    siteDir,
    schematron: [],
    ruleLevels: {},
    strict: false,
    dateFrom: fixtureDir,
    only: extra.only ?? ['site'],
    ...(extra.documentPattern ? { documentPattern: extra.documentPattern } : {}),
    onProgress: (done, total) => progress.push([done, total]),
  });
  return { siteDir, result, progress };
}

describe('a file of many documents, cut into a page for each (folder build, no config)', () => {
  let siteDir: string;
  let result: BuildResult;
  let progress: [number, number][];
  const pages = new Map<string, ParsedPage>();
  const page = (p: string): ParsedPage => {
    const parsed = pages.get(p);
    if (!parsed) throw new Error(`no page ${p} (pages: ${[...pages.keys()].join(', ')})`);
    return parsed;
  };
  const DOCUMENTS = ['documents/volume/d1.html', 'documents/volume/d2.html', 'documents/volume/d3.html', 'documents/volume/te-document-4.html'];

  beforeAll(async () => {
    ({ siteDir, result, progress } = await buildFixture());
    expect(result.status, JSON.stringify(result.report.diagnostics.filter((d) => d.severity === 'error'))).toBe('built');
    for (const f of filesUnder(siteDir)) if (f.endsWith('.html')) pages.set(f, parsePage(readFileSync(path.join(siteDir, f), 'utf8')));
  }, 120_000);

  it('transforms the file once, and writes a page per document, per division of its front and back, and its contents page', () => {
    expect(progress).toEqual([[1, 1]]);
    const written = [...pages.keys()].filter((p) => p.startsWith('documents/')).sort();
    expect(written).toEqual(['documents/volume.html', ...['d1', 'd2', 'd3', 'index', 'preface', 'te-document-4'].map((p) => `documents/volume/${p}.html`)]);
    for (const [file, parsed] of pages) expect(parsed.errors, file).toEqual([]);
  });

  it('calls each document by its head, dates it by its dateline and numbers it by its @n', () => {
    const heading = (p: string): string => normalise(textOf(byId(page(p).document, 'te-doc-title')!));
    expect(DOCUMENTS.map(heading)).toEqual(['Alpha to Beta', 'Beta to Alpha', 'Gamma to Alpha', 'Delta to Gamma']);
    const date = (p: string): string | undefined => {
      const line = first(page(p).document, (el) => hasClass(el, 'doc-date'));
      return line ? attr(first(line, (el) => el.tagName === 'time')!, 'datetime') : undefined;
    };
    expect(date(DOCUMENTS[0]!)).toBe('1901-03-02');
    expect(date(DOCUMENTS[1]!)).toBe('1901-01-15');
    expect(date(DOCUMENTS[2]!)).toBeUndefined();
    expect(date(DOCUMENTS[3]!)).toBe('1901-05-20');
    expect(DOCUMENTS.map((p) => normalise(textOf(first(page(p).document, (el) => hasClass(el, 'doc-number'))!)))).toEqual(['Document 1', 'Document 2', 'Document 3', 'Document 4']);
    // Each document's page names its volume, linked to the volume's page.
    const volume = first(page(DOCUMENTS[0]!).document, (el) => hasClass(el, 'doc-volume'))!;
    expect(normalise(textOf(volume))).toBe('Papers of a small volume, 1901');
    expect(attr(first(volume, (el) => el.tagName === 'a')!, 'href')).toBe('../../documents/volume.html');
  });

  it('lists the documents by date on the documents page and in the chronology, and in the volume\'s order, numbered and dated, on its contents page', () => {
    const listed = all(page('documents.html').document, (el) => el.tagName === 'th' && attr(el, 'scope') === 'row').map((el) => normalise(textOf(el)));
    expect(listed).toEqual(['Beta to Alpha', 'Alpha to Beta', 'Delta to Gamma', 'Gamma to Alpha']);
    const chronology = all(page('chronology.html').document, (el) => hasClass(el, 'event-document')).map((el) => normalise(textOf(first(el, (a) => a.tagName === 'a')!)));
    expect(chronology).toEqual(['Beta to Alpha', 'Alpha to Beta', 'Delta to Gamma']);
    const entries = all(page('documents/volume.html').document, (el) => hasClass(el, 'volume-entry'));
    expect(entries.map((el) => normalise(textOf(el)))).toEqual([
      'Preface',
      '1 Alpha to Beta 2 March 1901',
      '2 Beta to Alpha 15 January 1901',
      '3 Gamma to Alpha',
      '4 Delta to Gamma 20 May 1901',
      'Index',
    ]);
    // The volume's page keeps what is the volume's: its title page and the headings of its chapters.
    const text = normalise(textOf(first(page('documents/volume.html').document, (el) => hasClass(el, 'text'))!));
    expect(text).toContain('Papers of a small volume');
    expect(text).toContain('The first chapter');
    expect(text).toContain('The second chapter');
    expect(text).not.toContain('The first paragraph of the first document');
  });

  it('numbers the lines, paragraphs and notes of each document from 1', () => {
    for (const p of DOCUMENTS) {
      const lines = all(page(p).document, (el) => hasClass(el, 'ln')).map((el) => Number(attr(el, 'data-line')));
      expect(lines[0], p).toBe(1);
      expect(lines, p).toEqual(lines.map((_, i) => i + 1));
      const paragraphs = all(page(p).document, (el) => hasClass(el, 'pnum')).map((el) => normalise(textOf(el)));
      expect(paragraphs[0], p).toBe('1');
    }
    const notes = (p: string): string[] => all(page(p).document, (el) => el.tagName === 'li' && hasClass(el, 'note')).map((el) => attr(el, 'id')!);
    expect(notes(DOCUMENTS[0]!)).toEqual(['te-note-1', 'te-note-2']);
    expect(notes(DOCUMENTS[1]!)).toEqual(['te-note-1']);
    expect(notes('documents/volume/preface.html')).toEqual(['te-note-1']);
    // The first document's text has two notes, the second one: no note of another document is on a page.
    expect(normalise(textOf(first(page(DOCUMENTS[1]!).document, (el) => hasClass(el, 'notes'))!))).toContain('The only note of the second document.');
    expect(normalise(textOf(page(DOCUMENTS[1]!).document))).not.toContain('Alpha wrote this in his own hand.');
  });

  it('keeps every xml:id of the source as an id on the page that renders it, once in the whole site', () => {
    const tei = parseXml(readFileSync(fixture, 'utf8'));
    const ids = sourceIds(find(tei, 'text')!);
    expect(ids.length).toBeGreaterThan(15);
    const where = new Map<string, string[]>();
    for (const [p, parsed] of pages) for (const id of idsOf(parsed)) where.set(id, [...(where.get(id) ?? []), p]);
    const placed = ids.map(({ id }) => `${id}: ${(where.get(id) ?? []).join(' ')}`);
    expect(placed).toEqual(expect.arrayContaining([
      'pg_I: documents/volume.html',
      'pg_1: documents/volume.html',
      'pg_III: documents/volume/preface.html',
      'preface-fn1: documents/volume/preface.html',
      'd1fn1: documents/volume/d1.html',
      'pg_2: documents/volume/d2.html',
      'note-1: documents/volume/d2.html',
      't1: documents/volume/d3.html',
      'pg_3: documents/volume/d3.html',
      'index: documents/volume/index.html',
    ]));
    expect(ids.filter(({ id }) => (where.get(id) ?? []).length !== 1).map(({ id }) => `${id}: ${(where.get(id) ?? []).join(' ') || 'nowhere'}`)).toEqual([]);
  });

  it('gives the ids the edition makes a prefix in a file where a source id could be one of them, so that no page has an id twice', () => {
    // d2 has <p xml:id="note-1"> and a note: the note's entry is te-note-1, the paragraph keeps note-1.
    const d2 = page('documents/volume/d2.html').document;
    expect(byId(d2, 'note-1')?.tagName).toBe('p');
    expect(hasClass(byId(d2, 'te-note-1')!, 'note')).toBe(true);
    for (const [p, parsed] of pages) {
      const ids = idsOf(parsed);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i), p).toEqual([]);
    }
  });

  it('resolves every link: between documents, from the index to the page that holds each page break, to notes of other documents', () => {
    const report = checkSiteLinks(siteDir);
    expect(describeBroken(report.broken)).toEqual([]);
    expect(report.fragments).toBeGreaterThan(40);
    // Where each reference of a page leads, from the site's root.
    const hrefs = (p: string): string[] => all(page(p).document, (el) => el.tagName === 'a' && hasClass(el, 'ref')).map((el) => path.posix.normalize(path.posix.join(path.posix.dirname(p), attr(el, 'href')!)));
    expect(hrefs('documents/volume/index.html')).toEqual(['documents/volume.html#pg_1', 'documents/volume/d2.html#pg_2', 'documents/volume/d3.html#t1', 'documents/volume/d3.html#pg_3', 'documents/volume/preface.html#pg_III']);
    expect(hrefs('documents/volume/d1.html')).toEqual(['documents/volume/d3.html#d3', 'documents/volume/d2.html#pg_2']);
    expect(hrefs('documents/volume/d2.html')).toEqual(['documents/volume/d1.html#d1fn2']);
    expect(hrefs('documents/volume/preface.html')).toEqual(['documents/volume/d2.html#d2']);
    expect(result.report.diagnostics.filter((d) => d.ruleId === 'render/unresolved-link')).toEqual([]);
  });

  it('writes search entries that are unique, each with its own document\'s title and pointing to an id on an existing page', () => {
    const units = searchUnitsOf(siteDir);
    const report = checkSiteLinks(siteDir);
    expect(new Set(units.map((u) => u.u)).size).toBe(units.length);
    const missing = units.filter((u) => {
      const [p = '', id = ''] = u.u.split('#');
      return !report.ids.get(p)?.has(id);
    });
    expect(missing.map((u) => u.u)).toEqual([]);
    const titleOf = new Map(DOCUMENTS.map((p) => [p, normalise(textOf(byId(page(p).document, 'te-doc-title')!))]));
    for (const u of units.filter((x) => DOCUMENTS.includes(x.u.split('#')[0]!))) expect(u.t, u.u).toBe(titleOf.get(u.u.split('#')[0]!));
    expect(new Set(units.filter((x) => DOCUMENTS.includes(x.u.split('#')[0]!)).map((u) => u.t)).size).toBe(4);
    expect(units.some((u) => u.u.startsWith('documents/volume/preface.html#') && u.x.includes('This volume prints four documents.'))).toBe(true);
  });

  it('reports what a document lacks (its xml:id, its date) at the document, as xslt/document-incomplete', () => {
    const found = result.report.diagnostics.filter((d) => d.ruleId === 'xslt/document-incomplete');
    expect(found.map((d) => [d.line, d.severity])).toEqual([[65, 'warning'], [69, 'warning']]);
    expect(found[0]!.message).toContain('a date with @when');
    expect(found[1]!.message).toContain('an @xml:id');
  });

  it('returns the parts in a result valid against schema/fragments.schema.json', async () => {
    const schema = JSON.parse(readFileSync(path.join(projectRoot, 'schema', 'fragments.schema.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const stylesheet = await loadStylesheet('html/page');
    const outcome = transformFile(stylesheet, fixture, { base: `${pathToFileURL(fixtureDir).href}/`, files: ['volume.xml'], sigla: {}, witnessOrder: [], documentPattern: { element: 'div', attribute: 'type', value: 'document', minimum: 2 } });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(validate(outcome.file) ? [] : validate.errors).toEqual([]);
    expect(outcome.file.parts?.map((p) => `${p.kind} ${p.anchor}`)).toEqual(['volume ', 'front preface', 'document d1', 'document d2', 'document d3', 'document te-document-4', 'back index']);
    expect(outcome.file.html.text).toBe('');
  });
});

describe('what one document is', () => {
  it('is read from the config\'s "document": "file", or an element with at most one attribute test', () => {
    expect(parseDocumentPattern('file')).toEqual({});
    expect(parseDocumentPattern("div[@type='document']").pattern).toEqual({ element: 'div', attribute: 'type', value: 'document' });
    expect(parseDocumentPattern('tei:div[@type="letter"]').pattern).toEqual({ element: 'div', attribute: 'type', value: 'letter' });
    expect(parseDocumentPattern('div1').pattern).toEqual({ element: 'div1' });
    expect(parseDocumentPattern('div[@xml:id]').pattern).toEqual({ element: 'div', attribute: 'xml:id' });
    expect(parseDocumentPattern('//div').error).toMatch(/not a pattern/);
  });

  it('is a config key, checked against the config schema', () => {
    const dir = temporaryFolder('tei-edition-volume-config-');
    mkdirSync(path.join(dir, 'tei'));
    writeFileSync(path.join(dir, 'tei', 'edition.xml'), readFileSync(fixture));
    const write = (document: string): string => {
      const file = path.join(dir, 'edition.config.json');
      writeFileSync(file, `{\n  "title": "T",\n  "slug": "t",\n  "edition": "tei/edition.xml",\n  "documents": ["tei"],\n  "document": ${JSON.stringify(document)}\n}\n`);
      return file;
    };
    const good = loadConfig(write("div[@type='document']"));
    expect(good.ok && good.config.document).toEqual({ element: 'div', attribute: 'type', value: 'document' });
    const file = loadConfig(write('file'));
    expect(file.ok && file.config.document).toBeUndefined();
    const bad = loadConfig(write('//div[2]'));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.diagnostics.map((d) => [d.ruleId, d.line])).toEqual([['config/wrong-type', 6]]);
  });

  it('cuts by the pattern the edition gives (here its chapters, each holding two documents); a file with one div type="document" stays whole in a folder build', async () => {
    const { siteDir, result } = await buildFixture({ documentPattern: { ...parseDocumentPattern("div[@type='chapter']").pattern!, minimum: 1 } });
    expect(result.status).toBe('built');
    const written = filesUnder(siteDir).filter((p) => p.startsWith('documents/')).sort();
    expect(written).toEqual(['documents/volume.html', ...['ch1', 'ch2', 'index', 'preface'].map((p) => `documents/volume/${p}.html`)]);
    expect(describeBroken(checkSiteLinks(siteDir).broken)).toEqual([]);

    const dir = temporaryFolder('tei-edition-volume-one-');
    const one = readFileSync(fixture, 'utf8').replace(/<div type="chapter" xml:id="ch2">[\s\S]*?<\/div>\s*<\/div>/, '').replace(/<div type="document" xml:id="d2"[\s\S]*?<\/div>/, '');
    expect(findAll(parseXml(one), 'div').filter((d) => d.attrs.type === 'document')).toHaveLength(1);
    writeFileSync(path.join(dir, 'one.xml'), one);
    const single = path.join(dir, 'out', 'site');
    const built = await buildEdition({ mode: 'paths', documents: [path.join(dir, 'one.xml')], registers: [], siteDir: single, schematron: [], ruleLevels: {}, strict: false, dateFrom: dir, only: ['site'] });
    expect(built.status).toBe('built');
    expect(filesUnder(single).filter((p) => p.startsWith('documents/'))).toEqual(['documents/one.html']);
  }, 120_000);
});

const quick = process.env.TEI_EDITION_TIER === 'quick';
const epub = skipReason(quick || !hasEpubcheck, quick ? 'the full suite' : 'epubcheck');
const print = skipReason(quick || !checkers.chromium, quick ? 'the full suite' : 'chromium');

describe.skipIf(epub.skip)(`the book of the volume follows the same documents${epub.title}`, () => {
  it('writes a content document per page of the site, keeps the source\'s ids, resolves every link, and passes epubcheck', async () => {
    const { siteDir, result } = await buildFixture({ only: ['epub'] });
    expect(result.status).toBe('built');
    const out = path.dirname(siteDir);
    const oebps = path.join(out, 'epub', 'bundle', 'OEBPS');
    const spine = spinePaths(oebps);
    expect(spine.filter((p) => p.startsWith('documents/'))).toEqual(['documents/volume.xhtml', ...['preface', 'd1', 'd2', 'd3', 'te-document-4', 'index'].map((p) => `documents/volume/${p}.xhtml`)]);
    const { links, ids } = bookLinks(oebps);
    expect(links.filter((l) => l.to === undefined).map((l) => `${l.from}: ${l.href}`)).toEqual([]);
    const index = links.filter((l) => l.from === 'documents/volume/index.xhtml' && (l.a.attrs.class ?? '').split(' ').includes('ref')).map((l) => l.href);
    expect(index).toEqual(['../volume.xhtml#pg_1', 'd2.xhtml#pg_2', 'd3.xhtml#t1', 'd3.xhtml#pg_3', 'preface.xhtml#pg_III']);
    expect(ids.get('documents/volume/d2.xhtml')?.get('pg_2')?.attrs['epub:type']).toBe('pagebreak');
    const check = await epubcheck(path.join(out, 'epub', 'edition.epub'));
    expect(check.messages).toEqual([]);
    expect([check.fatals, check.errors, check.warnings]).toEqual([0, 0, 0]);
  }, 180_000);
});

describe.skipIf(print.skip)(`the printed book of the volume follows the same documents${print.title}`, () => {
  it('prints each document in a section of its own, in the volume\'s order, with the source\'s ids and every link resolved', async () => {
    const { siteDir, result } = await buildFixture({ only: ['print'] });
    expect(result.status, JSON.stringify(result.report.diagnostics.filter((d) => d.severity === 'error'))).toBe('built');
    const html = readFileSync(path.join(path.dirname(siteDir), 'print', 'edition.html'), 'utf8');
    const book = parsePage(html).document;
    const sections = all(book, (el) => el.tagName === 'section' && hasClass(el, 'document')).map((el) => attr(el, 'id'));
    expect(sections).toEqual(['doc-volume', 'doc-preface', 'doc-d1', 'doc-d2', 'doc-d3', 'doc-te-document-4', 'doc-index']);
    const ids = new Set(all(book, (el) => attr(el, 'id') !== undefined).map((el) => attr(el, 'id')!));
    expect(['doc-d2--pg_2', 'doc-d3--t1', 'doc-preface--pg_III', 'doc-volume--pg_1'].filter((id) => !ids.has(id))).toEqual([]);
    const broken = all(book, (el) => el.tagName === 'a' && (attr(el, 'href') ?? '').startsWith('#')).map((el) => attr(el, 'href')!).filter((h) => !ids.has(h.slice(1)));
    expect(broken).toEqual([]);
    expect(result.report.diagnostics.filter((d) => d.ruleId === 'render/unresolved-link')).toEqual([]);
  }, 300_000);
});
