// The apparatus of one document as the page transformation returns it, completed with the document's key.
import type { TransformedFile } from '../transform-file.js';
import type { ApparatusEntry, DocumentApparatus } from './model.js';

/** What xslt/html/page.xsl returns under `apparatus`: the model without the document's key. */
export type RawApparatus = DocumentApparatus;

/** The document's key: the stem of its page path ('documents/x.html' → 'x'). */
export function documentKey(page: string): string {
  return page.replace(/^.*\//, '').replace(/\.html$/, '');
}

/** The model of one transformed document, every entry carrying the document's key and its edition-wide id. */
export function documentApparatus(data: TransformedFile, page: string): DocumentApparatus {
  const raw = (data as TransformedFile & { apparatus?: RawApparatus }).apparatus;
  const key = documentKey(page);
  const entries: ApparatusEntry[] = (raw?.entries ?? []).map((e) => ({ ...e, document: key, id: `${key}.${e.localId}` }));
  return { document: key, title: raw?.title ?? data.title, witnesses: raw?.witnesses ?? [], lines: raw?.lines ?? 0, entries };
}
