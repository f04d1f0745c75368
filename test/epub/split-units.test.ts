// The cutting of a text into parts, on small trees: where a part may begin, what stays whole, and how
// links find the part that holds their target.
import { describe, expect, it } from 'vitest';
import { el, elements, parseHtml, serialise, textOf, type Element, type Node } from '../../src/render/epub/dom.js';
import { redirectIntoParts, splitText } from '../../src/render/epub/split.js';

const words = (n: number, w = 'word'): string => Array.from({ length: n }, () => w).join(' ');
const division = (id: string, ...children: Node[]): Element => el('section', { class: 'div', id }, children);
const body = (...children: Node[]): Node[] => [el('div', { class: 'body' }, children)];
const ids = (nodes: readonly Node[]): string[] => [...elements(nodes)].map((e) => e.attrs.get('id')).filter((x): x is string => x !== undefined);

describe('cutting a text into parts', () => {
  it('keeps a division that is too large but holds nothing to cut at whole, in a part of its own', () => {
    const text = body(division('a', el('h2', {}, ['A']), el('p', { id: 'big' }, [words(200)])), division('b', el('p', {}, ['small'])), division('c', el('p', {}, ['small'])));
    const split = splitText(text, new Map(), 300)!;
    expect(split.parts.map((p) => ids(p).filter((x) => /^[a-z]$/.test(x) || x === 'big'))).toEqual([['a', 'big'], ['b', 'c']]);
    expect(textOf(split.parts.flat())).toBe(textOf(text));
  });

  it('does not cut a text without divisions and with a single block', () => {
    expect(splitText(body(el('p', {}, [words(500)])), new Map(), 100)).toBeUndefined();
  });

  it('never ends a part with a heading or a page break: they go with the division they lead into', () => {
    const text = body(
      division('a', el('p', {}, [words(40)])),
      el('span', { class: 'pb ed', id: 'page-2' }, ['[2]']),
      division('b', el('h2', { id: 'hb' }, ['B']), division('b1', el('p', {}, [words(40)])), division('b2', el('p', {}, [words(40)]))),
    );
    const split = splitText(text, new Map(), 260)!;
    const starts = split.parts.map((p) => ids(p)[0]);
    expect(starts).toEqual(['a', 'page-2', 'b2']);
    expect(ids(split.parts[1]!)).toEqual(['page-2', 'b', 'hb', 'b1']);
    // The division cut in two is repeated around the rest of it, without its id.
    expect(serialise(split.parts[2]!)).toMatch(/^<div class="body"><section class="div"><section class="div" id="b2">/);
  });

  it('puts each note in the part of its first reference, and a note inside a note with it', () => {
    const notes = new Map<string, Element>([
      ['note-1', el('li', { id: 'note-1' }, ['first', el('a', { href: '#note-2' }, ['2'])])],
      ['note-2', el('li', { id: 'note-2' }, ['inner'])],
      ['note-3', el('li', { id: 'note-3' }, ['third'])],
      ['note-4', el('li', { id: 'note-4' }, ['referred to by nothing'])],
    ]);
    const ref = (n: number): Element => el('a', { href: `#note-${n}`, id: `noteref-${n}` }, [String(n)]);
    const text = body(division('a', el('p', {}, [words(30), ref(1)])), division('b', el('p', {}, [words(30), ref(3)])));
    const split = splitText(text, notes, 200)!;
    expect(split.parts.length).toBe(2);
    expect(Object.fromEntries(split.notePart)).toEqual({ 'note-1': 0, 'note-2': 0, 'note-3': 1, 'note-4': 1 });
  });

  it('sends links into a document in parts to the part that holds the target, from any folder, leaving the rest alone', () => {
    const docs = [
      { path: 'documents/x.xhtml', body: parseHtml('<a href="#late">late</a><a href="#early" id="early">early</a>') },
      { path: 'documents/x--2.xhtml', body: parseHtml('<p id="late"></p><a href="x.xhtml#early">back</a><a href="#100%">odd</a>') },
      { path: 'registers/r.xhtml', body: parseHtml('<a href="../documents/x.xhtml#late">r</a><a href="../documents/x.xhtml">whole</a><a href="https://example.org/x.xhtml#late">web</a>') },
    ];
    redirectIntoParts(docs, [{ paths: ['documents/x.xhtml', 'documents/x--2.xhtml'], idHome: new Map([['late', 'documents/x--2.xhtml'], ['early', 'documents/x.xhtml']]) }]);
    const hrefs = docs.map((d) => [...serialise(d.body).matchAll(/href="([^"]*)"/g)].map((m) => m[1]));
    expect(hrefs).toEqual([['x--2.xhtml#late', '#early'], ['x.xhtml#early', '#100%'], ['../documents/x--2.xhtml#late', '../documents/x.xhtml', 'https://example.org/x.xhtml#late']]);
  });
});
