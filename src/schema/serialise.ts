// Writes a Grammar as RelaxNG XML syntax, deterministically: defines in the order of tei_all,
// attributes in source order, two-space indentation, no dates. Same input, same bytes.
import { ANNOTATIONS_NS, type Grammar, type Pattern, RNG_NS } from './pattern.js';

export interface SerialiseOptions {
  /** Lines of the leading comment (what generated the file, from what, by which command). */
  header: string[];
  /** Keep a:documentation (helpful in XML editors, about a third of the file). */
  documentation: boolean;
}

/** Children of these form an implicit group, so a <group> child can be written as its content (not
 * attribute and start: they take a single pattern). */
const IMPLICIT_GROUP = new Set(['element', 'define', 'oneOrMore', 'zeroOrMore', 'optional', 'list', 'mixed']);

export function serialiseGrammar(grammar: Grammar, options: SerialiseOptions): string {
  const lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  lines.push('<!--');
  for (const line of options.header) lines.push(`  ${escapeComment(line)}`.trimEnd());
  lines.push('-->');
  const rootAttrs: Record<string, string> = {
    xmlns: RNG_NS,
    ...(options.documentation ? { 'xmlns:a': ANNOTATIONS_NS } : {}),
    ...grammar.attrs,
  };
  lines.push(`<grammar${attributes(rootAttrs)}>`);
  writeContainer(lines, 'start', {}, grammar.start, 1, options);
  for (const [name, body] of grammar.defines) writeContainer(lines, 'define', { name }, body, 1, options);
  lines.push('</grammar>', '');
  return lines.join('\n');
}

function writeContainer(
  lines: string[],
  tag: string,
  attrs: Record<string, string>,
  children: readonly Pattern[],
  depth: number,
  options: SerialiseOptions,
): void {
  writePattern(lines, { tag, attrs, children: [...children] }, depth, options);
}

function writePattern(lines: string[], p: Pattern, depth: number, options: SerialiseOptions): void {
  const indent = '  '.repeat(depth);
  const open = `${p.tag}${attributes(p.attrs)}`;
  if (p.text !== undefined) {
    lines.push(`${indent}<${open}>${escapeText(p.text)}</${p.tag}>`);
    if (options.documentation && p.doc) lines.push(documentation(p.doc, indent));
    return;
  }
  const children = IMPLICIT_GROUP.has(p.tag) ? p.children.flatMap(ungroup) : p.children;
  const doc = options.documentation && p.doc ? [documentation(p.doc, `${indent}  `)] : [];
  if (children.length === 0 && doc.length === 0) {
    lines.push(`${indent}<${open}/>`);
    return;
  }
  lines.push(`${indent}<${open}>`, ...doc);
  for (const child of children) writePattern(lines, child, depth + 1, options);
  lines.push(`${indent}</${p.tag}>`);
}

/** A <group> inside an implicit group adds nothing: write its children instead. */
function ungroup(p: Pattern): Pattern[] {
  return p.tag === 'group' ? p.children.flatMap(ungroup) : [p];
}

function documentation(text: string, indent: string): string {
  return `${indent}<a:documentation>${escapeText(text)}</a:documentation>`;
}

function attributes(attrs: Record<string, string>): string {
  return Object.entries(attrs)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

function escapeComment(text: string): string {
  return text.replace(/--/g, '- -');
}
