// The notes and apparatus under a document's text on the site, now drawn by the TypeScript renderer
// (src/render/apparatus/render-entries.ts) from the apparatus model, against what the XSLT drew before
// (fixtures/site-before/, captured from the site of commit ad8ad8e), and every flavour of the renderer
// against the site: the same label and the same words for each entry.
//
// The goldens carry the renderer's deliberate changes to the XSLT's entries, each applied to its words:
// - a critical entry prints its base reading first ("lemma sigla] reading sigla | …"), as the key above the
//   list says, where the XSLT kept the source's order (one PTA entry);
// - no separator right after the bracket ("A] B", not "A] | B"), as docs/apparatus.md writes entries;
// - a source named by a reading (@source) stands with its sigla, before the bracket;
// - a reading without witnesses prints no empty sigla, and readings lose the spaces they begin and end with.
// - a critical entry's label and a textual note's "line N:" (lines) are not compared: the line model now breaks lines inside the copy-text's
//   readings as well, so that a printed line is one line of the edition (docs/apparatus.md).
// The "Apparatus" section explains sigla only when the document has a critical apparatus (tested below).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEdition } from '../../src/package/build-edition.js';
import { epubApparatus, epubNotes, markerHosts, printEntries, renderEntry, type RenderOptions } from '../../src/render/apparatus/render-entries.js';
import type { DocumentApparatus, EditionApparatus } from '../../src/transform/apparatus/model.js';
import { buildBundled, temporaryFolder } from '../build/support/build.js';
import { all, attr, first, hasClass, normalise, parsePage, textOf, type Element, type Node } from '../build/support/html.js';
import { hasShared, projectRoot, sharedDir } from '../helpers/paths.js';
import { readJson } from './support/outputs.js';
import { labelLink, siteEntries, sourcesHash } from './support/site-entries.js';

const fixtures = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures');
const ptaDir = path.join(sharedDir, 'corpora', 'pta-critical-editions');

interface Golden {
  sources?: string;
  pages: Record<string, [string, string, string, string][]>;
}

function golden(name: string): Golden {
  return JSON.parse(readFileSync(path.join(fixtures, 'site-before', `${name}.json`), 'utf8')) as Golden;
}

function sitePage(outDir: string, document: string): Node {
  return parsePage(readFileSync(path.join(outDir, 'site', 'documents', `${document}.html`), 'utf8')).document;
}

/** Every page's entries, as the goldens hold them. */
function pagesNow(outDir: string): Golden['pages'] {
  const dir = path.join(outDir, 'site', 'documents');
  return Object.fromEntries(readdirSync(dir).sort().map((f) => [f, siteEntries(sitePage(outDir, f.replace(/\.html$/, ''))).map((e) => [e.id, e.section, e.label, e.text] as [string, string, string, string])]));
}

/** Checks that the site's entries say what the XSLT's said, entry by entry (a failure names the entry). */
function expectSameAsBefore(outDir: string, before: Golden): number {
  const now = pagesNow(outDir);
  expect(Object.keys(now)).toEqual(Object.keys(before.pages));
  let compared = 0;
  for (const [page, entries] of Object.entries(before.pages)) {
    expect(now[page]!.map((e) => e[0]), page).toEqual(entries.map((e) => e[0]));
    // A critical entry's label is its line, and lines now break inside the copy-text's readings too: the label
    // is the model's line (expectEveryEntryOnce, and the printed edition's tests), the words are still the XSLT's.
    const unlined = (e: [string, string, string, string]): [string, string, string, string] =>
      [e[0], e[1], e[0].startsWith('app-') ? '' : e[2], e[3].replace(/^line \d+: /, 'line N: ')];
    entries.forEach((e, i) => expect(unlined(now[page]![i]!), `${page} ${e[0]}`).toEqual(unlined(e)));
    compared += entries.length;
  }
  return compared;
}

/** Checks that each page shows every entry of the model once, in its section, with the model's label and number. */
function expectEveryEntryOnce(outDir: string, json: EditionApparatus): number {
  let checked = 0;
  for (const d of json.documents) {
    const site = sitePage(outDir, d.document);
    const shown = siteEntries(site);
    const expected = [...d.entries.filter((e) => e.series === 'critical'), ...d.entries.filter((e) => e.series === 'textual'), ...d.entries.filter((e) => e.series === 'explanatory')];
    expect(shown.map((e) => e.id), d.document).toEqual(expected.map((e) => e.localId));
    expected.forEach((e, i) => {
      expect(shown[i]!.label, e.id).toBe(e.label);
      expect(shown[i]!.section, e.id).toBe(e.series === 'explanatory' ? 'notes' : 'apparatus');
    });
    checked += expected.length;
  }
  return checked;
}

