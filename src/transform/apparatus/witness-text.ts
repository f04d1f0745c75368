// Any witness's text rebuilt from the apparatus model alone: the shared text, and at each critical entry the
// reading of that witness. This is how a reader of a printed critical edition reads a witness off the page.
import type { ApparatusEntry, ApparatusReading, DocumentApparatus, TextSegment } from './model.js';

/**
 * The reading a witness has in an entry: the one that names it (by key or siglum); else the lemma (in an
 * apparatus with a lemma, a witness not named reads the lemma); else the first reading.
 */
export function readingOf(entry: ApparatusEntry, witness: string): ApparatusReading | undefined {
  return entry.readings.find((r) => r.witnesses.includes(witness) || r.sigla.includes(witness))
    ?? entry.readings.find((r) => r.kind === 'lem')
    ?? entry.readings[0];
}

/**
 * The text of one witness (key or siglum), a line per line of the model ('\n'), spaces normalised in each line.
 * Throws when a segment names an entry the document does not have: the model is then inconsistent.
 */
export function witnessText(document: DocumentApparatus, witness: string): string {
  const byId = new Map(document.entries.map((e) => [e.localId, e]));
  const parts: string[] = [];
  const visit = (segments: readonly TextSegment[], depth: number): void => {
    if (depth > 256) throw new Error(`${document.document}: the apparatus nests deeper than 256 levels`);
    for (const s of segments) {
      if (typeof s === 'string') { parts.push(s); continue; }
      const e = byId.get(s.app);
      if (!e) throw new Error(`${document.document}: the text names ${s.app}, which the apparatus does not have`);
      const r = readingOf(e, witness);
      if (r) visit(r.segments, depth + 1);
    }
  };
  visit(document.text, 0);
  return parts.join('').split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => l !== '').join('\n');
}
