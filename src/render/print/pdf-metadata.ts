// Gives Chromium's PDF its metadata and makes its bytes reproducible, by an incremental update (PDF 1.7, 7.5.6):
// the original bytes stay as Chromium wrote them, so its outline, tags and links are untouched, except for its
// Info dictionary, which carries the clock time and the browser's user agent and is blanked in place (same
// length, so every offset in its cross-reference table stays right). Appended: a new Info dictionary, an XMP
// metadata stream, the catalog again (with the language and the metadata stream), the outline entries whose
// titles Chromium garbled (it drops the space where a heading wraps: "30June 1951"), a cross-reference section
// for those objects and a trailer with a document ID derived from the content.
import { createHash } from 'node:crypto';

export interface PdfMetadata {
  title: string;
  author: string;
  subject?: string;
  keywords?: readonly string[];
  /** BCP 47 language of the book ("en"). */
  lang: string;
  /** The program that made the book; "tei-edition" by default. */
  creator?: string;
}

export type FinishPdfResult = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

/** A PDF date string in UTC: D:YYYYMMDDHHmmSS+00'00'. */
export function pdfDate(date: Date): string {
  const iso = date.toISOString();
  return `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}+00'00'`;
}

/** A PDF text string as UTF-16BE hex with its byte order mark: safe for any character and needs no escaping. */
export function pdfText(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}

