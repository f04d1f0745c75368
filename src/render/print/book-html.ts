// The printed edition as one HTML document, for the page engine (pdf-engine.ts) to lay out: half-title,
// title page, imprint (licence, how to cite), contents, introduction and editorial principles, witnesses,
// the documents, the registers with page and line references, a colophon. Made from the transform's print
// fragments (xslt/print/print.xsl) and the one apparatus renderer (print flavour), nothing else.
// Pure: the model in, HTML out.
import { behaviours } from '../../read/behaviours.js';
import type { DocumentApparatus } from '../../transform/apparatus/model.js';
import { printEntries, type RenderOptions } from '../apparatus/render-entries.js';
import { escapeAttribute, rewriteIds, rewriteLinks } from '../html-rewrite.js';
import { addressOf, linkTargetsOf, parseLinkKey, REGISTER_SCHEME, resolveKeysInHtml, type LinkTargets } from '../link-keys.js';
import { labelsOf, type SiteDocument, type SiteModel } from '../site-model.js';
import type { Labels } from '../../labels/labels.js';
import { documentKey } from '../../transform/apparatus/from-transform.js';
import { readingOrder } from '../volumes.js';

export interface PrintBookOptions {
  /** Tool name and version for the colophon, e.g. "tei-edition 0.1.0". */
  tool: string;
}

export interface PrintBook {
  html: string;
  /** Link keys no place of the book answers. */
  unresolved: string[];
  /** Each document's section id in the book ("doc-<stem>") → its source file as the build displays it. */
  documents: Record<string, string>;
}

const escape = escapeAttribute;

