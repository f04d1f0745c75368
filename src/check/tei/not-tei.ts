// tei/not-tei: the editorial rules (and the schema) only make sense for TEI documents.
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { SourceFile } from '../../read/load.js';
import { TEI_NAMESPACE } from '../../read/tree.js';

export function checkIsTei(source: SourceFile): Diagnostic | undefined {
  const root = source.document.root;
  if (root.namespace === TEI_NAMESPACE && (root.localName === 'TEI' || root.localName === 'teiCorpus')) return undefined;
  const base = { file: source.path, line: root.line, column: root.column, severity: 'error' as const, ruleId: 'tei/not-tei' };
  if ((root.localName === 'TEI' || root.localName === 'teiCorpus') && root.namespace === null) {
    return { ...base, message: `<${root.name}> has no namespace: add xmlns="${TEI_NAMESPACE}" to the root element` };
  }
  const ns = root.namespace ? ` in namespace ${root.namespace}` : '';
  return { ...base, message: `not a TEI document: the root element is <${root.name}>${ns}, not <TEI> in the TEI namespace` };
}
