// ISO Schematron, evaluated with SaxonJS XPath: each rule's context selects nodes (a node is
// handled by the first matching rule of its pattern), failed asserts and firing reports become
// diagnostics `sch/<assert id | pattern id>` placed by mapping the node's path to our tree.
// Supported: ns, global and rule-level let, pattern, rule, assert, report, name, value-of,
// @role for severity. Abstract patterns, includes and phases are not (said so, not ignored).
import { readFileSync } from 'node:fs';
import type { Diagnostic, Severity } from '../../diagnostics/diagnostic.js';
import { decodeXml } from '../../read/decode.js';
import type { SourceFile } from '../../read/load.js';
import { parseXml } from '../../read/parse-xml.js';
import { attribute, childElements, type XmlElement } from '../../read/tree.js';
import { locatePath } from './node-path.js';
import { loadSaxon, type SaxonApi } from './saxon.js';

const SCH_NS = new Set(['http://purl.oclc.org/dsdl/schematron', 'http://www.ascc.net/xml/schematron']);

interface Check {
  kind: 'assert' | 'report';
  test: string;
  id: string;
  severity: Severity;
  message: (XmlElement | string)[];
}
interface Rule {
  context: string;
  lets: [string, string][];
  checks: Check[];
}
interface Pattern {
  id?: string;
  rules: Rule[];
}
export interface SchematronSchema {
  file: string;
  namespaces: Record<string, string>;
  lets: [string, string][];
  patterns: Pattern[];
}

export type SchematronLoad = { ok: true; schema: SchematronSchema } | { ok: false; diagnostic: Diagnostic };

const isSch = (e: XmlElement, name: string): boolean => e.localName === name && e.namespace !== null && SCH_NS.has(e.namespace);

function severityOf(role: string | undefined): Severity {
  const r = (role ?? '').toLowerCase();
  if (r === 'warning' || r === 'warn') return 'warning';
  if (r === 'info' || r === 'information') return 'info';
  return 'error';
}

export function loadSchematron(absolutePath: string, display: string): SchematronLoad {
  const fail = (message: string, line?: number): SchematronLoad => ({
    ok: false,
    diagnostic: { file: display, ...(line ? { line, column: 1 } : {}), severity: 'error', ruleId: 'sch/schema-error', message },
  });
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(absolutePath);
  } catch {
    return fail(`cannot read the Schematron file ${display}`);
  }
  const decoded = decodeXml(bytes);
  if (!decoded.ok) return fail(decoded.message, decoded.line);
  const parsed = parseXml(decoded.text);
  if (!parsed.ok) return fail(`the Schematron file is not well-formed: ${parsed.problem.message}`, parsed.problem.line);
  const root = parsed.document.root;
  if (!isSch(root, 'schema')) return fail(`not an ISO Schematron schema: the root is <${root.name}>`, root.line);
  const schema: SchematronSchema = { file: display, namespaces: {}, lets: [], patterns: [] };
  const lets = (e: XmlElement): [string, string][] =>
    childElements(e)
      .filter((c) => isSch(c, 'let'))
      .map((c) => [attribute(c, 'name') ?? '', attribute(c, 'value') ?? '.'] as [string, string]);
  for (const c of childElements(root)) {
    if (isSch(c, 'ns')) schema.namespaces[attribute(c, 'prefix') ?? ''] = attribute(c, 'uri') ?? '';
    if (isSch(c, 'include') || isSch(c, 'extends')) return fail(`<${c.localName}> is not supported: put the rules in this file`, c.line);
  }
  schema.lets = lets(root);
  for (const p of childElements(root).filter((c) => isSch(c, 'pattern'))) {
    if (attribute(p, 'abstract') === 'true' || attribute(p, 'is-a') !== undefined) return fail('abstract patterns are not supported: write the rules out', p.line);
    const pattern: Pattern = { ...(attribute(p, 'id') ? { id: attribute(p, 'id')! } : {}), rules: [] };
    for (const r of childElements(p).filter((c) => isSch(c, 'rule'))) {
      if (attribute(r, 'abstract') === 'true') continue;
      const context = attribute(r, 'context');
      if (!context) return fail('a <rule> has no @context', r.line);
      const checks: Check[] = [];
      for (const a of childElements(r)) {
        if (!isSch(a, 'assert') && !isSch(a, 'report')) continue;
        const test = attribute(a, 'test');
        if (!test) return fail(`an <${a.localName}> has no @test`, a.line);
        checks.push({
          kind: a.localName as 'assert' | 'report',
          test,
          id: attribute(a, 'id') ?? pattern.id ?? a.localName,
          severity: severityOf(attribute(a, 'role')),
          message: a.children.flatMap((n): (XmlElement | string)[] => (n.kind === 'text' ? [n.text] : n.kind === 'element' ? [n] : [])),
        });
      }
      pattern.rules.push({ context, lets: lets(r), checks });
    }
    schema.patterns.push(pattern);
  }
  return { ok: true, schema };
}