/** The stem of a document's page. */
function stemOf(page: string): string {
  return page.replace(/^.*\//, '').replace(/\.html$/, '');
}

/**
 * The section id of each document ("doc-<stem>"), made safe for the CSS selectors Paged.js builds from
 * link targets (contents and register references): only letters, digits, "-" and "_", and unique.
 */
function documentIds(documents: readonly SiteDocument[]): Map<SiteDocument, string> {
  const ids = new Map<SiteDocument, string>();
  const taken = new Set<string>();
  for (const d of documents) {
    const base = `doc-${stemOf(d.page).replace(/[^A-Za-z0-9_-]/g, '_')}`;
    let id = base;
    for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
    taken.add(id);
    ids.set(d, id);
  }
  return ids;
}

/**
 * Ids of one document's fragments are unique only in that document; in the one HTML of the book each gets
 * a prefix (the document's section id and "--"), and every same-document link follows. Attribute values come
 * from the XSLT serialiser (double quotes), so the rewrite is exact.
 */
export function prefixIds(html: string, prefix: string): string {
  return rewriteLinks(rewriteIds(html, (id) => `${prefix}${id}`), (href) => (href.startsWith('#') ? `#${prefix}${href.slice(1)}` : href));
}

/**
 * What the site shows and a printed page does not: paragraph numbers (a printed edition refers to its text by
 * page and line), the arrows that link a name to its further register entries (the register lists the
 * name under each), and the type label of a note (its series at the foot of the page says what kind it is).
 */
export function withoutSiteApparatus(html: string): string {
  return html
    .replace(/<a\b[^>]*\sclass="pnum\b[^"]*"[^>]*>[^<]*<\/a>/g, '')
    .replace(/<sup class="name-link\b[^"]*">(?:<a\b[^>]*>[^<]*<\/a>|<span\b[^>]*>[^<]*<\/span>)<\/sup>/g, '')
    .replace(/<span class="note-type\b[^"]*">[^<]*<\/span> ?/g, '');
}

/** The id of a witness's entry in the list of witnesses. */
/** A document of the edition, not a volume's own page nor a division of its front or back. */
function isDocument(d: SiteDocument): boolean {
  return d.part === undefined || d.part.kind === 'document';
}

function witnessId(siglum: string): string {
  return `wit-${siglum.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** Where link keys lead in the book: a document to its section, a register file to its register section. */
function bookTargets(model: SiteModel, ids: Map<SiteDocument, string>): LinkTargets {
  const targets = linkTargetsOf(model, { front: '#contents', document: (d) => `#${ids.get(d)}`, register: (r) => `#reg-${stemOf(r.page)}` });
  const files = new Map(targets.files);
  for (const w of model.witnesses) files.set(w.key, `#${witnessId(w.siglum)}`);
  return { files, registers: targets.registers, ...(targets.ids ? { ids: targets.ids } : {}) };
}

/**
 * A link of the book: inside it, an anchor. A file key with an id leads to that entry of the register (ids of
 * register entries are prefixed with their register), or to that place of a document.
 */
function resolver(model: SiteModel, ids: Map<SiteDocument, string>): (href: string) => string | undefined {
  const targets = bookTargets(model, ids);
  const registerOf = new Map(model.registers.map((r) => [r.key, stemOf(r.page)]));
  const documentOf = new Map(model.documents.map((d) => [d.key, ids.get(d) ?? '']));
  return (href) => {
    const key = parseLinkKey(href);
    if (key.kind === 'web') return key.href;
    if (key.kind === 'file' && key.id) {
      // A witness of the list of witnesses; any other place in the front matter leads to the contents.
      const witness = targets.files.get(`${key.file}#${key.id}`);
      if (witness !== undefined) return witness;
      if (key.file === model.frontKey) return '#contents';
    }
    if ((key.kind === 'file' || key.kind === 'register') && key.id) {
      const register = key.kind === 'file' ? registerOf.get(key.file) : registerOf.get(`${REGISTER_SCHEME}${key.list}`);
      if (register !== undefined) return `#reg-${register}-${key.id}`;
      // In a volume, the part that holds the id (render/volumes.ts); else the document.
      const part = key.kind === 'file' ? targets.ids?.get(key.file)?.get(key.id) : undefined;
      if (part) return `${part}--${key.id}`;
      const doc = key.kind === 'file' ? documentOf.get(key.file) : undefined;
      if (doc) return `#${doc}--${key.id}`;
    }
    const address = addressOf(key, targets);
    return address?.startsWith('#') ? address : undefined;
  };
}

/** The dateline of a document: where and when it was sent. */
function dateline(d: SiteDocument, labels: Labels): string {
  const sent = d.data.correspondence.find((a) => a.type === 'sent');
  const place = sent?.places.map((p) => p.label).join(', ') ?? '';
  const date = d.data.date.label || labels.date(d.data.date.when);
  return [place, date].filter(Boolean).join(', ');
}

/**
 * The short title of the book, for the half-title and the running heads of versos: the title without its
 * subtitle when the title ends with it ("Toward Kaesong: the armistice proposal, June–July 1951" with the
 * subtitle "The armistice proposal, June–July 1951" gives "Toward Kaesong").
 */
export function shortTitle(title: string, subtitle: string): string {
  const m = /^(.+?)\s*(?::|\s[—–-])\s+(.+)$/.exec(title.trim());
  if (m && subtitle && m[2]!.toLowerCase() === subtitle.trim().toLowerCase()) return m[1]!;
  return title.trim();
}

/** A running title that fits a running head: up to a colon, and at most about 70 characters, cut between words. */
export function runningTitle(title: string, max = 70): string {
  let t = title.replace(/\s+/g, ' ').trim();
  const colon = t.indexOf(': ');
  if (t.length > 50 && colon >= 20) t = t.slice(0, colon);
  if (t.length <= max) return t;
  const cut = t.slice(0, max + 1).replace(/\s+\S*$/, '').replace(/[,;:.\s]+$/, '');
  return `${cut || t.slice(0, max)}…`;
}

/** "Edited by the editors of the project", not "Edited by The editors …" (an English name after English words). */
function editedBy(editors: readonly string[], labels: Labels): string {
  const names = labels.lang === 'en' ? editors.map((e) => e.replace(/^The (?=\p{Ll})/u, 'the ')) : [...editors];
  return labels.count('editedBy', names.length, { names: labels.list(names) });
}

/**
 * One edition line per printed line: every line break of the print fragment begins a line of the edition
 * (each line start is marked `span.ln[data-line]`, with the id `doc-<stem>--line-<N>`).
 */
function markLines(html: string): string {
  return html.replace(/<br( class="[^"]*")?>/g, '<br class="line">');
}

/**
 * Mentions of register entries: for each entry, the lines of this document that mention it (the line a
 * mention stands in is the last line begun before it, or the line its link begins with), as the ids of their
 * line markers.
 */
function collectMentions(html: string, docId: string, found: Map<string, Map<string, string[]>>): void {
  let line = '';
  const pattern = /<span class="ln\b[^"]*" id="([^"]*)" data-line="\d+">|<a\b[^>]*?\shref="#(reg-[^"]*)"[^>]*>(?:\s*<span class="ln\b[^"]*" id="([^"]*)")?/g;
  for (const m of html.matchAll(pattern)) {
    if (m[1] !== undefined) {
      line = m[1];
      continue;
    }
    const at = m[3] ?? line;
    if (at === '') continue;
    const byDocument = found.get(m[2]!) ?? new Map<string, string[]>();
    const lines = byDocument.get(docId) ?? [];
    if (!lines.includes(at)) lines.push(at);
    byDocument.set(docId, lines);
    found.set(m[2]!, byDocument);
  }
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * The element that begins at `start` of `html` (an opening tag): where its content begins and where its end
 * tag ends. The HTML comes from the XSLT serialiser and the apparatus renderer: well nested, void elements
 * unclosed.
 */
function elementAt(html: string, start: number): { contentStart: number; contentEnd: number; end: number } | undefined {
  const tag = /<(\/?)([A-Za-z][\w-]*)\b[^>]*>/g;
  tag.lastIndex = start;
  let depth = 0;
  let contentStart = -1;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    const name = m[2]!.toLowerCase();
    if (VOID.has(name) || m[0].endsWith('/>')) continue;
    if (m[1] === '') {
      if (contentStart < 0) contentStart = m.index + m[0].length;
      depth++;
    } else if (--depth === 0) {
      return { contentStart, contentEnd: m.index, end: m.index + m[0].length };
    }
  }
  return undefined;
}

