// The book's notes and apparatus entries come from the one apparatus renderer (render-entries.ts, EPUB
// flavour) and the document's apparatus model, never from the site's lists of notes and entries. Fixture
// fixtures/entries/entries.xml has entries whose markers stand inside other entries (a note in a note, notes
// in a critical entry, an app in a note, an app in a reading), so some links cross content documents: from
// the apparatus content document to a document's notes and back, between the parts of a document cut into
// parts. Each entry keeps its id and label, its words are the site's, and it links to its one marker and
// back, with footnotes and with endnotes, whole and in parts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { markerHosts } from '../../src/render/apparatus/render-entries.js';
import { parseXhtml } from '../../src/render/epub/dom.js';
import type { ApparatusEntry, EditionApparatus } from '../../src/transform/apparatus/model.js';
import { attr, byId, normalise, parsePage, textOf as siteText, type Element } from '../build/support/html.js';
import { labelLink } from '../apparatus/support/site-entries.js';
import { bookLinks, documentParts, walk, textOf, type XNode } from './support/book.js';
import { epubcheck, hasEpubcheck } from './support/epubcheck.js';
import { buildFixture, fixturesDir, type BuiltBook } from './support/fixture.js';

const documents = [path.join(fixturesDir, 'entries', 'entries.xml')];
const STEM = 'entries';
/** Small enough that each division of the fixture is a part of its own. */
const LIMIT = 1200;

interface Book {
  name: string;
  built: BuiltBook;
  placement: 'footnotes' | 'endnotes';
  parts: string[];
}

let books: Book[] = [];
let model: EditionApparatus;
let site: ReturnType<typeof parsePage>['document'];

beforeAll(async () => {
  const whole = await buildFixture(documents);
  model = JSON.parse(readFileSync(path.join(whole.out, 'apparatus', 'apparatus.json'), 'utf8')) as EditionApparatus;
  site = parsePage(readFileSync(path.join(whole.site, 'documents', `${STEM}.html`), 'utf8')).document;
  const made: [string, BuiltBook, 'footnotes' | 'endnotes'][] = [
    ['footnotes, whole', whole, 'footnotes'],
    ['footnotes, in parts', await buildFixture(documents, [], { partLimit: LIMIT }, ['epub']), 'footnotes'],
    ['endnotes, whole', await buildFixture(documents, [], { notes: 'endnotes' }, ['epub']), 'endnotes'],
    ['endnotes, in parts', await buildFixture(documents, [], { notes: 'endnotes', partLimit: LIMIT }, ['epub']), 'endnotes'],
  ];
  books = made.map(([name, built, placement]) => ({ name, built, placement, parts: documentParts(built.oebps, STEM) }));
}, 240_000);

const classes = (n: XNode): string[] => (n.attrs.class ?? '').split(/\s+/).filter(Boolean);
const BLOCK = /^(p|div|li|br|h\d|section|blockquote|dt|dd|td|th|aside)$/;

/** The words of an entry of the book after its label: the site's rule (entryWords), on the book's tree. */
function bookWords(item: XNode): string {
  const label = item.children.find((c): c is XNode => typeof c !== 'string' && c.name === 'a');
  const text = (n: XNode | string): string => {
    if (typeof n === 'string') return n;
    if (n === label || classes(n).includes('backref')) return '';
    const inner = n.children.map(text).join('');
    return n !== item && BLOCK.test(n.name) ? ` ${inner} ` : inner;
  };
  return normalise(text(item));
}

function siteWords(item: Element): string {
  const label = labelLink(item);
  return normalise(siteText(item, { skip: (el) => el === label || (attr(el, 'class') ?? '').split(/\s+/).includes('backref') }));
}

/** Where an entry or its marker is in the book: in the document's parts under its own id, or in the apparatus with the stem before it. */
function placesOf(book: Book, trees: Map<string, XNode>, id: string): { file: string; node: XNode }[] {
  const out: { file: string; node: XNode }[] = [];
  for (const [file, tree] of trees) {
    const wanted = book.parts.includes(file) ? id : file === 'apparatus.xhtml' ? `${STEM}--${id}` : undefined;
    if (wanted === undefined) continue;
    for (const n of walk(tree)) if (n.attrs.id === wanted) out.push({ file, node: n });
  }
  return out;
}

const entries = (): ApparatusEntry[] => model.documents.find((d) => d.document === STEM)!.entries;

