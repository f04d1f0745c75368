// The reading text as a reader sees it: at desktop width the edition's numbered lines (at most 64
// characters, broken by the stylesheets with br.lb-auto) fit the column, so every visual line is one
// numbered line and no justified line is stretched before a one-word orphan. Screenshots of the
// bundled documents and of one document of each shared corpus, wide and narrow, go to
// test-output/screenshots/ for people to look at.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEdition } from '../../src/package/build-edition.js';
import { hasShared, projectRoot, sharedDir } from '../helpers/paths.js';
import { buildBundled, temporaryFolder } from './support/build.js';
import { haveBrowser, launchChromium } from '../helpers/browser.js';

const shots = path.join(projectRoot, 'test-output', 'screenshots');
const DOCUMENTS = ['1951-06-30-filippov-to-mao', '1951-07-01-kim-peng-to-ridgway'];
/** A line shorter than this share of its column is a stretched or orphaned line, unless the source ends it. */
const MIN_RATIO = 0.6;

type Browser = import('playwright-core').Browser;
type Page = import('playwright-core').Page;
let browser: Browser;
let siteDir: string;

interface VisualLine {
  top: number;
  left: number;
  right: number;
  text: string;
  /** The last line of its block, or a whole line of the source: it begins at a line number and a br follows it. */
  sourceLine: boolean;
}
interface Block {
  where: string;
  width: number;
  textAlign: string;
  lines: VisualLine[];
  /** Tops of the block's span.ln, in document order. */
  numbers: number[];
  /** How many visual lines hold exactly one span.ln; negative: how many span.ln lie on no visual line. */
  numbersAtLineStart: number;
}

/**
 * Every block of the reading text that holds numbered lines, with its visual lines: the client rects of
 * its own text (not that of a nested block, nor the margin's numbers) grouped into lines by their
 * vertical position.
 */
async function readingBlocks(page: Page): Promise<Block[]> {
  return page.evaluate(() => {
    const isBlock = (e: Element): boolean => !/^inline/.test(getComputedStyle(e).display) && getComputedStyle(e).display !== 'contents';
    const blockOf = (n: Node): Element => {
      let e = n.parentElement!;
      while (!isBlock(e) || getComputedStyle(e).position === 'absolute') e = e.parentElement!;
      return e;
    };
    const text = document.querySelector('.text')!;
    const blocks = new Map<Element, { rects: { top: number; bottom: number; left: number; right: number; text: string }[]; brs: number[]; lns: Element[] }>();
    const entry = (b: Element) => {
      let v = blocks.get(b);
      if (!v) blocks.set(b, (v = { rects: [], brs: [], lns: [] }));
      return v;
    };
    for (const ln of text.querySelectorAll('span.ln')) if (getComputedStyle(ln).display !== 'none') entry(blockOf(ln)).lns.push(ln);
    const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n instanceof Element) {
        if (n.localName === 'br' && getComputedStyle(n).display !== 'none') {
          const r = n.getBoundingClientRect();
          if (blocks.has(blockOf(n))) entry(blockOf(n)).brs.push(r.top + r.height / 2);
        }
        continue;
      }
      const parent = n.parentElement!;
      if (parent.closest('.ln, .pnum, .tip, .visually-hidden') || !n.textContent?.trim()) continue;
      const b = blockOf(n);
      if (!blocks.has(b)) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      for (const r of range.getClientRects()) if (r.width > 0.5) entry(b).rects.push({ top: r.top, bottom: r.bottom, left: r.left, right: r.right, text: '' });
      // The words on each rect, for the failure message.
      const words = n.textContent.split(/(\s+)/);
      let offset = 0;
      for (const w of words) {
        if (w.trim()) {
          range.setStart(n, offset);
          range.setEnd(n, offset + w.length);
          const r = range.getBoundingClientRect();
          const line = entry(b).rects.find((x) => r.top + r.height / 2 >= x.top && r.top + r.height / 2 <= x.bottom && r.left >= x.left - 1 && r.right <= x.right + 1);
          if (line) line.text += `${line.text ? ' ' : ''}${w}`;
        }
        offset += w.length;
      }
    }
    const out = [];
    for (const [b, v] of blocks) {
      const style = getComputedStyle(b);
      const box = b.getBoundingClientRect();
      const width = box.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - parseFloat(style.borderLeftWidth) - parseFloat(style.borderRightWidth);
      // Lines: rects sorted by top; a rect whose middle lies within the current line's band joins it
      // (superscripts and smaller type sit higher but within the line).
      const sorted = [...v.rects].sort((a, c) => a.top - c.top || a.left - c.left);
      const lines: { top: number; bottom: number; left: number; right: number; text: string[] }[] = [];
      for (const r of sorted) {
        const mid = (r.top + r.bottom) / 2;
        const line = lines.find((l) => mid >= l.top && mid <= l.bottom);
        if (line) {
          line.left = Math.min(line.left, r.left);
          line.right = Math.max(line.right, r.right);
          line.text.push(r.text);
        } else lines.push({ top: r.top, bottom: r.bottom, left: r.left, right: r.right, text: [r.text] });
      }
      lines.sort((a, c) => a.top - c.top);
      const numbers = v.lns.map((e) => e.getBoundingClientRect().top);
      // A number belongs to the visual line whose band holds its top (it sits a little above the text).
      const band = (l: { top: number; bottom: number }, y: number) => y >= l.top - 6 && y < l.bottom - 2;
      const visual = lines.map((l, i) => {
        const next = lines[i + 1];
        const brAfter = v.brs.some((y) => y >= l.top && (next ? y < next.top : true));
        const numbered = numbers.some((y) => band(l, y));
        return { top: l.top, left: l.left, right: l.right, text: l.text.join(' ').replace(/\s+/g, ' ').trim(), sourceLine: !next || (numbered && brAfter) };
      });
      const atStart = lines.filter((l) => numbers.filter((y) => band(l, y)).length === 1).length;
      const stray = numbers.filter((y) => !lines.some((l) => band(l, y))).length;
      const id = b.id || b.closest('[id]')?.id || '';
      out.push({ where: `${b.localName}.${[...b.classList].join('.')}${id ? `#${id}` : ''}`, width, textAlign: style.textAlign, lines: visual, numbers, numbersAtLineStart: stray ? -stray : atStart });
    }
    return out;
  });
}