/** The words of an HTML fragment, as a reader sees them. */
function wordsOf(html: string): string[] {
  const text = html
    .replace(/<br\b[^>]*>/g, ' ')
    .replace(/<\/(div|p|blockquote|li|h[1-6])>/g, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
  return text.split(/\s+/).filter(Boolean);
}

/**
 * An entry as the foot of a printed page sets it: a lemma (or the words a textual note is about) of more than
 * six words is given by its first two words and its last, "for negotiations … armistice", as printed apparatus
 * do, since the line number and those words find it in the text; line breaks inside readings are " / ".
 */
export function printedEntry(html: string): string {
  let out = '';
  let at = 0;
  const lemma = /<span class="(?:lemma|tn-anchor)">/g;
  for (let m = lemma.exec(html); m; m = lemma.exec(html)) {
    const element = elementAt(html, m.index);
    if (!element) break;
    const words = wordsOf(html.slice(element.contentStart, element.contentEnd));
    if (words.length > 6) {
      out += `${html.slice(at, element.contentStart)}${escape(`${words.slice(0, 2).join(' ')} … ${words[words.length - 1]}`)}</span>`;
      at = element.end;
      lemma.lastIndex = element.end;
    }
  }
  return (out + html.slice(at)).replace(/<br\b[^>]*>/g, ' / ');
}

/** Facts of a register entry that a printed register leaves out: identifiers (web addresses), coordinates, sex. */
const UNPRINTED_PARTS = new Set(['idno', 'location', 'sex', 'gender']);

/**
 * Words of a register entry without web addresses, and for facts (birth, death …) without the geographic
 * coordinates of their places ("Linz 48,3 14,28333").
 */
function plainWords(html: string, facts = false): string {
  const words = ` ${wordsOf(html).join(' ')} `;
  return (facts ? words.replace(/\s-?\d{1,3}[.,]\d+\s+-?\d{1,3}[.,]\d+(?=[\s,;])/g, ' ') : words)
    .split(/\s+/)
    .filter((w) => w !== '' && !/^\(?https?:\/\//.test(w) && !(facts && /^-?\d{1,3}[.,]\d{3,}[,;]?$/.test(w)))
    .join(' ')
    .replace(/\s+([,;.)])/g, '$1')
    .trim();
}

/**
 * What a printed register says of an entry, as HTML: its description, or, for an entry made of facts
 * (div.entry-part, as the registers documents carry have them: birth, death, occupation …), those facts a
 * reader needs, each with its label ("Birth: 1872-11-29 Wien; Death: …"), without identifiers, web
 * addresses and coordinates.
 */
export function registerDescription(html: string, labels?: Labels): string {
  const description = labels?.t('description') ?? 'Description';
  if (!/class="entry-part\b/.test(html)) return escape(plainWords(html).replace(/[.;,]$/, ''));
  const kept: string[] = [];
  const top = /<([A-Za-z][\w-]*)\b[^>]*>/g;
  for (let m = top.exec(html); m; m = top.exec(html)) {
    const element = elementAt(html, m.index);
    if (!element) break;
    top.lastIndex = element.end;
    const kind = /^<div class="entry-part entry-([\w-]+)"/.exec(m[0])?.[1];
    if (kind !== undefined && UNPRINTED_PARTS.has(kind)) continue;
    const content = html.slice(element.contentStart, element.contentEnd);
    const label = /^\s*<span class="entry-part-label">([^<]*)<\/span>/.exec(content);
    const labelText = label ? label[1]!.replace(/:\s*$/, '').trim() : '';
    if (kind === 'desc' && /\b(type|id)\b/.test(labelText.startsWith(description) ? labelText.slice(description.length) : labelText)) continue;
    const words = plainWords(label ? content.slice(label[0].length) : content, true).replace(/[.;,]$/, '');
    if (!words) continue;
    kept.push(labelText ? `<span class="label">${escape(labelText)}:</span> ${escape(words)}` : escape(words));
  }
  return kept.join('; ');
}

/** A fragment whose first element is a heading: that heading's text and the fragment without it. */
function leadingHeading(html: string): { heading: string; rest: string } | undefined {
  const m = /^\s*<(h[1-6])\b[^>]*>([\s\S]*?)<\/\1>/.exec(html);
  if (!m) return undefined;
  const heading = m[2]!.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
  return heading ? { heading, rest: html.slice(m[0].length) } : undefined;
}

interface Context {
  model: SiteModel;
  labels: Labels;
  ids: Map<SiteDocument, string>;
  resolve: (href: string) => string | undefined;
  mentions: Map<string, Map<string, string[]>>;
  unresolved: string[];
}

/** A fragment of the edition (front matter, a witness, a source note) with its ids prefixed and its keys resolved. */
function fragment(ctx: Context, html: string | undefined, prefix: string): string {
  if (!html) return '';
  const r = resolveKeysInHtml(prefixIds(withoutSiteApparatus(html), prefix), ctx.resolve);
  ctx.unresolved.push(...r.unresolved);
  return r.html;
}

/** A division of a document's text with a heading: its depth (1 for the outermost), heading and link target. */
export interface Division {
  depth: number;
  title: string;
  target: string;
}

const SAFE_TARGET = /^[A-Za-z][A-Za-z0-9_.-]*$/;

/**
 * The divisions of a document's text that the contents list (the volumes of a documentary series are one
 * TEI file of hundreds of documents): every `section.div` whose first element is a heading, down to the depth
 * that has the most of them. Each such section also gets its heading as the running title, so that the
 * running heads of rectos name the document on the page. Returns the text with those titles.
 */
export function textDivisions(html: string): { html: string; divisions: Division[] } {
  const found: Array<Division & { at: number; tagEnd: number }> = [];
  let depth = 0;
  const tags = /<section\b[^>]*>|<\/section>/g;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    if (m[0] === '</section>') {
      depth--;
      continue;
    }
    depth++;
    const id = /\sid="([^"]*)"/.exec(m[0])?.[1];
    if (!/\sclass="div\b/.test(m[0])) continue;
    const after = m.index + m[0].length;
    const heading = /^\s*<(h[1-6])\b([^>]*)>/.exec(html.slice(after, after + 400));
    if (!heading) continue;
    const element = elementAt(html, after + heading[0].indexOf('<'));
    if (!element) continue;
    const words = wordsOf(
      html
        .slice(element.contentStart, element.contentEnd)
        .replace(/<span class="ln\b[^"]*"[^>]*>[^<]*<\/span>/g, '')
        .replace(/<span\b[^>]*\sclass="fn\b[\s\S]*$/, ''),
    ).join(' ');
    const headingId = /\sid="([^"]*)"/.exec(heading[2] ?? '')?.[1];
    const target = [headingId, id].find((t) => t !== undefined && SAFE_TARGET.test(t));
    if (words && target) found.push({ depth, title: words, target, at: m.index, tagEnd: after });
  }
  if (found.length < 2) return { html, divisions: [] };
  const counts = new Map<number, number>();
  for (const f of found) counts.set(f.depth, (counts.get(f.depth) ?? 0) + 1);
  const deepest = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
  const kept = found.filter((f) => f.depth <= deepest);
  let out = '';
  let last = 0;
  for (const f of kept) {
    out += `${html.slice(last, f.tagEnd - 1)} data-running-title="${escape(runningTitle(f.title))}">`;
    last = f.tagEnd;
  }
  out += html.slice(last);
  const top = Math.min(...kept.map((f) => f.depth));
  return { html: out, divisions: kept.map((f) => ({ depth: f.depth - top + 1, title: f.title, target: f.target })) };
}

