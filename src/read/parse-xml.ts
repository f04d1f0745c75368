// A strict, non-validating XML 1.0 (+ namespaces) parser that builds the element tree with
// positions. It exists because the tree needs line numbers and because well-formedness errors
// must be exact: it stops at the first error and says where and why.
//
// Safety by construction: it never reads anything but the text it is given. A DOCTYPE that
// names an external DTD, or declares entities, is refused before any of it is used, so no
// entity is ever expanded (only the five predefined ones and character references exist).
import { LineIndex } from './lines.js';
import {
  XML_NAMESPACE,
  type XmlAttribute,
  type XmlDocument,
  type XmlElement,
  type XmlNode,
} from './tree.js';

export type XmlProblemCode =
  | 'not-xml'
  | 'syntax'
  | 'tag-mismatch'
  | 'unclosed'
  | 'forbidden-char'
  | 'undefined-entity'
  | 'external-entity'
  | 'entity-declaration'
  | 'namespace'
  | 'duplicate-attribute'
  | 'dtd-defaults'
  | 'too-deep'
  | 'too-long';

/**
 * Limits that keep a hostile or broken file from exhausting the stack or memory of a later stage.
 * The depth is libxml2's own default (the RelaxNG layer refuses deeper documents anyway); TEI
 * rarely nests beyond 40. No real text node or attribute value comes near the length limits.
 */
