// The apparatus renderer on small hand-made model entries: the words and labels of each flavour, the
// rewrites of the model's HTML (links, ids, markers), escaping, and XHTML for the EPUB.
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { rewriteIds, rewriteLinks, toXhtml } from '../../src/render/html-rewrite.js';
import { epubApparatus, epubNotes, markerHosts, printEntries, renderEntry, siteOptions, siteSections, type RenderOptions } from '../../src/render/apparatus/render-entries.js';
import type { ApparatusEntry, ApparatusReading, DocumentApparatus } from '../../src/transform/apparatus/model.js';
import { all, attr, first, hasClass, normalise, parsePage, textOf, type Element } from '../build/support/html.js';

function reading(kind: 'lem' | 'rdg', html: string, sigla: string[], extra: Partial<ApparatusReading> = {}): ApparatusReading {
  const text = normalise(html.replace(/<[^>]*>/g, ''));
  return { kind, text, html, empty: text === '' ? 'om.' : '', witnesses: sigla.map((s) => `edition.xml#wit-${s}`), sigla, sources: [], type: '', resp: '', segments: [text], ...extra };
}

function entry(series: ApparatusEntry['series'], number: number, extra: Partial<ApparatusEntry> = {}): ApparatusEntry {
  const prefix = series === 'explanatory' ? 'note' : series === 'textual' ? 'tn' : 'app';
  return {
    id: `doc.${prefix}-${number}`, localId: `${prefix}-${number}`, markerId: `${prefix}ref-${number}`, document: 'doc', series, number,
    label: series === 'textual' ? String.fromCharCode(96 + number) : String(number), element: series === 'explanatory' ? 'note' : series === 'textual' ? 'supplied' : 'app',
    xmlId: '', type: '', line: 3, anchorText: '', lemma: '', readings: [], note: { html: '', text: '' }, resp: '', ...extra,
  };
}

function documentOf(entries: ApparatusEntry[], witnesses: string[] = []): DocumentApparatus {
  return { document: 'doc', title: 'A document', witnesses: witnesses.map((s) => ({ key: `edition.xml#wit-${s}`, siglum: s })), lines: 10, text: [], entries };
}

function parsed(html: string): Element {
  return first(parsePage(`<!DOCTYPE html><body><div id="f">${html}</div>`).document, (el) => attr(el, 'id') === 'f')!;
}

const words = (el: Element): string => normalise(textOf(el));
const NOTE_MARKER = (n: number): string => `<sup class="noteref ed"><a id="noteref-${n}" href="#note-${n}" role="doc-noteref" data-entry="note-${n}" data-number="${n}" aria-label="Note ${n}">${n}</a></sup>`;

const plain: RenderOptions = { resolve: (href) => href, markerHref: (e) => `#${e.markerId}` };

describe('a critical entry', () => {
  const app = entry('critical', 1, { label: '4', line: 4, lemma: 'Gaesong', readings: [reading('lem', 'Gaesong', []), reading('rdg', 'Kaesong', ['B', 'C'])] });
  const doc = documentOf([app]);

  it('is printed as printed apparatus are written: lemma, bracket, each other reading with its sigla', () => {
    const span = first(parsed(printEntries(doc, plain).get('app-1')!), (el) => hasClass(el, 'fn'))!;
    expect(attr(span, 'class')).toBe('fn fn-critical');
    expect(attr(span, 'data-label')).toBe('4');
    expect(words(first(span, (el) => hasClass(el, 'lemma'))!)).toBe('Gaesong');
    expect(words(span)).toBe('Gaesong] Kaesong B C');
  });

  it('says the same words on the site, with the label linked back to its marker', () => {
    const li = first(parsed(renderEntry('site', app, doc, siteOptions())), (el) => el.tagName === 'li')!;
    expect(attr(li, 'id')).toBe('app-1');
    const label = first(li, (el) => el.tagName === 'a')!;
    expect([attr(label, 'href'), words(label)]).toEqual(['#appref-1', '4']);
    expect(words(li)).toBe('4 Gaesong] Kaesong B C');
  });

  it('puts the base reading first: in parallel segmentation, the reading of the witness shown first', () => {
    const parallel = entry('critical', 2, { readings: [reading('rdg', 'June 30', ['B']), reading('rdg', '28 June', ['A']), reading('rdg', '', ['C'])] });
    const span = parsed(printEntries(documentOf([parallel], ['A', 'B', 'C']), plain).get('app-2')!);
    expect(words(span)).toBe('28 June A] June 30 B | om. C');
    const li = parsed(renderEntry('site', parallel, documentOf([parallel], ['A', 'B', 'C']), siteOptions()));
    expect(all(li, (el) => hasClass(el, 'lem')).map(words)).toEqual(['28 June']);
    expect(words(li)).toBe('2 28 June A] June 30 B | om. C');
  });

  it('names the source a reading comes from before the bracket', () => {
    const sourced = entry('critical', 3, { readings: [reading('lem', 'ὑμῖν', [], { sources: ['#Uthemann'], resp: 'Uthemann' }), reading('rdg', 'ὑμεῖν', ['V'])] });
    expect(words(parsed(printEntries(documentOf([sourced]), plain).get('app-3')!))).toBe('ὑμῖν Uthemann] ὑμεῖν V');
  });
});