const xml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** XMP packet with the same metadata as the Info dictionary (PDF/UA and archives read it from here). */
export function xmpPacket(meta: PdfMetadata, date: Date, producer: string): string {
  const when = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const keywords = (meta.keywords ?? []).join(', ');
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(meta.title)}</rdf:li></rdf:Alt></dc:title>`,
    `<dc:creator><rdf:Seq><rdf:li>${xml(meta.author)}</rdf:li></rdf:Seq></dc:creator>`,
    meta.subject ? `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(meta.subject)}</rdf:li></rdf:Alt></dc:description>` : '',
    `<dc:language><rdf:Bag><rdf:li>${xml(meta.lang)}</rdf:li></rdf:Bag></dc:language>`,
    keywords ? `<pdf:Keywords>${xml(keywords)}</pdf:Keywords>` : '',
    `<pdf:Producer>${xml(producer)}</pdf:Producer>`,
    `<xmp:CreatorTool>${xml(meta.creator ?? 'tei-edition')}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${when}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${when}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${when}</xmp:MetadataDate>`,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="r"?>',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

interface Trailer {
  size: number;
  root: [number, number];
  info: [number, number];
  startxref: number;
}

function readTrailer(text: string): Trailer | string {
  const start = text.lastIndexOf('startxref');
  if (start < 0) return 'no startxref';
  const startxref = Number(/startxref\s+(\d+)/.exec(text.slice(start))?.[1]);
  if (!Number.isInteger(startxref) || !text.startsWith('xref', startxref)) {
    return 'the cross-reference data is not a table (Chromium wrote a layout this code does not know)';
  }
  const trailerAt = text.indexOf('trailer', startxref);
  const dict = trailerAt < 0 ? '' : text.slice(trailerAt, start);
  const size = Number(/\/Size\s+(\d+)/.exec(dict)?.[1]);
  const root = /\/Root\s+(\d+)\s+(\d+)\s+R/.exec(dict);
  const info = /\/Info\s+(\d+)\s+(\d+)\s+R/.exec(dict);
  if (!Number.isInteger(size) || !root || !info) return 'the trailer has no /Size, /Root or /Info';
  if (/\/Prev\b|\/Encrypt\b/.test(dict)) return 'the PDF is already updated or encrypted';
  return { size, root: [Number(root[1]), Number(root[2])], info: [Number(info[1]), Number(info[2])], startxref };
}

/** Decodes a PDF string token: literal "(...)" with its escapes, or hex "<FEFF...>" (UTF-16BE) / "<...>". */
export function decodePdfString(token: string): string {
  if (token.startsWith('<')) {
    const hex = token.slice(1, -1).replace(/\s+/g, '');
    const bytes = Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
    if (bytes[0] === 0xfe && bytes[1] === 0xff) {
      let out = '';
      for (let i = 2; i + 1 < bytes.length; i += 2) out += String.fromCharCode(((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));
      return out;
    }
    return bytes.toString('latin1');
  }
  const body = token.slice(1, -1);
  const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };
  return body.replace(/\\([0-7]{1,3}|[nrtbf()\\]|\r?\n)/g, (_, e: string) =>
    /^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8)) : /^\r?\n$/.test(e) ? '' : (escapes[e] ?? e));
}

/** A PDF string token at the start of `text` (after white space): "(...)" with nesting and escapes, or "<...>". */
function stringToken(text: string): string | undefined {
  const start = text.search(/\S/);
  if (start < 0) return undefined;
  if (text[start] === '<') {
    const end = text.indexOf('>', start);
    return end < 0 ? undefined : text.slice(start, end + 1);
  }
  if (text[start] !== '(') return undefined;
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return text.slice(start, i + 1);
  }
  return undefined;
}

/** Where object `num gen` lies in the bytes, from the cross-reference table. */
function objectRange(text: string, xrefAt: number, num: number, gen: number): { start: number; end: number } | undefined {
  const table = text.slice(xrefAt, text.indexOf('trailer', xrefAt));
  const lines = table.split(/\r?\n/);
  let i = 1;
  while (i < lines.length) {
    const head = /^(\d+)\s+(\d+)\s*$/.exec(lines[i] ?? '');
    if (!head) break;
    const first = Number(head[1]);
    const count = Number(head[2]);
    if (num >= first && num < first + count) {
      const entry = /^(\d{10})\s+(\d{5})\s+n/.exec(lines[i + 1 + (num - first)] ?? '');
      if (!entry || Number(entry[2]) !== gen) return undefined;
      const start = Number(entry[1]);
      const header = `${num} ${gen} obj`;
      if (!text.startsWith(header, start)) return undefined;
      const end = text.indexOf('endobj', start);
      return end < 0 ? undefined : { start: start + header.length, end };
    }
    i += 1 + count;
  }
  return undefined;
}

/**
 * Outline entries whose title equals a heading of the book once white space is ignored, but not as written:
 * Chromium drops the space at the point where a heading wraps. Returns the corrected dictionaries by object
 * number.
 */
function repairedOutline(text: string, xrefAt: number, catalog: string, headings: readonly string[]): Map<number, string> {
  const fixed = new Map<number, string>();
  const key = (t: string): string => t.replace(/\s+/g, '');
  const byKey = new Map(headings.map((h) => [key(h), h.replace(/\s+/g, ' ').trim()] as const));
  const outlines = /\/Outlines\s+(\d+)\s+0\s+R/.exec(catalog);
  if (!outlines || byKey.size === 0) return fixed;
  const dictOf = (num: number): string | undefined => {
    const range = objectRange(text, xrefAt, num, 0);
    return range ? text.slice(range.start, range.end).trim() : undefined;
  };
  const ref = (dict: string, name: string): number | undefined => {
    const m = new RegExp(`/${name}\\s+(\\d+)\\s+0\\s+R`).exec(dict);
    return m ? Number(m[1]) : undefined;
  };
  const seen = new Set<number>();
  const walk = (first: number | undefined): void => {
    for (let num = first; num !== undefined && !seen.has(num); ) {
      seen.add(num);
      const dict = dictOf(num);
      if (!dict) return;
      const at = dict.indexOf('/Title');
      const token = at < 0 ? undefined : stringToken(dict.slice(at + 6));
      if (token) {
        const title = decodePdfString(token);
        const heading = byKey.get(key(title));
        if (heading !== undefined && heading !== title) {
          const tokenAt = dict.indexOf(token, at);
          fixed.set(num, dict.slice(0, tokenAt) + pdfText(heading) + dict.slice(tokenAt + token.length));
        }
      }
      walk(ref(dict, 'First'));
      num = ref(dict, 'Next');
    }
  };
  const root = dictOf(Number(outlines[1]));
  if (root) walk(ref(root, 'First'));
  return fixed;
}

/**
 * Sets the metadata and date of a PDF written by Chromium (Skia) and gives it a content-derived ID, so the same
 * pages give the same bytes. Returns an error value if the PDF is not laid out the way Chromium writes it.
 */
export function finishPdf(bytes: Uint8Array, meta: PdfMetadata, date: Date, headings: readonly string[] = []): FinishPdfResult {
  const text = latin1(bytes);
  const fail = (why: string): FinishPdfResult => ({ ok: false, message: `cannot set the PDF metadata: ${why}` });
  if (!text.startsWith('%PDF-')) return fail('the output is not a PDF');
  const trailer = readTrailer(text);
  if (typeof trailer === 'string') return fail(trailer);

  const info = objectRange(text, trailer.startxref, ...trailer.info);
  const root = objectRange(text, trailer.startxref, ...trailer.root);
  if (!info || !root) return fail('the Info dictionary or the catalog is not where the cross-reference table says');
  const catalog = text.slice(root.start, root.end).trim();
  if (!catalog.startsWith('<<') || !catalog.endsWith('>>') || /\bstream\b/.test(catalog)) {
    return fail('the catalog is not a plain dictionary');
  }
  const producer = /\/Producer\s*\(([^)]*)\)/.exec(text.slice(info.start, info.end))?.[1] ?? 'Skia/PDF';

  // Blank the old Info dictionary: same length, only white space after an empty dictionary.
  const body = Buffer.from(bytes);
  const blank = ' <<>>'.padEnd(info.end - info.start - 1, ' ') + '\n';
  body.write(blank, info.start, 'latin1');

  const infoNum = trailer.size;
  const xmpNum = trailer.size + 1;
  const [rootNum, rootGen] = trailer.root;
  const when = pdfDate(date);
  const entries = [
    `/Title ${pdfText(meta.title)}`,
    `/Author ${pdfText(meta.author)}`,
    meta.subject ? `/Subject ${pdfText(meta.subject)}` : '',
    meta.keywords && meta.keywords.length > 0 ? `/Keywords ${pdfText(meta.keywords.join(', '))}` : '',
    `/Creator ${pdfText(meta.creator ?? 'tei-edition')}`,
    `/Producer ${pdfText(producer)}`,
    `/CreationDate (${when})`,
    `/ModDate (${when})`,
  ].filter((e) => e !== '');
  const xmp = Buffer.from(xmpPacket(meta, date, producer), 'utf8');
  const newCatalog = `${catalog
    .slice(0, -2)
    .replace(/\/Lang\s*(\([^)]*\)|<[^>]*>)/, '')
    .replace(/\/Metadata\s+\d+\s+\d+\s+R/, '')
    .trimEnd()}\n/Lang ${pdfText(meta.lang)}\n/Metadata ${xmpNum} 0 R>>`;

  const parts: Buffer[] = [body];
  let offset = body.length;
  const offsets = new Map<number, { at: number; gen: number }>();
  const add = (num: number, gen: number, content: Buffer): void => {
    const chunk = Buffer.concat([Buffer.from(`\n${num} ${gen} obj\n`, 'latin1'), content, Buffer.from('\nendobj\n', 'latin1')]);
    offsets.set(num, { at: offset + 1, gen });
    parts.push(chunk);
    offset += chunk.length;
  };
  add(rootNum, rootGen, Buffer.from(newCatalog, 'latin1'));
  for (const [num, dict] of repairedOutline(text, trailer.startxref, catalog, headings)) add(num, 0, Buffer.from(dict, 'latin1'));
  add(infoNum, 0, Buffer.from(`<<${entries.join('\n')}>>`, 'latin1'));
  add(
    xmpNum,
    0,
    Buffer.concat([Buffer.from(`<</Type /Metadata /Subtype /XML /Length ${xmp.length}>>\nstream\n`, 'latin1'), xmp, Buffer.from('\nendstream', 'latin1')]),
  );

  // The ID is a hash of everything before it, so it changes exactly when the content does.
  const id = createHash('sha256').update(Buffer.concat(parts)).digest('hex').slice(0, 32).toUpperCase();
  const xrefAt = offset;
  let xref = 'xref\n';
  for (const num of [...offsets.keys()].sort((a, b) => a - b)) {
    const { at, gen } = offsets.get(num) ?? { at: 0, gen: 0 };
    xref += `${num} 1\n${String(at).padStart(10, '0')} ${String(gen).padStart(5, '0')} n \n`;
  }
  const tail =
    `${xref}trailer\n<</Size ${trailer.size + 2}\n/Root ${rootNum} ${rootGen} R\n/Info ${infoNum} 0 R\n` +
    `/Prev ${trailer.startxref}\n/ID [<${id}> <${id}>]>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  parts.push(Buffer.from(tail, 'latin1'));
  return { ok: true, bytes: new Uint8Array(Buffer.concat(parts)) };
}
