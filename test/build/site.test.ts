import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/paths.js';
import { checkSiteLinks, describeBroken } from '../helpers/link-check.js';
import { readingText } from '../helpers/witness-text.js';
import { find, findAll, parseXml } from '../helpers/xml-tree.js';
import { buildBundled } from './support/build.js';
import { filesUnder } from './support/folder-site.js';
import { all, attr, byId, editorial, first, hasClass, normalise, parsePage, textOf, type Element, type ParsedPage } from './support/html.js';

let siteDir: string;
const pages = new Map<string, ParsedPage>();


function page(p: string): ParsedPage {
  const parsed = pages.get(p);
  if (!parsed) throw new Error(`no page ${p}`);
  return parsed;
}

const TELEGRAM = 'documents/1951-06-30-filippov-to-mao.html';
const REPLY = 'documents/1951-07-01-kim-peng-to-ridgway.html';

beforeAll(async () => {
  ({ siteDir } = await buildBundled());
  for (const file of filesUnder(siteDir)) if (file.endsWith('.html')) pages.set(file, parsePage(readFileSync(path.join(siteDir, file), 'utf8')));
});

describe('the HTML edition of the bundled sources', () => {
  it('writes a home page, a documents table, one page per document, registers, a chronology and a search page', () => {
    expect([...pages.keys()]).toEqual(
      expect.arrayContaining(['index.html', 'documents.html', TELEGRAM, REPLY, 'registers.html', 'registers/persons.html', 'registers/places.html', 'registers/organisations.html', 'registers/objects.html', 'chronology.html', 'search.html']),
    );
  });

  it('writes pages that parse as HTML without errors', () => {
    for (const [file, parsed] of pages) expect(parsed.errors, file).toEqual([]);
  });

  it('resolves every internal link and anchor', () => {
    // The link checker of test/helpers/link-check.ts: every file a link names exists, every id after '#' is on it.
    const report = checkSiteLinks(siteDir);
    expect(describeBroken(report.broken)).toEqual([]);
    expect(report.fragments).toBeGreaterThan(100);
  });

  it('gives the telegram page the full reading text of the telegram', () => {
    const tei = parseXml(readFileSync(path.join(projectRoot, 'tei/documents/1951-06-30-filippov-to-mao.xml'), 'utf8'));
    const expected = normalise(readingText(find(tei, 'body')!));
    const text = first(page(TELEGRAM).document, (el) => hasClass(el, 'text'))!;
    expect(normalise(textOf(text, { skip: (el) => editorial(el) }))).toBe(expected);
  });

  it('gives the telegram page every explanatory note, numbered and linked both ways, and its textual note lettered among the textual notes', () => {
    const tei = parseXml(readFileSync(path.join(projectRoot, 'tei/documents/1951-06-30-filippov-to-mao.xml'), 'utf8'));
    const all_ = findAll(find(tei, 'text')!, 'note');
    const notes = all_.filter((n) => n.attrs.type !== 'textual');
    const textual = all_.filter((n) => n.attrs.type === 'textual');
    expect(textual).toHaveLength(1);
    const tn = page(TELEGRAM).document;
    const entry = all(tn, (el) => hasClass(el, 'tn') || (attr(el, 'id') ?? '').startsWith('tn-')).find((el) => normalise(textOf(el)).includes(normalise(textOfNote(textual[0]!)).slice(0, 40)));
    expect(entry, 'the textual note is an entry of the textual series').toBeDefined();
    expect(attr(entry!, 'id')).toMatch(/^tn-\d+$/);
    const doc = page(TELEGRAM).document;
    notes.forEach((note, i) => {
      const n = i + 1;
      const item = byId(doc, `note-${n}`);
      expect(item, `note ${n}`).toBeDefined();
      expect(normalise(textOf(first(item!, (el) => hasClass(el, 'note-body'))!))).toBe(normalise(readingText(note).replace(/^ | $/g, '') || textOfNote(note)));
      const ref = byId(doc, `noteref-${n}`)!;
      expect(attr(ref, 'href')).toBe(`#note-${n}`);
      expect(all(item!, (el) => el.tagName === 'a' && attr(el, 'href') === `#noteref-${n}`).length).toBeGreaterThan(0);
    });
  });

  it('links each name in the telegram to its register entry', () => {
    const tei = parseXml(readFileSync(path.join(projectRoot, 'tei/documents/1951-06-30-filippov-to-mao.xml'), 'utf8'));
    const names = ['persName', 'placeName', 'orgName', 'geogName', 'rs'].flatMap((n) => findAll(find(tei, 'text')!, n)).filter((n) => n.attrs.ref);
    const text = first(page(TELEGRAM).document, (el) => hasClass(el, 'text'))!;
    const notes = first(page(TELEGRAM).document, (el) => hasClass(el, 'notes'))!;
    const links = [...all(text, (el) => el.tagName === 'a' && hasClass(el, 'name')), ...all(notes, (el) => el.tagName === 'a' && hasClass(el, 'name'))];
    expect(links.length).toBe(names.length);
    for (const link of links) expect(attr(link, 'href')).toMatch(/^\.\.\/registers\/(persons|places|organisations|objects)\.html#[a-z0-9-]+$/);
  });

  it('marks in the chronology a date that is one witness\'s reading', () => {
    const items = all(page('chronology.html').document, (el) => el.tagName === 'li').map((li) => normalise(textOf(li)));
    expect(items.filter((t) => t.includes('“June 30” (the reading of B)'))).toHaveLength(1);
    expect(items.filter((t) => t.includes('“June 30 this year” (the reading of C)'))).toHaveLength(1);
    expect(items.filter((t) => t.includes('“28 June” (the reading of A)'))).toHaveLength(1);
    // The same date in a text every witness shares carries no mark.
    expect(items.filter((t) => t.includes('“30 June 1951” in'))).toHaveLength(1);
  });

  it('names each witness by its siglum once in the witness panel', () => {
    const list = first(page(REPLY).document, (el) => hasClass(el, 'witness-list'))!;
    const terms = all(list, (el) => el.tagName === 'dt').map((dt) => normalise(textOf(dt)));
    expect(terms).toEqual(['A', 'B', 'C']);
    for (const dd of all(list, (el) => el.tagName === 'dd')) expect(normalise(textOf(dd))).not.toMatch(/^[ABC]\b/);
  });

  it('shows the reply in the reading of witness A by default, with a switch to each witness', () => {
    const tei = parseXml(readFileSync(path.join(projectRoot, 'tei/documents/1951-07-01-kim-peng-to-ridgway.xml'), 'utf8'));
    const doc = page(REPLY).document;
    const radios = all(doc, (el) => el.tagName === 'input' && attr(el, 'type') === 'radio');
    expect(radios.map((r) => attr(r, 'id'))).toEqual(['wsel-1', 'wsel-2', 'wsel-3']);
    expect(radios.map((r) => attr(r, 'checked') !== undefined)).toEqual([true, false, false]);
    const labels = all(doc, (el) => el.tagName === 'label' && hasClass(el, 'wlab')).map((l) => normalise(textOf(l)));
    expect(labels).toEqual(['A', 'B', 'C']);
    const reading = first(doc, (el) => hasClass(el, 'reading'))!;
    ['A', 'B', 'C'].forEach((siglum, i) => {
      const shown = normalise(textOf(reading, { skip: (el) => editorial(el) || (hasClass(el, 'rdg') && !hasClass(el, `w${i + 1}`)) }));
      expect(shown, siglum).toBe(normalise(readingText(find(tei, 'body')!, { witness: `wit-${siglum}` })));
    });
  });

  it('lists every variant of the reply in the apparatus with its sigla', () => {
    const tei = parseXml(readFileSync(path.join(projectRoot, 'tei/documents/1951-07-01-kim-peng-to-ridgway.xml'), 'utf8'));
    const apps = findAll(tei, 'app');
    const entries = all(page(REPLY).document, (el) => el.tagName === 'li' && hasClass(el, 'app-entry'));
    expect(entries.length).toBe(apps.length);
    entries.forEach((entry, i) => {
      const sigla = all(entry, (el) => hasClass(el, 'sigla')).map((s) => normalise(textOf(s)));
      const expected = findAll(apps[i]!, 'rdg').map((r) => r.attrs.wit!.split(/\s+/).map((w) => w.replace(/^.*#wit-/, '')).join(' '));
      expect(sigla).toEqual(expected);
    });
  });

  it('lists every name form of a register entry and every paragraph that mentions it', () => {
    const doc = page('registers/persons.html').document;
    const entry = byId(doc, 'peng-dehuai')!;
    const forms = all(entry, (el) => el.tagName === 'dd' && el.parentNode !== null && hasClass(el.parentNode as Element, 'name-forms')).map((d) => normalise(textOf(d)));
    expect(forms).toEqual(['Peng Dehuai', 'PENG DEHUAI', 'Peng Te-Huai']);
    const hrefs = all(entry, (el) => el.tagName === 'a').map((a) => attr(a, 'href'));
    expect(hrefs).toContain(`../${TELEGRAM}#tel-p2`);
    expect(hrefs.some((h) => h?.startsWith(`../${REPLY}#`))).toBe(true);
  });

  it('sorts the documents table by date and offers an anchor list per correspondent', () => {
    const doc = page('documents.html').document;
    const rows = all(doc, (el) => el.tagName === 'tr' && attr(el, 'data-persons') !== undefined);
    expect(rows.map((r) => attr(first(r, (el) => el.tagName === 'time')!, 'datetime'))).toEqual(['1951-06-30', '1951-07-01']);
    const filter = all(doc, (el) => el.tagName === 'a' && attr(el, 'data-person') !== undefined && attr(el, 'data-person') !== '');
    expect(filter.length).toBeGreaterThanOrEqual(5);
    for (const a of filter) expect(byId(doc, attr(a, 'href')!.slice(1))).toBeDefined();
  });

  it('describes each document with Dublin Core, citation and schema.org metadata', () => {
    const doc = page(TELEGRAM).document;
    const meta = new Map(all(doc, (el) => el.tagName === 'meta' && attr(el, 'name') !== undefined).map((m) => [attr(m, 'name')!, attr(m, 'content')!]));
    expect(meta.get('DC.title')).toBe('Filippov [Stalin] to Mao Zedong, through Krasovsky, 30 June 1951');
    expect(meta.get('citation_title')).toBe(meta.get('DC.title'));
    expect(meta.get('DC.date')).toBe('1951-06-30');
    const ld = first(doc, (el) => el.tagName === 'script' && attr(el, 'type') === 'application/ld+json')!;
    const data = JSON.parse(textOf(ld)) as Record<string, unknown>;
    expect(data['@type']).toBe('CreativeWork');
    expect(data.dateCreated).toBe('1951-06-30');
    expect(attr(first(doc, (el) => el.tagName === 'html')!, 'lang')).toBe('en');
  });

  it('allows only its own scripts: a Content-Security-Policy and no inline script but JSON-LD', () => {
    for (const [file, parsed] of pages) {
      const csp = first(parsed.document, (el) => el.tagName === 'meta' && attr(el, 'http-equiv') === 'Content-Security-Policy');
      expect(attr(csp!, 'content'), file).toMatch(/script-src 'self'/);
      for (const script of all(parsed.document, (el) => el.tagName === 'script')) {
        if (attr(script, 'src') === undefined) expect(attr(script, 'type'), file).toBe('application/ld+json');
      }
      expect(all(parsed.document, (el) => el.attrs.some((a) => a.name.startsWith('on'))), file).toEqual([]);
    }
  });

  it('offers a skip link to the main content on every page', () => {
    for (const [file, parsed] of pages) {
      const skip = first(parsed.document, (el) => el.tagName === 'a' && hasClass(el, 'skip-link'));
      expect(attr(skip!, 'href'), file).toBe('#main');
      expect(byId(parsed.document, 'main')?.tagName, file).toBe('main');
    }
  });

  it('shows the editors, the introduction and the editorial principles on the home page', () => {
    const doc = page('index.html').document;
    const text = normalise(textOf(doc));
    expect(text).toContain('The editors of the tei-edition project');
    expect(text).toContain('On 30 June 1951 Filippov');
    expect(first(doc, (el) => hasClass(el, 'principles'))).toBeDefined();
    expect(all(doc, (el) => hasClass(el, 'principle')).length).toBeGreaterThanOrEqual(5);
  });

  it('writes a search index as a script that assigns a global', () => {
    const script = readFileSync(path.join(siteDir, 'assets/search-index.js'), 'utf8');
    expect(script.startsWith('window.teiEditionSearchUnits = ')).toBe(true);
    const units = JSON.parse(script.slice('window.teiEditionSearchUnits = '.length).replace(/;\s*$/, '')) as { u: string }[];
    expect(units.some((u) => u.u === `${TELEGRAM}#tel-p2`)).toBe(true);
    expect(units.some((u) => u.u === 'registers/persons.html#stalin')).toBe(true);
  });
});

function textOfNote(note: ReturnType<typeof parseXml>): string {
  return normalise(readingText({ ...note, name: 'p' }));
}
