// Decides whether a content pattern accepts one literal string, for the cases closed value lists
// meet in tei_all (text, token-like datatypes with a pattern facet, values, choices, lists). Answers
// 'unknown' otherwise, and the caller then refuses the change rather than risk loosening the schema.
import type { Pattern } from './pattern.js';

export type Answer = true | false | 'unknown';

/** Datatypes whose lexical space is every string matching the pattern facet (if any), after whitespace handling. */
const STRINGLIKE: Record<string, (s: string) => boolean> = {
  string: () => true,
  normalizedString: (s) => !/[\t\n\r]/.test(s),
  token: (s) => s === s.replace(/\s+/g, ' ').trim(),
  NMTOKEN: (s) => /^[\p{L}\p{N}._:\-\u00B7]+$/u.test(s),
  Name: (s) => /^[\p{L}_:][\p{L}\p{N}._:\-\u00B7]*$/u.test(s),
  NCName: (s) => /^[\p{L}_][\p{L}\p{N}._\-\u00B7]*$/u.test(s),
};

/** A sequence of patterns (an implicit group) accepting a literal, as attribute content. */
export function acceptsLiteral(content: readonly Pattern[], literal: string): Answer {
  if (content.length === 0) return true; // an attribute without content pattern takes any text
  if (content.length > 1) return 'unknown';
  return accepts(content[0] as Pattern, literal);
}

function accepts(p: Pattern, literal: string): Answer {
  switch (p.tag) {
    case 'text':
      return true;
    case 'empty':
      return literal === '';
    case 'notAllowed':
      return false;
    case 'value': {
      const type = p.attrs['type'] ?? 'token';
      if (type === 'string') return literal === (p.text ?? '');
      if (type === 'token') return normalise(literal) === normalise(p.text ?? '');
      return 'unknown';
    }
    case 'data':
      return acceptsData(p, literal);
    case 'choice': {
      const answers = p.children.map((c) => accepts(c, literal));
      if (answers.includes(true)) return true;
      return answers.includes('unknown') ? 'unknown' : false;
    }
    case 'list': {
      // A value with spaces would be several list items; closed values are single tokens.
      if (/\s/.test(literal) || literal === '') return 'unknown';
      const item = p.children.length === 1 ? p.children[0] : undefined;
      if (item && (item.tag === 'oneOrMore' || item.tag === 'zeroOrMore') && item.children.length === 1) {
        return accepts(item.children[0] as Pattern, literal);
      }
      return item ? accepts(item, literal) : 'unknown';
    }
    default:
      return 'unknown';
  }
}

function acceptsData(p: Pattern, literal: string): Answer {
  const lexical = STRINGLIKE[p.attrs['type'] ?? ''];
  if (!lexical || p.children.some((c) => c.tag === 'except')) return 'unknown';
  if (!lexical(literal)) return false;
  for (const param of p.children) {
    if (param.attrs['name'] !== 'pattern') return 'unknown';
    const regex = xsdPattern(param.text ?? '');
    if (regex === undefined) return 'unknown';
    if (!regex.test(literal)) return false;
  }
  return true;
}

/** An XSD regular expression as an anchored JavaScript one, when the two surely agree. */
function xsdPattern(source: string): RegExp | undefined {
  // Character class subtraction and the \i \c escapes mean something else (or nothing) in JavaScript.
  if (/-\[|\\[iIcC]/.test(source)) return undefined;
  try {
    return new RegExp(`^(?:${source})$`, 'u');
  } catch {
    return undefined;
  }
}

function normalise(s: string): string {
  return s.replace(/[ \t\n\r]+/g, ' ').trim();
}
