// The one renderer of the apparatus: model entries (src/transform/apparatus/model.ts) to HTML, in one
// flavour per output, every flavour printing an entry in the same words with the same label.
//
// - site: the list items under a document's text on the site (critical apparatus, textual notes, notes);
// - standalone: the list items of dist/apparatus/index.html;
// - epub: XHTML for the EPUB: notes as footnote asides or endnote items, the apparatus as a section;
// - print: each entry as an inline `span.fn`, for a page engine that floats it to the foot of the page.
//
// The model's HTML (a note's text, a reading) is used as the stylesheets wrote it, with three exact
// rewrites (html-rewrite.ts): its links through `resolve`, its ids through `id`, and the markers of
// other entries it holds (a note in a note, a note in a reading the text does not show) drawn anew for
// the output. Pure functions: strings in, strings out.
import type { ApparatusEntry, ApparatusSeries, DocumentApparatus } from '../../transform/apparatus/model.js';
import { entriesOf } from '../../transform/apparatus/model.js';
import { SITE_CLASSES, backName, emptyWords, markerName, markerText, orderedReadings, readingResp, safeId, textualAnchor } from './entry-words.js';
import { escapeAttribute, escapeText, holdsBlocks, markersIn, rewriteIds, rewriteLinks, rewriteMarkers, toXhtml, trimHtml } from '../html-rewrite.js';
import { englishLabels, type Labels } from '../../labels/labels.js';

export type Flavour = 'site' | 'standalone' | 'epub' | 'print';
export type NotesPlacement = 'footnotes' | 'endnotes';

export interface RenderOptions {
  /**
   * The href a link of the model's HTML (a link key, a fragment or a web address: src/render/link-keys.ts)
   * gets in this output; undefined when it can lead nowhere here: its words stay, in a span.
   */
  resolve: (href: string) => string | undefined;
  /** The href from an entry back to its marker (unused in print, which has no links back). */
  markerHref: (entry: ApparatusEntry) => string;
  /** The href from a marker that stands inside another entry to its entry; by default `#` and its id. */
  entryHref?: (entry: ApparatusEntry) => string;
  /** The id an id of the model (an entry's, a marker's, any in its HTML) gets in this output; by default the same. */
  id?: (id: string) => string;
  /** The language of entries' words where it is marked in the TEI, by local id (entryLanguages() in from-transform.ts). */
  languages?: ReadonlyMap<string, string>;
  /** The interface's words: headings, the key, markers' and links' names, "line" (default: English). */
  labels?: Labels;
}

interface Context {
  flavour: Flavour;
  placement: NotesPlacement;
  document: DocumentApparatus;
  entries: ReadonlyMap<string, ApparatusEntry>;
  resolve: (href: string) => string | undefined;
  markerHref: (entry: ApparatusEntry) => string;
  entryHref: (entry: ApparatusEntry) => string;
  id: (id: string) => string;
  languages: ReadonlyMap<string, string>;
  labels: Labels;
  /** Print: the entries being drawn, so that none is drawn inside itself. */
  drawing: Set<string>;
}

function contextOf(flavour: Flavour, document: DocumentApparatus, options: RenderOptions, placement: NotesPlacement = 'footnotes'): Context {
  const id = options.id ?? ((x: string): string => x);
  return {
    flavour,
    placement,
    document,
    entries: new Map(document.entries.map((e) => [e.localId, e])),
    resolve: options.resolve,
    markerHref: options.markerHref,
    entryHref: options.entryHref ?? ((e) => `#${id(e.localId)}`),
    id,
    languages: options.languages ?? new Map(),
    labels: options.labels ?? englishLabels(),
    drawing: new Set(),
  };
}

type Attributes = readonly (readonly [string, string | undefined])[];

function attributes(list: Attributes): string {
  return list.map(([k, v]) => (v === undefined ? '' : ` ${k}="${escapeAttribute(v)}"`)).join('');
}

// ===== the model's HTML =====

