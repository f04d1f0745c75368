// The EPUB 3 edition: the unpacked bundle (bundle/…) and the book (<slug>.epub), as paths and bytes for
// the build's writer. Pure apart from reading the stylesheet and fonts the package ships: the same
// model and options give the same bytes.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { XmlElement } from '../read/tree.js';
import type { SiteModel } from '../render/site-model.js';
import { packageRoot } from '../transform/package-root.js';
import { bookMetadata } from '../render/epub/book-metadata.js';
import { settleLinks } from '../render/epub/check-links.js';
import { buildContent, tableOfContents, type NotesPlacement } from '../render/epub/content.js';
import { fixContentModel } from '../render/epub/dom.js';
import { bookFonts } from '../render/epub/fonts.js';
import { directionOf, markLanguages } from '../render/epub/languages.js';
import { NAV_PATH, navigationBody, type Landmark } from '../render/epub/nav.js';
import { CONTAINER_XML, packageDocument, type ManifestItem } from '../render/epub/package-document.js';
import { redirectIntoParts } from '../render/epub/split.js';
import { STYLESHEET, xhtmlDocument } from '../render/epub/xhtml-document.js';
import { languageTag } from '../render/epub/xml.js';
import { zipEpub } from './zip.js';
import { withRenditions } from '../render/renditions-css.js';

export interface EpubOptions {
  /** The book's identifier (a URI such as urn:uuid:…), stable across builds. */
  identifier: string;
  notes: NotesPlacement;
  /** dcterms:modified: an ISO 8601 instant from the sources' date, never the clock. */
  modified: string;
  /** The TEI root whose header describes the book: the edition file, or the first document. */
  header?: XmlElement;
  /** Documents whose XHTML would be larger are cut into parts of about this many bytes (PART_LIMIT by default). */
  partLimit?: number;
  /** The folder that holds every source: the apparatus model names witnesses from it. */
  sourceRoot?: string;
}

export interface EpubFile {
  /** Path from the EPUB output folder (dist/epub): "bundle/…" or "<slug>.epub". */
  path: string;
  content: Uint8Array;
}

/** The package folder inside the container. */
export const PACKAGE_FOLDER = 'OEBPS';

/**
 * An identifier for builds without a config: a name-based UUID (SHA-1, version 5 layout) of the
 * edition's title and its files' names, so the same sources always get the same identifier.
 */
export function derivedIdentifier(title: string, names: readonly string[]): string {
  const h = createHash('sha1').update(`tei-edition\u0000${title}\u0000${[...names].sort().join('\u0000')}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `urn:uuid:${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

/** "2026-01-31T12:00:00.000Z" → "2026-01-31T12:00:00Z", the form dcterms:modified takes. */
function modifiedInstant(iso: string): string {
  const t = new Date(iso);
  return (Number.isNaN(t.getTime()) ? new Date(0) : t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const MEDIA_TYPES: Record<string, string> = {
  '.xhtml': 'application/xhtml+xml',
  '.css': 'text/css',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain',
};

function manifestId(href: string): string {
  return `i-${href.replace(/\.[a-z0-9]+$/, '').replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

export function buildEpub(model: SiteModel, options: EpubOptions): EpubFile[] {
  const meta = bookMetadata(options.header, model.lang);
  const lang = languageTag(meta.languages[0]) ?? 'und';
  const content = buildContent(model, options.notes, lang, options.partLimit, options.sourceRoot);

  const labels = content.labels;
  const landmarks: Landmark[] = [
    { type: 'toc', label: labels.t('contents'), href: `${NAV_PATH}#toc` },
    { type: 'frontmatter', label: labels.t('frontMatter'), href: content.front.path },
    ...(content.chapters.length ? [{ type: 'bodymatter', label: labels.t('documents'), href: content.chapters[0]!.content.path }] : []),
    ...(content.apparatus ? [{ type: 'appendix', label: labels.t('variantReadings'), href: content.apparatus.content.path }] : []),
    ...(content.registers.length ? [{ type: 'index', label: labels.t('registers'), href: content.registers[0]!.content.path }] : []),
  ];
  const nav = { path: NAV_PATH, title: labels.t('contents'), lang, body: navigationBody(tableOfContents(content), landmarks, content.pageBreaks, labels) };
  const documents = [content.front, nav, ...content.spine.slice(1)];
  for (const d of documents) {
    d.body = fixContentModel(d.body);
    markLanguages(d.body, directionOf(d.lang));
  }
  redirectIntoParts(documents, content.parted);
  settleLinks(documents);

  const encoder = new TextEncoder();
  const files = new Map<string, Uint8Array>();
  const inPackage = (p: string, bytes: Uint8Array): void => void files.set(`${PACKAGE_FOLDER}/${p}`, bytes);
  for (const d of documents) inPackage(d.path, encoder.encode(xhtmlDocument(d)));
  const fonts = bookFonts();
  const css = withRenditions(readFileSync(path.join(packageRoot, 'src', 'templates', 'epub', 'edition.css'), 'utf8'));
  inPackage(STYLESHEET, encoder.encode(`${fonts.css}${css}`));
  for (const [p, bytes] of fonts.files) inPackage(p, bytes);

  const manifest: ManifestItem[] = [...files.keys()]
    .map((p) => p.slice(PACKAGE_FOLDER.length + 1))
    .sort()
    .map((href) => ({ id: manifestId(href), href, mediaType: MEDIA_TYPES[path.posix.extname(href)] ?? 'application/octet-stream', ...(href === NAV_PATH ? { properties: 'nav' } : {}) }));
  const title = model.front?.title || model.title;
  inPackage(
    'package.opf',
    encoder.encode(
      packageDocument({
        identifier: options.identifier,
        title,
        subtitle: model.front ? model.subtitle : '',
        metadata: meta,
        modified: modifiedInstant(options.modified),
        manifest,
        spine: documents.map((d) => manifestId(d.path)),
        hasPageList: content.pageBreaks.length > 0,
        summaryExtra: content.apparatus ? 'Each variant reading is listed in the apparatus with the sigla of its witnesses; the text shows the reading of one witness, named at its head.' : '',
      }),
    ),
  );
  files.set('mimetype', encoder.encode('application/epub+zip'));
  files.set('META-INF/container.xml', encoder.encode(CONTAINER_XML));

  const out: EpubFile[] = [];
  for (const p of [...files.keys()].sort()) out.push({ path: `bundle/${p}`, content: files.get(p)! });
  out.push({ path: `${model.slug}.epub`, content: zipEpub(files, modifiedInstant(options.modified)) });
  return out;
}
