import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBundled } from './support/build.js';
import { all, attr, first, hasClass, parsePage } from './support/html.js';

describe('a build with a public address', () => {
  it('gives each document a canonical link and an absolute address to cite', async () => {
    const { siteDir } = await buildBundled({ baseUrl: 'https://edition.example.org/kaesong/' });
    const { document } = parsePage(readFileSync(path.join(siteDir, 'documents/1951-06-30-filippov-to-mao.html'), 'utf8'));
    const expected = 'https://edition.example.org/kaesong/documents/1951-06-30-filippov-to-mao.html';
    expect(attr(first(document, (el) => el.tagName === 'link' && attr(el, 'rel') === 'canonical')!, 'href')).toBe(expected);
    expect(attr(first(document, (el) => el.tagName === 'a' && hasClass(el, 'cite-url'))!, 'href')).toBe(expected);
    const meta = all(document, (el) => el.tagName === 'meta' && attr(el, 'name') === 'citation_public_url');
    expect(meta.map((m) => attr(m, 'content'))).toEqual([expected]);
  });

  it('cites documents by a relative address when no public address is configured', async () => {
    const { siteDir } = await buildBundled();
    const { document } = parsePage(readFileSync(path.join(siteDir, 'documents/1951-06-30-filippov-to-mao.html'), 'utf8'));
    expect(attr(first(document, (el) => el.tagName === 'a' && hasClass(el, 'cite-url'))!, 'href')).toBe('1951-06-30-filippov-to-mao.html');
    expect(first(document, (el) => el.tagName === 'link' && attr(el, 'rel') === 'canonical')).toBeUndefined();
  });
});
