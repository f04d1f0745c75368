// The search script speaks the edition's language: in Chromium, the search page of the German letters
// (test/build/fixtures/german) counts its passages and what it finds in German, with the forms the
// language table gives for one and for more; the English edition's script says what it said before.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEdition } from '../../src/package/build-edition.js';
import { haveBrowser, launchChromium } from '../helpers/browser.js';
import { projectRoot } from '../helpers/paths.js';
import { temporaryFolder } from './support/build.js';

type Browser = import('playwright-core').Browser;
type Page = import('playwright-core').Page;

const germanDir = path.join(projectRoot, 'test', 'build', 'fixtures', 'german');

async function buildSite(lang?: string): Promise<string> {
  const siteDir = path.join(temporaryFolder('tei-edition-search-lang-'), 'site');
  const documents = ['brief-1.xml', 'brief-2.xml'].map((f) => path.join(germanDir, f));
  const result = await buildEdition({ mode: 'paths', ...(lang ? { lang } : {}), documents, registers: [], siteDir, schematron: [], ruleLevels: {}, strict: false, dateFrom: germanDir, only: ['site'] });
  expect(result.status, result.failure).toBe('built');
  return siteDir;
}

describe.skipIf(!haveBrowser)(`the search page in the edition's language${haveBrowser ? '' : ' (skipped: needs /usr/bin/chromium)'}`, () => {
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('pageerror', (e) => problems.push(e.message));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  const statusAfter = async (siteDir: string, query?: string): Promise<string> => {
    await page.goto(pathToFileURL(path.join(siteDir, 'search.html')).href);
    if (query !== undefined) {
      await page.locator('#q').fill(query);
      await page.locator('.search-form button').click();
    }
    return ((await page.locator('#search-status').textContent()) ?? '').trim();
  };

  it('counts and finds in German: one form for one, another for more', async () => {
    const siteDir = await buildSite();
    expect(await statusAfter(siteDir)).toMatch(/^\d+ Textstellen im Suchindex\.$/);
    expect(await statusAfter(siteDir, 'Lehrerin')).toBe('1 Stelle gefunden.');
    expect(await statusAfter(siteDir, 'Musterstadt')).toMatch(/^[2-9]\d* Stellen gefunden\.$/);
    expect(await statusAfter(siteDir, 'Zzzz')).toBe('0 Stellen gefunden.');
    expect(await statusAfter(siteDir, ' ')).toBe('Bitte ein Suchwort eingeben.');
    expect(problems).toEqual([]);
  }, 240_000);

  it('counts 0 with 1 in French, and speaks English when told', async () => {
    expect(await statusAfter(await buildSite('fr'), 'Zzzz')).toBe('0 passage trouvé.');
    const english = await buildSite('en');
    expect(await statusAfter(english, 'Lehrerin')).toBe('1 place found.');
    expect(await statusAfter(english, 'Musterstadt')).toMatch(/^\d+ places found\.$/);
    expect(problems).toEqual([]);
  }, 240_000);
});
