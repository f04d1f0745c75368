// A document larger than a content document should be is cut into parts at its divisions (fixture
// fixtures/split/long.xml, built with a part limit of a few hundred bytes): the parts follow one another
// in the spine and together hold the text of the whole, each keeps the notes it refers to with the site's
// numbers, and every link that led into the document still leads to the same element, now in the part that
// holds it. The book checker writes a link that would not resolve as plain text, so links are counted
// against the same book built whole, not only checked for resolving.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePage, type Node } from '../build/support/html.js';
import { bookLinks, byAttr, documentParts, parseXmlFile, spinePaths, textOf, walk, type BookLink, type XNode } from './support/book.js';
import { epubcheck, hasEpubcheck } from './support/epubcheck.js';
import { buildFixture, fixturesDir, type BuiltBook } from './support/fixture.js';

const dir = path.join(fixturesDir, 'split');
const documents = [path.join(dir, 'long.xml'), path.join(dir, 'other.xml')];
const registers = [path.join(dir, 'persons.xml')];
/** Small enough that the fixture's sections, its third section's parts and its index cannot stay whole. */
const LIMIT = 1500;

let whole: BuiltBook;
let split: BuiltBook;
let parts: string[];

beforeAll(async () => {
  whole = await buildFixture(documents, registers);
  split = await buildFixture(documents, registers, { partLimit: LIMIT });
  parts = documentParts(split.oebps, 'long');
}, 120_000);

const tree = (book: BuiltBook, file: string): XNode => parseXmlFile(path.join(book.oebps, file));
const textSection = (root: XNode): XNode => [...walk(root)].find((n) => n.name === 'section' && n.attrs.class === 'text')!;
const hasClass = (n: XNode, c: string): boolean => (n.attrs.class ?? '').split(/\s+/).includes(c);
/** Where a link leads, whatever file holds it: the id, or the file when it names no id. */
const target = (l: BookLink): string => (l.to ? l.to.id || l.to.file : `unresolved ${l.href}`);
/** The words of an element without the edition's markers (class "ed": line numbers, note references). */
const words = (n: XNode): string => {
  const inner = (x: XNode | string): string => (typeof x === 'string' ? x : hasClass(x, 'ed') ? '' : x.children.map(inner).join(''));
  return inner(n).replace(/\s+/g, ' ').trim();
};
/** The content documents of long.xml, whole or in parts, counted as one. */
const source = (file: string): string => (/^documents\/long(--\d+)?\.xhtml$/.test(file) ? 'long' : file);

