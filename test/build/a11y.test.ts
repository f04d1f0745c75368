// Accessibility of the site, checked by axe-core in Debian's Chromium: the home page, a document, a
// register and the search page (with results shown) have no violation of WCAG 2.2 levels A and AA, at
// desktop and phone widths.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundled } from './support/build.js';
import { haveBrowser, launchChromium } from '../helpers/browser.js';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

type Browser = import('playwright-core').Browser;
type Page = import('playwright-core').Page;
let browser: Browser;
let siteDir: string;

const PAGES: { name: string; file: string; prepare?: (page: Page) => Promise<void> }[] = [
  { name: 'the home page', file: 'index.html' },
  { name: 'a document (the reply, with its witness switch and apparatus)', file: 'documents/1951-07-01-kim-peng-to-ridgway.html' },
  { name: 'a document (the telegram, with notes)', file: 'documents/1951-06-30-filippov-to-mao.html' },
  { name: 'a register', file: 'registers/persons.html' },
  {
    name: 'the search page with results',
    file: 'search.html',
    prepare: async (page) => {
      await page.locator('#q').fill('Ridgway');
      await page.locator('.search-form button').click();
      await page.locator('#search-results li').first().waitFor();
    },
  },
];

async function violations(width: number, file: string, prepare?: (page: Page) => Promise<void>): Promise<string[]> {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(pathToFileURL(path.join(siteDir, file)).href);
    await prepare?.(page);
    const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ') ?? v.help}`));
  } finally {
    await context.close();
  }
}

describe.skipIf(!haveBrowser)(`axe-core, WCAG 2.2 A and AA${haveBrowser ? '' : ' (skipped: needs /usr/bin/chromium, Debian’s Chromium; no browser is downloaded)'}`, () => {
  beforeAll(async () => {
    ({ siteDir } = await buildBundled({ only: ['site'] }));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const { name, file, prepare } of PAGES)
    for (const width of [1280, 390])
      it(`finds no violation on ${name} at ${width} px`, async () => {
        expect(await violations(width, file, prepare)).toEqual([]);
      });
});
