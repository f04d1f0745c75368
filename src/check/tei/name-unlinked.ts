// tei/name-unlinked (a warning by default): a name in the text that does not point to its
// register entry cannot be indexed or linked.
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { behaviours } from '../../read/behaviours.js';
import { attribute, descendantsOrSelf, hasAncestor, isTei, TEI_NAMESPACE, xmlId, type XmlElement } from '../../read/tree.js';
import { elementsOf, type TeiContext } from './context.js';

const NAMES = new Set(['persName', 'placeName', 'orgName']);
// What links a name to its entity: a pointer (@ref, @corresp) or a key into an authority (@key).
const LINKS = ['ref', 'corresp', 'key'];
// Names inside register entries (the behaviour table's lists of persons, places, organisations, objects)
// are the entries' own names, not mentions.
const ENTRIES = new Set(behaviours().registerLists.filter((r) => r.entity).flatMap((r) => [r.list, ...r.entries]));

const isName = (e: XmlElement): boolean => e.namespace === TEI_NAMESPACE && NAMES.has(e.localName);
const isLinked = (e: XmlElement): boolean => LINKS.some((a) => (attribute(e, a) ?? '').trim() !== '');
const inEntry = (p: XmlElement): boolean => p.namespace === TEI_NAMESPACE && ENTRIES.has(p.localName);

/**
 * An entry of a register kept as a plain list in the front or back matter (FRUS's
 * `div xml:id="persons"`): an `item` that holds a name with its own xml:id, which the text's
 * names point to. Its names and its description are the register, not mentions.
 */
function isListEntry(item: XmlElement): boolean {
  if (!isTei(item, 'item') || !hasAncestor(item, (p) => isTei(p, 'front') || isTei(p, 'back'))) return false;
  for (const e of descendantsOrSelf(item)) if (isName(e) && xmlId(e) !== undefined) return true;
  return false;
}

export function checkUnlinkedNames(context: TeiContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const source of context.sources) {
    const text = elementsOf(source).filter((e) => isTei(e, 'text') && !hasAncestor(e, (p) => isTei(p, 'text')));
    const entryItems = new Map<XmlElement, boolean>();
    const inListEntry = (p: XmlElement): boolean => {
      if (!isTei(p, 'item')) return false;
      let known = entryItems.get(p);
      if (known === undefined) entryItems.set(p, (known = isListEntry(p)));
      return known;
    };
    for (const t of text) {
      for (const e of descendantsOrSelf(t)) {
        if (!isName(e) || isLinked(e)) continue;
        if (hasAncestor(e, (p) => (isName(p) && isLinked(p)) || inEntry(p) || inListEntry(p))) continue;
        out.push({
          file: source.path,
          line: e.line,
          column: e.column,
          severity: 'warning',
          ruleId: 'tei/name-unlinked',
          message: `<${e.localName}> has no @ref, @corresp or @key: link it to its register entry, e.g. ref="../registers/${e.localName === 'persName' ? 'persons' : e.localName === 'placeName' ? 'places' : 'organisations'}.xml#id"`,
        });
      }
    }
  }
  return out;
}