describe('a document larger than the part limit', () => {
  it('is written as several content documents, one after another in the spine, where the whole document was', () => {
    expect(documentParts(whole.oebps, 'long')).toEqual(['documents/long.xhtml']);
    expect(parts.length).toBeGreaterThan(4);
    expect(parts[0]).toBe('documents/long.xhtml');
    const spine = spinePaths(split.oebps);
    const at = spine.indexOf('documents/long.xhtml');
    expect(spine.slice(at, at + parts.length)).toEqual(parts);
    expect(spine[at + parts.length]).toBe('documents/other.xhtml');
    expect(spinePaths(whole.oebps).filter((p) => !parts.includes(p))).toEqual(spine.filter((p) => !parts.includes(p)));
  });

  it('keeps the text: the parts in order hold exactly the text of the whole document', () => {
    const wholeText = textOf(textSection(tree(whole, 'documents/long.xhtml')));
    const partTexts = parts.map((p) => textOf(textSection(tree(split, p))));
    expect(partTexts.every((t) => t.trim() !== '')).toBe(true);
    expect(partTexts.join('')).toBe(wholeText);
  });

  it('cuts at divisions, deeper where a division is too large, and between blocks only where a division holds none', () => {
    const partOf = (id: string): number => parts.findIndex((p) => [...walk(tree(split, p))].some((n) => n.attrs.id === id));
    // The third section is cut between its parts A, B and C.
    const [s3, a, b, c] = ['s3', 's3a', 's3b', 's3c'].map(partOf);
    expect(new Set([a, b, c]).size).toBe(3);
    expect([s3! <= a!, a! < b!, b! < c!]).toEqual([true, true, true]);
    // The fourth section starts a part of its own, with the page break before it.
    const s4 = tree(split, parts[partOf('s4')]!);
    const first = [...walk(textSection(s4))].find((n) => n.attrs.id);
    expect(first?.attrs.id).toBe('page-6');
    // A division is kept whole in one part unless it is too large: each id is in exactly one part.
    const ids = parts.flatMap((p) => [...walk(tree(split, p))].map((n) => n.attrs.id).filter((x): x is string => !!x && !['notes', 'notes-h', 'doc-title'].includes(x)));
    expect(ids.length).toBe(new Set(ids).size);
    // The index, one long numbered list, goes on in the next part where it stopped.
    const lists = parts.flatMap((p) => [...walk(tree(split, p))].filter((n) => n.name === 'ol' && hasClass(n, 'list')).map((ol) => ({ start: Number(ol.attrs.start ?? '1'), items: ol.children.filter((x): x is XNode => typeof x !== 'string' && x.name === 'li').length })));
    expect(lists.length).toBeGreaterThan(1);
    lists.slice(1).forEach((l, i) => expect(l.start).toBe(lists[i]!.start + lists[i]!.items));
    const wholeList = [...walk(tree(whole, 'documents/long.xhtml'))].find((n) => n.name === 'ol' && hasClass(n, 'list'))!;
    expect(lists.reduce((s, l) => s + l.items, 0)).toBe(wholeList.children.filter((x) => typeof x !== 'string' && x.name === 'li').length);
  });

  it('gives each part the footnotes it refers to, numbered as on the site, linked both ways', () => {
    const sitePage = parsePage(readFileSync(path.join(split.site, 'documents', 'long.html'), 'utf8')).document;
    const siteNotes: string[] = [];
    const visit = (n: Node): void => {
      if ('attrs' in n && n.nodeName === 'li' && /^note-\d+$/.test(n.attrs.find((x) => x.name === 'id')?.value ?? '')) {
        const num = n.childNodes.find((c) => 'attrs' in c && c.attrs.some((x) => x.name === 'class' && x.value.split(' ').includes('note-num')));
        siteNotes.push(`${n.attrs.find((x) => x.name === 'id')!.value}:${num ? siteText(num).trim() : ''}`);
      }
      if ('childNodes' in n) for (const c of n.childNodes) visit(c);
    };
    visit(sitePage);
    expect(siteNotes.length).toBe(9);
    const notesIn = (root: XNode): XNode[] => [...walk(root)].filter((n) => n.name === 'aside' && n.attrs['epub:type'] === 'footnote');
    const label = (a: XNode): string => `${a.attrs.id}:${textOf(a.children.find((c): c is XNode => typeof c !== 'string' && hasClass(c, 'note-num'))!).trim()}`;
    expect(parts.flatMap((p) => notesIn(tree(split, p)).map(label))).toEqual(siteNotes);
    expect(notesIn(tree(whole, 'documents/long.xhtml')).map(label)).toEqual(siteNotes);
    // Each note stands in the part of its reference (the note inside note 2 with note 2), so the pop-up
    // and the way back stay inside one content document; and more than one part has notes.
    const withNotes = parts.filter((p) => {
      const root = tree(split, p);
      for (const a of notesIn(root)) {
        const ref = [...walk(root)].find((n) => n.attrs.id === a.attrs.id!.replace('note-', 'noteref-'));
        expect(ref?.attrs.href, `${p}: ${a.attrs.id}`).toBe(`#${a.attrs.id}`);
        expect([...walk(a)].some((n) => n.name === 'a' && n.attrs.href === `#${ref!.attrs.id}`), `${p}: back from ${a.attrs.id}`).toBe(true);
      }
      return notesIn(root).length > 0;
    });
    expect(withNotes.length).toBeGreaterThan(3);
  });

  it('leaves every link of the book leading to the same element as in the whole document, and none written as text', () => {
    const before = bookLinks(whole.oebps).links.filter((l) => l.from !== 'nav.xhtml');
    const after = bookLinks(split.oebps).links.filter((l) => l.from !== 'nav.xhtml');
    expect(after.filter((l) => !l.to).map((l) => `${l.from}: ${l.href}`)).toEqual([]);
    expect(before.filter((l) => !l.to).map((l) => `${l.from}: ${l.href}`)).toEqual([]);
    const key = (l: BookLink): string => `${source(l.from)} | ${l.text} → ${source(target(l))}`;
    // Links to a file alone (the whole document) may now lead to its first part; all others keep their id.
    expect(after.map(key).sort()).toEqual(before.map(key).sort());
    expect(after.length).toBeGreaterThan(40);
    // The links that had to move: within the document, from the other document, the register and the apparatus.
    const moved = (from: string, text: string): BookLink => after.find((l) => l.from === from && l.text === text)!;
    const inPart = (l: BookLink, id: string): void => {
      expect(l.to?.id, l.href).toBe(id);
      expect(parts.indexOf(l.to!.file), l.href).toBeGreaterThan(0);
    };
    inPart(moved('documents/other.xhtml', 'part C of the long document'), 's3c');
    inPart(moved('documents/other.xhtml', 'its index'), 'index');
    expect(moved('documents/other.xhtml', 'the long document').to?.file).toBe('documents/long.xhtml');
    const fromFirst = after.find((l) => l.text === 'the fourth section')!;
    expect(parts.indexOf(fromFirst.from)).toBeLessThan(parts.indexOf(fromFirst.to!.file));
    inPart(fromFirst, 's4');
    const register = after.filter((l) => l.from === 'registers/persons.xhtml' && l.to?.file !== 'documents/other.xhtml' && l.to?.id);
    expect(register.length).toBeGreaterThanOrEqual(3);
    expect(new Set(register.map((l) => l.to!.file)).size).toBeGreaterThan(1);
    const apparatus = after.filter((l) => l.from === 'apparatus.xhtml' && l.to?.id === 'appref-1');
    expect(apparatus.length).toBe(1);
    inPart(apparatus[0]!, 'appref-1');
    const marker = after.find((l) => l.to?.id === 'long--app-1')!;
    expect(parts).toContain(marker.from);
  });

  it('lists the parts under their document in the table of contents, with the headings of their divisions', () => {
    const nav = tree(split, 'nav.xhtml');
    const toc = byAttr(nav, 'epub:type', 'toc')[0]!;
    const item = [...walk(toc)].find((n) => n.name === 'li' && n.children.some((c) => typeof c !== 'string' && c.name === 'a' && c.attrs.href === 'documents/long.xhtml' && textOf(c) === 'A long document in divisions'))!;
    const entries = (li: XNode): { label: string; href: string; children: ReturnType<typeof entries> }[] => {
      const ol = li.children.find((c): c is XNode => typeof c !== 'string' && c.name === 'ol');
      return (ol?.children ?? []).filter((c): c is XNode => typeof c !== 'string' && c.name === 'li').map((c) => {
        const a = c.children.find((x): x is XNode => typeof x !== 'string' && x.name === 'a')!;
        return { label: textOf(a), href: a.attrs.href!, children: entries(c) };
      });
    };
    const list = entries(item);
    expect(list.map((e) => e.label)).toEqual(['Preface', 'First section', 'Second section', 'Third section, in three parts', 'Fourth section', 'Index']);
    expect(list[3]!.children.map((e) => e.label)).toEqual(['Part A', 'Part B', 'Part C']);
    // A part that begins inside a division cut between its blocks is listed as its continuation.
    expect(list[1]!.children.map((e) => e.label)).toEqual(['First section (continued)']);
    expect(list[5]!.children.map((e) => e.label)).toEqual(['Index (continued)']);
    const all = (l: typeof list): typeof list => l.flatMap((e) => [e, ...all(e.children)]);
    for (const e of all(list)) {
      const [file, id] = e.href.split('#') as [string, string?];
      expect(parts, e.href).toContain(file);
      if (!id) continue;
      const division = [...walk(tree(split, file))].find((n) => n.attrs.id === id)!;
      expect(division.name, e.href).toBe('section');
      const head = division.children.find((c): c is XNode => typeof c !== 'string' && /^h\d$/.test(c.name))!;
      expect(words(head), e.href).toBe(e.label);
    }
    // Every part is reached from the table of contents.
    expect(new Set(all(list).map((e) => e.href.split('#')[0]!).concat('documents/long.xhtml'))).toEqual(new Set(parts));
  });

  it('titles each part and lets only the first open the chapter', () => {
    const titles = parts.map((p) => textOf([...walk(tree(split, p))].find((n) => n.name === 'title')!));
    expect(titles).toEqual(parts.map((_, i) => `A long document in divisions, part ${i + 1} of ${parts.length}`));
    const chapters = parts.map((p) => byAttr(tree(split, p), 'epub:type', 'chapter').length);
    expect(chapters).toEqual(parts.map((_, i) => (i === 0 ? 1 : 0)));
    // The metadata and the link to the apparatus close the last part, as they close the whole document.
    const last = tree(split, parts.at(-1)!);
    expect([...walk(last)].some((n) => n.attrs.id === 'metadata')).toBe(true);
    expect(parts.slice(0, -1).some((p) => [...walk(tree(split, p))].some((n) => n.attrs.id === 'metadata'))).toBe(false);
  });

  it('puts endnotes in the part that refers to them, each keeping its number', async () => {
    const endnotes = await buildFixture(documents, registers, { partLimit: LIMIT, notes: 'endnotes' }, ['epub']);
    const endParts = documentParts(endnotes.oebps, 'long');
    expect(endParts).toEqual(parts);
    const items = endParts.map((p) => {
      const root = tree(endnotes, p);
      const section = byAttr(root, 'epub:type', 'endnotes')[0];
      const lis = section ? [...walk(section)].filter((n) => n.name === 'li' && n.attrs['epub:type'] === 'endnote') : [];
      for (const li of lis) {
        expect(li.attrs.value).toBe(li.attrs.id!.replace('note-', ''));
        expect([...walk(root)].find((n) => n.attrs.id === li.attrs.id!.replace('note-', 'noteref-'))?.attrs.href).toBe(`#${li.attrs.id}`);
      }
      return lis.map((li) => li.attrs.id);
    });
    expect(items.flat()).toEqual(Array.from({ length: 9 }, (_, i) => `note-${i + 1}`));
    expect(items.filter((l) => l.length).length).toBeGreaterThan(3);
    if (hasEpubcheck) expect((await epubcheck(endnotes.epub)).messages).toEqual([]);
  }, 120_000);

  it('gives the same bytes on a second build', async () => {
    const again = await buildFixture(documents, registers, { partLimit: LIMIT }, ['epub']);
    expect(Buffer.compare(readFileSync(again.epub), readFileSync(split.epub))).toBe(0);
  }, 120_000);

  it.skipIf(!hasEpubcheck)('passes epubcheck with no errors and no warnings (needs epubcheck)', async () => {
    const result = await epubcheck(split.epub);
    expect(result.messages).toEqual([]);
    expect([result.fatals, result.errors, result.warnings]).toEqual([0, 0, 0]);
  }, 120_000);
});

function siteText(n: Node): string {
  if (n.nodeName === '#text') return (n as unknown as { value: string }).value;
  return 'childNodes' in n ? n.childNodes.map(siteText).join('') : '';
}
