// The package document (OPF): metadata with accessibility metadata, the manifest in a fixed order and
// the spine in reading order.
import type { BookMetadata } from './book-metadata.js';
import { escapeAttribute as a, escapeText as t } from './xml.js';

export interface ManifestItem {
  id: string;
  href: string;
  mediaType: string;
  properties?: string;
}

export interface PackageInput {
  identifier: string;
  title: string;
  subtitle: string;
  metadata: BookMetadata;
  /** ISO 8601 instant, seconds precision, UTC ("2026-01-31T12:00:00Z"). */
  modified: string;
  manifest: ManifestItem[];
  spine: string[];
  hasPageList: boolean;
  /** Whether the content has tables, lists of readings … nothing the summary needs: only what it states. */
  summaryExtra: string;
}

export const ACCESSIBILITY_CONFORMANCE = 'EPUB Accessibility 1.1 - WCAG 2.1 Level AA';

export function packageDocument(p: PackageInput): string {
  const m = p.metadata;
  const lines: string[] = [];
  lines.push(`<dc:identifier id="pub-id">${t(p.identifier)}</dc:identifier>`);
  lines.push(`<dc:title id="title">${t(p.title)}</dc:title>`);
  lines.push('<meta refines="#title" property="title-type">main</meta>');
  if (p.subtitle) {
    lines.push(`<dc:title id="subtitle">${t(p.subtitle)}</dc:title>`);
    lines.push('<meta refines="#subtitle" property="title-type">subtitle</meta>');
  }
  for (const l of m.languages) lines.push(`<dc:language>${t(l)}</dc:language>`);
  m.contributors.forEach((c, i) => {
    const id = `${c.kind}-${i + 1}`;
    lines.push(`<dc:${c.kind} id="${id}">${t(c.name)}</dc:${c.kind}>`);
    lines.push(`<meta refines="#${id}" property="role" scheme="marc:relators">${t(c.role)}</meta>`);
  });
  if (m.publisher) lines.push(`<dc:publisher>${t(m.publisher)}</dc:publisher>`);
  if (m.rights) lines.push(`<dc:rights>${t(m.rights)}</dc:rights>`);
  for (const s of m.subjects) lines.push(`<dc:subject>${t(s)}</dc:subject>`);
  if (p.hasPageList && m.source) lines.push(`<dc:source>${t(m.source)}</dc:source>`);
  lines.push(`<dc:date>${t(p.modified.slice(0, 10))}</dc:date>`);
  lines.push(`<meta property="dcterms:modified">${t(p.modified)}</meta>`);
  // Accessibility (EPUB Accessibility 1.1): text only, navigable, no hazards.
  lines.push('<meta property="schema:accessMode">textual</meta>');
  lines.push('<meta property="schema:accessModeSufficient">textual</meta>');
  const features = ['structuralNavigation', 'tableOfContents', 'readingOrder', 'displayTransformability', 'annotations'];
  if (p.hasPageList) features.push('pageBreakMarkers', 'pageNavigation');
  for (const f of features) lines.push(`<meta property="schema:accessibilityFeature">${f}</meta>`);
  lines.push('<meta property="schema:accessibilityHazard">none</meta>');
  const summary =
    'A text-only edition: every document, note and apparatus entry is text, in reading order, with headings, a table of contents and landmarks. ' +
    'Note references and notes link both ways; variant readings name their witnesses by siglum in text. No information is given by colour alone. ' +
    (p.hasPageList ? 'Page breaks of the sources are marked and listed in a page list. ' : '') +
    p.summaryExtra;
  lines.push(`<meta property="schema:accessibilitySummary">${t(summary.trim())}</meta>`);
  lines.push(`<meta property="dcterms:conformsTo">${t(ACCESSIBILITY_CONFORMANCE)}</meta>`);

  const manifest = p.manifest.map((i) => `<item id="${a(i.id)}" href="${a(i.href)}" media-type="${a(i.mediaType)}"${i.properties ? ` properties="${a(i.properties)}"` : ''}/>`);
  const spine = p.spine.map((id) => `<itemref idref="${a(id)}"/>`);
  const lang = m.languages[0] ?? 'und';
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="pub-id" xml:lang="${a(lang)}">\n` +
    `<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">\n${lines.join('\n')}\n</metadata>\n` +
    `<manifest>\n${manifest.join('\n')}\n</manifest>\n` +
    `<spine>\n${spine.join('\n')}\n</spine>\n` +
    '</package>\n'
  );
}

export const CONTAINER_XML =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">\n' +
  '<rootfiles>\n<rootfile full-path="OEBPS/package.opf" media-type="application/oebps-package+xml"/>\n</rootfiles>\n' +
  '</container>\n';
