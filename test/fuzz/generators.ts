// Random input for the fuzz test: TEI-like documents built from the vocabulary the stylesheets
// handle, with hostile attribute values and text in every slot, and byte-level mutations of
// those documents and of the bundled edition's files.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';

/** Strings an attacker would try, and odd text an honest file may hold. */
export const PAYLOADS = [
  '<script>alert("fz")</script>',
  '"><script>alert("fz")</script>',
  "'><img src=x onerror=alert('fz')>",
  'javascript:alert("fz")',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'x" onmouseover="alert(1)',
  "x' onfocus='alert(1)",
  'background:url(javascript:alert(1))',
  'expression(alert(1))',
  '</style><script>alert(1)</script>',
  '</script><script>alert(1)</script>',
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)}',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '#',
  '#../../x',
  'https://example.org/a?b=1&c=<2>',
  'mailto:someone@example.org',
  'مرحبا',
  'שלום',
  'e\u0301\u0308',
  '中文',
  '\u{1F600}\u{20000}',
  '\u202Egnp.exe',
  '\u200B\uFEFF',
  '',
  ' ',
];

const ELEMENTS = [
  'p', 'hi', 'ref', 'ptr', 'persName', 'placeName', 'orgName', 'date', 'note', 'div', 'head', 'q', 'quote',
  'app', 'lem', 'rdg', 'choice', 'sic', 'corr', 'abbr', 'expan', 'supplied', 'gap', 'unclear', 'del', 'add',
  'pb', 'lb', 'graphic', 'figure', 'list', 'item', 'seg', 'name', 'title', 'foreign', 'emph', 'label', 'table', 'row', 'cell', 'unknownThing',
  // Names XML allows that no TEI file uses: accented, combining, ideographic.
  'näme', 'x\u00B7y', 'a\u0300', '\u3001b', '\u2070c',
];
const ATTRIBUTES = ['xml:id', 'rend', 'style', 'rendition', 'target', 'ref', 'url', 'facs', 'n', 'type', 'when', 'from', 'to', 'wit', 'resp', 'corresp', 'xml:lang', 'onclick', 'href', 'src', 'ümlaut', 'x\u203Fy'];

export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
export function escapeAttribute(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

/** Characters XML allows (the generator's well-formed half must stay well-formed). */
const xmlChar = fc.oneof(
  fc.constantFrom(...'abc xyz.,;:!?-()[]{}/\\\'"=#%*+@$^|~`'.split('')),
  fc.integer({ min: 0x20, max: 0xd7ff }).map((c) => String.fromCodePoint(c)),
  fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
);
const text = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PAYLOADS) }, { weight: 2, arbitrary: fc.string({ unit: xmlChar, maxLength: 30 }) });

interface Node {
  name: string;
  attributes: [string, string][];
  children: (Node | string)[];
}

const node: fc.Memo<Node> = fc.memo((depth) =>
  fc.record({
    name: fc.constantFrom(...ELEMENTS),
    attributes: fc.uniqueArray(fc.tuple(fc.constantFrom(...ATTRIBUTES), text), { maxLength: 4, selector: (a) => a[0] }),
    children: depth <= 1 ? fc.array(text, { maxLength: 2 }) : fc.array(fc.oneof(text, node(depth - 1)), { maxLength: 4 }),
  }),
);

function serialise(n: Node | string): string {
  if (typeof n === 'string') return escapeText(n);
  const attrs = n.attributes.map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join('');
  return `<${n.name}${attrs}>${n.children.map(serialise).join('')}</${n.name}>`;
}

/** A well-formed TEI document with random content and a header whose title and date are random too. */
export const teiDocument = fc
  .record({ title: text, date: fc.constantFrom('1951-07-01', '1951', '1951-02-30', 'yesterday', ''), body: fc.array(node(4), { minLength: 1, maxLength: 4 }) })
  .map(({ title, date, body }) =>
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<TEI xmlns="http://www.tei-c.org/ns/1.0">',
      `<teiHeader><fileDesc><titleStmt><title>${escapeText(title)}</title></titleStmt>`,
      `<publicationStmt><p>Fuzz</p><date when="${escapeAttribute(date)}">${escapeText(date)}</date></publicationStmt>`,
      '<sourceDesc><p>Generated</p></sourceDesc></fileDesc></teiHeader>',
      `<text><body>${body.map(serialise).join('\n')}</body></text>`,
      '</TEI>',
      '',
    ].join('\n'),
  );

const BUNDLED_ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'tei');
export const bundled: string[] = ['documents', 'registers']
  .flatMap((d) => readdirSync(path.join(BUNDLED_ROOT, d)).map((f) => path.join(BUNDLED_ROOT, d, f)))
  .concat(path.join(BUNDLED_ROOT, 'edition.xml'))
  .filter((f) => f.endsWith('.xml'))
  .map((f) => readFileSync(f, 'utf8'));

/** Byte-level damage: what a bad import, a truncated download or a careless edit does. */
const SNIPPETS = ['<', '>', '&', '&lol;', '&#0;', '&#x110000;', ']]>', '<!--', '-->', '<![CDATA[', '<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>', '<!ENTITY a "b">', '</p>', '<p>', '<div>', '"', "'", '\0', '\u000b', '\r\n', '<?xml version="1.0"?>', '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="/etc/passwd"/>', ' xml:id="../x"', ' target="javascript:alert(1)"', ' rend="&quot; onclick=&quot;alert(1)"'];

type Mutation = (b: Buffer) => Buffer;
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.nat({ max: 200 })).map(([at, len]): Mutation => (b) => Buffer.concat([b.subarray(0, at % (b.length + 1)), b.subarray(Math.min(b.length, (at % (b.length + 1)) + len))])),
  fc.tuple(fc.nat(), fc.constantFrom(...SNIPPETS)).map(([at, s]): Mutation => (b) => { const i = at % (b.length + 1); return Buffer.concat([b.subarray(0, i), Buffer.from(s), b.subarray(i)]); }),
  fc.tuple(fc.nat(), fc.constantFrom(...PAYLOADS)).map(([at, s]): Mutation => (b) => { const i = at % (b.length + 1); return Buffer.concat([b.subarray(0, i), Buffer.from(escapeText(s)), b.subarray(i)]); }),
  fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 8 })).map(([at, bytes]): Mutation => (b) => { const i = at % (b.length + 1); return Buffer.concat([b.subarray(0, i), Buffer.from(bytes), b.subarray(i)]); }),
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })).map(([at, byte]): Mutation => (b) => { if (b.length === 0) return b; const c = Buffer.from(b); c[at % c.length] = byte; return c; }),
  fc.nat().map((at): Mutation => (b) => b.subarray(0, at % (b.length + 1))),
  fc.constantFrom<Mutation>((b) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b]), (b) => Buffer.from(b.toString('utf8').replace(/\n/g, '\r\n')), (b) => Buffer.from(b.toString('utf8'), 'utf16le')),
);

const mutated = (base: fc.Arbitrary<string>): fc.Arbitrary<Buffer> =>
  fc.tuple(base, fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([doc, ms]) => ms.reduce((b, m) => m(b), Buffer.from(doc, 'utf8')));

/** A fuzz case: the bytes of one file. */
export const fuzzCase: fc.Arbitrary<Buffer> = fc.oneof(
  { weight: 4, arbitrary: teiDocument.map((d) => Buffer.from(d, 'utf8')) },
  { weight: 3, arbitrary: mutated(teiDocument) },
  { weight: 3, arbitrary: mutated(fc.constantFrom(...bundled)) },
);
