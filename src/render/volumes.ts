// Files cut into documents (a volume of a documentary series: a FRUS file holds hundreds of
// div type="document"). The transform returns, for such a file, one result per part (xslt/html/volume.xsl):
// the volume's own page (its title page and contents), each document, each division of its front and back.
// Here each part becomes a SiteDocument with a page of its own, completed with what belongs to the whole
// file (its header's metadata panel, witnesses, front matter, register entries: once, on the volume's
// page), and the parts are arranged into volumes: documents join the edition's documents (its list, its
// chronology), the rest are the volume's pages. Pure: data in, data out.
import { safeId } from '../read/behaviours.js';
import type { PartKind, TransformedPart } from '../transform/parts.js';
import type { TransformedFile } from '../transform/transform-file.js';
import type { SiteDocument, SiteModel } from './site-model.js';

export interface DocumentPart {
  kind: PartKind;
  /** The key of the file the part is cut from (the volume's). */
  volume: string;
  /** Its place among the file's parts, in document order (0: the volume's own page). */
  index: number;
  /** The id the part is linked by: its xml:id, else part-N ('' for the volume's page). */
  anchor: string;
  /** The ids of the source its page holds: where links to them lead. */
  ids: string[];
}

export interface SiteVolume {
  source: string;
  key: string;
  /** The volume's own page: title page, headings, an entry for every document and division. */
  contents: SiteDocument;
  /** Its documents, in the volume's order (the edition's documents list orders them by date). */
  documents: SiteDocument[];
  /** The divisions of its front and back, each a page (preface, sources, index …). */
  front: SiteDocument[];
  back: SiteDocument[];
  /** Every page of the volume in reading order: its own, the front, the documents, the back. */
  pages: SiteDocument[];
}

/**
 * The ids the outputs' page shells give elements of a document's page (src/templates/document.hbs,
 * layout.hbs, the EPUB's content documents): an id of the source that is one of them makes the stylesheets
 * give every id they make a prefix (xslt/common/parts.xsl), which the shells then take too (idPrefix).
 */
export const RESERVED_IDS: readonly string[] = ['main', 'doc-title', 'doc-volume', 'h-apparatus', 'h-notes', 'metadata', 'h-metadata', 'h-doc-witnesses', 'h-cite', 'notes', 'notes-h', 'metadata-h'];

/** What belongs to the whole file and is given once, with the volume's page: never repeated on each part. */
const ONCE_PER_FILE = ['entries', 'registers'] as const;

/** A page for a part: `documents/<file>/<anchor>.html`, unique among the pages taken. */
function partPage(volumePage: string, anchor: string, taken: Set<string>): string {
  const folder = volumePage.replace(/\.html$/, '');
  const stem = safeId(anchor);
  let page = `${folder}/${stem}.html`;
  for (let i = 2; taken.has(page); i++) page = `${folder}/${stem}-${i}.html`;
  taken.add(page);
  return page;
}

/** A part's transform result as a whole TransformedFile: the part's own fields over the file's. */
function partData(file: TransformedFile, part: TransformedPart): TransformedFile {
  const { kind: _kind, anchor: _anchor, ids: _ids, html, ...own } = part;
  const base: TransformedFile = { ...file };
  delete base.parts;
  if (part.kind === 'volume') {
    // The volume's page holds what the file says once: the header's mentions, units and dates with its own.
    return {
      ...base,
      ...own,
      html: { ...file.html, ...html },
      mentions: [...file.mentions, ...own.mentions],
      units: [...file.units, ...own.units],
      dates: [...file.dates, ...own.dates],
    } as TransformedFile;
  }
  for (const field of ONCE_PER_FILE) if (field in base) (base as unknown as Record<string, unknown>)[field] = [];
  return { ...base, subtitle: '', correspondence: [], ...own, html: { ...file.html, ...html } } as TransformedFile;
}

/**
 * The pages of a file the transform cut into parts, or undefined for a file that is one document. `document`:
 * the file as one document would be (its page becomes the volume's page); `taken`: the site's pages so far.
 */
export function volumeParts(document: SiteDocument, taken: Set<string>): SiteDocument[] | undefined {
  const parts = document.data.parts ?? [];
  if (parts.length === 0) return undefined;
  return parts.map((part, index) => ({
    source: document.source,
    key: document.key,
    page: part.kind === 'volume' ? document.page : partPage(document.page, part.anchor || `part-${index}`, taken),
    data: partData(document.data, part),
    part: { kind: part.kind, volume: document.key, index, anchor: part.anchor, ids: part.ids },
  }));
}

/**
 * The edition's documents (every file that is one document, and every document of a volume) and its volumes,
 * from all pages as the build made them (in any order): documents keep the order given.
 */
export function arrangeVolumes(pages: readonly SiteDocument[]): { documents: SiteDocument[]; volumes: SiteVolume[] } {
  const documents = pages.filter((d) => d.part === undefined || d.part.kind === 'document');
  const byKey = new Map<string, SiteDocument[]>();
  for (const d of pages) if (d.part) byKey.set(d.part.volume, [...(byKey.get(d.part.volume) ?? []), d]);
  const volumes: SiteVolume[] = [];
  for (const [key, parts] of byKey) {
    const ordered = [...parts].sort((a, b) => a.part!.index - b.part!.index);
    const contents = ordered.find((d) => d.part!.kind === 'volume');
    if (!contents) continue;
    const of = (kind: PartKind): SiteDocument[] => ordered.filter((d) => d.part!.kind === kind);
    volumes.push({ source: contents.source, key, contents, documents: of('document'), front: of('front'), back: of('back'), pages: [contents, ...of('front'), ...of('document'), ...of('back')] });
  }
  return { documents, volumes };
}

/** The pages of the volumes that are not documents (their own pages and their front and back), in order. */
export function volumeMatter(model: Pick<SiteModel, 'volumes'>): SiteDocument[] {
  return (model.volumes ?? []).flatMap((v) => [v.contents, ...v.front, ...v.back]);
}

/** The volume a page belongs to, if any. */
export function volumeOf(model: Pick<SiteModel, 'volumes'>, page: SiteDocument): SiteVolume | undefined {
  return page.part ? model.volumes?.find((v) => v.key === page.part!.volume) : undefined;
}

/** A page of a volume reads on to the one before and after it in the volume; undefined for other pages. */
export function volumeNeighbours(model: Pick<SiteModel, 'volumes'>, page: SiteDocument): { prev?: SiteDocument; next?: SiteDocument } | undefined {
  const volume = volumeOf(model, page);
  if (!volume) return undefined;
  const at = volume.pages.indexOf(page);
  if (at < 0) return undefined;
  return { ...(at > 0 ? { prev: volume.pages[at - 1]! } : {}), ...(at < volume.pages.length - 1 ? { next: volume.pages[at + 1]! } : {}) };
}

/**
 * Every page an output that reads from beginning to end prints (the EPUB's spine, the printed book): the
 * documents that are files of their own, in the edition's order, then each volume's pages in its order.
 */
export function readingOrder(model: Pick<SiteModel, 'documents' | 'volumes'>): SiteDocument[] {
  return [...model.documents.filter((d) => d.part === undefined), ...(model.volumes ?? []).flatMap((v) => v.pages)];
}
