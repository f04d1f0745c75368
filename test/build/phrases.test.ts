// Phrase-level rendering found in real letters: a <space/> between words kept apart by elements, and
// pointers without text of their own (fixture: fixtures/phrases/spacing.xml).
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { all, attr, byId, normalise, textOf } from './support/html.js';
import { buildFolder, type FolderSite } from './support/folder-site.js';

const fixture = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures', 'phrases', 'spacing.xml');

describe('phrases', () => {
  let site: FolderSite;
  beforeAll(async () => {
    site = await buildFolder([fixture]);
  }, 120_000);

  const paragraph = (id: string): string => {
    const doc = site.page('documents/spacing.html').document;
    return normalise(textOf(byId(doc, id)!, { skip: (el) => attr(el, 'class')?.split(' ').includes('ed') ?? false }));
  };

  it('renders a space element as a space between the words it separates', () => {
    expect(paragraph('p-space')).toBe('düster, so kunstvoll');
  });

  it('makes an empty pointer a small named arrow when it resolves, and leaves it out when not: never its raw target as words', () => {
    expect(paragraph('p-ref')).toBe('Im Sommer () und () und .');
    const links = all(byId(site.page('documents/spacing.html').document, 'p-ref')!, (el) => el.tagName === 'a' && attr(el, 'class') === 'ref ptr ed');
    expect(links.map((a) => attr(a, 'href'))).toEqual(['#p-space', '#p-space']);
    expect(links.map((a) => normalise(textOf(a)))).toEqual(['→', '→']);
    // A German text, a German interface: the arrow is named in German (the label linkTo).
    expect(links.every((a) => (attr(a, 'aria-label') ?? '').startsWith('Verweis: '))).toBe(true);
  });
});