/** A fragment of the model (a note, a reading) for this output: markers drawn anew, links resolved, ids renamed. */
function modelHtml(html: string, ctx: Context): string {
  const drawn: string[] = [];
  const held = rewriteMarkers(trimHtml(html), (localId) => {
    const entry = ctx.entries.get(localId);
    if (entry === undefined) return undefined;
    drawn.push(marker(entry, ctx));
    return `\u0000${drawn.length - 1}\u0000`;
  });
  // NUL cannot stand in XML text, so the placeholders are the markers' only.
  return rewriteIds(rewriteLinks(held, ctx.resolve), ctx.id).replace(/\u0000(\d+)\u0000/g, (_, i: string) => drawn[Number(i)]!);
}

/** The marker of an entry that stands inside another entry's words: a link to it, or in print the entry itself. */
function marker(entry: ApparatusEntry, ctx: Context): string {
  if (ctx.flavour === 'print') return ctx.drawing.has(entry.localId) ? escapeText(markerText(entry)) : printItem(entry, ctx);
  const noteref = entry.series === 'explanatory';
  const link = attributes([
    ['id', ctx.id(entry.markerId)],
    ['href', ctx.entryHref(entry)],
    ['role', noteref ? 'doc-noteref' : undefined],
    ['epub:type', noteref && ctx.flavour === 'epub' ? 'noteref' : undefined],
    ['data-entry', entry.localId],
    ['data-number', String(entry.number)],
    ['aria-label', markerName(entry, ctx.labels)],
  ]);
  return `<sup class="${SITE_CLASSES[entry.series].marker}"><a${link}>${escapeText(markerText(entry))}</a></sup>`;
}

/** A span, or in the EPUB a div when what it holds has blocks (XHTML allows no paragraph in a span). */
function wrap(ctx: Context, cls: string, html: string): string {
  const tag = ctx.flavour === 'epub' && holdsBlocks(html) ? 'div' : 'span';
  return `<${tag} class="${cls}">${html}</${tag}>`;
}

// ===== the words of an entry =====

/**
 * The readings of a critical entry, the base reading first: each with its words, sigla, and the source it
 * comes from when it names one (`@source`: an earlier edition), named as `resp` resolves it; or, for a
 * reading the editors made (`@resp`, `@type` conjecture …), its kind and editor (readingResp: "conj. Uthemann").
 */
function readingWords(entry: ApparatusEntry, ctx: Context): { html: string; sigla: string; source: string; resp: string; base: boolean }[] {
  return orderedReadings(entry, ctx.document).map(({ reading, base }) => {
    const source = reading.sources.length > 0;
    return {
      html: reading.empty !== '' ? `<em class="om">${escapeText(emptyWords(reading, ctx.labels))}</em>` : modelHtml(reading.html, ctx),
      sigla: reading.sigla.join(' '),
      source: source ? reading.resp || reading.sources.join(' ') : '',
      // A reading from a source is named by it already: only its kind is added.
      resp: readingResp(source ? { type: reading.type, resp: '' } : reading),
      base,
    };
  });
}

/**
 * Where an entry prints who made a reading: after the bracket for the base reading ("ὅτε] conj. Uthemann"),
 * then a separator before the next reading; after its words and sigla for any other reading.
 */
function respWords(resp: string, base: boolean, more: boolean, cls: string, separator: string): string {
  if (resp === '') return '';
  return ` <span class="${cls}">${escapeText(resp)}</span>${base && more ? separator : ''}`;
}

/** What an app says beside its readings (details of witnesses, markers of its notes). */
function appNote(entry: ApparatusEntry, ctx: Context): string {
  const html = trimHtml(entry.note.html);
  return html === '' ? '' : ` ${wrap(ctx, 'app-note', modelHtml(html, ctx))}`;
}

/** A critical entry as the site prints it: "lemma sigla] reading sigla | reading sigla". */
function criticalWords(entry: ApparatusEntry, ctx: Context): string {
  const readings = readingWords(entry, ctx);
  return readings.map((r, i) => {
    const sep = '<span class="sep" aria-hidden="true"> | </span>';
    const before = i === 0 ? '' : readings[i - 1]!.base && !readings[i - 1]!.resp ? ' ' : readings[i - 1]!.base ? '' : sep;
    return `${before}${wrap(ctx, r.base ? 'app-reading lem' : 'app-reading', r.html)}${r.sigla ? ` <span class="sigla">${escapeText(r.sigla)}</span>` : ''}`
      + `${r.source ? ` <span class="source ed">${escapeText(r.source)}</span>` : ''}${r.base ? '<span class="bracket">]</span>' : ''}`
      + respWords(r.resp, r.base, i < readings.length - 1, 'resp ed', sep);
  }).join('') + appNote(entry, ctx);
}

