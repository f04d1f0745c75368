// What every output prints for an apparatus entry, whatever its markup: the readings of a critical entry in
// the order printed apparatus give them, the words of the labels, the marker's words, the ids the site
// derives from the TEI. Pure functions of the model.
import type { ApparatusEntry, ApparatusReading, DocumentApparatus } from '../../transform/apparatus/model.js';
import { englishLabels, type Labels } from '../../labels/labels.js';

/** An id as the stylesheets make one from an `@xml:id` or a type (te:safe-id: the behaviour table's id rule). */
export { safeId } from '../../read/behaviours.js';

/**
 * The reading a critical entry prints first, before the bracket: the lemma; in parallel segmentation the
 * reading of the witness the text shows first; else the first reading (te:base-reading).
 */
export function baseReading(entry: ApparatusEntry, document: Pick<DocumentApparatus, 'witnesses'>): ApparatusReading | undefined {
  const first = document.witnesses[0]?.key;
  return entry.readings.find((r) => r.kind === 'lem') ?? (first === undefined ? undefined : entry.readings.find((r) => r.witnesses.includes(first))) ?? entry.readings[0];
}

/** The readings of a critical entry as printed: the base reading first, then the others in the source's order. */
export function orderedReadings(entry: ApparatusEntry, document: Pick<DocumentApparatus, 'witnesses'>): { reading: ApparatusReading; base: boolean }[] {
  const base = baseReading(entry, document);
  const others = entry.readings.filter((r) => r !== base).map((reading) => ({ reading, base: false }));
  return base ? [{ reading: base, base: true }, ...others] : others;
}

/**
 * What stands for a reading without text: 'om.' (the apparatus's own Latin, in every language), the
 * interface's '¶ new paragraph', or the names of what it holds.
 */
export function emptyWords(reading: ApparatusReading, labels: Labels = englishLabels()): string {
  return reading.empty === '¶' ? labels.t('newParagraph') : reading.empty || 'om.';
}

/** The text of a marker in the reading text: the number, the letter, or ° for a critical entry. */
export function markerText(entry: ApparatusEntry): string {
  return entry.series === 'critical' ? '°' : entry.label;
}

/** The accessible name of a marker (as the stylesheets name the markers they write: html/apparatus.xsl, html/text.xsl). */
export function markerName(entry: ApparatusEntry, labels: Labels = englishLabels()): string {
  if (entry.series === 'explanatory') return labels.t('noteMarker', { number: entry.number });
  if (entry.series === 'textual') return labels.t('textualMarker', { label: entry.label });
  return labels.t('variantMarker', { number: entry.number, line: entry.line });
}

/** The accessible name of an entry's link back to its marker. */
export function backName(entry: ApparatusEntry, labels: Labels = englishLabels()): string {
  if (entry.series === 'explanatory') return labels.t('backToNote', { number: entry.number });
  if (entry.series === 'textual') return labels.t('backToTextual', { label: entry.label });
  return labels.t('backToVariant', { number: entry.number, line: entry.line });
}

/** The anchor a textual note prints before its bracket: the text the intervention covers (none for a gap). */
export function textualAnchor(entry: ApparatusEntry): string {
  return entry.element === 'gap' ? '' : entry.anchorText;
}

/** The classes the site gives an entry's list item and its label link, by series. */
export const SITE_CLASSES = {
  explanatory: { item: 'note', label: 'note-num ed', marker: 'noteref ed' },
  textual: { item: 'tn-entry', label: 'tn-num ed', marker: 'tnref ed' },
  critical: { item: 'app-entry', label: 'app-num ed', marker: 'appref ed' },
} as const;

/**
 * The abbreviations an entry prints for the kind of a reading the editors made rather than a witness gives
 * (`@type` of a `lem` or `rdg`), in the conventions of printed apparatus: the one place they are defined.
 */
export const READING_KINDS: Readonly<Record<string, string>> = {
  conjecture: 'conj.',
  emendation: 'em.',
  correction: 'corr.',
};

/**
 * Who made a reading and how, as the entry prints it after the reading: "conj. Uthemann", "corr. Haidacher",
 * the name alone when the kind is not one of READING_KINDS ("Annette von Stockhausen"), the abbreviation alone
 * when no one is named. `resp` is the name the model gives (te:resp-label), never a pointer: a value that is
 * still a pointer (#id, a URI) is not printed.
 */
export function readingResp(reading: Pick<ApparatusReading, 'type' | 'resp'>): string {
  const kind = READING_KINDS[reading.type.trim().toLowerCase()] ?? '';
  const resp = reading.resp.trim();
  const name = resp === '' || /^(#|[a-z][a-z0-9+.-]*:)\S*$/i.test(resp) ? '' : resp;
  return [kind, name].filter(Boolean).join(' ');
}
