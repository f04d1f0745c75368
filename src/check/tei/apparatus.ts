// tei/apparatus: every witness a reading cites must be in the edition's list of witnesses
// (listWit), and where the variant encoding keeps the apparatus apart from the text, each app
// needs a lemma so a reader can see what the variants replace.
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { SourceFile } from '../../read/load.js';
import { attribute, attributeNode, childElements, hasAncestor, isTei, teiPath, xmlId } from '../../read/tree.js';
import { displayPath } from '../../read/files.js';
import { elementsOf, parsePointer, tokens, type TeiContext } from './context.js';

/** Methods where the apparatus is not in the text itself, so the lemma must be given. */
const NEEDS_LEMMA = new Set(['location-referenced', 'double-end-point']);

function witnessesOf(source: SourceFile): Set<string> {
  const keys = new Set<string>();
  for (const e of elementsOf(source)) {
    const id = xmlId(e);
    if (id !== undefined && isTei(e, 'witness') && hasAncestor(e, (p) => isTei(p, 'listWit'))) keys.add(`${source.absolutePath}#${id}`);
  }
  return keys;
}

function variantMethod(source: SourceFile | undefined): string | undefined {
  const encodingDesc = source && teiPath(source.document.root, ['teiHeader', 'encodingDesc']);
  const ve = encodingDesc && childElements(encodingDesc).find((e) => isTei(e, 'variantEncoding'));
  return ve && attribute(ve, 'method');
}

export function checkApparatus(context: TeiContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  // The edition's witnesses: edition.xml's listWit, plus each file's own (common outside editions).
  const shared = new Set<string>();
  if (context.editionSource) for (const k of witnessesOf(context.editionSource)) shared.add(k);
  if (context.mode === 'paths') for (const s of context.sources) for (const k of witnessesOf(s)) shared.add(k);
  const listWhere = context.editionSource ? `listWit in ${context.editionSource.path}` : 'any listWit';
  for (const source of context.sources) {
    const own = witnessesOf(source);
    const method = variantMethod(source) ?? variantMethod(context.editionSource);
    for (const app of elementsOf(source)) {
      if (!isTei(app, 'app')) continue;
      const readings = childElements(app).flatMap((c) => (isTei(c, 'rdgGrp') ? childElements(c) : [c])).filter((c) => isTei(c, 'lem') || isTei(c, 'rdg'));
      for (const reading of readings) {
        const wit = attributeNode(reading, 'wit');
        if (!wit) continue;
        for (const token of tokens(wit.value)) {
          const target = parsePointer(token, source);
          if (target.kind !== 'local' || target.id === undefined) continue;
          const key = `${target.file}#${target.id}`;
          if (shared.has(key) || own.has(key)) continue;
          const exists = context.ids.lookup(target.file, target.id);
          const why = exists ? `it points to a <${exists.element.localName}>, not a witness` : `no witness has xml:id="${target.id}"${target.file === source.absolutePath ? '' : ` in ${displayPath(target.file)}`}`;
          out.push({
            file: source.path,
            line: wit.line,
            column: wit.column,
            severity: 'error',
            ruleId: 'tei/apparatus',
            message: `<${reading.localName}> cites witness "${token}", which is not in the list of witnesses (${listWhere}): ${why}`,
          });
        }
      }
      if (method && NEEDS_LEMMA.has(method) && !readings.some((r) => isTei(r, 'lem'))) {
        out.push({
          file: source.path,
          line: app.line,
          column: app.column,
          severity: 'error',
          ruleId: 'tei/apparatus',
          message: `<app> has no <lem>: with variantEncoding method="${method}" the apparatus stands apart from the text, so each entry needs its lemma`,
        });
      }
    }
  }
  return out;
}
