// dist/apparatus/: the whole edition's apparatus as JSON (with its JSON Schema) and as one standalone HTML
// document, by document and by series. Only the model is read: the numbers are those of the site.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ApparatusSeries, DocumentApparatus, EditionApparatus } from '../../transform/apparatus/model.js';
import { SERIES, entriesOf } from '../../transform/apparatus/model.js';
import { addressOf, parseLinkKey, type LinkTargets } from '../link-keys.js';
import { templatesDir } from '../templates.js';
import { renderEntry, type RenderOptions } from './render-entries.js';
import { withRenditions } from '../renditions-css.js';
import { englishLabels, type Labels } from '../../labels/labels.js';

export interface OutputFile {
  /** Path from the apparatus folder, '/'-separated. */
  path: string;
  content: string;
}

export const SCHEMA_FILE = 'apparatus.schema.json';

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function editionApparatus(title: string, documents: readonly DocumentApparatus[]): EditionApparatus {
  return { $schema: `./${SCHEMA_FILE}`, title, series: SERIES, documents: [...documents] };
}

/** Where the standalone apparatus finds a document's page on the site: beside it in dist/. */
export function sitePageOf(document: string): string {
  return `../site/documents/${document}.html`;
}

/**
 * Where a link of a document's model HTML leads from dist/apparatus/index.html: a fragment to its place on
 * the document's site page, a web link as it is, a link key to the site page `targets` (siteLinkTargets)
 * give for it; without targets a link key stays as it is, for the caller to resolve in the whole page
 * (apparatus-files.ts does). Anything else leads nowhere: its words stay.
 */
export function standaloneResolver(targets?: LinkTargets): (document: string, href: string) => string | undefined {
  return (document, href) => {
    const key = parseLinkKey(href);
    if (key.kind === 'local') return `${sitePageOf(document)}#${key.id}`;
    if (key.kind === 'web') return key.href;
    if (key.kind === 'other') return undefined;
    return targets === undefined ? href : addressOf(key, targets, '../site/');
  };
}

/** The renderer's options for one document of the standalone apparatus: ids made edition-wide (`<document>.<id>`), back links to the site. */
export function standaloneOptions(d: DocumentApparatus, resolve: (document: string, href: string) => string | undefined = standaloneResolver(), labels: Labels = englishLabels()): RenderOptions {
  return {
    resolve: (href) => resolve(d.document, href),
    markerHref: (e) => `${sitePageOf(d.document)}#${e.markerId}`,
    id: (id) => `${d.document}.${id}`,
    labels,
  };
}

/** The heading of each series on the page, in the interface's words (the JSON keeps the model's labels). */
const SERIES_LABELS: Readonly<Record<ApparatusSeries, string>> = { explanatory: 'notes', textual: 'textualNotes', critical: 'criticalApparatus' };