// ===== the words of one entry in every flavour =====

const MARKER = (el: Element): boolean => el.tagName === 'sup' && (hasClass(el, 'noteref') || hasClass(el, 'tnref') || hasClass(el, 'appref'));

/** Label and words of an entry drawn as a list item or an aside (site, standalone, EPUB): the label link first. */
function itemWords(item: Element): { label: string; words: string } {
  const label = labelLink(item);
  return { label: normalise(textOf(label!)), words: normalise(textOf(item, { skip: (el) => el === label || hasClass(el, 'backref') || MARKER(el) })) };
}

/** Label and words of a printed entry: the label in data-label, the entries printed inside it left out. */
function printWords(span: Element): { label: string; words: string } {
  return { label: attr(span, 'data-label') ?? '', words: normalise(textOf(span, { skip: (el) => el !== span && hasClass(el, 'fn') })) };
}

function fragment(html: string): Element {
  return first(parsePage(`<!DOCTYPE html><body><div id="fragment">${html}</div>`).document, (el) => attr(el, 'id') === 'fragment')!;
}

function xmlErrors(xhtml: string): string | undefined {
  const result = XMLValidator.validate(`<div xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">${xhtml}</div>`);
  return result === true ? undefined : `${result.err.code}: ${result.err.msg} (line ${result.err.line})`;
}

const options = (d: DocumentApparatus): RenderOptions => ({ resolve: (href) => href, markerHref: (e) => `#${e.markerId}`, id: (id) => `${d.document}--${id}` });

/** For every entry: the site page's label and words equal those of the standalone, EPUB and print flavours. */
function expectFlavoursAgree(outDir: string, json: EditionApparatus): number {
  let compared = 0;
  for (const d of json.documents) {
    const site = sitePage(outDir, d.document);
    const o = options(d);
    const printed = printEntries(d, o);
    const notes = new Map([...all(fragment(epubNotes(d, 'footnotes', o)), (el) => el.tagName === 'aside')].map((a) => [attr(a, 'data-entry')!, a]));
    const endnotes = new Map([...all(fragment(epubNotes(d, 'endnotes', o)), (el) => el.tagName === 'li')].map((a) => [attr(a, 'data-entry')!, a]));
    const apparatus = new Map([...all(fragment(epubApparatus(d, o)), (el) => el.tagName === 'li')].map((a) => [attr(a, 'data-entry')!, a]));
    for (const e of d.entries) {
      const onSite = itemWords(first(site, (el) => el.tagName === 'li' && attr(el, 'id') === e.localId)!);
      expect(onSite.label, e.id).toBe(e.label);
      const standalone = itemWords(first(fragment(renderEntry('standalone', e, d, o)), (el) => el.tagName === 'li')!);
      const epub = itemWords((e.series === 'explanatory' ? notes : apparatus).get(e.localId)!);
      const print = printWords(first(fragment(printed.get(e.localId)!), (el) => hasClass(el, 'fn'))!);
      expect(standalone, `${e.id}: standalone`).toEqual(onSite);
      expect(epub, `${e.id}: EPUB`).toEqual(onSite);
      if (e.series === 'explanatory') expect(itemWords(endnotes.get(e.localId)!), `${e.id}: EPUB endnote`).toEqual(onSite);
      expect(print, `${e.id}: print`).toEqual(onSite);
      compared++;
    }
    for (const xhtml of [epubNotes(d, 'footnotes', o), epubNotes(d, 'endnotes', o), epubApparatus(d, o)]) expect(xmlErrors(xhtml), d.document).toBeUndefined();
  }
  return compared;
}

/** Every entry printed once: where its marker stands in the text, or inside the entry that holds its marker. */
function expectPrintedOnce(json: EditionApparatus): void {
  for (const d of json.documents) {
    const hosts = markerHosts(d);
    const printed = printEntries(d, options(d));
    const placed = d.entries.filter((e) => !hosts.has(e.localId)).map((e) => fragment(printed.get(e.localId)!));
    const ids = placed.flatMap((f) => all(f, (el) => hasClass(el, 'fn')).map((el) => attr(el, 'data-entry')));
    expect([...ids].sort(), d.document).toEqual(d.entries.map((e) => e.localId).sort());
  }
}

