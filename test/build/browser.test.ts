// The site in a real browser, opened from the file system: names lead to the registers, notes open
// and lead back, search finds text. Screenshots go to test-output/ for people to look at.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/paths.js';
import { buildBundled } from './support/build.js';
import { haveBrowser, launchChromium } from '../helpers/browser.js';

const shots = path.join(projectRoot, 'test-output', 'build');

type Browser = import('playwright-core').Browser;
type Page = import('playwright-core').Page;
let browser: Browser;
let page: Page;
let siteDir: string;
const problems: string[] = [];

function url(p: string): string {
  return pathToFileURL(path.join(siteDir, p)).href;
}

describe.skipIf(!haveBrowser)(`the site in Chromium, from file://${haveBrowser ? '' : ' (skipped: needs /usr/bin/chromium)'}`, () => {
  beforeAll(async () => {
    ({ siteDir } = await buildBundled());
    mkdirSync(shots, { recursive: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens the telegram and follows a name to its register entry', async () => {
    await page.goto(url('documents/1951-06-30-filippov-to-mao.html'));
    await page.screenshot({ path: path.join(shots, 'telegram.png'), fullPage: true });
    await page.locator('#tel-p2 a.name', { hasText: 'Ridgway' }).first().click();
    await page.waitForURL(/registers\/persons\.html#ridgway$/);
    await expect(page.locator('#ridgway h2').textContent()).resolves.toBe('Ridgway');
    await page.screenshot({ path: path.join(shots, 'register-persons.png') });
  });

  it('opens a note from its number and returns to the text', async () => {
    await page.goto(url('documents/1951-06-30-filippov-to-mao.html'));
    await page.locator('#noteref-2').click();
    await page.waitForURL(/#note-2$/);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('note-2');
    expect(await page.locator('#note-2').isVisible()).toBe(true);
    await page.screenshot({ path: path.join(shots, 'telegram-note.png') });
    await page.locator('#note-2 a.backref').click();
    await page.waitForURL(/#noteref-2$/);
  });

  it('shows the reason of the omission when the gap has the focus', async () => {
    await page.goto(url('documents/1951-06-30-filippov-to-mao.html'));
    await page.locator('.gap').focus();
    expect(await page.locator('.gap .tip').isVisible()).toBe(true);
  });

  it('lets the text flow on a narrow screen, the line numbers kept where lines begin', async () => {
    const lines = async (width: number): Promise<{ breaks: string[]; numbers: number }> => {
      const narrow = await browser.newPage({ viewport: { width, height: 800 } });
      await narrow.goto(url('documents/1951-06-30-filippov-to-mao.html'));
      const breaks = await narrow.locator('.text br.lb-auto').evaluateAll((els) => els.map((e) => getComputedStyle(e).display));
      const numbers = await narrow.locator('.text .ln:not(:empty)').evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length);
      if (width < 500) await narrow.screenshot({ path: path.join(shots, 'telegram-narrow.png'), fullPage: true });
      await narrow.close();
      return { breaks, numbers };
    };
    const wide = await lines(1280);
    const phone = await lines(360);
    expect(wide.breaks.length).toBeGreaterThan(5);
    expect(wide.breaks.every((d) => d !== 'none')).toBe(true);
    expect(phone.breaks.every((d) => d === 'none')).toBe(true);
    expect(phone.numbers).toBe(wide.numbers);
    expect(phone.numbers).toBeGreaterThan(0);
  });

  it('switches the reply to the reading of witness B without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const noJs = await context.newPage();
    await noJs.goto(url('documents/1951-07-01-kim-peng-to-ridgway.html'));
    const shown = async (app: string): Promise<string[]> =>
      noJs.locator(`#${app} .rdg`).evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.textContent ?? ''));
    expect(await shown('appt-2')).toEqual([' statement']);
    await noJs.locator('label[for="wsel-2"]').click();
    expect(await shown('appt-2')).toEqual([' broadcast msg']);
    expect(await shown('appt-4')).toEqual([', regarding peace talks,']);
    await noJs.locator('label[for="wsel-3"]').click();
    expect(await shown('appt-2')).toEqual([' statement']);
    expect(await shown('appt-3')).toEqual([' June 30 this year']);
    await noJs.screenshot({ path: path.join(shots, 'reply-witness-B.png'), fullPage: true });
    await context.close();
  });

  it('finds a word with the search page', async () => {
    await page.goto(url('search.html'));
    await page.locator('#q').fill('Jutlandia');
    await page.locator('.search-form button').click();
    await page.locator('#search-results li').first().waitFor();
    const results = await page.locator('#search-results li a').allTextContents();
    expect(results.length).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(shots, 'search.png') });
    await page.locator('#search-results li a').first().click();
    await page.waitForURL(/\.html#/);
  });

  it('filters the documents table by correspondent', async () => {
    await page.goto(url('documents.html'));
    await page.locator('.person-links a', { hasText: 'Ridgway' }).click();
    const rows = page.locator('#all-documents tbody tr:not([hidden])');
    expect(await rows.count()).toBe(1);
    await page.screenshot({ path: path.join(shots, 'documents.png'), fullPage: true });
  });

  it('ran every page without script errors or blocked resources', () => {
    expect(problems).toEqual([]);
  });
});
