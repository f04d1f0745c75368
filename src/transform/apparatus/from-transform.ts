// The apparatus of one document as the page transformation returns it, completed with the document's key,
// its witness keys made relative to the edition's folder (the same JSON from any checkout), and its fields
// in the order of apparatus.schema.json (SaxonJS maps have no order of their own).
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { TransformedFile } from '../transform-file.js';
import type { ApparatusEntry, ApparatusReading, DocumentApparatus, TextSegment } from './model.js';

/** What xslt/html/page.xsl returns under `apparatus`: the model without the document's key (and, for the renderer, each note's language). */
export type RawApparatus = Omit<DocumentApparatus, 'entries'> & { entries: (ApparatusEntry & { lang?: string })[] };

/**
 * The document's key: its page path from the documents folder, without '.html' ('documents/x.html' → 'x'; a
 * document of a volume, 'documents/frus1951v07p2/d12.html' → 'frus1951v07p2/d12', since two volumes may both
 * have a d12).
 */
export function documentKey(page: string): string {
  const fromDocuments = page.startsWith('documents/') ? page.slice('documents/'.length) : page.replace(/^.*\//, '');
  return fromDocuments.replace(/\.html$/, '');
}

/** A witness key (file URI#id) as a path from the edition's folder ('edition.xml#wit-A'); other pointers as given. */
export function relativeKey(key: string, sourceRoot: string | undefined): string {
  if (!sourceRoot || !key.startsWith('file:')) return key;
  const hash = key.indexOf('#');
  const uri = hash < 0 ? key : key.slice(0, hash);
  let file: string;
  try {
    file = fileURLToPath(uri);
  } catch {
    return key;
  }
  const relative = path.relative(sourceRoot, file).split(path.sep).join('/');
  return `${relative}${hash < 0 ? '' : key.slice(hash)}`;
}

/** Adjacent strings joined into one; empty strings dropped. */
export function joinSegments(segments: readonly TextSegment[] | undefined): TextSegment[] {
  const out: TextSegment[] = [];
  for (const s of segments ?? []) {
    if (typeof s === 'string') {
      if (s === '') continue;
      const last = out[out.length - 1];
      if (typeof last === 'string') out[out.length - 1] = last + s;
      else out.push(s);
    } else out.push({ app: s.app });
  }
  return out;
}

function reading(r: ApparatusReading, key: (k: string) => string): ApparatusReading {
  return {
    kind: r.kind, text: r.text, html: r.html, empty: r.empty,
    witnesses: r.witnesses.map(key), sigla: r.sigla, sources: r.sources, type: r.type, resp: r.resp,
    segments: joinSegments(r.segments),
  };
}

function entry(e: ApparatusEntry, document: string, key: (k: string) => string): ApparatusEntry {
  return {
    id: `${document}.${e.localId}`, localId: e.localId, markerId: e.markerId, document,
    series: e.series, number: e.number, label: e.label, element: e.element, xmlId: e.xmlId, type: e.type,
    line: e.line, anchorText: e.anchorText, lemma: e.lemma, readings: e.readings.map((r) => reading(r, key)),
    note: { html: e.note.html, text: e.note.text }, resp: e.resp,
  };
}

/**
 * The model of one transformed document, every entry carrying the document's key and its edition-wide id.
 * `sourceRoot`: the folder witness keys are given from (the edition's folder); without it they stay URIs.
 */
export function documentApparatus(data: TransformedFile, page: string, sourceRoot?: string): DocumentApparatus {
  const raw = (data as TransformedFile & { apparatus?: RawApparatus }).apparatus;
  const document = documentKey(page);
  const key = (k: string): string => relativeKey(k, sourceRoot);
  return {
    document,
    title: raw?.title ?? data.title,
    witnesses: (raw?.witnesses ?? []).map((w) => ({ key: key(w.key), siglum: w.siglum })),
    lines: raw?.lines ?? 0,
    text: joinSegments(raw?.text),
    entries: (raw?.entries ?? []).map((e) => entry(e, document, key)),
  };
}

/**
 * The language of each explanatory note, by local id, where its text is marked as in a language
 * (`@xml:lang` on the note or an element around it in the text): what the site marks the note with.
 * Not part of the model's JSON (apparatus.schema.json); the renderer takes it beside the model.
 */
export function entryLanguages(data: TransformedFile): Map<string, string> {
  const raw = (data as TransformedFile & { apparatus?: RawApparatus }).apparatus;
  const out = new Map<string, string>();
  for (const e of raw?.entries ?? []) if (e.lang) out.set(e.localId, e.lang);
  return out;
}
