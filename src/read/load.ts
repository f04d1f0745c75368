// One file from disk to a parsed tree, or to exactly one diagnostic saying why not.
// Limits come first (size), then decoding, then parsing: nothing later sees bytes that an
// earlier step refused.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { decodeXml } from './decode.js';
import type { LineIndex } from './lines.js';
import { parseXml } from './parse-xml.js';
import type { XmlDocument } from './tree.js';
import { firstXInclude, xincludeMessage } from './xinclude.js';

export const DEFAULT_MAX_FILE_BYTES = 16 * 1024 * 1024;

export interface SourceFile {
  /** As shown in diagnostics (relative to the working directory). */
  path: string;
  absolutePath: string;
  text: string;
  encoding: string;
  lines: LineIndex;
  document: XmlDocument;
}

export type LoadResult =
  | { ok: true; source: SourceFile }
  /** `text` is present when the file was decoded, so a formatter can show a code frame. */
  | { ok: false; diagnostic: Diagnostic; text?: string };

export interface LoadOptions {
  maxBytes?: number;
}

export function loadXmlFile(displayPath: string, options: LoadOptions = {}): LoadResult {
  const file = displayPath;
  const absolutePath = path.resolve(displayPath);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  let size: number;
  try {
    const stat = statSync(absolutePath);
    if (!stat.isFile()) return fail(file, 'io/missing-file', `${file} is not a regular file`);
    size = stat.size;
  } catch {
    return fail(file, 'io/missing-file', `file not found: ${file} (check the path)`);
  }
  if (size > maxBytes) {
    const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);
    return fail(
      file,
      'io/too-large',
      `file is ${mb(size)} MB, over the limit of ${mb(maxBytes)} MB: split it, or raise the limit with --max-size <MB>`,
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(absolutePath);
  } catch (error) {
    return fail(file, 'io/missing-file', `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}`);
  }
  if (bytes.length === 0) return fail(file, 'io/empty-file', 'the file is empty: a TEI document needs at least a <TEI> root element');
  const decoded = decodeXml(bytes);
  if (!decoded.ok) return { ok: false, diagnostic: { file, line: decoded.line, column: decoded.column, severity: 'error', ruleId: 'wf/encoding', message: decoded.message } };
  if (decoded.text.trim() === '') return fail(file, 'io/empty-file', 'the file holds only whitespace: a TEI document needs at least a <TEI> root element');
  const parsed = parseXml(decoded.text);
  if (!parsed.ok) {
    const p = parsed.problem;
    return {
      ok: false,
      diagnostic: { file, line: p.line, column: p.column, severity: 'error', ruleId: `wf/${p.code}`, message: p.message },
      text: decoded.text,
    };
  }
  const include = firstXInclude(parsed.document);
  if (include) {
    return {
      ok: false,
      diagnostic: { file, line: include.line, column: include.column, severity: 'error', ruleId: 'wf/xinclude', message: xincludeMessage(include) },
      text: decoded.text,
    };
  }
  return {
    ok: true,
    source: { path: file, absolutePath, text: decoded.text, encoding: decoded.encoding, lines: parsed.lines, document: parsed.document },
  };
}

function fail(file: string, ruleId: string, message: string): LoadResult {
  return { ok: false, diagnostic: { file, severity: 'error', ruleId, message } };
}