/** A critical entry as printed apparatus write it: "<span class=lemma>lemma</span> sigla] reading sigla | reading sigla". */
function printedCriticalWords(entry: ApparatusEntry, ctx: Context): string {
  const readings = readingWords(entry, ctx);
  return readings.map((r, i) => {
    const before = i === 0 ? '' : readings[i - 1]!.base && !readings[i - 1]!.resp ? ' ' : readings[i - 1]!.base ? '' : ' | ';
    return `${before}<span class="${r.base ? 'lemma' : 'reading'}">${r.html}</span>${r.sigla ? ` <span class="sigla">${escapeText(r.sigla)}</span>` : ''}`
      + `${r.source ? ` <span class="source">${escapeText(r.source)}</span>` : ''}${r.base ? ']' : ''}`
      + respWords(r.resp, r.base, i < readings.length - 1, 'resp', ' | ');
  }).join('') + appNote(entry, ctx);
}

/** A textual note: its line, the text it concerns and a bracket (not for a gap, which covers no text), what the editors did. */
function textualWords(entry: ApparatusEntry, ctx: Context): string {
  const line = entry.line > 0 ? `<span class="tn-line ed">${escapeText(ctx.labels.t('lineOf', { line: entry.line }))}: </span>` : '';
  const anchor = textualAnchor(entry);
  return `${line}${anchor ? `<span class="tn-anchor">${escapeText(anchor)}</span><span class="bracket">]</span> ` : ''}${modelHtml(entry.note.html, ctx)}`;
}

/** An explanatory note: the place its @xml:id names, its type, its text. */
/** The source's id of a note or an app, which its entry carries (links to the app or note lead there). */
function sourceAnchor(entry: ApparatusEntry, ctx: Context): string {
  return entry.xmlId ? `<span id="${escapeAttribute(ctx.id(safeId(entry.xmlId)))}"></span>` : '';
}

function noteWords(entry: ApparatusEntry, ctx: Context): string {
  const anchor = sourceAnchor(entry, ctx);
  const type = entry.type ? `<span class="note-type ed">${escapeText(entry.type)}</span> ` : '';
  const body = modelHtml(entry.note.html, ctx);
  return `${anchor}${type}${ctx.flavour === 'print' ? body : wrap(ctx, 'note-body', body)}`;
}

function words(entry: ApparatusEntry, ctx: Context): string {
  if (entry.series === 'critical') return `${sourceAnchor(entry, ctx)}${ctx.flavour === 'print' ? printedCriticalWords(entry, ctx) : criticalWords(entry, ctx)}`;
  if (entry.series === 'textual') return textualWords(entry, ctx);
  return noteWords(entry, ctx);
}

// ===== one entry, by flavour =====

function languageOf(entry: ApparatusEntry, ctx: Context): string | undefined {
  return ctx.languages.get(entry.localId) || undefined;
}

function noteClass(entry: ApparatusEntry): string {
  return `note${entry.type ? ` note-${safeId(entry.type)}` : ''}`;
}

function backLink(entry: ApparatusEntry, ctx: Context, cls: string): string {
  return `<a class="${cls}" href="${escapeAttribute(ctx.markerHref(entry))}" aria-label="${escapeAttribute(backName(entry, ctx.labels))}">${escapeText(entry.label)}</a>`;
}

function returnLink(entry: ApparatusEntry, ctx: Context): string {
  return entry.series === 'explanatory' ? ` <a class="backref ed" href="${escapeAttribute(ctx.markerHref(entry))}" aria-label="${escapeAttribute(ctx.labels.t('backToText'))}">↩</a>` : '';
}

