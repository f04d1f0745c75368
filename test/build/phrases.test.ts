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

  it('shows what an empty pointer points to: its target as a link when it resolves, as text when not', () => {
    expect(paragraph('p-ref')).toBe('Im Sommer (1889-09-08) und (#p-space) und #p-space.');
    const links = all(byId(site.page('documents/spacing.html').document, 'p-ref')!, (el) => el.tagName === 'a' && attr(el, 'class') === 'ref' && hasText(el));
    expect(links.map((a) => attr(a, 'href'))).toEqual(['#p-space', '#p-space']);
  });
});

function hasText(el: Parameters<typeof textOf>[0]): boolean {
  return normalise(textOf(el)) !== '';
}
