// Text in other scripts than Latin (fixtures/scripts/): Hebrew and Arabic (phrases, a paragraph, a
// quotation), Greek with combining accents, Chinese and Japanese, characters outside the Basic
// Multilingual Plane. The book holds exactly the code points of the source (nothing composed or
// decomposed), marks each passage's language (lang, xml:lang) and the direction of right-to-left ones,
// passes epubcheck, and Chromium lays the passages out with their direction. Screenshots go to
// test-output/epub/ for people to look at, with the fonts Chromium used for each passage (a glyph no
// font has is drawn as a box).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/paths.js';
import { parseXmlFile, textOf, walk, type XNode } from './support/book.js';
import { epubcheck, hasEpubcheck } from './support/epubcheck.js';
import { buildFixture, fixturesDir, type BuiltBook } from './support/fixture.js';
import { haveBrowser, launchChromium } from '../helpers/browser.js';

const dir = path.join(fixturesDir, 'scripts');
const shots = path.join(projectRoot, 'test-output', 'epub');

/** Text without the edition's markers (class "ed": line numbers and the like), which the source does not have. */
function sourceText(n: XNode | string): string {
  if (typeof n === 'string') return n;
  if ((n.attrs.class ?? '').split(/\s+/).includes('ed')) return '';
  return n.children.map(sourceText).join('');
}
const codePoints = (s: string): string[] => [...s].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
/** The line breaks the transform puts in for line numbers are white space in the book and in the source alike. */
const normal = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The passages of a source's text in another language than its own (elements with xml:lang), with their language and text. */
function passages(file: string): { lang: string; text: string }[] {
  const text = [...walk(parseXmlFile(file))].find((n) => n.name === 'text')!;
  return [...walk(text)].filter((n) => n.attrs['xml:lang']).map((n) => ({ lang: n.attrs['xml:lang']!, text: sourceText(n) }));
}
const LANGS = ['he', 'ar', 'grc', 'grc', 'zh', 'ja', 'ar', 'he', 'got'];
const RTL = ['he', 'ar'];

let book: BuiltBook;

describe('text in other scripts', () => {
  beforeAll(async () => {
    book = await buildFixture([path.join(dir, 'scripts.xml'), path.join(dir, 'hebrew.xml')], [], {}, ['epub']);
  }, 120_000);

  it('keeps every code point of the source, in the same order, nothing composed or decomposed', () => {
    const expected = passages(path.join(dir, 'scripts.xml'));
    expect(expected.map((p) => p.lang)).toEqual(LANGS);
    // The Greek is written with separate combining accents, and Gothic lies outside the BMP.
    expect(codePoints(expected[2]!.text)).toEqual(['U+03BB', 'U+03BF', 'U+0301', 'U+03B3', 'U+03BF', 'U+03C2']);
    expect(codePoints(expected[8]!.text).every((c) => c.length === 7)).toBe(true);
    const doc = parseXmlFile(path.join(book.oebps, 'documents', 'scripts.xhtml'));
    const found = [...walk(doc)].filter((n) => n.attrs.lang && n.name !== 'html').map((n) => ({ lang: n.attrs.lang!, text: sourceText(n) }));
    expect(found.map((p) => p.lang)).toEqual(expected.map((p) => p.lang));
    found.forEach((p, i) => expect(codePoints(normal(p.text)), p.lang).toEqual(codePoints(normal(expected[i]!.text))));
    // Characters outside the BMP in running text too.
    expect(sourceText(doc)).toContain('\u{1D504}');
  });

  it('marks the language of each passage, and the direction of those written from right to left', () => {
    const doc = parseXmlFile(path.join(book.oebps, 'documents', 'scripts.xhtml'));
    expect(doc.attrs.dir).toBeUndefined();
    const marked = [...walk(doc)].filter((n) => n.attrs.lang && n.name !== 'html');
    for (const n of marked) {
      expect(n.attrs['xml:lang'], n.attrs.lang).toBe(n.attrs.lang);
      expect(n.attrs.dir, n.attrs.lang).toBe(RTL.includes(n.attrs.lang!) ? 'rtl' : undefined);
    }
    // A document in Hebrew is right to left as a whole; an English phrase in it is left to right.
    const hebrew = parseXmlFile(path.join(book.oebps, 'documents', 'hebrew.xhtml'));
    expect([hebrew.attrs.lang, hebrew.attrs['xml:lang'], hebrew.attrs.dir]).toEqual(['he', 'he', 'rtl']);
    const english = [...walk(hebrew)].find((n) => n.attrs.lang === 'en')!;
    expect(english.attrs.dir).toBe('ltr');
    // The table of contents marks the Hebrew title too.
    const nav = parseXmlFile(path.join(book.oebps, 'nav.xhtml'));
    const entry = [...walk(nav)].find((n) => n.name === 'a' && n.attrs.href === 'documents/hebrew.xhtml' && textOf(n) === 'מסמך בעברית')!;
    const title = [...walk(entry)].find((n) => n.attrs.lang)!;
    expect([title.attrs.lang, title.attrs['xml:lang'], title.attrs.dir, textOf(title)]).toEqual(['he', 'he', 'rtl', 'מסמך בעברית']);
  });

  it.skipIf(!hasEpubcheck)('passes epubcheck with no errors and no warnings (needs epubcheck)', async () => {
    const result = await epubcheck(book.epub);
    expect(result.messages).toEqual([]);
    expect([result.fatals, result.errors, result.warnings]).toEqual([0, 0, 0]);
  }, 120_000);
});

