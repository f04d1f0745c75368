// tei/duplicate-id: an xml:id must be unique in its file and, for an edition, across all of it
// (registers, documents and edition.xml are addressed together).
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { XML_NAMESPACE } from '../../read/tree.js';
import { elementsOf, type TeiContext } from './context.js';

export function checkDuplicateIds(context: TeiContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<string, { file: string; line: number }>();
  for (const source of context.sources) {
    const local = new Map<string, { file: string; line: number }>();
    for (const e of elementsOf(source)) {
      for (const a of e.attributes) {
        if (a.localName !== 'id' || a.namespace !== XML_NAMESPACE) continue;
        const first = local.get(a.value) ?? (context.mode === 'edition' ? seen.get(a.value) : undefined);
        if (first) {
          const where = first.file === source.path ? `line ${first.line}` : `${first.file}:${first.line}`;
          out.push({
            file: source.path,
            line: a.line,
            column: a.column,
            severity: 'error',
            ruleId: 'tei/duplicate-id',
            message: `xml:id="${a.value}" is already used at ${where}: ids must be unique${context.mode === 'edition' ? ' across the edition' : ''}`,
          });
        } else local.set(a.value, { file: source.path, line: a.line });
      }
    }
    for (const [id, at] of local) if (!seen.has(id)) seen.set(id, at);
  }
  return out;
}