describe('notes and apparatus entries in the EPUB, drawn from the apparatus model', () => {
  it('has markers inside other entries, in the text and in the apparatus', () => {
    // What the fixture is for: these markers stand inside other entries' words (the marker of the note in the
    // second witness's reading stands in the text, where the book shows the variant).
    const hosts = markerHosts(model.documents.find((d) => d.document === STEM)!);
    expect(Object.fromEntries(hosts)).toEqual({ 'note-2': 'note-1', 'note-3': 'app-1', 'note-4': 'app-1', 'app-2': 'note-5', 'app-4': 'app-3' });
    expect(books.map((b) => [b.name, b.parts.length > 1])).toEqual([
      ['footnotes, whole', false],
      ['footnotes, in parts', true],
      ['endnotes, whole', false],
      ['endnotes, in parts', true],
    ]);
  });

  it('keeps every entry once, with its id, its label and the site\'s words, linked to its one marker and back', () => {
    let checked = 0;
    for (const book of books) {
      const { links, trees } = bookLinks(book.built.oebps);
      const leadsTo = (from: string, a: XNode, place: { file: string; node: XNode }): boolean => {
        const link = links.find((l) => l.from === from && l.a === a);
        return link?.to?.file === place.file && link.to.node === place.node;
      };
      for (const e of entries()) {
        const where = `${book.name}: ${e.localId}`;
        const found = placesOf(book, trees, e.localId);
        expect(found.length, `${where}: one entry`).toBe(1);
        const markers = placesOf(book, trees, e.markerId);
        expect(markers.length, `${where}: one marker`).toBe(1);
        const entry = found[0]!;
        const marker = markers[0]!;
        // Notes at the end of their document, the other series in the apparatus.
        if (e.series === 'explanatory') {
          expect(book.parts, where).toContain(entry.file);
          expect([entry.node.name, entry.node.attrs['epub:type']], where).toEqual(book.placement === 'footnotes' ? ['aside', 'footnote'] : ['li', 'endnote']);
          if (book.placement === 'footnotes') expect(entry.node.attrs.role, where).toBe('doc-footnote');
          else expect(entry.node.attrs.value, where).toBe(String(e.number));
          expect([marker.node.attrs['epub:type'], marker.node.attrs.role], where).toEqual(['noteref', 'doc-noteref']);
        } else {
          expect(entry.file, where).toBe('apparatus.xhtml');
        }
        const label = entry.node.children.find((c): c is XNode => typeof c !== 'string' && c.name === 'a')!;
        expect(textOf(label).trim(), where).toBe(e.label);
        expect(leadsTo(entry.file, label, marker), `${where}: the label leads to the marker`).toBe(true);
        expect(leadsTo(marker.file, marker.node, entry), `${where}: the marker leads to the entry`).toBe(true);
        expect(marker.node.attrs['data-number'], where).toBe(String(e.number));
        const onSite = byId(site, e.localId)!;
        expect(bookWords(entry.node), `${where}: words`).toBe(siteWords(onSite));
        checked++;
      }
      // No link of the book was written as text for want of a target.
      expect(links.filter((l) => l.to === undefined).map((l) => `${l.from}: ${l.href}`), book.name).toEqual([]);
    }
    expect(checked).toBe(4 * 13);
  });

  it('puts the markers that stand inside other entries where those entries are, across content documents', () => {
    const book = books.find((b) => b.name === 'footnotes, in parts')!;
    const { trees } = bookLinks(book.built.oebps);
    const markerFile = (markerId: string): string => placesOf(book, trees, markerId)[0]!.file;
    const noteFile = (noteId: string): string => placesOf(book, trees, noteId)[0]!.file;
    const byXml = (text: string): ApparatusEntry => entries().find((e) => e.note.text.includes(text) || e.readings.some((r) => r.text.includes(text)))!;
    // A note in a reading beside the lemma and a note beside the readings: markers in the critical entry.
    expect(markerFile(byXml('A note in a reading beside the lemma.').markerId)).toBe('apparatus.xhtml');
    expect(markerFile(byXml('A note beside the readings.').markerId)).toBe('apparatus.xhtml');
    // An app in a note: its marker in the note, in the part that holds the note.
    const inNote = entries().find((e) => e.series === 'critical' && e.readings.some((r) => r.text === 'another word'))!;
    expect(markerFile(inNote.markerId)).toBe(noteFile(byXml('A gloss').localId));
    // A note inside a note goes with it.
    expect(noteFile(byXml('A note inside the first note.').localId)).toBe(noteFile(byXml('The first note').localId));
    // An app in a reading of another app: its marker in the outer critical entry.
    const nested = entries().find((e) => e.series === 'critical' && e.readings.some((r) => r.text === 'nested'))!;
    expect(markerFile(nested.markerId)).toBe('apparatus.xhtml');
    // The note in the reading of the second witness keeps its marker in the text, at its variant.
    expect(book.parts).toContain(markerFile(byXml('A note in the reading of the second witness only.').markerId));
  });

  it.skipIf(!hasEpubcheck)('gives books that pass epubcheck with no errors and no warnings (needs epubcheck)', async () => {
    const results = await Promise.all(books.map((b) => epubcheck(b.built.epub)));
    results.forEach((r, i) => {
      expect(r.messages, books[i]!.name).toEqual([]);
      expect([r.fatals, r.errors, r.warnings], books[i]!.name).toEqual([0, 0, 0]);
    });
  }, 240_000);
});

describe('parseXhtml', () => {
  const type = (nodes: ReturnType<typeof parseXhtml>): (string | undefined)[] =>
    nodes.flatMap((n) => (n.kind === 'element' ? [n.attrs.get('epub:type')] : []));

  it('reads the renderer\'s XHTML as XML, keeping epub:type', () => {
    const nodes = parseXhtml('<aside id="note-1" epub:type="footnote" lang="de" xml:lang="de"><a href="#noteref-1">1</a> Text<br/>more.</aside>\n<aside epub:type="footnote">x</aside>');
    expect(type(nodes)).toEqual(['footnote', 'footnote']);
    const aside = nodes[0]!;
    expect(aside.kind === 'element' && [...aside.attrs.keys()]).toEqual(['id', 'epub:type', 'lang']);
  });

  it('reads HTML that is not well-formed as HTML, keeping epub:type all the same', () => {
    expect(type(parseXhtml('<aside epub:type="footnote">a<br>b</aside>'))).toEqual(['footnote']);
  });
});