function documentSection(ctx: Context, d: SiteDocument, index: number, apparatus: DocumentApparatus | undefined): { html: string; divisions: Division[] } {
  const docId = ctx.ids.get(d) ?? `doc-${index + 1}`;
  const prefix = `${docId}--`;
  const options: RenderOptions = { resolve: ctx.resolve, markerHref: () => '', id: (id) => `${prefix}${id}`, labels: ctx.labels };
  const entries = apparatus ? printEntries(apparatus, options) : new Map<string, string>();
  // Ids first (the fragment's own, '#…' links), then keys, which lead elsewhere in the book.
  const linked = resolveKeysInHtml(prefixIds(d.data.html.print, prefix), ctx.resolve);
  ctx.unresolved.push(...linked.unresolved);
  const lined = markLines(linked.html);
  // Mentions in the text only (the words of an entry at the foot stand on the page of its line anyway), and
  // before the site's marks go, since a name's further register links are among them.
  collectMentions(lined, docId, ctx.mentions);
  // Each place of an entry gets the entry, which the engine floats to the foot of the page.
  const filled = withoutSiteApparatus(lined).replace(/<te-entry data-entry="([^"]*)"><\/te-entry>/g, (_, id: string) => printedEntry(withoutSiteApparatus(entries.get(id) ?? '')));
  const { html: text, divisions } = textDivisions(filled);
  const source = fragment(ctx, d.data.html.source, `${prefix}src-`);
  const title = d.data.title || stemOf(d.page);
  const number = d.data.number || String(index + 1);
  const line = dateline(d, ctx.labels);
  const html = `<section class="document" id="${docId}" data-document="${docId}" data-running-title="${escape(runningTitle(title))}" lang="${escape(d.data.lang || ctx.model.lang || 'en')}">
${ctx.model.documents.length > 1 && isDocument(d) ? `<p class="doc-number">${escape(ctx.labels.t('documentNumber', { number }))}</p>\n` : ''}<h1>${escape(title)}</h1>
${source.trim() ? `<div class="source-note">${source}</div>\n` : ''}${line && !title.includes(line) ? `<p class="dateline">${escape(line)}</p>\n` : ''}<div class="text">${text}</div>
</section>`;
  return { html, divisions };
}

