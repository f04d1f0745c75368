// dist/apparatus/: the whole edition's apparatus as JSON (with its JSON Schema) and as one standalone HTML
// document, by document and by series. Only the model is read: the numbers are those of the site.
import type { ApparatusEntry, ApparatusSeries, DocumentApparatus, EditionApparatus } from '../../transform/apparatus/model.js';
import { SERIES, entriesOf } from '../../transform/apparatus/model.js';

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

/** The body of one entry: lemma and readings with sigla, or the note. */
function entryBody(e: ApparatusEntry): string {
  if (e.series === 'critical') {
    const readings = e.readings.map((r) => {
      const text = r.text === '' ? `<em class="om">${escapeHtml(r.empty || 'om.')}</em>` : r.html;
      const isLemma = r.kind === 'lem' || (e.readings.every((x) => x.kind === 'rdg') && r.text === e.lemma && r === e.readings.find((x) => x.text === e.lemma));
      return `<span class="reading${isLemma ? ' lem' : ''}">${text} <span class="sigla">${escapeHtml(r.sigla.join(' '))}</span>${isLemma ? '<span class="bracket">]</span>' : ''}${r.sources.length ? ` <span class="source">${escapeHtml(r.sources.join(' '))}</span>` : ''}</span>`;
    });
    return readings.join('<span class="sep"> | </span>') + (e.note.text ? ` <span class="app-note">${e.note.html}</span>` : '');
  }
  const anchor = e.anchorText ? `<span class="anchor">${escapeHtml(e.anchorText)}</span><span class="bracket">]</span> ` : '';
  return `${anchor}${e.note.html}${e.resp ? ` <span class="resp">(${escapeHtml(e.resp)})</span>` : ''}`;
}

function entryItem(e: ApparatusEntry, sitePage: string): string {
  const where = e.line > 0 ? `<span class="line">line ${e.line}</span> ` : '';
  return `<li id="${escapeHtml(e.id)}" class="entry series-${e.series}" data-entry="${escapeHtml(e.localId)}" data-number="${e.number}" data-line="${e.line}">`
    + `<a class="label" href="${escapeHtml(sitePage)}#${escapeHtml(e.markerId)}">${escapeHtml(e.label)}</a> ${e.series === 'critical' ? '' : where}${entryBody(e)}</li>`;
}

/** The standalone HTML document: for each document, each series in order. */
export function apparatusHtml(edition: EditionApparatus, lang: string): string {
  const sections = edition.documents.map((d) => {
    const sitePage = `../site/documents/${d.document}.html`;
    const series = SERIES.map((s) => {
      const entries = entriesOf(d, s.id);
      if (!entries.length) return '';
      return `<section class="series" id="${escapeHtml(d.document)}--${s.id}"><h3>${escapeHtml(s.label)}</h3><ol class="entries">${entries.map((e) => entryItem(e, sitePage)).join('\n')}</ol></section>`;
    }).join('\n');
    const sigla = d.witnesses.length ? `<p class="witnesses">Witnesses: ${d.witnesses.map((w) => escapeHtml(w.siglum)).join(', ')}</p>` : '';
    return `<section class="document" id="${escapeHtml(d.document)}"><h2><a href="${escapeHtml(sitePage)}">${escapeHtml(d.title)}</a></h2>${sigla}\n${series || '<p>No apparatus entries.</p>'}</section>`;
  }).join('\n');
  const contents = edition.documents.map((d) => `<li><a href="#${escapeHtml(d.document)}">${escapeHtml(d.title)}</a> (${d.entries.length})</li>`).join('');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(edition.title)}: apparatus</title>
<style>
body { font-family: Georgia, serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1f2328; }
h3 { font-size: 1rem; margin: 1rem 0 0.3rem; } ol.entries { list-style: none; padding: 0; }
.entry { margin: 0.2rem 0; } .label { display: inline-block; min-width: 2rem; font-family: sans-serif; font-size: 0.85rem; }
.sigla, .line, .resp, .source { font-family: sans-serif; font-size: 0.8rem; color: #555; } .om { color: #555; }
</style>
</head>
<body>
<h1>${escapeHtml(edition.title)}: apparatus</h1>
<p>Explanatory notes are numbered, textual notes lettered, and the critical apparatus is keyed to the lines of each document's reading text. The same numbers, letters and lines are used on the site and in the JSON (<a href="apparatus.json">apparatus.json</a>, schema <a href="${SCHEMA_FILE}">${SCHEMA_FILE}</a>).</p>
<nav><ol>${contents}</ol></nav>
${sections}
</body>
</html>
`;
}

/** Every file of dist/apparatus/, by path. */
export function renderApparatus(title: string, lang: string, documents: readonly DocumentApparatus[], schema: string): OutputFile[] {
  const edition = editionApparatus(title, documents);
  return [
    { path: 'apparatus.json', content: `${JSON.stringify(edition, null, 1)}\n` },
    { path: 'index.html', content: apparatusHtml(edition, lang) },
    { path: SCHEMA_FILE, content: schema },
  ];
}

export type { ApparatusSeries };
