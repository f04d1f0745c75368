// The content documents of the book, as element trees: the front matter, one document per edition
// document, the apparatus and the registers. They are made from the transform's fragments meant for the
// book (the text in mode te:book, and the fragments every output shares: metadata, front matter, register
// entries) and from the one apparatus model, drawn by the EPUB flavour of the apparatus renderer
// (render-entries.ts), so notes and apparatus entries keep the ids, numbers and labels the site gives them.
import type { SiteDocument, SiteModel, SiteRegister } from '../site-model.js';
import { labelsOf } from '../site-model.js';
import type { Labels } from '../../labels/labels.js';
import type { ApparatusEntry } from '../../transform/apparatus/model.js';
import { documentApparatus, documentKey, entryLanguages } from '../../transform/apparatus/from-transform.js';
import { readingOrder, volumeMatter } from '../volumes.js';
import { epubApparatus, epubNotes, markerHosts, type NotesPlacement, type RenderOptions } from '../apparatus/render-entries.js';
import { el, elements, hasClass, idsUnder, parseHtml, parseXhtml, rewrite, type Element, type Node } from './dom.js';
import { bookHref, bookLinkTargets, relativeHref } from './links.js';
import { directionOf, markLanguages } from './languages.js';
import { PART_LIMIT, divisionEntries, sizeOf, splitText, type PartedDocument } from './split.js';
import { languageTag } from './xml.js';

export type { NotesPlacement } from '../apparatus/render-entries.js';

export interface ContentDocument {
  /** Path from the package folder, e.g. "documents/letter-1.xhtml". */
  path: string;
  title: string;
  lang: string;
  body: Node[];
}

export interface PageBreak {
  path: string;
  id: string;
  label: string;
}

export interface TocEntry {
  label: string;
  href: string;
  /** The language of the label's first `langLength` characters (a title), where it is not the book's. */
  lang?: string;
  langLength?: number;
  children?: TocEntry[];
}

export interface BookContent {
  documents: ContentDocument[];
  /** In reading order: front matter, documents, apparatus, registers. */
  spine: ContentDocument[];
  pageBreaks: PageBreak[];
  front: ContentDocument;
  /** One per edition document: its content document (the first part), all its parts, and, when it is in parts, its divisions for the table of contents. */
  chapters: { document: SiteDocument; content: ContentDocument; parts: ContentDocument[]; divisions?: TocEntry[] }[];
  /** The documents that were cut into parts, for sending links to the part that holds their target. */
  parted: PartedDocument[];
  apparatus?: { content: ContentDocument; parts: { document: SiteDocument; id: string }[] };
  registers: { register: SiteRegister; content: ContentDocument }[];
  /** The interface's words the book is written with (the edition's labels). */
  labels: Labels;
}