/** Registers in the order of the behaviour table (persons, places, organisations, objects …), then the rest. */
function registerRank(entries: readonly { list: string; register: string }[]): number {
  const lists = behaviours().registerLists.map((l) => l.list);
  const first = entries[0];
  const at = first ? lists.indexOf(first.register || first.list) : -1;
  return at < 0 ? lists.length : at;
}

function registerSections(ctx: Context): string {
  const ordered = ctx.model.registers.map((r, i) => ({ r, i, rank: registerRank(r.entries) })).sort((a, b) => a.rank - b.rank || a.i - b.i);
  const parts = ordered.flatMap(({ r }) => {
    const stem = stemOf(r.page);
    const items = [...r.entries]
      .sort((a, b) => a.label.localeCompare(b.label, ctx.labels.lang) || (a.id < b.id ? -1 : 1))
      .flatMap((e) => {
        const id = `reg-${stem}-${e.id}`;
        // Page and line of every mention, document by document: "9.15, 9.20; 12.3". An entry the printed text
        // never mentions has no place in the printed register.
        const byDocument = ctx.mentions.get(id);
        if (!byDocument) return [];
        const refs = [...byDocument.values()].map((lines) => lines.map((line) => `<a class="pageref" href="#${line}"></a>`).join(', ')).join('; ');
        const forms = [...new Set(e.names.map((n) => n.text.replace(/\s+/g, ' ').trim()).filter((t) => t && t !== e.label && !t.includes('://')))];
        const description = registerDescription(e.html, ctx.labels);
        return [
          `<li class="entry" id="${escape(id)}"><span class="headword">${escape(e.label)}</span>${forms.length ? ` <span class="forms">(${escape(forms.join('; '))})</span>` : ''}`
            + ` <span class="refs">${refs}</span>${description ? `<span class="description">${description}</span>` : ''}</li>`,
        ];
      });
    return items.length ? [`<section class="register-part" id="reg-${escape(stem)}" data-running-title="${escape(runningTitle(r.title))}"><h2>${escape(r.title)}</h2><ul>${items.join('\n')}</ul></section>`] : [];
  });
  if (parts.length === 0) return '';
  const registers = escape(ctx.labels.t('registers'));
  return `<section class="register" id="register" data-running-title="${registers}">
<h1>${registers}</h1>
<p class="register-note">${escape(ctx.labels.t('printRegisterNote'))}</p>
${parts.join('\n')}
</section>`;
}