describe('the notes and apparatus of the bundled edition on the site', () => {
  let outDir: string;
  let json: EditionApparatus;
  beforeAll(async () => {
    const { siteDir } = await buildBundled({ only: ['site', 'apparatus'] });
    outDir = path.dirname(siteDir);
    json = readJson(outDir);
  });

  it('shows every entry of the model once, in its section, with its label', () => {
    expect(expectEveryEntryOnce(outDir, json)).toBe(30);
  });

  const before = golden('bundled');
  const unchanged = before.sources === sourcesHash(path.join(projectRoot, 'tei', 'documents'));
  it.skipIf(!unchanged)('says what the XSLT said before, entry by entry (skipped when tei/documents changed since the golden was made)', () => {
    expect(expectSameAsBefore(outDir, before)).toBe(30);
  });

  it('prints each entry with the same label and words on the site, in dist/apparatus, in the EPUB and in print', () => {
    expect(expectFlavoursAgree(outDir, json)).toBe(30);
    expectPrintedOnce(json);
  });

  it('explains sigla above the apparatus only on a page with a critical apparatus', () => {
    for (const d of json.documents) {
      const section = first(sitePage(outDir, d.document), (el) => el.tagName === 'section' && hasClass(el, 'apparatus'))!;
      const key = all(section, (el) => el.tagName === 'p' && hasClass(el, 'apparatus-key') && !hasClass(el, 'ed'));
      expect(key.length, d.document).toBe(d.entries.some((e) => e.series === 'critical') ? 1 : 0);
    }
  });

});

describe('the notes and apparatus of readings the text does not always show (fixture hidden-readings.xml)', () => {
  let outDir: string;
  let json: EditionApparatus;
  beforeAll(async () => {
    outDir = temporaryFolder('tei-edition-site-sections-');
    const fixture = path.join(fixtures, 'hidden-readings.xml');
    const result = await buildEdition({ mode: 'paths', documents: [fixture], registers: [], siteDir: path.join(outDir, 'site'), schematron: [], ruleLevels: {}, strict: false, dateFrom: fixtures, only: ['site', 'apparatus'] });
    expect(result.status).toBe('built');
    json = readJson(outDir);
  }, 120_000);

  it('says what the XSLT said before, markers in the entries that print their readings included', () => {
    expect(expectEveryEntryOnce(outDir, json)).toBe(9);
    expect(expectSameAsBefore(outDir, golden('hidden-readings'))).toBe(9);
    // The marker of note 2 (in B's reading beside the lemma) stands in the entry of app 3, linked to the note.
    const app3 = first(sitePage(outDir, json.documents[0]!.document), (el) => attr(el, 'id') === 'app-3')!;
    const marker = first(app3, (el) => attr(el, 'id') === 'noteref-2')!;
    expect(attr(marker, 'href')).toBe('#note-2');
  });

  it('prints each entry with the same label and words in every flavour, and each once in print', () => {
    expect(expectFlavoursAgree(outDir, json)).toBe(9);
    expectPrintedOnce(json);
    expect(markerHosts(json.documents[0]!)).toEqual(new Map([['note-2', 'app-3'], ['note-3', 'app-3'], ['app-5', 'app-4']]));
  });
});

describe.skipIf(!hasShared || !existsSync(ptaDir))('the notes and apparatus of the PTA critical editions on the site (skipped without ../shared)', () => {
  let outDir: string;
  let json: EditionApparatus;
  beforeAll(async () => {
    outDir = temporaryFolder('tei-edition-site-sections-');
    const files = readdirSync(ptaDir).filter((f) => f.endsWith('.xml')).sort().map((f) => path.join(ptaDir, f));
    const result = await buildEdition({ mode: 'paths', documents: files, registers: [], siteDir: path.join(outDir, 'site'), schematron: [], ruleLevels: {}, strict: false, dateFrom: ptaDir, only: ['site', 'apparatus'] });
    expect(result.failure).toBeUndefined();
    json = readJson(outDir);
  }, 300_000);

  it('says what the XSLT said before, entry by entry', () => {
    const total = json.documents.reduce((n, d) => n + d.entries.length, 0);
    expect(expectEveryEntryOnce(outDir, json)).toBe(total);
    expect(expectSameAsBefore(outDir, golden('pta-critical-editions'))).toBe(total);
  });

  it('prints each entry with the same label and words on the site, in dist/apparatus, in the EPUB and in print', () => {
    expect(expectFlavoursAgree(outDir, json)).toBe(json.documents.reduce((n, d) => n + d.entries.length, 0));
    expectPrintedOnce(json);
  });

  it('gives a note the editors\' language, not the Greek of the passage it stands in', () => {
    // The eight PTA notes stand inside Greek passages ("cf. Hebr 5,6"); none carries an @xml:lang of its own.
    const langs = json.documents.flatMap((d) => all(sitePage(outDir, d.document), (el) => el.tagName === 'li' && hasClass(el, 'note')).map((li) => attr(li, 'lang')));
    expect(langs).toHaveLength(8);
    expect(langs.filter((l) => l === 'grc')).toEqual([]);
  });
});
