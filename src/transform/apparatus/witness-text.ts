// Any witness's text rebuilt from the apparatus model alone: the shared text, and at each critical entry the
// reading of that witness. This is how a reader of a printed critical edition reads a witness off the page.
import type { ApparatusEntry, ApparatusReading, DocumentApparatus, TextSegment } from './model.js';

/**
 * The reading a witness has in an entry: the one that names it (by key or siglum); else the lemma (in an
 * apparatus with a lemma, a witness not named reads the lemma). In parallel segmentation without a lemma, a
 * witness no reading names has none: it omits the passage, as its view on the site and the printed copy-text
 * show it. Readings that name no witness at all are read in order: the first.
 */
export function readingOf(entry: ApparatusEntry, witness: string): ApparatusReading | undefined {
  return entry.readings.find((r) => r.witnesses.includes(witness) || r.sigla.includes(witness))
    ?? entry.readings.find((r) => r.kind === 'lem')
    ?? (entry.readings.some((r) => r.witnesses.length > 0) ? undefined : entry.readings[0]);
}

/**
 * The text of one witness (key or siglum), a line per line of the model ('\n'), spaces normalised in each line.
 * Throws when a segment names an entry the document does not have: the model is then inconsistent.
 */
export function witnessText(document: DocumentApparatus, witness: string): string {
  return textBy(document, (entry) => readingOf(entry, witness));
}

/** The text of the segments, taking at each entry the reading `choose` gives. */
function textBy(document: DocumentApparatus, choose: (entry: ApparatusEntry) => ApparatusReading | undefined): string {
  const byId = new Map(document.entries.map((e) => [e.localId, e]));
  const parts: string[] = [];
  const visit = (segments: readonly TextSegment[], depth: number): void => {
    if (depth > 256) throw new Error(`${document.document}: the apparatus nests deeper than 256 levels`);
    for (const s of segments) {
      if (typeof s === 'string') { parts.push(s); continue; }
      const e = byId.get(s.app);
      if (!e) throw new Error(`${document.document}: the text names ${s.app}, which the apparatus does not have`);
      const r = choose(e);
      if (r) visit(r.segments, depth + 1);
    }
  };
  visit(document.text, 0);
  return parts.join('').split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => l !== '').join('\n');
}

/**
 * The reading the edition's own text (the copy-text) has in an entry: the lemma; in parallel segmentation the
 * first witness's reading, none where that witness has none; where no reading names a witness, the first.
 * This is the text whose lines the edition numbers (xslt/common/apparatus-model.xsl, te:copy-text-reading).
 */
export function copyTextReading(entry: ApparatusEntry, firstWitness: string | undefined): ApparatusReading | undefined {
  const lemma = entry.readings.find((r) => r.kind === 'lem');
  if (lemma) return lemma;
  if (!entry.readings.some((r) => r.witnesses.length > 0)) return entry.readings[0];
  return firstWitness === undefined ? undefined : entry.readings.find((r) => r.witnesses.includes(firstWitness));
}

/** The edition's own text, a line per numbered line: line N of it is line N of the site, the book and the PDF. */
export function copyText(document: DocumentApparatus): string {
  const first = document.witnesses[0]?.key;
  return textBy(document, (entry) => copyTextReading(entry, first));
}
