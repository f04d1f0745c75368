// tei/name-unlinked (a warning by default): a name in the text that does not point to its
// register entry cannot be indexed or linked.
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { behaviours } from '../../read/behaviours.js';
import { attribute, descendantsOrSelf, hasAncestor, isTei, TEI_NAMESPACE, type XmlElement } from '../../read/tree.js';
import { elementsOf, type TeiContext } from './context.js';

const NAMES = new Set(['persName', 'placeName', 'orgName']);
// Names inside register entries (the behaviour table's lists of persons, places, organisations, objects)
// are the entries' own names, not mentions.
const ENTRIES = new Set(behaviours().registerLists.filter((r) => r.entity).flatMap((r) => [r.list, ...r.entries]));

export function checkUnlinkedNames(context: TeiContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const source of context.sources) {
    const text = elementsOf(source).filter((e) => isTei(e, 'text') && !hasAncestor(e, (p) => isTei(p, 'text')));
    for (const t of text) {
      for (const e of descendantsOrSelf(t)) {
        if (e.namespace !== TEI_NAMESPACE || !NAMES.has(e.localName) || attribute(e, 'ref') !== undefined) continue;
        const inLinked = (p: XmlElement): boolean => p.namespace === TEI_NAMESPACE && NAMES.has(p.localName) && attribute(p, 'ref') !== undefined;
        const inEntry = (p: XmlElement): boolean => p.namespace === TEI_NAMESPACE && ENTRIES.has(p.localName);
        if (hasAncestor(e, inLinked) || hasAncestor(e, inEntry)) continue;
        out.push({
          file: source.path,
          line: e.line,
          column: e.column,
          severity: 'warning',
          ruleId: 'tei/name-unlinked',
          message: `<${e.localName}> has no @ref: link it to its register entry, e.g. ref="../registers/${e.localName === 'persName' ? 'persons' : e.localName === 'placeName' ? 'places' : 'organisations'}.xml#id"`,
        });
      }
    }
  }
  return out;
}
