// Small, exact changes to the HTML fragments of the transform and of the apparatus model, without an HTML
// parser. The fragments are written by the stylesheets' HTML serialiser, whose output is regular enough to
// be read tag by tag:
// text holds no '<' (it is escaped), attribute values are always double-quoted and hold no '"', '<' or
// '>' (escaped as &#34;, &lt;, &gt;), every element is closed except the void ones, and no comment or
// processing instruction is written. So a tag is exactly what /<[^>]*>/ matches.

/** Text escaped for an HTML (or XHTML) text node. */
export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text escaped for a double-quoted attribute value. */
export function escapeAttribute(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

/** An attribute value as written by the serialiser, unescaped. */
function unescapeAttribute(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|quot|apos|amp);/g, (_, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    if (e === 'amp') return '&';
    return String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/** A start tag, read: its name, its attributes in order (values unescaped), whether it was written self-closed. */
export interface StartTag {
  name: string;
  attrs: [string, string | undefined][];
  selfClosed: boolean;
}

const TAG = /<[^>]*>/g;
const START = /^<([A-Za-z][A-Za-z0-9:-]*)((?:\s+[^\s"'>/=]+(?:="[^"]*")?)*)\s*(\/?)>$/;
const ATTRIBUTE = /\s+([^\s"'>/=]+)(?:="([^"]*)")?/g;

export function readStartTag(tag: string): StartTag | undefined {
  const m = START.exec(tag);
  if (!m) return undefined;
  const attrs: [string, string | undefined][] = [];
  for (const a of m[2]!.matchAll(ATTRIBUTE)) attrs.push([a[1]!, a[2] === undefined ? undefined : unescapeAttribute(a[2])]);
  return { name: m[1]!.toLowerCase(), attrs, selfClosed: m[3] === '/' };
}

/** A start tag written back: boolean attributes (value undefined) as their bare names. */
export function writeStartTag(tag: StartTag): string {
  const attrs = tag.attrs.map(([k, v]) => (v === undefined ? ` ${k}` : ` ${k}="${escapeAttribute(v)}"`)).join('');
  return `<${tag.name}${attrs}${tag.selfClosed ? '/' : ''}>`;
}

export function attribute(tag: StartTag, name: string): string | undefined {
  return tag.attrs.find(([k]) => k === name)?.[1];
}

/**
 * Every tag of `html` passed through `change` (start tags read, end tags as their names); text is kept as
 * it is. `change` returns the tag to write, or undefined to keep the tag unchanged.
 */
export function mapTags(html: string, change: (tag: { start: StartTag } | { end: string }) => string | undefined): string {
  return html.replace(TAG, (raw) => {
    if (raw.startsWith('</')) return change({ end: raw.slice(2, -1).trim().toLowerCase() }) ?? raw;
    const start = readStartTag(raw);
    return start === undefined ? raw : change({ start }) ?? raw;
  });
}

/**
 * Every link (`a` with `href`) rewritten by `resolve`: its new href, or, when the link can lead nowhere in
 * this output (undefined), its words in a span that keeps its id, class and language. Links do not nest
 * (the stylesheets never write one inside another), so the next `</a>` closes the link a start tag opens.
 */
export function rewriteLinks(html: string, resolve: (href: string) => string | undefined): string {
  const open: boolean[] = [];
  return mapTags(html, (tag) => {
    if ('end' in tag) {
      if (tag.end !== 'a') return undefined;
      return open.pop() ? '</span>' : undefined;
    }
    const { start } = tag;
    if (start.name !== 'a') return undefined;
    const href = attribute(start, 'href');
    if (href === undefined) {
      open.push(false);
      return undefined;
    }
    const target = resolve(href);
    if (target === undefined) {
      open.push(true);
      return writeStartTag({ name: 'span', attrs: start.attrs.filter(([k]) => k === 'id' || k === 'class' || k === 'lang'), selfClosed: false });
    }
    open.push(false);
    return writeStartTag({ ...start, attrs: start.attrs.map(([k, v]) => [k, k === 'href' ? target : v]) });
  });
}

const ID_REFERENCES = new Set(['aria-describedby', 'aria-labelledby', 'aria-controls', 'aria-owns', 'for']);

/** Every id (and every reference to an id in ARIA attributes) renamed by `rename`. */
export function rewriteIds(html: string, rename: (id: string) => string): string {
  return mapTags(html, (tag) => {
    if ('end' in tag) return undefined;
    const { start } = tag;
    if (!start.attrs.some(([k]) => k === 'id' || ID_REFERENCES.has(k))) return undefined;
    return writeStartTag({
      ...start,
      attrs: start.attrs.map(([k, v]) => [k, v === undefined ? v : k === 'id' ? rename(v) : ID_REFERENCES.has(k) ? v.split(/\s+/).filter(Boolean).map(rename).join(' ') : v]),
    });
  });
}

/**
 * The markers of apparatus entries the stylesheets write (text.xsl, apparatus.xsl): a `sup` of class
 * "noteref ed", "tnref ed" or "appref ed" holding one link with `data-entry` and its label. Each is
 * replaced by what `marker` returns for the entry it names (undefined: kept as it is).
 */
const MARKER = /<sup class="(?:noteref|tnref|appref) ed"><a [^>]*?data-entry="([^"]*)"[^>]*>[^<]*<\/a><\/sup>/g;

export function rewriteMarkers(html: string, marker: (localId: string) => string | undefined): string {
  return html.replace(MARKER, (raw, entry: string) => marker(unescapeAttribute(entry)) ?? raw);
}

/** The local ids of the entries whose markers `html` holds, in order. */
export function markersIn(html: string): string[] {
  return [...html.matchAll(MARKER)].map((m) => unescapeAttribute(m[1]!));
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * HTML as XHTML: void elements closed (`<br/>`), boolean attributes given their name as value, `xml:lang`
 * beside every `lang`. Character references are already XML's (the serialiser writes &lt; &gt; &amp; &#34;
 * and characters as themselves).
 */
export function toXhtml(html: string): string {
  return mapTags(html, (tag) => {
    if ('end' in tag) return undefined;
    const { start } = tag;
    const attrs: [string, string | undefined][] = [];
    const lang = start.attrs.some(([k]) => k === 'lang');
    for (const [k, v] of start.attrs) {
      if (k === 'xml:lang' && lang) continue;
      attrs.push([k, v ?? k]);
      if (k === 'lang') attrs.push(['xml:lang', v ?? '']);
    }
    return writeStartTag({ name: start.name, attrs, selfClosed: VOID.has(start.name) });
  });
}

const BLOCK_TAG = /<(?:address|article|aside|blockquote|details|div|dl|dt|dd|fieldset|figcaption|figure|footer|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|table|ul)[\s>/]/i;

/** Whether an HTML fragment holds a block element (a paragraph, a list …), which a span may not hold in XHTML. */
export function holdsBlocks(html: string): boolean {
  return BLOCK_TAG.test(html);
}

/** The fragment without the white space it begins and ends with (outside any tag). */
export function trimHtml(html: string): string {
  return html.replace(/^\s+|\s+$/g, '');
}