export function stemOf(page: string): string {
  return page.replace(/^.*\//, '').replace(/\.html$/, '');
}

/** A document's stem made unique in the book: a document of a volume is named with its volume ("frus1951v07p2.d12"). */
export function bookStem(page: string): string {
  return documentKey(page).replace(/\//g, '.');
}

export function pageMapOf(model: SiteModel): Map<string, string> {
  const pages = new Map<string, string>([
    ['index.html', 'front.xhtml'],
    ['documents.html', 'nav.xhtml'],
    ['registers.html', 'nav.xhtml'],
  ]);
  // A document of a volume keeps its folder (documents/<volume>/<id>.xhtml): two volumes may both have a d12.
  for (const d of [...model.documents, ...volumeMatter(model)]) pages.set(d.page, d.page.startsWith('documents/') ? d.page.replace(/\.html$/, '.xhtml') : `documents/${stemOf(d.page)}.xhtml`);
  for (const r of model.registers) pages.set(r.page, `registers/${stemOf(r.page)}.xhtml`);
  return pages;
}

/** Where a link of a fragment (written for the site page `page`) leads from the content document `from`. */
type BookLink = (href: string, page: string, from: string) => string | undefined;

/** Rewrites every link of a fragment of the transform for the content document `from`; `local` decides fragment-only links. */
function relink(nodes: Node[], page: string, from: string, link: BookLink, local: (id: string) => string | undefined = (id) => `#${id}`): Node[] {
  return rewrite(nodes, (e) => {
    if (e.name !== 'a') return e;
    const href = e.attrs.get('href');
    if (href === undefined) return e;
    const target = href.startsWith('#') ? local(href.slice(1)) : link(href, page, from);
    if (target === undefined) {
      // No link in the book: the words stay, in a span that keeps the id other links may need.
      const span = el('span', { id: e.attrs.get('id'), class: e.attrs.get('class') }, []);
      span.children = e.children;
      return span;
    }
    e.attrs.set('href', target);
    e.attrs.delete('target');
    return e;
  });
}

function heading(level: 1 | 2 | 3, id: string, label: string | Node[]): Element {
  return el(`h${level}`, { id }, typeof label === 'string' ? [label] : label);
}

function section(id: string, label: string, children: Node[], attrs: Record<string, string> = {}, level: 1 | 2 = 2): Element {
  return el('section', { id, 'aria-labelledby': `${id}-h`, ...attrs }, [heading(level, `${id}-h`, label), ...children]);
}

/**
 * The book's reading text, as the stylesheets render it for the book (xslt/epub/book.xsl: one witness of a
 * parallel segmentation, lines that reflow). Here its page breaks become the book's page breaks, numbered
 * for the page list, and its note references the book's note references.
 */
function readingText(nodes: Node[], path: string, pageBreaks: PageBreak[], idPrefix = ''): Node[] {
  let breaks = 0;
  return rewrite(nodes, (e) => {
    if (hasClass(e, 'pb')) {
      // The page number as the stylesheets give it (data-page); a page break without one is not in the page list.
      const label = (e.attrs.get('data-page') ?? '').trim();
      if (label === '') return e;
      breaks++;
      // A page break keeps the source's id (an index refers to it); one without gets the book's.
      const id = e.attrs.get('id') ?? `${idPrefix}page-${breaks}`;
      pageBreaks.push({ path, id, label });
      return el('span', { id, class: e.attrs.get('class'), 'epub:type': 'pagebreak', role: 'doc-pagebreak', 'aria-label': label }, e.children);
    }
    if (e.name === 'a' && e.attrs.get('role') === 'doc-noteref') e.attrs.set('epub:type', 'noteref');
    return e;
  });
}

/** The notes section of a document (or of a part of it): the renderer's footnote asides or list of endnotes. */
function notesSection(notes: Node[], placement: NotesPlacement, labels: Labels, idPrefix = ''): Node[] {
  if (notes.length === 0) return [];
  if (placement === 'footnotes') return [section(`${idPrefix}notes`, labels.t('notes'), notes, { class: 'notes' })];
  return [section(`${idPrefix}notes`, labels.t('notes'), notes, { class: 'notes', 'epub:type': 'endnotes', role: 'doc-endnotes' })];
}

/** The notes a notes fragment holds (footnote asides, endnote items), by id. */
function notesById(nodes: readonly Node[]): Map<string, Element> {
  const out = new Map<string, Element>();
  for (const e of elements(nodes)) {
    const type = e.attrs.get('epub:type');
    const id = e.attrs.get('id');
    if ((type === 'footnote' || type === 'endnote') && id !== undefined && !out.has(id)) out.set(id, e);
  }
  return out;
}

/** Where something of a document is in the book: a content document (the document's first part, or the apparatus) and an id there. */
interface Place {
  file: string;
  id: string;
}

/**
 * The notes and apparatus entries of one document, drawn by the apparatus renderer from the document's
 * model: the notes stand at the end of the document's own content document(s), the critical apparatus
 * and the textual notes in the apparatus content document, with ids prefixed by the document's stem.
 * Every link the renderer writes (a label back to its marker, a marker inside another entry to its
 * entry, a link in an entry's words) is written for the content document it stands in; links into a
 * document cut into parts go on to the right part later (redirectIntoParts).
 */
interface DocumentEntries {
  /** The apparatus's series sections (critical apparatus, textual notes), ids prefixed; none when there is neither. */
  apparatus: Node[];
  /** The notes as the renderer draws them for the document's content document, with `keep` only those it accepts. */
  notes: (keep?: (entry: ApparatusEntry) => boolean) => Node[];
  /** A fragment-only link (`#id`) of the document's own fragments (text, metadata), written for the content document `from`. */
  local: (from: string, id: string) => string;
}

function documentEntries(d: SiteDocument, path: string, apparatusPath: string, textIds: ReadonlySet<string>, link: BookLink, placement: NotesPlacement, sourceRoot: string | undefined, labels: Labels): DocumentEntries {
  const model = documentApparatus(d.data, d.page, sourceRoot);
  const languages = entryLanguages(d.data);
  const stem = bookStem(d.page);
  const prefixed = (id: string): string => `${stem}--${id}`;
  const same = (id: string): string => id;

  // What each fragment holds, from a first drawing with links as the model gives them.
  const survey: RenderOptions = { resolve: (href) => href, markerHref: (e) => `#${e.markerId}`, languages, labels };
  const apparatusIds = idsUnder(parseXhtml(epubApparatus(model, survey)));
  const documentIds = new Set([...textIds, ...idsUnder(parseXhtml(epubNotes(model, placement, survey)))]);

  const byId = new Map(model.entries.map((e) => [e.localId, e]));
  const hosts = markerHosts(model);
  /** An entry: a note at the end of its document, any other entry in the apparatus. */
  const entryAt = (e: ApparatusEntry): Place => (e.series === 'explanatory' ? { file: path, id: e.localId } : { file: apparatusPath, id: prefixed(e.localId) });
  /**
   * An entry's marker: in the text, where the book's text shows it; else inside the entry whose words hold
   * it (a note in a note, a note in a reading the text does not show), wherever that entry stands.
   */
  const markerAt = (e: ApparatusEntry): Place => {
    if (textIds.has(e.markerId)) return { file: path, id: e.markerId };
    const host = byId.get(hosts.get(e.localId) ?? '');
    if (host !== undefined && host.series !== 'explanatory') return { file: apparatusPath, id: prefixed(e.markerId) };
    return { file: path, id: e.markerId };
  };
  /** `#id` in the content document `from`: the id in the same content document where it is there, else where it is. */
  const local = (from: string, id: string): string => {
    if (id === '') return '#';
    const inApparatus = apparatusIds.has(id) && (from === apparatusPath || !documentIds.has(id));
    return inApparatus ? relativeHref(from, apparatusPath, prefixed(id)) : relativeHref(from, path, id);
  };
  const optionsFor = (from: string, id: (x: string) => string): RenderOptions => ({
    resolve: (href) => (href.startsWith('#') ? local(from, href.slice(1)) : link(href, d.page, from)),
    markerHref: (e) => {
      const at = markerAt(e);
      return relativeHref(from, at.file, at.id);
    },
    entryHref: (e) => {
      const at = entryAt(e);
      return relativeHref(from, at.file, at.id);
    },
    id,
    languages,
    labels,
  });

  const drawn = parseXhtml(epubApparatus(model, optionsFor(apparatusPath, prefixed)));
  // The renderer's one section.apparatus: its series sections go into the document's part of the apparatus.
  const apparatus = drawn.flatMap((n) => (n.kind === 'element' && n.name === 'section' && hasClass(n, 'apparatus') ? n.children : [n]));
  const notesOptions = optionsFor(path, same);
  return {
    apparatus: apparatus.some((n) => n.kind === 'element') ? apparatus : [],
    notes: (keep) => parseXhtml(epubNotes(model, placement, notesOptions, keep)),
    local,
  };
}

function documentLabel(d: SiteDocument, labels: Labels): string {
  const title = d.data.title || stemOf(d.page);
  const date = labels.date(d.data.date.when);
  return date && !title.includes(date) ? `${title} (${date})` : title;
}

function langOf(raw: string | undefined, fallback: string): string {
  return languageTag(raw) ?? fallback;
}

/**
 * The book's content documents. `sourceRoot`: the folder that holds every source, from which the
 * apparatus model names witnesses (as in dist/apparatus).
 */
export function buildContent(model: SiteModel, placement: NotesPlacement, bookLang: string, partLimit = PART_LIMIT, sourceRoot?: string): BookContent {
  const labels = labelsOf(model);
  const pages = pageMapOf(model);
  const targets = bookLinkTargets(model, pages);
  const link: BookLink = (href, page, from) => bookHref(href, page, from, pages, targets);
  const pageBreaks: PageBreak[] = [];
  const parted: PartedDocument[] = [];
  const taken = new Set<string>([...pages.values(), 'front.xhtml', 'nav.xhtml', 'apparatus.xhtml']);

  // The critical apparatus and textual notes of every document go into one content document; their ids
  // get the document's stem.
  const apparatusPath = 'apparatus.xhtml';
  const apparatusParts: { document: SiteDocument; id: string; nodes: Node[] }[] = [];

  // Documents, then each volume's pages in its order (render/volumes.ts).
  const chapters = readingOrder(model).map((d) => {
    const idp = d.data.idPrefix ?? '';
    const path = pages.get(d.page)!;
    const book = parseHtml(d.data.html.book);
    const entries = documentEntries(d, path, apparatusPath, idsUnder(book), link, placement, sourceRoot, labels);
    const moved = entries.apparatus.length ? { id: bookStem(d.page) } : undefined;
    if (moved) apparatusParts.push({ document: d, id: moved.id, nodes: entries.apparatus });
    const local = (id: string): string => entries.local(path, id);
    const lang = langOf(d.data.lang, bookLang);
    const text = readingText(relink(book, d.page, path, link, local), path, pageBreaks, idp);
    // Marked now (as every document is before it is written), so that the text is weighed as written.
    markLanguages(text, directionOf(lang));
    const allNotes = entries.notes();
    const notes = notesSection(allNotes, placement, labels, idp);
    const metadata = relink(parseHtml(d.data.html.metadata), d.page, path, link, local);
    const title = d.data.title || stemOf(d.page);
    const date = labels.date(d.data.date.when);
    const head = el('header', { class: 'document-head' }, [
      ...(d.data.number ? [el('p', { class: 'doc-number' }, [labels.t('documentNumber', { number: d.data.number })])] : []),
      heading(1, `${idp}doc-title`, title),
      ...(date && d.data.date.when ? [el('p', { class: 'doc-date' }, [el('time', { datetime: d.data.date.when }, [date])])] : []),
    ]);
    const ending = (from: string): Node[] => [
      ...(moved ? [el('p', { class: 'apparatus-link ed' }, [el('a', { href: relativeHref(from, apparatusPath, moved.id) }, [labels.t('variantReadingsOfDocument')])])] : []),
      ...(metadata.length ? [section(`${idp}metadata`, labels.t('aboutThisDocument'), metadata, { class: 'about' })] : []),
    ];
    const opening = (children: Node[]): Element => el('section', { class: 'document', 'epub:type': 'chapter', role: 'doc-chapter', 'aria-labelledby': `${idp}doc-title` }, [head, ...children]);
    const textSection = (nodes: Node[]): Element => el('section', { class: 'text', 'aria-label': labels.t('text') }, nodes);
    const whole: ContentDocument = { path, title, lang, body: [opening([textSection(text), ...ending(path), ...notes])] };
    if (sizeOf(whole.body) <= partLimit) return { document: d, content: whole, parts: [whole] };

    const noteById = notesById(allNotes);
    // A link to another part gains that part's file name, "<file>--<n>.xhtml".
    const split = splitText(text, noteById, partLimit, sizeOf([head]), `${bookStem(d.page)}--00.xhtml`.length);
    if (split === undefined) return { document: d, content: whole, parts: [whole] };
    const count = split.parts.length;
    const paths = split.parts.map((_, k) => (k === 0 ? path : partPath(path, k + 1, taken)));
    const parts: ContentDocument[] = split.parts.map((nodes, k) => {
      const own = new Set([...split.notePart].filter(([, at]) => at === k).map(([id]) => id));
      const partNotes = own.size ? notesSection(entries.notes((e) => own.has(e.localId)), placement, labels, idp) : [];
      const last = k === count - 1;
      const children = [textSection(nodes), ...(last ? ending(paths[k]!) : []), ...partNotes];
      const body = k === 0 ? [opening(children)] : [el('section', { class: 'document continued', 'aria-label': labels.t('continued', { title }) }, children)];
      return { path: paths[k]!, title: labels.t('partOf', { title, part: k + 1, parts: count }), lang, body };
    });
    const idHome = new Map<string, string>();
    for (const part of parts) for (const id of idsUnder(part.body)) if (!idHome.has(id)) idHome.set(id, part.path);
    for (const pb of pageBreaks) if (pb.path === path) pb.path = idHome.get(pb.id) ?? path;
    parted.push({ paths, idHome });
    const divisions = divisionEntries(split.leaves, paths, (id) => (idHome.has(id) ? `${idHome.get(id)}#${id}` : undefined), title);
    return { document: d, content: parts[0]!, parts, divisions };
  });

  const front = frontMatter(model, link, bookLang);

  let apparatus: BookContent['apparatus'];
  if (apparatusParts.length) {
    // Drawn by the renderer for this content document: ids prefixed, links written from here.
    const parts = apparatusParts.map((p) => section(p.id, '', p.nodes, { class: 'apparatus-part' }));
    apparatusParts.forEach((p, i) => {
      const h = parts[i]!.children[0] as Element;
      h.children = [el('a', { href: relativeHref(apparatusPath, pages.get(p.document.page)!) }, [documentLabel(p.document, labels)])];
    });
    const witnesses = model.witnesses.length
      ? [section('witnesses', labels.t('witnesses'), [el('dl', { class: 'witness-list' }, model.witnesses.flatMap((w) => [el('dt', {}, [w.siglum]), el('dd', {}, relink(parseHtml(w.html), 'index.html', apparatusPath, link))]))])]
      : [];
    const body: Node[] = [
      el('section', { class: 'apparatus', 'epub:type': 'appendix', role: 'doc-appendix', 'aria-labelledby': 'apparatus-h' }, [
        heading(1, 'apparatus-h', labels.t('variantReadings')),
        el('p', { class: 'apparatus-key' }, labels.pieces('bookApparatusKey').map((p) => (typeof p === 'string' ? p : p.slot === 'om' ? el('em', {}, ['om.']) : `{${p.slot}}`))),
        ...witnesses,
        ...parts,
      ]),
    ];
    apparatus = { content: { path: apparatusPath, title: labels.t('variantReadings'), lang: bookLang, body }, parts: apparatusParts.map((p) => ({ document: p.document, id: p.id })) };
  }

  const registers = model.registers.map((register) => {
    const path = pages.get(register.page)!;
    const entries = [...register.entries].sort((a, b) => a.label.localeCompare(b.label, labels.lang) || (a.id < b.id ? -1 : 1));
    const sections = entries.map((entry) => {
      const mentions = model.mentions.get(entry.key) ?? [];
      const names = entry.names.length ? [el('dl', { class: 'name-forms' }, entry.names.flatMap((n) => [el('dt', {}, [n.type]), el('dd', {}, [n.text])]))] : [];
      const html = relink(parseHtml(entry.html), register.page, path, link);
      const list = mentions.length
        ? el('ul', { class: 'mentions' }, mentions.map((m) => {
            const to = pages.get(m.document.page)!;
            return el('li', {}, [
              el('a', { href: relativeHref(path, to) }, [m.document.data.title || stemOf(m.document.page)]),
              ': ',
              ...m.places.flatMap((p, i) => [...(i ? [', '] : []), el('a', { href: relativeHref(path, to, p.anchor) }, [p.label])]),
            ]);
          }))
        : el('p', { class: 'muted' }, [labels.t('notMentioned')]);
      return el('section', { class: 'entry', id: entry.id, 'aria-labelledby': `${entry.id}-h` }, [
        heading(2, `${entry.id}-h`, entry.label),
        ...names,
        ...(html.length ? [el('div', { class: 'entry-body' }, html)] : []),
        el('h3', { class: 'small-head' }, [labels.t('mentionedIn')]),
        list,
      ]);
    });
    const body: Node[] = [
      el('section', { class: 'register', 'epub:type': 'index', role: 'doc-index', 'aria-labelledby': 'register-h' }, [
        heading(1, 'register-h', register.title),
        el('p', { class: 'lead' }, [labels.t('bookRegisterLead', { count: labels.count('entryCount', entries.length) })]),
        ...sections,
      ]),
    ];
    return { register, content: { path, title: register.title, lang: bookLang, body } };
  });

  const spine = [front, ...chapters.flatMap((c) => c.parts), ...(apparatus ? [apparatus.content] : []), ...registers.map((r) => r.content)];
  return { documents: spine, spine, pageBreaks, front, chapters, parted, ...(apparatus ? { apparatus } : {}), registers, labels };
}

/** "documents/x.xhtml", part 2 → "documents/x--2.xhtml", unless another file has that name. */
function partPath(first: string, n: number, taken: Set<string>): string {
  const stem = first.replace(/\.xhtml$/, '');
  let candidate = `${stem}--${n}.xhtml`;
  for (let i = 2; taken.has(candidate); i++) candidate = `${stem}--${n}-${i}.xhtml`;
  taken.add(candidate);
  return candidate;
}

function frontMatter(model: SiteModel, link: BookLink, lang: string): ContentDocument {
  const path = 'front.xhtml';
  const labels = labelsOf(model);
  const f = model.front?.front;
  const html = (fragment: string | undefined): Node[] => relink(parseHtml(fragment ?? ''), 'index.html', path, link);
  const editors = f?.editors ?? [];
  const parts: Node[] = [
    el('header', { class: 'title-page', 'epub:type': 'titlepage' }, [
      heading(1, 'book-title', model.front?.title || model.title),
      ...(model.front && model.subtitle ? [el('p', { class: 'subtitle' }, [model.subtitle])] : []),
      ...(editors.length ? [el('p', { class: 'editors' }, [labels.count('editedBy', editors.length, { names: labels.list(editors) })])] : []),
      ...(f?.edition ? [el('p', { class: 'edition-statement' }, [f.edition])] : []),
      ...(f?.publisher ? [el('p', { class: 'publisher' }, [f.publisher])] : []),
      el('p', { class: 'version' }, [labels.t('versionOf', { date: labels.date(model.buildDate) })]),
    ]),
  ];
  const project = html(f?.project);
  if (project.length) parts.push(section('project', labels.t('aboutThisEdition'), project));
  const introduction = html(f?.introduction);
  if (introduction.length) parts.push(el('section', { id: 'introduction', class: 'introduction', 'epub:type': 'introduction', role: 'doc-introduction', 'aria-label': labels.t('introduction') }, introduction));
  const principles = html(f?.principles);
  if (principles.length) parts.push(section('principles', labels.t('editorialPrinciples'), principles));
  const sources = html(f?.sources);
  if (sources.length) parts.push(el('section', { id: 'sources', class: 'sources', 'aria-label': labels.t('sources') }, sources));
  if (f?.licence.text) {
    const link = f.licence.url && /^https?:/i.test(f.licence.url) ? [' ', el('a', { rel: 'license', href: f.licence.url }, [f.licence.url])] : [];
    parts.push(section('licence', labels.t('licence'), [el('p', {}, [f.licence.text, ...link])]));
  }
  const body: Node[] = [el('section', { class: 'front', 'epub:type': 'frontmatter', 'aria-labelledby': 'book-title' }, parts)];
  return { path, title: model.front?.title || model.title, lang, body };
}

/** The table of contents: front matter, every document by date and title, the apparatus, the registers. */
export function tableOfContents(content: BookContent): TocEntry[] {
  const labels = content.labels;
  const toc: TocEntry[] = [];
  const frontChildren: TocEntry[] = [];
  for (const e of elements(content.front.body)) {
    const id = e.attrs.get('id');
    if (e.name === 'section' && id && ['project', 'introduction', 'principles', 'sources', 'licence'].includes(id)) {
      const keys: Record<string, string> = { project: 'aboutThisEdition', introduction: 'introduction', principles: 'editorialPrinciples', sources: 'sources', licence: 'licence' };
      frontChildren.push({ label: labels.t(keys[id]!), href: `front.xhtml#${id}` });
    }
  }
  toc.push({ label: content.front.title, href: content.front.path, ...(frontChildren.length ? { children: frontChildren } : {}) });
  if (content.chapters.length) {
    toc.push({
      label: labels.t('documents'),
      href: content.chapters[0]!.content.path,
      children: content.chapters.map((c) => ({
        label: documentLabel(c.document, labels),
        href: c.content.path,
        ...(c.content.lang !== content.front.lang ? { lang: c.content.lang, langLength: c.content.title.length } : {}),
        ...(c.divisions?.length ? { children: c.divisions } : {}),
      })),
    });
  }
  if (content.apparatus) {
    toc.push({
      label: labels.t('variantReadings'),
      href: content.apparatus.content.path,
      children: content.apparatus.parts.map((p) => ({ label: documentLabel(p.document, labels), href: `${content.apparatus!.content.path}#${p.id}` })),
    });
  }
  if (content.registers.length) {
    toc.push({ label: labels.t('registers'), href: content.registers[0]!.content.path, children: content.registers.map((r) => ({ label: r.register.title, href: r.content.path })) });
  }
  return toc;
}
