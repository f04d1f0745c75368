// The payload of the deposit bag: where each file of the edition stands under `data/`, its media type and
// its digests. Pure: the caller has read every file (the outputs about to be written, the sources, the
// schema); nothing here touches the disk.
import { digest } from './checksums.js';
import { mediaType } from './media-types.js';
import type { PayloadFile } from './deposit-model.js';

/** One file to carry, before its digests are taken. */
export interface PayloadItem {
  /** Path inside the bag, beginning `data/`. */
  path: string;
  bytes: Uint8Array;
  group: PayloadFile['group'];
  document?: string;
}

/**
 * The folders of `data/`, one per kind of file: the TEI sources keep their layout from the folder that
 * holds every source (data/tei/edition.xml, data/tei/documents/…), so their relative pointers still
 * resolve; each output keeps its own layout (data/site/index.html); the schema and its source beside them.
 */
export const PAYLOAD_FOLDERS: Readonly<Record<PayloadFile['group'], string>> = {
  tei: 'data/tei',
  schema: 'data/schema',
  site: 'data/site',
  epub: 'data/epub',
  print: 'data/print',
  apparatus: 'data/apparatus',
};

/**
 * Which files of an output the deposit carries (`folder` is the output's folder in dist/): the whole site
 * and apparatus; of the EPUB only the .epub file (its unzipped bundle is the same book); of the printed
 * edition only the PDF (the HTML it was laid out from is a step of the build).
 */
export function carriedFile(folder: string, path: string): PayloadFile['group'] | undefined {
  switch (folder) {
    case 'site':
      return 'site';
    case 'apparatus':
      return 'apparatus';
    case 'epub':
      return !path.includes('/') && path.endsWith('.epub') ? 'epub' : undefined;
    case 'print':
      return !path.includes('/') && path.endsWith('.pdf') ? 'print' : undefined;
    default:
      return undefined;
  }
}

/** The payload, sorted by path, every file with its media type and digests; two items at one path are a fault of the caller. */
export function payloadFiles(items: readonly PayloadItem[]): PayloadFile[] {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.path)) throw new Error(`two files of the deposit would have the same path: ${item.path}`);
    seen.add(item.path);
  }
  return [...items]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((item) => ({
      path: item.path,
      bytes: item.bytes,
      mime: mediaType(item.path, item.group === 'tei'),
      sha256: digest('sha256', item.bytes),
      sha512: digest('sha512', item.bytes),
      group: item.group,
      ...(item.document === undefined ? {} : { document: item.document }),
    }));
}