function url(p: string): string {
  return pathToFileURL(path.join(siteDir, p)).href;
}

async function open(width: number, p: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(p.startsWith('file:') ? p : url(p));
  await page.evaluate(() => document.fonts.ready);
  return page;
}

describe.skipIf(!haveBrowser)(`the reading text in Chromium${haveBrowser ? '' : ' (skipped: needs /usr/bin/chromium, Debian’s Chromium; no browser is downloaded)'}`, () => {
  beforeAll(async () => {
    ({ siteDir } = await buildBundled({ only: ['site'] }));
    mkdirSync(shots, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const doc of DOCUMENTS) {
    it(`sets ${doc} at 1,280 px as numbered: one visual line per numbered line, none stretched or orphaned`, async () => {
      const page = await open(1280, `documents/${doc}.html`);
      const blocks = await readingBlocks(page);
      await page.close();
      if (process.env.TYPO_DEBUG) for (const b of blocks) console.log(b.where, b.width.toFixed(0), b.textAlign, b.numbers.length, b.numbersAtLineStart, '\n' + b.lines.map((l) => `  ${((l.right - l.left) / b.width * 100).toFixed(0)}% ${l.sourceLine ? 'S' : ' '} ${Math.round(l.top)} ${l.text}`).join('\n'), b.numbers.map(Math.round).join(','));
      expect(blocks.length).toBeGreaterThan(1);
      const short: string[] = [];
      const unnumbered: string[] = [];
      let shortest = Infinity;
      for (const b of blocks) {
        for (const l of b.lines) {
          const ratio = (l.right - l.left) / b.width;
          if (!l.sourceLine) {
            shortest = Math.min(shortest, ratio);
            if (ratio < MIN_RATIO) short.push(`${b.where}: ${(ratio * 100).toFixed(0)}% of ${b.width.toFixed(0)} px: “${l.text}”`);
          }
          // No justified line ends in a forced break (it would be stretched over the column).
          if (b.textAlign === 'justify') short.push(`${b.where} is justified: its broken lines are stretched`);
        }
        const tops = b.numbers.map((t) => Math.round(t));
        if (new Set(tops).size !== tops.length) unnumbered.push(`${b.where}: two numbers on one visual line`);
        if (b.lines.length !== b.numbers.length) unnumbered.push(`${b.where}: ${b.lines.length} visual lines, ${b.numbers.length} numbered lines (${b.lines.map((l) => `“${l.text}”`).join(' / ')})`);
        if (b.numbersAtLineStart !== b.lines.length) unnumbered.push(`${b.where}: ${b.numbersAtLineStart < 0 ? `${-b.numbersAtLineStart} numbers on no visual line` : `${b.lines.length - b.numbersAtLineStart} visual lines without exactly one number`}`);
      }
      console.log(`${doc} at 1280 px: ${blocks.length} blocks, ${blocks.reduce((n, b) => n + b.lines.length, 0)} visual lines; shortest line that is not a whole source line: ${shortest === Infinity ? 'none (every visual line is one)' : `${(shortest * 100).toFixed(1)}% of the column`}`);
      expect([...new Set(short)]).toEqual([]);
      expect(unnumbered).toEqual([]);
    });
  }

  it('gives the text column at least the edition’s measure at 1,280 px and lets it flow at 390 px', async () => {
    const wide = await open(1280, `documents/${DOCUMENTS[0]}.html`);
    // The longest numbered line, set on one line, fits the column of its block.
    const fit = await wide.evaluate(() => {
      const p = document.querySelector('.text p')!;
      const probe = document.createElement('span');
      probe.style.whiteSpace = 'nowrap';
      probe.textContent = 'x'.repeat(64);
      p.append(probe);
      const charWidth = probe.getBoundingClientRect().width / 64;
      probe.remove();
      const width = p.getBoundingClientRect().width;
      return { width, charWidth };
    });
    expect(fit.width / fit.charWidth).toBeGreaterThanOrEqual(64);
    await wide.close();
    const phone = await open(390, `documents/${DOCUMENTS[0]}.html`);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    const breaks = await phone.locator('.text br.lb-auto').evaluateAll((els) => els.map((e) => getComputedStyle(e).display));
    await phone.close();
    expect(overflow).toBeLessThanOrEqual(0);
    expect(breaks.every((d) => d === 'none')).toBe(true);
  });

  it('saves screenshots of both documents at 1,280 and 390 px', async () => {
    for (const doc of DOCUMENTS)
      for (const width of [1280, 390]) {
        const page = await open(width, `documents/${doc}.html`);
        await page.screenshot({ path: path.join(shots, `${doc}-${width}.png`), fullPage: true });
        await page.close();
      }
    expect(readdirSync(shots).filter((f) => f.endsWith('.png')).length).toBeGreaterThanOrEqual(4);
  });

  const corporaDir = path.join(sharedDir, 'corpora');
  const corpora = hasShared && existsSync(corporaDir) ? readdirSync(corporaDir).filter((d) => readdirSync(path.join(corporaDir, d)).some((f) => f.endsWith('.xml'))).sort() : [];
  it.skipIf(corpora.length === 0)(`saves screenshots of a document of each shared corpus${corpora.length ? '' : ' (skipped: needs ../shared/corpora beside the project)'}`, async () => {
    for (const corpus of corpora) {
      const dir = path.join(corporaDir, corpus);
      const files = readdirSync(dir).filter((f) => f.endsWith('.xml')).sort().map((f) => path.join(dir, f));
      const site = path.join(temporaryFolder(), 'site');
      const result = await buildEdition({ mode: 'paths', documents: files, registers: [], siteDir: site, schematron: [], ruleLevels: {}, strict: false, dateFrom: dir, only: ['site'] });
      expect(result.status, corpus).toBe('built');
      const pages = readdirSync(path.join(site, 'documents')).filter((f) => f.endsWith('.html')).sort();
      expect(pages.length, corpus).toBeGreaterThan(0);
      for (const width of [1280, 390]) {
        const page = await open(width, pathToFileURL(path.join(site, 'documents', pages[0]!)).href);
        // A volume can be thousands of screens long: its first three are enough to judge the layout.
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        await page.screenshot({ path: path.join(shots, `${corpus}-${width}.png`), fullPage: true, clip: { x: 0, y: 0, width, height: Math.min(height, 2700) } });
        await page.close();
      }
    }
  }, 600_000);
});