describe('the HTML of the model', () => {
  const note = entry('explanatory', 1, {
    xmlId: 'n 1', type: 'gloss',
    note: { html: 'See <a class="name placeName" href="edition:registers/places.xml#kaesong">Kaesong</a> and <a class="ref" href="edition:other.xml">elsewhere</a>; he wrote href="x" <span class="gap" tabindex="0" aria-describedby="gap-1">[...]<span class="tip ed" role="tooltip" id="gap-1">Omission</span></span>.', text: '' },
  });
  const doc = documentOf([note]);
  const resolve = (href: string): string | undefined => (href.startsWith('edition:registers/places.xml') ? `../registers/places.html#${href.split('#')[1]}` : undefined);

  it('has its links resolved, or their words kept in a span when they lead nowhere in the output', () => {
    const li = parsed(renderEntry('site', note, doc, { ...siteOptions(), resolve }));
    const links = all(li, (el) => el.tagName === 'a' && !hasClass(el, 'ed'));
    expect(links.map((a) => attr(a, 'href'))).toEqual(['../registers/places.html#kaesong']);
    const kept = first(li, (el) => el.tagName === 'span' && hasClass(el, 'ref'))!;
    expect(words(kept)).toBe('elsewhere');
    // Text that looks like an attribute is text, not a link.
    expect(words(li)).toContain('he wrote href="x"');
  });

  it('has its ids renamed for the output, and the references to them', () => {
    const li = parsed(renderEntry('standalone', note, doc, { ...plain, id: (id) => `doc.${id}` }));
    expect(all(li, (el) => attr(el, 'id') !== undefined).map((el) => attr(el, 'id'))).toEqual(['doc.note-1', 'doc.n_1', 'doc.gap-1']);
    expect(attr(first(li, (el) => hasClass(el, 'gap'))!, 'aria-describedby')).toBe('doc.gap-1');
  });

  it('has the markers of the entries it holds drawn for the output, linked to them', () => {
    const outer = entry('explanatory', 1, { note: { html: `Outer${NOTE_MARKER(2)} note.`, text: 'Outer note.' } });
    const inner = entry('explanatory', 2, { note: { html: 'Inner note.', text: 'Inner note.' } });
    const nested = documentOf([outer, inner]);
    const options: RenderOptions = { ...plain, id: (id) => `x--${id}`, entryHref: (e) => `notes.xhtml#x--${e.localId}` };
    const aside = parsed(epubNotes(nested, 'footnotes', options));
    const marker = first(aside, (el) => attr(el, 'id') === 'x--noteref-2')!;
    expect([attr(marker, 'href'), attr(marker, 'epub:type'), attr(marker, 'data-entry')]).toEqual(['notes.xhtml#x--note-2', 'noteref', 'note-2']);
    // In print the inner note stands where its marker stood, and the print producer places only the outer one.
    const printed = parsed(printEntries(nested, plain).get('note-1')!);
    expect(all(printed, (el) => hasClass(el, 'fn')).map((el) => attr(el, 'data-entry'))).toEqual(['note-1', 'note-2']);
    expect(markerHosts(nested)).toEqual(new Map([['note-2', 'note-1']]));
  });

  it('escapes every text it adds: sigla, anchors, types, labels', () => {
    const odd = entry('critical', 1, { label: '<1>', readings: [reading('lem', 'a &amp; b', ['A<&>']), reading('rdg', '', ['"B"'])] });
    const tn = entry('textual', 1, { anchorText: 'x < y & "z"', note: { html: '<span class="tn-text">Supplied.</span>', text: 'Supplied.' } });
    const typed = entry('explanatory', 1, { type: 'a"b<c', note: { html: 'Text.', text: 'Text.' } });
    const doc2 = documentOf([odd, tn, typed]);
    const sections = siteSections(doc2);
    const page = parsed(sections.apparatus + sections.notes);
    expect(words(first(page, (el) => attr(el, 'id') === 'app-1')!)).toBe('<1> a & b A<&>] om. "B"');
    expect(words(first(page, (el) => attr(el, 'id') === 'tn-1')!)).toBe('a line 3: x < y & "z"] Supplied.');
    expect(attr(first(page, (el) => attr(el, 'id') === 'note-1')!, 'class')).toBe('note note-a_b_c');
    expect(all(page, (el) => el.tagName === 'li').length).toBe(3);
  });
});

