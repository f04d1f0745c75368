// Bytes → text. Finds the encoding from the byte-order mark or the XML declaration, decodes
// strictly, and for invalid UTF-8 reports the line and column of the first bad byte.
import { LineIndex } from './lines.js';

export type DecodeResult =
  | { ok: true; text: string; encoding: string }
  | { ok: false; message: string; line: number; column: number };

const SUPPORTED: Record<string, string> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'us-ascii': 'utf-8',
  ascii: 'utf-8',
  'utf-16': 'utf-16',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  'iso-8859-1': 'latin1',
  'iso_8859-1': 'latin1',
  latin1: 'latin1',
  'latin-1': 'latin1',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
};

function declaredEncoding(head: string): string | undefined {
  const m = /^<\?xml[^>]*?\sencoding\s*=\s*(["'])([A-Za-z][A-Za-z0-9._-]*)\1/.exec(head);
  return m ? m[2] : undefined;
}

/** Offset (in bytes) of the first invalid UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) (need = 1), (min = 0x80);
    else if (b >= 0xe0 && b <= 0xef) (need = 2), (min = 0x800);
    else if (b >= 0xf0 && b <= 0xf4) (need = 3), (min = 0x10000);
    else return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function utf16Decode(bytes: Uint8Array, label: 'utf-16le' | 'utf-16be'): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

export function decodeXml(bytes: Uint8Array): DecodeResult {
  // Byte-order marks decide first; a declaration that contradicts the BOM is an error.
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return fromUtf16(bytes.subarray(2), 'utf-16be');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return fromUtf16(bytes.subarray(2), 'utf-16le');
  // UTF-16 without a BOM: `<?` is 00 3C 00 3F or 3C 00 3F 00.
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00) return fromUtf16(bytes, 'utf-16be');
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] === 0x3f && bytes[3] === 0x00) return fromUtf16(bytes, 'utf-16le');
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  const head = Buffer.from(body.subarray(0, 200)).toString('latin1');
  const declared = declaredEncoding(head);
  const label = declared === undefined ? 'utf-8' : SUPPORTED[declared.toLowerCase()];
  if (label === undefined) {
    return { ok: false, message: `encoding "${declared}" is not supported: save the file as UTF-8 and declare encoding="UTF-8"`, line: 1, column: 1 };
  }
  if (hasBom && label !== 'utf-8') {
    return { ok: false, message: `the file starts with a UTF-8 byte-order mark but declares encoding "${declared}"`, line: 1, column: 1 };
  }
  if (label === 'utf-16' || label === 'utf-16le' || label === 'utf-16be') {
    return { ok: false, message: `the file declares encoding "${declared}" but its bytes are not UTF-16 (no byte-order mark): fix the declaration`, line: 1, column: 1 };
  }
  if (label === 'latin1' || label === 'windows-1252') {
    return { ok: true, text: new TextDecoder(label).decode(body), encoding: label === 'latin1' ? 'ISO-8859-1' : 'windows-1252' };
  }
  const bad = firstInvalidUtf8(body);
  if (bad >= 0) {
    // Locate by decoding the valid prefix: its length in UTF-16 units is the text offset.
    const prefix = new TextDecoder('utf-8').decode(body.subarray(0, bad));
    const pos = new LineIndex(prefix).locate(prefix.length);
    const byte = body[bad]!.toString(16).toUpperCase().padStart(2, '0');
    return {
      ok: false,
      message: `invalid UTF-8: byte 0x${byte} does not form a character${declared ? '' : ' (no encoding is declared, so UTF-8 applies)'}: re-save the file as UTF-8, or declare its real encoding`,
      line: pos.line,
      column: pos.column,
    };
  }
  return { ok: true, text: new TextDecoder('utf-8').decode(body), encoding: 'UTF-8' };
}

function fromUtf16(bytes: Uint8Array, label: 'utf-16le' | 'utf-16be'): DecodeResult {
  const text = utf16Decode(bytes, label);
  if (text === undefined) return { ok: false, message: `the file looks like ${label.toUpperCase()} but is not valid ${label.toUpperCase()}`, line: 1, column: 1 };
  const declared = declaredEncoding(text);
  if (declared && !declared.toLowerCase().startsWith('utf-16')) {
    return { ok: false, message: `the file is UTF-16 but declares encoding "${declared}": fix the declaration`, line: 1, column: 1 };
  }
  return { ok: true, text, encoding: 'UTF-16' };
}

/**
 * The text as handed to tools that only read UTF-8 (xmllint-wasm): the same characters on the
 * same lines, with the declaration's encoding rewritten so the tool does not decode twice.
 */
export function asUtf8Source(text: string): string {
  return text.replace(/^(<\?xml[^>]*?\sencoding\s*=\s*)(["'])[A-Za-z][A-Za-z0-9._-]*\2/, '$1$2UTF-8$2');
}