type Browser = import('playwright-core').Browser;
type Page = import('playwright-core').Page;

describe.skipIf(!haveBrowser)(`text in other scripts, in Chromium${haveBrowser ? '' : ' (skipped: needs /usr/bin/chromium)'}`, () => {
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  beforeAll(async () => {
    book ??= await buildFixture([path.join(dir, 'scripts.xml'), path.join(dir, 'hebrew.xml')], [], {}, ['epub']);
    mkdirSync(shots, { recursive: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 700, height: 700 } });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** The fonts Chromium drew an element's text with (DevTools: CSS.getPlatformFontsForNode), family and glyph count. */
  async function fontsOf(selector: string): Promise<{ family: string; custom: boolean; glyphs: number }[]> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    const text = (await cdp.send('DOM.describeNode', { nodeId, depth: 1 })).node.children?.find((c) => c.nodeType === 3);
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId: text ? (await cdp.send('DOM.pushNodesByBackendIdsToFrontend', { backendNodeIds: [text.backendNodeId] })).nodeIds[0]! : nodeId });
    await cdp.detach();
    return fonts.map((f) => ({ family: f.familyName, custom: f.isCustomFont, glyphs: f.glyphCount }));
  }

  it('lays out every passage, right-to-left ones from right to left, with the bundled font for the Greek', async () => {
    await page.goto(pathToFileURL(path.join(book.oebps, 'documents', 'scripts.xhtml')).href);
    await page.evaluate(() => document.fonts.ready);
    const boxes = await page.evaluate(() =>
      [...document.querySelectorAll('[lang]:not(html)')].map((e) => {
        const r = e.getBoundingClientRect();
        return { lang: e.getAttribute('lang'), width: r.width, height: r.height, direction: getComputedStyle(e).direction };
      }),
    );
    expect(boxes.map((b) => b.lang)).toEqual(LANGS);
    for (const b of boxes) {
      expect(b.width, b.lang!).toBeGreaterThan(0);
      expect(b.height, b.lang!).toBeGreaterThan(0);
      expect(b.direction, b.lang!).toBe(RTL.includes(b.lang!) ? 'rtl' : 'ltr');
    }
    await page.screenshot({ path: path.join(shots, 'scripts.png'), fullPage: true });
    // The Greek, combining accents included, comes from the book's own typeface and from nothing else.
    const greek = await fontsOf('i[lang="grc"]');
    expect(greek.map((f) => [f.family, f.custom])).toEqual([['Source Serif 4', true]]);
    const all: Record<string, unknown> = {};
    for (const lang of ['he', 'ar', 'grc', 'zh', 'ja', 'got']) all[lang] = await fontsOf(`i[lang="${lang}"]`);
    // Which fonts drew the other scripts depends on the fonts of the machine (the book ships Latin and Greek only): recorded, not asserted.
    writeFileSync(path.join(shots, 'scripts-fonts.json'), `${JSON.stringify(all, null, 2)}\n`);
    expect(problems).toEqual([]);
  }, 60_000);

  it('lays out a Hebrew document from right to left, and an English phrase in it from left to right', async () => {
    await page.goto(pathToFileURL(path.join(book.oebps, 'documents', 'hebrew.xhtml')).href);
    const dirs = await page.evaluate(() => ({
      body: getComputedStyle(document.body).direction,
      english: getComputedStyle(document.querySelector('[lang="en"]')!).direction,
      // The paragraph starts at the right edge: its first words are right of its last ones.
      rightAligned: (() => {
        const p = document.querySelector('p.p')!;
        const range = document.createRange();
        range.selectNodeContents(p);
        const rects = [...range.getClientRects()];
        return rects.length > 0 && Math.max(...rects.map((r) => r.right)) > p.getBoundingClientRect().right - 2;
      })(),
    }));
    expect(dirs).toEqual({ body: 'rtl', english: 'ltr', rightAligned: true });
    await page.screenshot({ path: path.join(shots, 'hebrew.png'), fullPage: true });
    expect(problems).toEqual([]);
  }, 60_000);
});