describe('the site flavour', () => {
  it('writes the list items the XSLT wrote: ids, classes, numbers, lines, the language of a note', () => {
    const note = entry('explanatory', 2, { type: 'explanatory', line: 13, note: { html: 'Text.', text: 'Text.' } });
    const doc = documentOf([note]);
    const { notes, apparatus, critical } = siteSections(doc, siteOptions(new Map([['note-2', 'grc']])));
    expect([apparatus, critical]).toEqual(['', false]);
    const li = first(parsed(notes), (el) => el.tagName === 'li')!;
    expect(li.attrs.map((a) => `${a.name}=${a.value}`)).toEqual(['id=note-2', 'class=note note-explanatory', 'role=doc-footnote', 'tabindex=-1', 'value=2', 'data-entry=note-2', 'data-number=2', 'data-line=13', 'lang=grc']);
    expect(words(li)).toBe('2 explanatory Text. ↩');
    expect(all(li, (el) => el.tagName === 'a').map((a) => attr(a, 'href'))).toEqual(['#noteref-2', '#noteref-2']);
  });

  it('puts the critical apparatus before the textual notes, each in its section', () => {
    const doc = documentOf([entry('textual', 1, { note: { html: '<span class="tn-text">Supplied.</span>', text: 'Supplied.' } }), entry('critical', 1, { readings: [reading('lem', 'a', ['A']), reading('rdg', 'b', ['B'])] })]);
    const { apparatus, critical } = siteSections(doc);
    expect(critical).toBe(true);
    const sections = all(parsed(apparatus), (el) => el.tagName === 'section');
    expect(sections.map((s) => attr(s, 'class'))).toEqual(['apparatus-series series-critical', 'apparatus-series series-textual']);
    expect(sections.map((s) => words(first(s, (el) => el.tagName === 'h3')!))).toEqual(['Critical apparatus', 'Textual notes']);
  });
});

describe('the EPUB flavour', () => {
  const br = entry('critical', 1, { readings: [reading('lem', 'one<br>two', ['A']), reading('rdg', 'three', ['B'])] });
  const note = entry('explanatory', 1, { note: { html: '<p class="p">First.</p><p class="p" lang="de">Zweiter.</p>', text: 'First. Zweiter.' } });
  const doc = documentOf([br, note]);
  const options: RenderOptions = { ...plain, markerHref: (e) => `../documents/doc.xhtml#${e.markerId}`, id: (id) => `doc--${id}` };

  it('is well-formed XHTML: void elements closed, xml:lang beside lang, blocks in a div', () => {
    for (const xhtml of [epubApparatus(doc, options), epubNotes(doc, 'footnotes', options), epubNotes(doc, 'endnotes', options)]) {
      expect(XMLValidator.validate(`<div xmlns:epub="http://www.idpf.org/2007/ops">${xhtml}</div>`)).toBe(true);
    }
    expect(epubApparatus(doc, options)).toContain('one<br/>two');
    const notes = epubNotes(doc, 'footnotes', options);
    expect(notes).toContain('lang="de" xml:lang="de"');
    expect(notes).toContain('<div class="note-body">');
  });

  it('makes notes footnote asides or endnote items, and the critical apparatus a section', () => {
    const aside = first(parsed(epubNotes(doc, 'footnotes', options)), (el) => el.tagName === 'aside')!;
    expect([attr(aside, 'id'), attr(aside, 'epub:type'), attr(aside, 'role')]).toEqual(['doc--note-1', 'footnote', 'doc-footnote']);
    const li = first(parsed(epubNotes(doc, 'endnotes', options)), (el) => el.tagName === 'li')!;
    expect([attr(li, 'epub:type'), attr(li, 'value'), attr(li, 'role'), attr(li, 'tabindex')]).toEqual(['endnote', '1', undefined, undefined]);
    const section = first(parsed(epubApparatus(doc, options)), (el) => el.tagName === 'section')!;
    expect(attr(section, 'class')).toBe('apparatus');
    expect(attr(first(section, (el) => el.tagName === 'li')!, 'id')).toBe('doc--app-1');
    expect(attr(first(section, (el) => hasClass(el, 'app-num'))!, 'href')).toBe('../documents/doc.xhtml#appref-1');
  });
});

describe('the exact rewrites of serialised HTML', () => {
  it('rewrites only the href of links, and closes a link turned into a span with a span', () => {
    const html = '<a id="k" class="c" href="a" title="t">x</a> href="a" <a name="n">y</a> <a href="b">z</a>';
    expect(rewriteLinks(html, (h) => (h === 'a' ? undefined : `B:${h}`))).toBe('<span id="k" class="c">x</span> href="a" <a name="n">y</a> <a href="B:b">z</a>');
  });

  it('renames ids and id references only in tags', () => {
    expect(rewriteIds('<span id="a" aria-describedby="a b">id="a"</span>', (id) => `p-${id}`)).toBe('<span id="p-a" aria-describedby="p-a p-b">id="a"</span>');
  });

  it('keeps attribute values escaped as the serialiser wrote them', () => {
    expect(toXhtml('<span title="a &lt;b&gt; &#34;c&#34; &amp; d">x</span><br><input checked>')).toBe('<span title="a &lt;b&gt; &quot;c&quot; &amp; d">x</span><br/><input checked="checked"/>');
  });
});
