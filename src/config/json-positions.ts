// A strict JSON parser (RFC 8259) that remembers where each value and each key starts, so that a
// problem found later (by the JSON Schema, or by a check of a path) can point at the exact place
// in the file. JSON.parse gives neither positions of values nor, on every Node version, the place
// of a syntax error, and its messages do not say how to fix the file.

import { LineIndex } from '../read/lines.js';

export interface TextPosition {
  /** 1-based. */
  line: number;
  /** 1-based, in characters of the line. */
  column: number;
}

export interface JsonPlace {
  /** Where the value begins. */
  value: TextPosition;
  /** Where its key begins (the opening quote), for a member of an object. */
  key?: TextPosition;
}

export type JsonParseResult =
  | { ok: true; value: unknown; placeOf: (pointer: string) => JsonPlace | undefined }
  | { ok: false; message: string; position: TextPosition };

/** Deeper nesting than this is refused, so that a hostile file cannot exhaust the stack. */
const MAX_DEPTH = 512;

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** `/a/b~1c` for the keys a, b/c: the JSON Pointer (RFC 6901) of a child. */
export function childPointer(parent: string, key: string | number): string {
  return `${parent}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

export function parseJsonWithPositions(text: string): JsonParseResult {
  // Lines and columns counted as for the TEI files, so every diagnostic's place means the same.
  const lines = new LineIndex(text);
  const positionOf = (offset: number): TextPosition => lines.locate(offset);

  const places = new Map<string, { value: number; key?: number }>();
  let i = 0;

  const describe = (offset: number): string => {
    if (offset >= text.length) return 'the end of the file';
    const c = text[offset]!;
    if (c === '\n' || c === '\r') return 'the end of the line';
    return `"${c}"`;
  };
  const skipSpace = (): void => {
    for (;;) {
      const c = text[i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
      else if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) throw new JsonSyntaxError('JSON has no comments: remove the comment', i);
      else return;
    }
  };

  const parseString = (): string => {
    const start = i;
    i++; // the opening quote
    let out = '';
    for (;;) {
      if (i >= text.length) throw new JsonSyntaxError('a string is not closed: add the closing "', start);
      const c = text[i]!;
      if (c === '"') {
        i++;
        return out;
      }
      if (c === '\n' || c === '\r') throw new JsonSyntaxError('a string is not closed before the end of the line: add the closing "', start);
      if (c < ' ') throw new JsonSyntaxError('a control character inside a string: write it as an escape such as \\t', i);
      if (c !== '\\') {
        out += c;
        i++;
        continue;
      }
      const e = text[i + 1];
      const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      if (e !== undefined && e in simple) {
        out += simple[e];
        i += 2;
      } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
        i += 6;
      } else {
        // Windows paths are the usual cause: "C:\edition".
        throw new JsonSyntaxError('an invalid escape in a string: write a backslash as \\\\ (or use / in paths)', i);
      }
    }
  };

  const parseNumber = (): number => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '-') throw new JsonSyntaxError(`unexpected ${describe(i)}: expected a value (a string in double quotes, a number, true, false, null, an object or a list)`, i);
    const after = text[i + m[0].length];
    if (after !== undefined && /[0-9A-Za-z.+-]/.test(after)) throw new JsonSyntaxError(`not a JSON number: ${text.slice(i, i + m[0].length + 1)}…`, i);
    i += m[0].length;
    return Number(m[0]);
  };

  const parseValue = (pointer: string, depth: number): unknown => {
    skipSpace();
    const start = i;
    const existing = places.get(pointer);
    places.set(pointer, { ...existing, value: start });
    if (depth > MAX_DEPTH) throw new JsonSyntaxError(`nested more than ${MAX_DEPTH} levels deep`, i);
    const c = text[i];
    if (c === '{') return parseObject(pointer, depth);
    if (c === '[') return parseArray(pointer, depth);
    if (c === '"') return parseString();
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return value;
      }
    }
    if (c === "'") throw new JsonSyntaxError('JSON strings take double quotes ("…"), not single quotes', i);
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return parseNumber();
    if (c === '}' || c === ']') throw new JsonSyntaxError(`unexpected ${describe(i)}: a value is missing (or a comma before it is one too many)`, i);
    throw new JsonSyntaxError(`unexpected ${describe(i)}: expected a value (a string in double quotes, a number, true, false, null, an object or a list)`, i);
  };

  const parseObject = (pointer: string, depth: number): Record<string, unknown> => {
    const open = i;
    i++;
    // Own properties as JSON.parse makes them: a key "__proto__" is a key like any other.
    const out: Record<string, unknown> = {};
    skipSpace();
    if (text[i] === '}') {
      i++;
      return out;
    }
    for (;;) {
      skipSpace();
      if (text[i] === '}') throw new JsonSyntaxError('a comma before } with nothing after it: remove the last comma', i);
      if (text[i] !== '"') {
        if (i >= text.length) throw new JsonSyntaxError(`the file ends inside the object opened at line ${positionOf(open).line}: add the closing }`, i);
        const bare = /^[A-Za-z_$][\w$-]*/.exec(text.slice(i, i + 200));
        throw new JsonSyntaxError(bare ? `keys take double quotes: write "${bare[0]}"` : `unexpected ${describe(i)}: expected a key in double quotes`, i);
      }
      const keyAt = i;
      const key = parseString();
      const child = childPointer(pointer, key);
      places.set(child, { key: keyAt, value: keyAt });
      skipSpace();
      if (text[i] !== ':') throw new JsonSyntaxError(`unexpected ${describe(i)}: expected ":" after the key "${key}"`, i);
      i++;
      Object.defineProperty(out, key, { value: parseValue(child, depth + 1), enumerable: true, writable: true, configurable: true });
      skipSpace();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return out;
      }
      if (i >= text.length) throw new JsonSyntaxError(`the file ends inside the object opened at line ${positionOf(open).line}: add the closing }`, i);
      if (text[i] === '"') throw new JsonSyntaxError('a comma is missing before this key (at the end of the value before it)', i);
      throw new JsonSyntaxError(`unexpected ${describe(i)}: expected "," or "}"`, i);
    }
  };

  const parseArray = (pointer: string, depth: number): unknown[] => {
    const open = i;
    i++;
    const out: unknown[] = [];
    skipSpace();
    if (text[i] === ']') {
      i++;
      return out;
    }
    for (;;) {
      skipSpace();
      if (text[i] === ']') throw new JsonSyntaxError('a comma before ] with nothing after it: remove the last comma', i);
      if (i >= text.length) throw new JsonSyntaxError(`the file ends inside the list opened at line ${positionOf(open).line}: add the closing ]`, i);
      out.push(parseValue(childPointer(pointer, out.length), depth + 1));
      skipSpace();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        return out;
      }
      if (i >= text.length) throw new JsonSyntaxError(`the file ends inside the list opened at line ${positionOf(open).line}: add the closing ]`, i);
      throw new JsonSyntaxError(`unexpected ${describe(i)}: expected "," or "]" (is a comma missing?)`, i);
    }
  };

  try {
    skipSpace();
    if (i >= text.length) throw new JsonSyntaxError('the file is empty: it should hold one JSON object, {…}', i);
    const value = parseValue('', 0);
    skipSpace();
    if (i < text.length) throw new JsonSyntaxError(`unexpected ${describe(i)} after the end of the JSON value: remove it`, i);
    return {
      ok: true,
      value,
      placeOf(pointer) {
        const p = places.get(pointer);
        if (!p) return undefined;
        return { value: positionOf(p.value), ...(p.key === undefined ? {} : { key: positionOf(p.key) }) };
      },
    };
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { ok: false, message: error.message, position: positionOf(error.offset) };
    throw error;
  }
}
