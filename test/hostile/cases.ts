// One case per attack or malformation: the fixture, the diagnostic it must get (rule id and line),
// and the exit code of `validate` and of `build`. Fixtures too big for git are generated.
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';

export const FIXTURES = path.resolve(path.dirname(new URL(import.meta.url).pathname), 'fixtures');

export interface HostileCase {
  name: string;
  /** The file to check, under fixtures/ (or absolute, for generated ones). */
  file: string;
  /** The first diagnostic's rule id and line; null when the file is clean. */
  rule: string | null;
  line?: number;
  validateExit: number;
  buildExit: number;
  /** Extra options for both commands. */
  args?: string[];
  /** Text the built document page must contain (cases that must work). */
  rendered?: string[];
}

const failing = (name: string, rule: string, line: number): HostileCase => ({ name, file: `${name}/doc.xml`, rule, line, validateExit: 1, buildExit: 1 });

export const CASES: HostileCase[] = [
  // XML attacks: refused before anything outside the file is read or any entity expanded.
  failing('xxe-system-file', 'wf/external-entity', 3),
  failing('xxe-local-outside', 'wf/external-entity', 3),
  failing('xxe-parameter-entity', 'wf/external-entity', 3),
  failing('external-dtd', 'wf/external-entity', 2),
  failing('external-dtd-public', 'wf/external-entity', 2),
  failing('billion-laughs', 'wf/entity-declaration', 3),
  failing('quadratic-blowup', 'wf/entity-declaration', 3),
  failing('attlist-defaults', 'wf/dtd-defaults', 3),
  failing('xinclude', 'wf/xinclude', 13),
  failing('xinclude-outside', 'wf/xinclude', 12),
  failing('too-deep', 'wf/too-deep', 265),
  // XML allows names outside the Basic Multilingual Plane; the XSLT processor does not, so the
  // reader refuses them rather than let the build fail later.
  failing('name-outside-bmp', 'wf/syntax', 12),
  // A pointer out of the edition: reported, never followed (a warning in a build of named files).
  { name: 'pointer-outside', file: 'pointer-outside/doc.xml', rule: 'tei/ref-unresolved', line: 12, validateExit: 1, buildExit: 0 },
  // Apparatus elements out of place: the text is kept, the build does not fail.
  { name: 'apparatus-stray-reading', file: 'apparatus-stray-reading/doc.xml', rule: null, validateExit: 0, buildExit: 0, rendered: ['outside any apparatus entry', 'alone'] },
  // Encodings and characters XML forbids.
  failing('encoding-invalid-utf8', 'wf/encoding', 12),
  failing('encoding-unsupported', 'wf/encoding', 1),
  failing('encoding-utf16-declared-no-bom', 'wf/encoding', 1),
  failing('encoding-bom-contradicts', 'wf/encoding', 1),
  failing('nul-character', 'wf/forbidden-char', 12),
  failing('control-character', 'wf/forbidden-char', 12),
  failing('forbidden-char-reference', 'wf/forbidden-char', 12),
  failing('lone-surrogate-reference', 'wf/forbidden-char', 12),
  // Encodings and scripts that must work, and be rendered as written.
  { name: 'utf8-bom', file: 'works/utf8-bom/doc.xml', rule: null, validateExit: 0, buildExit: 0, rendered: ['Zürich, Kraków, Ærø'] },
  { name: 'utf16le-bom', file: 'works/utf16le-bom/doc.xml', rule: null, validateExit: 0, buildExit: 0, rendered: ['Zürich, Kraków, 中文'] },
  { name: 'utf16be-bom', file: 'works/utf16be-bom/doc.xml', rule: null, validateExit: 0, buildExit: 0, rendered: ['Zürich, Kraków, 中文'] },
  { name: 'latin1-declared', file: 'works/latin1-declared/doc.xml', rule: null, validateExit: 0, buildExit: 0, rendered: ['Zürich, café, señor'] },
  { name: 'crlf', file: 'works/crlf/doc.xml', rule: null, validateExit: 0, buildExit: 0, rendered: ['Line one'] },
  {
    name: 'rtl-combining-cjk-astral',
    file: 'works/scripts/doc.xml',
    rule: null,
    validateExit: 0,
    buildExit: 0,
    rendered: ['مرحبا بالعالم', 'שלום עולם', 'e\u0301 a\u0308 o\u0302\u0323', '中文文本，汉字。', '\u{1D11E} \u{1F600} \u{20000}'],
  },
  // Web safety: these build (with warnings), and every page written must be inert.
  { name: 'script-in-text', file: 'web/script-in-text/doc.xml', rule: null, validateExit: 0, buildExit: 0, rendered: ['<script>alert(1)</script>'] },
  { name: 'javascript-target', file: 'web/javascript-target/doc.xml', rule: 'tei/unsafe-url', line: 12, validateExit: 0, buildExit: 0 },
  { name: 'unsafe-urls', file: 'web/unsafe-urls/doc.xml', rule: 'tei/unsafe-url', line: 12, validateExit: 0, buildExit: 0 },
  { name: 'rend-style-injection', file: 'web/rend-style-injection/doc.xml', rule: null, validateExit: 0, buildExit: 0, rendered: ['one', 'two', 'three'] },
  { name: 'id-traversal', file: 'web/id-traversal/doc.xml', rule: null, validateExit: 0, buildExit: 0, rendered: ['one', 'two'] },
  { name: 'attribute-breakout', file: 'web/attribute-breakout/doc.xml', rule: null, validateExit: 0, buildExit: 0 },
];

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Generated</title></titleStmt><publicationStmt><p>p</p><date when="1951">1951</date></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>\n<text><body>\n';
const TAIL = '\n</body></text></TEI>\n';

/** 100,000 nested elements (1.1 MB). */
export function writeDeepNesting(file: string, levels = 100_000): void {
  writeFileSync(file, HEAD + '<div>'.repeat(levels) + '<p>x</p>' + '</div>'.repeat(levels) + TAIL);
}

/** A text node, or an attribute value, of `megabytes` MB, written in chunks so the test stays small in memory. */
export function writeLongValue(file: string, kind: 'text' | 'attribute', megabytes = 100): void {
  const fd = openSync(file, 'w');
  writeSync(fd, HEAD + (kind === 'text' ? '<p>' : '<p n="'));
  const chunk = 'lorem ipsum '.repeat(87381); // about 1 MB
  for (let i = 0; i < megabytes; i++) writeSync(fd, chunk);
  writeSync(fd, (kind === 'text' ? '</p>' : '"/>') + TAIL);
  closeSync(fd);
}

/** A file whose name is markup: the page made from it must still be inert and inside the site. */
export function hostileFileName(folder: string): string {
  const file = path.join(folder, '"><img src=x onerror=alert(1)> ‮gpj.xml');
  writeFileSync(file, HEAD + '<p>A file with a hostile name.</p>' + TAIL);
  return file;
}