export function printBookHtml(model: SiteModel, apparatus: readonly DocumentApparatus[], options: PrintBookOptions): PrintBook {
  // The documents, then the pages of each volume in its order (render/volumes.ts).
  const printed = readingOrder(model);
  const ids = documentIds(printed);
  const labels = labelsOf(model);
  const t = (key: string, values?: Record<string, string>): string => escape(labels.t(key, values));
  const ctx: Context = { model, labels, ids, resolve: resolver(model, ids), mentions: new Map(), unresolved: [] };
  const front = model.front?.front;
  const byDocument = new Map(apparatus.map((a) => [a.document, a]));
  const sections = printed.map((d, i) => documentSection(ctx, d, i, byDocument.get(documentKey(d.page))));
  const documents = sections.map((x) => x.html).join('\n');
  const short = shortTitle(model.title, model.subtitle);
  const subtitle = model.subtitle && short !== model.title.trim() ? model.subtitle : model.subtitle && !model.title.toLowerCase().includes(model.subtitle.toLowerCase()) ? model.subtitle : '';
  const year = model.buildDate.slice(0, 4);
  const editors = front?.editors ?? [];
  const citation = [editors.length ? t('printEditors', { editors: editors.join(', ') }) : '', `<cite>${escape(model.title)}</cite>`, escape(front?.edition ?? ''), escape(front?.publisher ?? ''), escape(year)]
    .filter((x) => x.trim())
    .join(', ');

  /** A part of the front matter: the heading its fragment begins with, or the given one. */
  const part = (cls: string, id: string, fallback: string, html: string | undefined): { html: string; title: string } => {
    const body = fragment(ctx, html, `${id}-`);
    if (!body.trim()) return { html: '', title: '' };
    const lead = leadingHeading(body);
    const title = lead?.heading ?? fallback;
    return {
      html: `<section class="${cls}" id="${id}" data-running-title="${escape(runningTitle(title))}"><h1>${escape(title)}</h1>${lead ? lead.rest : body}</section>`,
      title,
    };
  };
  const introduction = part('introduction', 'introduction', labels.t('introduction'), front?.introduction);
  const principles = part('principles', 'principles', labels.t('editorialPrinciples'), front?.principles);
  const witnesses = model.witnesses.length
    ? `<section class="witnesses" id="witnesses" data-running-title="${t('witnessesAndSigla')}"><h1>${t('witnessesAndSigla')}</h1><dl class="witness-list">${model.witnesses.map((w) => `<dt class="siglum" id="${witnessId(w.siglum)}">${escape(w.siglum)}</dt><dd>${fragment(ctx, w.html, `${witnessId(w.siglum)}-`)}</dd>`).join('\n')}</dl></section>`
    : '';
  const registers = registerSections(ctx);
  const contents = printed
    .map((d, i) => {
      const entry = `${model.documents.length > 1 && isDocument(d) ? `<span class="number">${escape(d.data.number || String(i + 1))}</span> ` : ''}<a href="#${ids.get(d)}">${escape(d.data.title || stemOf(d.page))}</a>`;
      const divisions = sections[i]?.divisions ?? [];
      if (divisions.length === 0) return `<li class="document-entry">${entry}</li>`;
      const items = divisions.map((v) => `<li class="division depth-${Math.min(v.depth, 4)}"><a href="#${v.target}">${escape(v.title)}</a></li>`).join('\n');
      return `<li class="document-entry with-divisions"><span class="entry">${entry}</span><ol class="divisions">\n${items}\n</ol></li>`;
    })
    .join('\n');
  const licence = front?.licence.text
    ? `<p>${escape(front.licence.text.replace(/\s+/g, ' ').trim().replace(/\.$/, ''))}${front.licence.url ? ` (<span class="url">${escape(front.licence.url)}</span>)` : ''}.</p>`
    : '';
  let html = `<!DOCTYPE html>
<html lang="${escape(labels.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; base-uri 'none'; form-action 'none'">
<title>${escape(model.title)}</title>
</head>
<body>
<section class="half-title"><p class="title">${escape(short)}</p></section>
<section class="title-page" data-running-title="${escape(runningTitle(short))}">
<p class="title">${escape(short)}</p>
${subtitle ? `<p class="subtitle">${escape(subtitle)}</p>\n` : ''}${editors.length ? `<p class="editors">${escape(editedBy(editors, labels))}</p>\n` : ''}${front?.edition ? `<p class="edition">${escape(front.edition)}</p>\n` : ''}${front?.publisher ? `<p class="publisher">${escape(front.publisher)}</p>\n` : ''}</section>
<section class="imprint">
${licence}<p class="how-to-cite"><span class="label">${t('howToCite')}</span> ${labels.html('printedCitation', { citation })}</p>
<p>${t('printImprint')}</p>
</section>
<nav class="contents" id="contents" data-running-title="${t('contents')}"><h1>${t('contents')}</h1><ol>
${introduction.html ? `<li><a href="#introduction">${escape(introduction.title)}</a></li>\n` : ''}${principles.html ? `<li><a href="#principles">${escape(principles.title)}</a></li>\n` : ''}${witnesses ? `<li><a href="#witnesses">${t('witnessesAndSigla')}</a></li>\n` : ''}${contents}
${registers ? `<li><a href="#register">${t('registers')}</a></li>\n` : ''}</ol></nav>
${introduction.html || principles.html ? `<section class="front">${introduction.html}${principles.html}</section>\n` : ''}${witnesses}
${documents}
${registers}
<section class="colophon"><p>${t('colophon', { tool: options.tool, date: labels.date(model.buildDate) })}</p></section>
</body>
</html>
`;
  const sources: Record<string, string> = {};
  // Typographic ligatures written as characters (U+FB00–FB06, "ﬄ") are letters to the reader; the fonts set
  // their own ligatures, and have no glyph for these compatibility characters.
  html = html.replace(/[\uFB00-\uFB06]/g, (c) => c.normalize('NFKC'));
  for (const d of printed) sources[ids.get(d) ?? ''] = d.source;
  return { html, unresolved: ctx.unresolved, documents: sources };
}