export interface ParseLimits {
  maxDepth: number;
  maxTextChars: number;
  maxAttributeChars: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = {
  maxDepth: 256,
  maxTextChars: 8 * 1024 * 1024,
  maxAttributeChars: 1024 * 1024,
};

export interface XmlProblem {
  code: XmlProblemCode;
  message: string;
  line: number;
  column: number;
}

export type ParseResult = { ok: true; document: XmlDocument; lines: LineIndex } | { ok: false; problem: XmlProblem; lines: LineIndex };

// XML 1.0 (fifth edition) names, without the characters outside the Basic Multilingual Plane that
// it also allows: the XSLT processor refuses those, and every reader must agree on what is XML.
const NAME_START =
  ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD';
const NAME_CHAR = NAME_START + '\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040';
const NAME = new RegExp(`[${NAME_START}][${NAME_CHAR}]*`, 'y');
const FORBIDDEN_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const WS = /[ \t\r\n]/;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

class Stop extends Error {
  constructor(readonly code: XmlProblemCode, readonly offset: number, message: string) {
    super(message);
  }
}

function isLegalChar(cp: number): boolean {
  return (
    cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

function describeChar(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

export function parseXml(text: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): ParseResult {
  const lines = new LineIndex(text);
  try {
    const document = new Parser(text, lines, limits).document();
    return { ok: true, document, lines };
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    const { line, column } = lines.locate(Math.min(error.offset, text.length));
    return { ok: false, problem: { code: error.code, message: error.message, line, column }, lines };
  }
}

class Parser {
  private i = 0;
  private readonly n: number;
  private doctypeName: string | undefined;

  constructor(
    private readonly s: string,
    private readonly lines: LineIndex,
    private readonly limits: ParseLimits,
  ) {
    this.n = s.length;
  }

  document(): XmlDocument {
    const s = this.s;
    // Forbidden characters are illegal everywhere, so one scan finds the first of them.
    const bad = FORBIDDEN_CHAR.exec(s);
    if (bad) {
      throw new Stop('forbidden-char', bad.index, `character ${describeChar(bad[0].charCodeAt(0))} is not allowed in XML`);
    }
    if (s.startsWith('<?xml') && (s.length === 5 || WS.test(s[5]!) || s[5] === '?')) this.xmlDeclaration();
    this.skipWs();
    if (this.i >= this.n) throw new Stop('not-xml', 0, 'the file has no root element (it is empty or holds only a declaration)');
    if (s[this.i] !== '<') throw new Stop('not-xml', this.i, 'this is not XML: a document must begin with markup (`<`), not text');
    let root: XmlElement | undefined;
    while (true) {
      this.skipWs();
      if (this.i >= this.n) break;
      if (s[this.i] !== '<') {
        throw new Stop('syntax', this.i, root ? 'text after the root element is not allowed' : 'text before the root element is not allowed');
      }
      if (s.startsWith('<!--', this.i)) this.comment();
      else if (s.startsWith('<?', this.i)) this.pi();
      else if (s.startsWith('<!DOCTYPE', this.i)) {
        if (root || this.doctypeName !== undefined) throw new Stop('syntax', this.i, 'a DOCTYPE must come before the root element, once');
        this.doctype();
      } else if (s.startsWith('<!', this.i)) throw new Stop('syntax', this.i, 'unexpected markup declaration outside the root element');
      else if (root) throw new Stop('syntax', this.i, 'a document has one root element; a second one starts here');
      else root = this.content();
    }
    if (!root) throw new Stop('not-xml', this.n, 'the file has no root element');
    return this.doctypeName === undefined ? { root } : { root, doctypeName: this.doctypeName };
  }

  private tooLong(what: string, at: number, length: number, limit: number): Stop {
    const size = (n: number): string => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} M` : `${Math.ceil(n / 1024)} K`);
    return new Stop('too-long', at, `${what} is ${size(length)} characters long, over the limit of ${size(limit)}: split it, or check for a missing \`<\` or quote`);
  }

  private skipWs(): void {
    const s = this.s;
    while (this.i < this.n) {
      const c = s.charCodeAt(this.i);
      if (c === 32 || c === 10 || c === 13 || c === 9) this.i++;
      else break;
    }
  }

  private name(what: string): string {
    NAME.lastIndex = this.i;
    const m = NAME.exec(this.s);
    const after = this.i + (m ? m[0].length : 0);
    const next = this.s.charCodeAt(after);
    if (next >= 0xd800 && next <= 0xdbff) {
      throw new Stop('syntax', after, 'a name with a character outside the Basic Multilingual Plane (an emoji, a rare CJK ideograph): such names are not supported; rename the element or attribute');
    }
    if (!m) throw new Stop('syntax', this.i, `expected ${what}`);
    this.i += m[0].length;
    return m[0];
  }

  private expect(literal: string, what: string): void {
    if (!this.s.startsWith(literal, this.i)) throw new Stop('syntax', this.i, `expected ${what}`);
    this.i += literal.length;
  }

  private xmlDeclaration(): void {
    const end = this.s.indexOf('?>', 0);
    if (end < 0) throw new Stop('syntax', 0, 'the XML declaration is not closed with `?>`');
    const decl = this.s.slice(5, end);
    if (!/^\s+version\s*=\s*(["'])1\.[0-9]+\1/.test(decl)) throw new Stop('syntax', 0, 'the XML declaration must start with version="1.0"');
    this.i = end + 2;
  }

  private comment(): void {
    const start = this.i;
    const end = this.s.indexOf('-->', start + 4);
    if (end < 0) throw new Stop('syntax', start, 'comment is not closed with `-->`');
    const body = this.s.slice(start + 4, end);
    const dd = body.indexOf('--');
    if (dd >= 0 || body.endsWith('-')) throw new Stop('syntax', start + 4 + (dd >= 0 ? dd : body.length - 1), '`--` is not allowed inside a comment');
    this.i = end + 3;
  }

  private pi(): { target: string; data: string } {
    const start = this.i;
    this.i += 2;
    const target = this.name('a processing-instruction target after `<?`');
    if (target.toLowerCase() === 'xml') throw new Stop('syntax', start, 'an XML declaration is only allowed at the very start of the file');
    const end = this.s.indexOf('?>', this.i);
    if (end < 0) throw new Stop('syntax', start, 'processing instruction is not closed with `?>`');
    const data = this.s.slice(this.i, end).replace(/^[ \t\r\n]+/, '');
    this.i = end + 2;
    return { target, data };
  }

  private quoted(what: string): string {
    const q = this.s[this.i];
    if (q !== '"' && q !== "'") throw new Stop('syntax', this.i, `expected a quoted ${what}`);
    const end = this.s.indexOf(q, this.i + 1);
    if (end < 0) throw new Stop('syntax', this.i, `the ${what} is not closed`);
    const v = this.s.slice(this.i + 1, end);
    this.i = end + 1;
    return v;
  }

  private doctype(): void {
    const start = this.i;
    this.i += '<!DOCTYPE'.length;
    this.skipWs();
    this.doctypeName = this.name('a root element name in the DOCTYPE');
    this.skipWs();
    if (this.s.startsWith('SYSTEM', this.i) || this.s.startsWith('PUBLIC', this.i)) {
      const kw = this.s.slice(this.i, this.i + 6);
      this.i += 6;
      this.skipWs();
      let id = this.quoted('identifier');
      if (kw === 'PUBLIC') {
        this.skipWs();
        if (this.s[this.i] === '"' || this.s[this.i] === "'") id = this.quoted('system identifier');
      }
      throw new Stop(
        'external-entity',
        start,
        `the DOCTYPE refers to an external DTD ("${id}"); external resources are never read: remove the DOCTYPE (TEI is validated with RelaxNG)`,
      );
    }
    if (this.s[this.i] === '[') {
      this.i++;
      this.internalSubset();
      this.skipWs();
    }
    this.expect('>', '`>` to close the DOCTYPE');
  }

  // Walks the internal subset without interpreting it; any entity declaration is refused,
  // because entities are how files get read (SYSTEM) and how expansion explodes (nesting).
  private internalSubset(): void {
    const s = this.s;
    while (this.i < this.n) {
      this.skipWs();
      const c = s[this.i];
      if (c === ']') {
        this.i++;
        return;
      }
      if (s.startsWith('<!--', this.i)) this.comment();
      else if (s.startsWith('<?', this.i)) this.pi();
      else if (s.startsWith('<!ENTITY', this.i)) {
        const at = this.i;
        const decl = s.slice(at, Math.min(this.n, at + 400));
        if (/^<!ENTITY\s+(%\s+)?\S+\s+(SYSTEM|PUBLIC)\b/.test(decl)) {
          throw new Stop('external-entity', at, 'the DOCTYPE declares an external entity; external resources are never read: remove the declaration');
        }
        throw new Stop(
          'entity-declaration',
          at,
          'the DOCTYPE declares entities; entities are not expanded (nested ones can grow without bound): replace them with their text or with characters',
        );
      } else if (s.startsWith('<!ATTLIST', this.i)) {
        // Attribute defaults would give the document attributes it does not contain, seen by
        // some readers (the RelaxNG validator, the XSLT processor) and not by others.
        throw new Stop(
          'dtd-defaults',
          this.i,
          'the DOCTYPE declares attributes (ATTLIST); their defaults would add attributes the file does not show: write the attributes on the elements and remove the declaration',
        );
      } else if (s.startsWith('<!', this.i)) {
        // ELEMENT, NOTATION: skip to the closing `>`, honouring quoted strings.
        this.i += 2;
        while (this.i < this.n && s[this.i] !== '>') {
          if (s[this.i] === '"' || s[this.i] === "'") this.quoted('literal');
          else this.i++;
        }
        this.expect('>', '`>` to close the declaration');
      } else if (c === '%') {
        throw new Stop('entity-declaration', this.i, 'parameter-entity references are not supported: remove them from the DOCTYPE');
      } else throw new Stop('syntax', this.i, 'unexpected content in the DOCTYPE');
    }
    throw new Stop('syntax', this.n, 'the DOCTYPE is not closed');
  }

  /** Text with entity and character references replaced; `at` is the offset of `text` in the file. */
  private decode(text: string, at: number, inAttribute: boolean): string {
    // XML normalises line ends (CRLF and CR to LF) and, in attribute values, each literal
    // whitespace character to a space; characters written as references are kept as they are.
    // Offsets for errors stay those of the raw text, so normalising happens piece by piece.
    const literal = (piece: string): string => {
      const lines = piece.includes('\r') ? piece.replace(/\r\n?/g, '\n') : piece;
      return inAttribute ? lines.replace(/[\t\n]/g, ' ') : lines;
    };
    let amp = text.indexOf('&');
    if (amp < 0) return literal(text);
    let out = '';
    let last = 0;
    while (amp >= 0) {
      out += literal(text.slice(last, amp));
      const semi = text.indexOf(';', amp);
      const ref = semi < 0 ? '' : text.slice(amp + 1, semi);
      if (semi < 0 || semi - amp > 40 || ref.length === 0) {
        throw new Stop('syntax', at + amp, '`&` must start a reference like `&amp;`; write `&amp;` for a literal ampersand');
      }
      if (ref[0] === '#') {
        const hex = ref[1] === 'x';
        const digits = ref.slice(hex ? 2 : 1);
        if (!(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) throw new Stop('syntax', at + amp, `malformed character reference &${ref};`);
        const cp = parseInt(digits, hex ? 16 : 10);
        if (!isLegalChar(cp)) throw new Stop('forbidden-char', at + amp, `character reference &${ref}; names a character not allowed in XML`);
        out += String.fromCodePoint(cp);
      } else {
        const v = PREDEFINED[ref];
        if (v === undefined) {
          throw new Stop(
            'undefined-entity',
            at + amp,
            `entity &${ref}; is not defined (only &lt; &gt; &amp; &apos; &quot; exist): write the character itself or a character reference`,
          );
        }
        out += v;
      }
      last = semi + 1;
      amp = text.indexOf('&', last);
    }
    out += literal(text.slice(last));
    return out;
  }

  private content(): XmlElement {
    const s = this.s;
    const n = this.n;
    const stack: XmlElement[] = [];
    const scopes: Map<string, string>[] = [new Map([['xml', XML_NAMESPACE]])];
    const root = this.startTag(null, scopes);
    if (root.selfClosing) return root.element;
    stack.push(root.element);
    while (stack.length > 0) {
      const parent = stack[stack.length - 1]!;
      if (this.i >= n) {
        const open = parent;
        throw new Stop('unclosed', n, `the file ends before <${open.name}> (opened at line ${open.line}, column ${open.column}) is closed`);
      }
      const c = s.charCodeAt(this.i);
      if (c !== 60 /* < */) {
        const start = this.i;
        let end = s.indexOf('<', start);
        if (end < 0) end = n;
        if (end - start > this.limits.maxTextChars) throw this.tooLong('a text node', start, end - start, this.limits.maxTextChars);
        const raw = s.slice(start, end);
        const cdataEnd = raw.indexOf(']]>');
        if (cdataEnd >= 0) throw new Stop('syntax', start + cdataEnd, '`]]>` is not allowed in text; write `]]&gt;`');
        const pos = this.lines.locate(start);
        parent.children.push({ kind: 'text', text: this.decode(raw, start, false), cdata: false, line: pos.line, column: pos.column });
        this.i = end;
        continue;
      }
      const next = s[this.i + 1];
      if (next === '/') {
        const at = this.i;
        this.i += 2;
        const name = this.name('an element name after `</`');
        this.skipWs();
        this.expect('>', `\`>\` to close the end tag </${name}>`);
        if (name !== parent.name) {
          throw new Stop(
            'tag-mismatch',
            at,
            `end tag </${name}> does not match the start tag <${parent.name}> opened at line ${parent.line}, column ${parent.column}`,
          );
        }
        stack.pop();
        scopes.pop();
      } else if (next === '!') {
        if (s.startsWith('<!--', this.i)) {
          const at = this.i;
          this.comment();
          const pos = this.lines.locate(at);
          parent.children.push({ kind: 'comment', text: s.slice(at + 4, this.i - 3), line: pos.line, column: pos.column });
        } else if (s.startsWith('<![CDATA[', this.i)) {
          const at = this.i;
          const end = s.indexOf(']]>', at + 9);
          if (end < 0) throw new Stop('syntax', at, 'CDATA section is not closed with `]]>`');
          if (end - at > this.limits.maxTextChars) throw this.tooLong('a CDATA section', at, end - at, this.limits.maxTextChars);
          const pos = this.lines.locate(at);
          parent.children.push({ kind: 'text', text: s.slice(at + 9, end).replace(/\r\n?/g, '\n'), cdata: true, line: pos.line, column: pos.column });
          this.i = end + 3;
        } else if (s.startsWith('<!DOCTYPE', this.i)) {
          throw new Stop('syntax', this.i, 'a DOCTYPE is only allowed before the root element');
        } else throw new Stop('syntax', this.i, 'unexpected `<!`: expected a comment or a CDATA section');
      } else if (next === '?') {
        const at = this.i;
        const { target, data } = this.pi();
        const pos = this.lines.locate(at);
        parent.children.push({ kind: 'pi', target, data, line: pos.line, column: pos.column });
      } else {
        // The stack holds the open elements from the root down, so a child's depth is one more.
        if (stack.length + 1 > this.limits.maxDepth) {
          throw new Stop(
            'too-deep',
            this.i,
            `elements are nested more than ${this.limits.maxDepth} levels deep here; no TEI document needs that many: look for start tags that should have been closed`,
          );
        }
        const child = this.startTag(parent, scopes);
        parent.children.push(child.element);
        if (!child.selfClosing) stack.push(child.element);
      }
    }
    return root.element;
  }

  private startTag(parent: XmlElement | null, scopes: Map<string, string>[]): { element: XmlElement; selfClosing: boolean } {
    const s = this.s;
    const at = this.i;
    this.i++;
    if (this.i >= this.n) throw new Stop('syntax', at, 'the file ends inside a tag');
    const name = this.name('an element name after `<`');
    const raw: { name: string; value: string; at: number }[] = [];
    let selfClosing = false;
    while (true) {
      const before = this.i;
      this.skipWs();
      if (this.i >= this.n) throw new Stop('unclosed', at, `the start tag <${name}> is not closed with \`>\``);
      const c = s[this.i];
      if (c === '>') {
        this.i++;
        break;
      }
      if (c === '/') {
        this.expect('/>', '`/>` or `>`');
        selfClosing = true;
        break;
      }
      if (this.i === before) throw new Stop('syntax', this.i, `expected whitespace, \`>\` or \`/>\` in the start tag <${name}>`);
      const attrAt = this.i;
      NAME.lastIndex = this.i;
      if (!NAME.test(s)) throw new Stop('syntax', this.i, `expected an attribute name, \`>\` or \`/>\` in the start tag <${name}>`);
      const attrName = this.name('an attribute name');
      this.skipWs();
      if (s[this.i] !== '=') throw new Stop('syntax', this.i, `attribute ${attrName} needs \`=\` and a quoted value`);
      this.i++;
      this.skipWs();
      const q = s[this.i];
      if (q !== '"' && q !== "'") throw new Stop('syntax', this.i, `the value of attribute ${attrName} must be in quotes`);
      const vStart = this.i + 1;
      const vEnd = s.indexOf(q, vStart);
      if (vEnd < 0) throw new Stop('syntax', this.i, `the value of attribute ${attrName} is not closed`);
      if (vEnd - vStart > this.limits.maxAttributeChars) throw this.tooLong(`the value of attribute ${attrName}`, vStart, vEnd - vStart, this.limits.maxAttributeChars);
      const rawValue = s.slice(vStart, vEnd);
      const lt = rawValue.indexOf('<');
      if (lt >= 0) throw new Stop('syntax', vStart + lt, `\`<\` is not allowed in an attribute value (attribute ${attrName}); write \`&lt;\``);
      if (raw.some((a) => a.name === attrName)) throw new Stop('duplicate-attribute', attrAt, `attribute ${attrName} appears twice on <${name}>`);
      // Attribute-value normalisation happens in decode, on the literal parts only.
      const value = this.decode(rawValue, vStart, true);
      raw.push({ name: attrName, value, at: attrAt });
      this.i = vEnd + 1;
    }

    // Namespaces: declarations on this element apply to it and its attributes.
    let scope = scopes[scopes.length - 1]!;
    for (const a of raw) {
      if (a.name === 'xmlns' || a.name.startsWith('xmlns:')) {
        if (scope === scopes[scopes.length - 1]) scope = new Map(scope);
        scope.set(a.name === 'xmlns' ? '' : a.name.slice(6), a.value);
      }
    }
    const resolve = (qname: string, isAttribute: boolean, offset: number): { local: string; ns: string | null } => {
      const colon = qname.indexOf(':');
      if (colon < 0) return { local: qname, ns: isAttribute ? null : scope.get('') || null };
      const prefix = qname.slice(0, colon);
      const local = qname.slice(colon + 1);
      if (prefix === 'xmlns') return { local, ns: 'http://www.w3.org/2000/xmlns/' };
      const ns = scope.get(prefix);
      if (!ns || local.includes(':')) throw new Stop('namespace', offset, `namespace prefix '${prefix}' in ${qname} is not declared: add xmlns:${prefix}="…"`);
      return { local, ns };
    };
    const pos = this.lines.locate(at);
    const el = resolve(name, false, at + 1);
    const attributes: XmlAttribute[] = [];
    for (const a of raw) {
      const r = resolve(a.name, true, a.at);
      const p = this.lines.locate(a.at);
      attributes.push({ name: a.name, localName: r.local, namespace: r.ns, value: a.value, line: p.line, column: p.column });
    }
    const element: XmlElement = {
      kind: 'element',
      name,
      localName: el.local,
      namespace: el.ns,
      attributes,
      children: [] as XmlNode[],
      parent,
      line: pos.line,
      column: pos.column,
    };
    if (!selfClosing) scopes.push(scope);
    return { element, selfClosing };
  }
}