/** The standalone HTML document: for each document, each series in order; `lang` is the interface's, whose words `labels` are. */
export function apparatusHtml(edition: EditionApparatus, lang: string, targets?: LinkTargets, labels: Labels = englishLabels()): string {
  const t = (key: string, values?: Record<string, string>): string => escapeHtml(labels.t(key, values));
  const sections = edition.documents.map((d) => {
    const sitePage = sitePageOf(d.document);
    const options = standaloneOptions(d, standaloneResolver(targets), labels);
    const series = SERIES.map((s) => {
      const entries = entriesOf(d, s.id);
      if (!entries.length) return '';
      return `<section class="series" id="${escapeHtml(d.document)}--${s.id}"><h3>${t(SERIES_LABELS[s.id])}</h3><ol class="entries">${entries.map((e) => renderEntry('standalone', e, d, options)).join('\n')}</ol></section>`;
    }).join('\n');
    const sigla = d.witnesses.length ? `<p class="witnesses">${t('witnessesList', { sigla: d.witnesses.map((w) => w.siglum).join(', ') })}</p>` : '';
    return `<section class="document" id="${escapeHtml(d.document)}"><h2><a href="${escapeHtml(sitePage)}">${escapeHtml(d.title)}</a></h2>${sigla}\n${series || `<p>${t('noEntries')}</p>`}</section>`;
  }).join('\n');
  const contents = edition.documents.map((d) => `<li><a href="#${escapeHtml(d.document)}">${escapeHtml(d.title)}</a> (${d.entries.length})</li>`).join('');
  // The site's page shell (src/templates/layout.hbs) and stylesheet, copied beside the page (STYLESHEET), so
  // that it reads like the site even when it is built alone (`--only apparatus`).
  return `<!DOCTYPE html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; base-uri 'none'">
<title>${t('apparatusTitle', { title: edition.title })}</title>
<meta name="generator" content="tei-edition">
<link rel="stylesheet" href="${STYLESHEET}">
</head>
<body class="page-apparatus">
<a class="skip-link" href="#main">${t('skipToApparatus')}</a>
<header class="site-header">
  <p class="site-title"><a href="../site/index.html">${escapeHtml(edition.title)}</a></p>
  <nav aria-label="${t('editionNavigation')}">
    <ul>
      <li><a href="../site/documents.html">${t('documents')}</a></li>
      <li><a href="index.html" aria-current="page">${t('apparatus')}</a></li>
    </ul>
  </nav>
</header>
<main id="main" tabindex="-1">
<h1>${t('apparatusTitle', { title: edition.title })}</h1>
<p class="apparatus-key">${labels.html('standaloneKey', { json: '<a href="apparatus.json">apparatus.json</a>', schema: `<a href="${SCHEMA_FILE}">${SCHEMA_FILE}</a>` })}</p>
<nav aria-label="${t('documents')}"><ol class="apparatus-contents">${contents}</ol></nav>
${sections}
</main>
<footer class="site-footer">
  <p>${t('apparatusFooter', { title: edition.title })}</p>
</footer>
</body>
</html>
`;
}

/** The stylesheet of the standalone page, beside it: the site's (src/templates/assets/edition.css) and the rules of this page. */
export const STYLESHEET = 'edition.css';

const STANDALONE_RULES = `
/* The standalone apparatus (dist/apparatus/index.html): its documents and series as the site sets its apparatus. */
.page-apparatus main { max-width: 48rem; }
.page-apparatus .document { border-top: 1px solid var(--rule); margin-top: 2rem; font-size: 0.88rem; line-height: 1.5; }
.page-apparatus .series h3 { font-size: 1rem; margin: 1rem 0 0.4rem; }
.page-apparatus ol.entries { list-style: none; padding-left: 0; margin: 0; }
.page-apparatus .entry { margin-bottom: 0.6rem; padding: 0.2rem 0.3rem; border-radius: 3px; }
.page-apparatus .entry > .label { display: inline-block; min-width: 2rem; font-family: var(--sans); font-size: 0.8rem; text-decoration: none; }
.page-apparatus .witnesses { color: var(--muted); font-family: var(--sans); font-size: 0.82rem; }
`;

/** The standalone page's stylesheet: the site's, then the rules of the standalone page. */
export function standaloneStylesheet(): string {
  return `${withRenditions(readFileSync(path.join(templatesDir(), 'assets', 'edition.css'), 'utf8'))}\n${STANDALONE_RULES}`;
}

/**
 * Every file of dist/apparatus/, by path. `targets`: where link keys lead on the site (siteLinkTargets of
 * the site model); without them, the HTML keeps the link keys for the caller to resolve.
 */
export function renderApparatus(title: string, lang: string, documents: readonly DocumentApparatus[], schema: string, targets?: LinkTargets, labels: Labels = englishLabels()): OutputFile[] {
  const edition = editionApparatus(title, documents);
  return [
    { path: 'apparatus.json', content: `${JSON.stringify(edition, null, 1)}\n` },
    { path: 'index.html', content: apparatusHtml(edition, lang, targets, labels) },
    { path: SCHEMA_FILE, content: schema },
    { path: STYLESHEET, content: standaloneStylesheet() },
  ];
}

export type { ApparatusSeries };
