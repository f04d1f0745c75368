// The apparatus model: every editorial note, textual note and variation of one document, numbered once.
// It is computed by xslt/common/apparatus-model.xsl in the same pass that builds a document's page, and
// every output (the site, dist/apparatus, the EPUB, print) renders these entries and nothing else.

/**
 * The three series of the apparatus, as printed critical editions keep them:
 * - `explanatory`: the editors' notes (TEI `note`), numbered 1, 2, 3 …;
 * - `textual`: what the source's text is and how the editors treated it (`supplied`, `gap`, `surplus`,
 *   `unclear`, `choice` such as sic/corr or orig/reg, and a lone `sic`, `corr`, `orig`, `reg`), lettered a, b, c …;
 * - `critical`: the critical apparatus (TEI `app`), keyed to the line of the reading text it begins in.
 */
export type ApparatusSeries = 'explanatory' | 'textual' | 'critical';

/**
 * A piece of reading text: a string of the text all witnesses share (`\n` where a line or block begins), or
 * the place of a critical entry (`app`: its local id), whose readings hold what each witness reads there.
 * With them any witness is rebuilt from the model alone (see witness-text.ts).
 */
export type TextSegment = string | { app: string };

/** One reading of a variation (TEI `lem` or `rdg`). */
export interface ApparatusReading {
  /** `lem` for the editors' lemma, `rdg` for a reading. */
  kind: 'lem' | 'rdg';
  /** The reading as plain text, spaces normalised; '' when the witnesses have no text here. */
  text: string;
  /** The reading as an HTML fragment (escaped, built as nodes). */
  html: string;
  /** When `text` is empty: what stands there instead ('om.', '¶', 'wit start' …). */
  empty: string;
  /** The witnesses, as keys of the document's `witnesses` (path from the edition's folder#id), or the pointer as given. */
  witnesses: string[];
  /** The sigla of those witnesses, in the same order. */
  sigla: string[];
  /** Other sources of the reading (`@source`, e.g. an earlier edition), as given. */
  sources: string[];
  /** `@type` of the reading (e.g. 'correction', 'orthographic'), or ''. */
  type: string;
  /** Who is responsible for the reading: `@resp` (or `@source`) resolved to a name where the edition says who that is, else as given; '' if nobody is named. */
  resp: string;
  /** The reading's text as segments (an app inside it is a segment of its own). */
  segments: TextSegment[];
}

/** One entry of the apparatus of a document. */
export interface ApparatusEntry {
  /** Stable id of the entry inside the edition: `<document>.<local>` (e.g. `1951-07-01-kim-peng-to-ridgway.app-3`). */
  id: string;
  /** Stable id of the entry inside the document page: `note-N`, `tn-N` or `app-N`. */
  localId: string;
  /** The id of the marker in the reading text (`noteref-N`, `tnref-N`, `appref-N`). */
  markerId: string;
  /** The document's key: the stem of its page (`documents/<document>.html`). */
  document: string;
  series: ApparatusSeries;
  /** Running number in its series, from 1, in document order. */
  number: number;
  /** The label printed for it: '3' (explanatory), 'c' (textual), the line number (critical). */
  label: string;
  /** The TEI element it comes from: note, supplied, gap, choice, app … */
  element: string;
  /** `@xml:id` of that element, or ''. */
  xmlId: string;
  /** `@type` of that element, or ''. */
  type: string;
  /** The line of the reading text the entry's anchor begins in (1-based; 0 when it stands outside the numbered text). */
  line: number;
  /** The words of the text the entry belongs to: for a note the words before it (or its @target), for an intervention or variation the text it covers in the reading text. */
  anchorText: string;
  /** Critical entries: the lemma (the editors' reading, or, in parallel segmentation, the reading of the text shown first); otherwise ''. */
  lemma: string;
  /** Critical entries: every reading with its witnesses; otherwise []. */
  readings: ApparatusReading[];
  /** The note: an explanatory note's text, the description of a textual intervention, or a note inside an app. */
  note: { html: string; text: string };
  /** Who is responsible: `@resp` (or `@source`) resolved to a name where the edition says who that is, else as given; '' if nobody is named. */
  resp: string;
}

/** The apparatus of one document. */
export interface DocumentApparatus {
  /** The document's key (see ApparatusEntry.document). */
  document: string;
  /** The title of the document. */
  title: string;
  /** Witnesses read in the document, in the edition's order: key (path from the edition's folder#id) and siglum. */
  witnesses: { key: string; siglum: string }[];
  /** Number of lines of the reading text. */
  lines: number;
  /** The reading text as segments: shared text (a newline where each numbered line begins) and the places of the critical entries. */
  text: TextSegment[];
  entries: ApparatusEntry[];
}

/** The apparatus of the whole edition, as written to dist/apparatus/apparatus.json. */
export interface EditionApparatus {
  /** The JSON Schema this file follows. */
  $schema: string;
  title: string;
  series: { id: ApparatusSeries; label: string; numbering: 'numbers' | 'letters' | 'lines' }[];
  documents: DocumentApparatus[];
}

export const SERIES: EditionApparatus['series'] = [
  { id: 'explanatory', label: 'Notes', numbering: 'numbers' },
  { id: 'textual', label: 'Textual notes', numbering: 'letters' },
  { id: 'critical', label: 'Critical apparatus', numbering: 'lines' },
];

/** The entries of one series, in order. */
export function entriesOf(apparatus: DocumentApparatus, series: ApparatusSeries): ApparatusEntry[] {
  return apparatus.entries.filter((e) => e.series === series);
}
