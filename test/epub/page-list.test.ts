// The page list against the source's page breaks (fixture fixtures/split/long.xml: breaks at the start of
// the body, inside a paragraph, between paragraphs, between divisions, one without a number and one in a
// note): one entry per numbered break of the text, in order, labelled with its number, each leading to a
// page-break marker placed where the page begins, in the content document that holds those words; the
// same when the document is cut into parts.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bookLinks, byAttr, parseXmlFile, textOf, walk, type XNode } from './support/book.js';
import { buildFixture, fixturesDir, type BuiltBook } from './support/fixture.js';

const dir = path.join(fixturesDir, 'split');
const source = path.join(dir, 'long.xml');
const documents = [source, path.join(dir, 'other.xml')];
const registers = [path.join(dir, 'persons.xml')];
const WORDS = 3;

interface Break {
  n: string;
  /** The first words of the page, as the source has them (notes aside, the first witness's reading). */
  next: string;
}

const TEI_BLOCKS = new Set(['head', 'p', 'div', 'list', 'item', 'lg', 'l', 'ab', 'front', 'body', 'back']);

/** The numbered page breaks of the source's text in order, each with the words that follow it; breaks inside notes apart. */
function sourceBreaks(file: string): { text: Break[]; inNotes: string[] } {
  const root = parseXmlFile(file);
  const text = [...walk(root)].find((n) => n.name === 'text')!;
  const tokens: (string | { pb: string })[] = [];
  const inNotes: string[] = [];
  const visit = (n: XNode | string, inNote: boolean): void => {
    if (typeof n === 'string') {
      if (!inNote) tokens.push(n);
      return;
    }
    if (n.name === 'pb') {
      if (n.attrs.n === undefined) return;
      if (inNote) inNotes.push(n.attrs.n);
      else tokens.push({ pb: n.attrs.n });
      return;
    }
    const block = TEI_BLOCKS.has(n.name);
    if (block) tokens.push(' ');
    // The book's reading text is the first witness's: the other readings are in the apparatus.
    const children = n.name === 'app' ? n.children.filter((c) => typeof c !== 'string').slice(0, 1) : n.children;
    for (const c of children) visit(c, inNote || n.name === 'note');
    if (block) tokens.push(' ');
  };
  visit(text, false);
  return { text: breaksIn(tokens), inNotes };
}

function breaksIn(tokens: (string | { pb: string })[]): Break[] {
  return tokens.flatMap((t, i) => {
    if (typeof t === 'string') return [];
    const after = tokens.slice(i + 1).filter((x): x is string => typeof x === 'string').join('');
    return [{ n: t.pb, next: after.split(/\s+/).filter(Boolean).slice(0, WORDS).join(' ') }];
  });
}

const XHTML_BLOCKS = new Set(['section', 'div', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ol', 'ul', 'li', 'blockquote', 'aside']);
const classes = (n: XNode): string[] => (n.attrs.class ?? '').split(/\s+/);

/** The words after the page-break marker `id` in a content document's text, the edition's own markers (class "ed") aside. */
function wordsAfter(root: XNode, id: string): string {
  const tokens: (string | { pb: string })[] = [];
  const visit = (n: XNode | string): void => {
    if (typeof n === 'string') return void tokens.push(n);
    if (n.attrs.id === id) return void tokens.push({ pb: id });
    if (classes(n).includes('ed')) return;
    const block = XHTML_BLOCKS.has(n.name);
    if (block) tokens.push(' ');
    n.children.forEach(visit);
    if (block) tokens.push(' ');
  };
  visit([...walk(root)].find((n) => n.name === 'section' && n.attrs.class === 'text')!);
  return breaksIn(tokens)[0]?.next ?? '';
}

describe('the page list', () => {
  const expected = sourceBreaks(source);
  const books: { name: string; book?: BuiltBook; partLimit?: number }[] = [{ name: 'the document whole' }, { name: 'the document in parts', partLimit: 1500 }];

  beforeAll(async () => {
    for (const b of books) b.book = await buildFixture(documents, registers, b.partLimit ? { partLimit: b.partLimit } : {}, ['epub']);
  }, 120_000);

  it('is checked against a source with breaks in every place the text can have them', () => {
    expect(expected.text.map((b) => b.n)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(expected.text.find((b) => b.n === '2')!.next).toBe('in the middle');
    expect(expected.inNotes).toEqual(['5a']);
  });

  for (const b of books) {
    it(`has one entry per numbered page break, in order, each leading to its marker where the page begins: ${b.name}`, () => {
      const oebps = b.book!.oebps;
      const { links, trees } = bookLinks(oebps);
      const list = byAttr(trees.get('nav.xhtml')!, 'epub:type', 'page-list')[0]!;
      expect(list.attrs.role).toBe('doc-pagelist');
      const entries = [...walk(list)].filter((n) => n.name === 'a');
      expect(entries.map((a) => textOf(a))).toEqual(expected.text.map((x) => x.n));
      const fromNav = links.filter((l) => l.from === 'nav.xhtml' && entries.includes(l.a));
      expect(fromNav.length).toBe(entries.length);
      const files = new Set<string>();
      fromNav.forEach((l, i) => {
        const marker = l.to?.node;
        expect(marker, l.href).toBeDefined();
        expect(marker!.attrs['epub:type'], l.href).toBe('pagebreak');
        expect(marker!.attrs.role, l.href).toBe('doc-pagebreak');
        expect(marker!.attrs['aria-label'], l.href).toBe(expected.text[i]!.n);
        // In the content document that holds the first words of the page, right before them.
        expect(wordsAfter(parseXmlFile(path.join(oebps, l.to!.file)), l.to!.id), l.href).toBe(expected.text[i]!.next);
        files.add(l.to!.file);
      });
      if (b.partLimit) expect(files.size).toBeGreaterThan(3);
      else expect([...files]).toEqual(['documents/long.xhtml']);
      // No other marker: the break without a number and the one inside a note stay as they are in the text.
      const all = [...trees.values()].flatMap((t) => [...walk(t)]);
      expect(all.filter((n) => n.attrs['epub:type'] === 'pagebreak').map((m) => m.attrs['aria-label'])).toEqual(expected.text.map((x) => x.n));
      const notes = all.filter((n) => n.name === 'aside');
      expect(notes.some((a) => textOf(a).includes('[5a]'))).toBe(true);
      // The package says the book has page-break markers and a page list.
      const opf = parseXmlFile(path.join(oebps, 'package.opf'));
      const features = [...walk(opf)].filter((n) => n.name === 'meta' && n.attrs.property === 'schema:accessibilityFeature').map(textOf);
      expect(features).toEqual(expect.arrayContaining(['pageBreakMarkers', 'pageNavigation']));
    });
  }
});
