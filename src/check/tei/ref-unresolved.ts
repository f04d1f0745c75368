// tei/ref-unresolved: pointers into the edition (#id, file.xml, file.xml#id) must reach something.
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { TEI_NAMESPACE } from '../../read/tree.js';
import { displayPath } from '../../read/files.js';
import { elementsOf, parsePointer, tokens, type TeiContext } from './context.js';

export const POINTER_ATTRIBUTES = new Set(['ref', 'corresp', 'target', 'wit', 'source', 'resp']);
const READINGS = new Set(['lem', 'rdg']);

export function checkReferences(context: TeiContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  // Many pointers lead to the same few files: compute each shown path once.
  const shownPaths = new Map<string, string>();
  const shown = (file: string): string => {
    let p = shownPaths.get(file);
    if (p === undefined) shownPaths.set(file, (p = displayPath(file)));
    return p;
  };
  for (const source of context.sources) {
    for (const e of elementsOf(source)) {
      if (e.namespace !== TEI_NAMESPACE) continue;
      for (const a of e.attributes) {
        if (a.namespace !== null || !POINTER_ATTRIBUTES.has(a.localName)) continue;
        // A reading's witnesses are checked by tei/apparatus, which says more than "unresolved".
        if (a.localName === 'wit' && READINGS.has(e.localName)) continue;
        for (const token of tokens(a.value)) {
          const target = parsePointer(token, source);
          if (target.kind !== 'local') continue;
          const place = { file: source.path, line: a.line, column: a.column, severity: 'error' as const, ruleId: 'tei/ref-unresolved' };
          if (!context.ids.mayRead(target.file)) {
            out.push({ ...place, message: `@${a.name}="${token}" points outside the edition's folder (to ${shown(target.file)}); files there are never read: point to a file inside the edition` });
            continue;
          }
          const found = target.id === undefined ? (context.ids.idsIn(target.file) === null ? null : true) : context.ids.lookup(target.file, target.id);
          if (found === null) {
            out.push({ ...place, message: `@${a.name}="${token}" points to ${shown(target.file)}, which does not exist or is not readable XML` });
          } else if (found === undefined) {
            const where = target.file === source.absolutePath ? 'in this file' : `in ${shown(target.file)}`;
            out.push({ ...place, message: `@${a.name}="${token}": no element has xml:id="${target.id}" ${where}` });
          }
        }
      }
    }
  }
  return out;
}
