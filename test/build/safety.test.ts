// Hostile or odd input: text stays text, only http, https, mailto and relative links become links,
// and file names cannot lead outside the site folder.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEdition } from '../../src/package/build-edition.js';
import { isSafeOutputPath as isSafeSitePath } from '../../src/package/write-outputs.js';
import { projectRoot } from '../helpers/paths.js';
import { temporaryFolder } from './support/build.js';
import { all, attr, first, normalise, parsePage, textOf, type ParsedPage } from './support/html.js';

const fixture = path.join(projectRoot, 'test/fixtures/build/hostile');
let parsed: ParsedPage;
let siteDir: string;

beforeAll(async () => {
  siteDir = path.join(temporaryFolder(), 'site');
  const result = await buildEdition({ mode: 'paths', documents: [path.join(fixture, 'odd name (1).xml')], registers: [], siteDir, schematron: [], ruleLevels: {}, strict: false, dateFrom: fixture });
  expect(result.failure).toBeUndefined();
  expect(result.status).toBe('built');
  parsed = parsePage(readFileSync(path.join(siteDir, 'documents', 'odd_name_1_.html'), 'utf8'));
});

describe('a build of hostile input', () => {
  it('names the page after the file with only safe characters', () => {
    expect(readdirSync(path.join(siteDir, 'documents'))).toEqual(['odd_name_1_.html']);
  });

  it('keeps markup-like text as text', () => {
    expect(parsed.errors).toEqual([]);
    const scripts = all(parsed.document, (el) => el.tagName === 'script');
    for (const s of scripts) expect(attr(s, 'src') !== undefined || attr(s, 'type') === 'application/ld+json').toBe(true);
    const title = first(parsed.document, (el) => el.tagName === 'h1')!;
    expect(normalise(textOf(title))).toBe('A title with </title><script>alert(1)</script> in it');
    const text = normalise(textOf(first(parsed.document, (el) => (attr(el, 'class') ?? '') === 'text')!));
    expect(text).toContain('Text with <script>alert("text")</script> and &amp; in it.');
    const ld = first(parsed.document, (el) => el.tagName === 'script' && attr(el, 'type') === 'application/ld+json')!;
    expect((JSON.parse(textOf(ld)) as { name: string }).name).toBe('A title with </title><script>alert(1)</script> in it');
  });

  it('links only http, https, mailto and relative addresses', () => {
    const hrefs = all(parsed.document, (el) => el.tagName === 'a').map((a) => attr(a, 'href') ?? '');
    expect(hrefs.filter((h) => /^(javascript|data|vbscript|file):/i.test(h))).toEqual([]);
    expect(hrefs).toContain('https://example.org/page?a=1&b=2');
    expect(hrefs).toContain('mailto:editors@example.org');
    expect(all(parsed.document, (el) => el.attrs.some((a) => a.name.startsWith('on')))).toEqual([]);
  });

  it('keeps the text of elements it has no rule for', () => {
    const text = normalise(textOf(first(parsed.document, (el) => (attr(el, 'class') ?? '') === 'text')!));
    expect(text).toContain('An unknown element and fremde Wörter');
    expect(text).toContain('script link');
  });

  it('refuses output paths that leave the site folder', () => {
    for (const p of ['../x.html', '/etc/passwd', 'a/../../b.html', 'a\\b.html', '', 'documents/ok.html'])
      expect(isSafeSitePath(p), p).toBe(p === 'documents/ok.html');
  });
});