function dataOf(entry: ApparatusEntry): Attributes {
  return [['data-entry', entry.localId], ['data-number', String(entry.number)], ['data-line', String(entry.line)]];
}

/** The site's list item: `li#note-N.note`, `li#tn-N.tn-entry`, `li#app-N.app-entry`, label linked to the marker. */
function siteItem(entry: ApparatusEntry, ctx: Context): string {
  const note = entry.series === 'explanatory';
  const attrs = attributes([
    ['id', ctx.id(entry.localId)],
    ['class', note ? noteClass(entry) : SITE_CLASSES[entry.series].item],
    ['role', note ? 'doc-footnote' : undefined],
    ['tabindex', '-1'],
    ['value', note ? String(entry.number) : undefined],
    ...dataOf(entry),
    ['lang', languageOf(entry, ctx)],
  ]);
  return `<li${attrs}>${backLink(entry, ctx, SITE_CLASSES[entry.series].label)} ${words(entry, ctx)}${returnLink(entry, ctx)}</li>`;
}

/** dist/apparatus/index.html's list item: the entry's edition-wide id (through `id`), its label linked to its marker. */
function standaloneItem(entry: ApparatusEntry, ctx: Context): string {
  const attrs = attributes([['id', ctx.id(entry.localId)], ['class', `entry series-${entry.series}`], ...dataOf(entry), ['lang', languageOf(entry, ctx)]]);
  return `<li${attrs}>${backLink(entry, ctx, 'label')} ${words(entry, ctx)}</li>`;
}

/** The EPUB's: a note as a footnote aside or an endnote item, a textual or critical entry as an item of the apparatus. */
function epubItem(entry: ApparatusEntry, ctx: Context): string {
  const note = entry.series === 'explanatory';
  const footnote = note && ctx.placement === 'footnotes';
  const attrs = attributes([
    ['id', ctx.id(entry.localId)],
    ['class', note ? noteClass(entry) : SITE_CLASSES[entry.series].item],
    ['value', note && !footnote ? String(entry.number) : undefined],
    ['epub:type', note ? (footnote ? 'footnote' : 'endnote') : undefined],
    ['role', footnote ? 'doc-footnote' : undefined],
    ...dataOf(entry),
    ['lang', languageOf(entry, ctx)],
  ]);
  const tag = footnote ? 'aside' : 'li';
  return `<${tag}${attrs}>${backLink(entry, ctx, SITE_CLASSES[entry.series].label)} ${words(entry, ctx)}${returnLink(entry, ctx)}</${tag}>`;
}

/** Print: `span.fn.fn-<series>` with the site's label in `data-label`; the page engine sets the label itself. */
function printItem(entry: ApparatusEntry, ctx: Context): string {
  ctx.drawing.add(entry.localId);
  try {
    const attrs = attributes([['id', ctx.id(entry.localId)], ['class', `fn fn-${entry.series}`], ['data-entry', entry.localId], ['data-label', entry.label], ['lang', languageOf(entry, ctx)]]);
    return `<span${attrs}>${words(entry, ctx)}</span>`;
  } finally {
    ctx.drawing.delete(entry.localId);
  }
}

function item(entry: ApparatusEntry, ctx: Context): string {
  switch (ctx.flavour) {
    case 'site': return siteItem(entry, ctx);
    case 'standalone': return standaloneItem(entry, ctx);
    case 'epub': return toXhtml(epubItem(entry, ctx));
    case 'print': return printItem(entry, ctx);
  }
}

/**
 * One entry of `document` in one flavour. For the EPUB, `placement` says whether a note is a footnote
 * (an aside) or an endnote (a list item); textual and critical entries are list items of the apparatus.
 */
export function renderEntry(flavour: Flavour, entry: ApparatusEntry, document: DocumentApparatus, options: RenderOptions, placement: NotesPlacement = 'footnotes'): string {
  return item(entry, contextOf(flavour, document, options, placement));
}

// ===== sections =====