class XPathError extends Error {}

/**
 * Runs the schemas over the sources; a schema whose XPath does not compile is one sch/schema-error.
 * Each source is parsed by SaxonJS once for all schemas (and only one at a time is held), and the
 * findings are reported schema by schema, as if each schema had gone over every file in turn.
 */
export async function runSchematron(schemas: readonly SchematronSchema[], sources: readonly SourceFile[]): Promise<Diagnostic[]> {
  if (schemas.length === 0 || sources.length === 0) return [];
  const saxon = loadSaxon();
  const found = schemas.map(() => [] as Diagnostic[]);
  const failed = schemas.map((): Diagnostic | undefined => undefined);
  for (const source of sources) {
    if (failed.every((f) => f !== undefined)) break;
    const doc = await saxon.getResource({ text: source.text, type: 'xml' });
    for (let i = 0; i < schemas.length; i++) {
      if (failed[i]) continue;
      const schema = schemas[i]!;
      try {
        found[i]!.push(...runOne(saxon, schema, source, doc));
      } catch (error) {
        if (!(error instanceof XPathError)) throw error;
        failed[i] = { file: schema.file, severity: 'error', ruleId: 'sch/schema-error', message: error.message };
      }
    }
  }
  return schemas.flatMap((_, i) => [...found[i]!, ...(failed[i] ? [failed[i]!] : [])]);
}

function runOne(saxon: SaxonApi, schema: SchematronSchema, source: SourceFile, doc: unknown): Diagnostic[] {
  const namespaceContext = schema.namespaces;
  const evaluate = (xpath: string, context: unknown, params: Record<string, unknown>, form?: 'array'): unknown => {
    try {
      return saxon.XPath.evaluate(xpath, context, { namespaceContext, params, ...(form ? { resultForm: form } : {}) });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new XPathError(`the XPath "${xpath}" in ${schema.file} failed: ${detail}`);
    }
  };
  const globals: Record<string, unknown> = {};
  for (const [name, value] of schema.lets) globals[name] = evaluate(value, doc, { ...globals });
  const out: Diagnostic[] = [];
  for (const pattern of schema.patterns) {
    const handled = new Set<unknown>();
    for (const rule of pattern.rules) {
      const nodes = evaluate(`//(${rule.context})`, doc, globals, 'array') as unknown[];
      for (const node of nodes) {
        if (handled.has(node)) continue;
        handled.add(node);
        const params = { ...globals };
        for (const [name, value] of rule.lets) params[name] = evaluate(value, node, { ...params });
        for (const check of rule.checks) {
          const result = evaluate(`boolean(${check.test})`, node, params) === true;
          if ((check.kind === 'assert' && result) || (check.kind === 'report' && !result)) continue;
          const message = check.message
            .map((part) => {
              if (typeof part === 'string') return part;
              if (isSch(part, 'value-of')) return String(evaluate(`string-join((${attribute(part, 'select') ?? '.'}) ! string(), ' ')`, node, params));
              if (isSch(part, 'name')) return String(evaluate(`name(${attribute(part, 'path') ?? '.'})`, node, params));
              return '';
            })
            .join('')
            .replace(/\s+/g, ' ')
            .trim();
          const where = locatePath(source.document.root, String(evaluate('path(.)', node, {})));
          out.push({
            file: source.path,
            line: where.line,
            column: where.column,
            severity: check.severity,
            ruleId: `sch/${check.id}`,
            message: message || `${check.kind} failed: ${check.test}`,
          });
        }
      }
    }
  }
  return out;
}