/** The critical apparatus and the textual notes of a document, as sections of list items (site and EPUB). */
function apparatusSeries(ctx: Context): string {
  const list = (series: ApparatusSeries): string => entriesOf(ctx.document, series).map((e) => item(e, ctx)).join('\n');
  const critical = list('critical');
  const textual = list('textual');
  const h = (id: string): string => escapeAttribute(ctx.id(id));
  const t = (key: string): string => escapeText(ctx.labels.t(key));
  return [
    critical && `<section class="apparatus-series series-critical" aria-labelledby="${h('h-critical')}">\n<h3 id="${h('h-critical')}">${t('criticalApparatus')}</h3>\n`
      + `<p class="apparatus-key ed">${t('criticalKey')}</p>\n<ol class="apparatus-list">\n${critical}\n</ol>\n</section>`,
    textual && `<section class="apparatus-series series-textual" aria-labelledby="${h('h-textual')}">\n<h3 id="${h('h-textual')}">${t('textualNotes')}</h3>\n<ol class="textual-list">\n${textual}\n</ol>\n</section>`,
  ].filter(Boolean).join('\n');
}

/**
 * The options of the site's document page: ids as the model gives them, entries and markers on the same
 * page, links as the model gives them (the site resolves link keys in the whole page: site-links.ts).
 */
export function siteOptions(languages?: ReadonlyMap<string, string>, labels?: Labels): RenderOptions {
  return { resolve: (href) => href, markerHref: (e) => `#${e.markerId}`, ...(languages ? { languages } : {}), ...(labels ? { labels } : {}) };
}

export interface SiteSections {
  /** The critical apparatus, then the textual notes (sections of the "Apparatus" section); '' when the document has neither. */
  apparatus: string;
  /** The notes, as one ordered list; '' when the document has none. */
  notes: string;
  /** Whether the document has a critical apparatus (the page explains sigla only then). */
  critical: boolean;
}

/** What a document page of the site shows under its text. */
export function siteSections(document: DocumentApparatus, options: RenderOptions = siteOptions()): SiteSections {
  const ctx = contextOf('site', document, options);
  const notes = entriesOf(document, 'explanatory').map((e) => item(e, ctx)).join('\n');
  return {
    apparatus: apparatusSeries(ctx),
    notes: notes && `<ol class="notes-list">\n${notes}\n</ol>`,
    critical: entriesOf(document, 'critical').length > 0,
  };
}

/**
 * The notes of a document for the EPUB: footnote asides, or an ordered list of endnotes (each keeping its
 * number); with `keep`, only the notes it accepts (a document in parts). '' when there is none.
 */
export function epubNotes(document: DocumentApparatus, placement: NotesPlacement, options: RenderOptions, keep: (entry: ApparatusEntry) => boolean = () => true): string {
  const ctx = contextOf('epub', document, options, placement);
  const items = entriesOf(document, 'explanatory').filter(keep).map((e) => item(e, ctx));
  if (items.length === 0) return '';
  return placement === 'footnotes' ? items.join('\n') : `<ol class="notes-list">\n${items.join('\n')}\n</ol>`;
}

/** The critical apparatus and textual notes of a document for the EPUB, as one `section.apparatus`; '' when it has neither. */
export function epubApparatus(document: DocumentApparatus, options: RenderOptions): string {
  const ctx = contextOf('epub', document, options);
  const series = apparatusSeries(ctx);
  return series && toXhtml(`<section class="apparatus">\n${series}\n</section>`);
}

/**
 * Every entry of a document as printed (`span.fn`), by local id, for the print producer to put where each
 * marker stands. An entry whose marker stands inside another entry (markerHosts) is also printed inside
 * that entry, where its marker is.
 */
export function printEntries(document: DocumentApparatus, options: RenderOptions): Map<string, string> {
  const ctx = contextOf('print', document, options);
  return new Map(document.entries.map((e) => [e.localId, item(e, ctx)]));
}

/** The entries whose marker stands inside another entry's words (a note in a note, a note in a reading the text does not show), with that entry. */
export function markerHosts(document: DocumentApparatus): Map<string, string> {
  const hosts = new Map<string, string>();
  for (const e of document.entries) {
    for (const html of [e.note.html, ...e.readings.map((r) => r.html)]) for (const inner of markersIn(html)) if (!hosts.has(inner)) hosts.set(inner, e.localId);
  }
  return hosts;
}
