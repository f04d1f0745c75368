// Every page of the site as {path, content}: the stylesheet's fragments placed in the page shells.
import { documentJsonLd, documentMeta, jsonLd, pageUrl, siteMeta } from './metadata.js';
import { searchIndexScript, searchUnits } from './search-index.js';
import { siteOptions, siteSections } from './apparatus/render-entries.js';
import { documentApparatus, entryLanguages } from '../transform/apparatus/from-transform.js';
import { actionsOf, correspondents, labelsOf, safeFragment, type SiteDocument, type SiteModel } from './site-model.js';
import { renderTemplate, type TemplateName } from './templates.js';
import { volumeMatter, volumeNeighbours, volumeOf } from './volumes.js';
import { escapeAttribute, escapeText } from './html-rewrite.js';
import type { Labels } from '../labels/labels.js';

export interface OutputFile {
  /** Path from the site root, with '/' separators. */
  path: string;
  content: string;
}

type Kind = 'home' | 'documents' | 'document' | 'registers' | 'register' | 'chronology' | 'search';

/** The site's navigation: each page's label is a key of the interface's labels. */
const NAV: { href: string; label: string; kind: Kind }[] = [
  { href: 'index.html', label: 'introduction', kind: 'home' },
  { href: 'documents.html', label: 'documents', kind: 'documents' },
  { href: 'registers.html', label: 'registers', kind: 'registers' },
  { href: 'chronology.html', label: 'chronology', kind: 'chronology' },
  { href: 'search.html', label: 'search', kind: 'search' },
];

/** A template of src/templates/ filled in the model's interface language. */
function render(model: SiteModel, name: TemplateName, context: object): string {
  return renderTemplate(name, context, labelsOf(model));
}

function rootOf(page: string): string {
  return '../'.repeat(page.split('/').length - 1);
}

interface ShellOptions {
  page: string;
  kind: Kind;
  title: string;
  body: string;
  meta: { name: string; content: string }[];
  jsonLd?: string;
  scripts?: string[];
  description?: string;
  /** The prefix of the ids the shell makes, when the page's source could have one of them (render/volumes.ts). */
  idPrefix?: string;
}

/**
 * The language to mark on a document's own words (its title, text and notes), when it is not the
 * interface's: the page's `html` element carries the interface's language (model.labels, labels.ts), every
 * label, heading and link the site writes (`docLang` in document.hbs).
 */
function documentLang(lang: string | undefined, interfaceLang: string): string | undefined {
  const l = (lang ?? '').trim();
  return l && l.toLowerCase() !== interfaceLang ? l : undefined;
}

function shell(model: SiteModel, o: ShellOptions): string {
  const navKind: Kind = o.kind === 'document' ? 'documents' : o.kind === 'register' ? 'registers' : o.kind;
  const labels = labelsOf(model);
  return render(model, 'layout', {
    lang: labels.lang,
    pageTitle: o.kind === 'home' ? model.title : `${o.title} · ${model.title}`,
    siteTitle: model.title,
    kind: o.kind,
    root: rootOf(o.page),
    nav: NAV.map((n) => ({ ...n, label: labels.t(n.label), current: n.kind === navKind })),
    body: o.body,
    meta: o.meta,
    jsonLd: o.jsonLd,
    scripts: o.scripts ?? [],
    description: o.description,
    canonical: pageUrl(model, o.page),
    publisher: model.front?.front.publisher,
    licence: model.front?.front.licence,
    buildDate: labels.date(model.buildDate),
    idp: o.idPrefix ?? '',
  });
}

function personLabels(document: SiteDocument, type: string): string {
  return actionsOf(document, type)
    .flatMap((a) => a.persons.map((p) => p.label))
    .join(', ');
}

function placeOf(document: SiteDocument): string {
  const places = ['sent', 'transmitted', 'received'].flatMap((t) => actionsOf(document, t).flatMap((a) => a.places.map((p) => p.label)));
  return [...new Set(places)].join(', ');
}

/** "Author to Recipient, date" style label of the pages that link to a document. */
function documentLink(from: string, document: SiteDocument): { href: string; title: string } {
  return { href: `${rootOf(from)}${document.page}`, title: document.data.title || document.page };
}

function witnessesOf(model: SiteModel, document: SiteDocument): { siglum: string; siglumId: string; html: string }[] {
  const known = new Map([...model.witnesses, ...document.data.witnesses].map((w) => [w.key, w]));
  return document.data.witnessesUsed.map((key) => {
    const w = known.get(key);
    const siglum = w?.siglum ?? key.replace(/^.*#/, '');
    return { siglum, siglumId: safeFragment(key.includes('#') ? key.replace(/^.*#/, '') : siglum), html: w?.html ?? '' };
  });
}

function citation(model: SiteModel, document: SiteDocument): { text: string; url: string; href: string } {
  const labels = labelsOf(model);
  const editors = model.front?.front.editors ?? [];
  const by = editors.length ? labels.t('citationEditors', { editors: editors.join(', ') }) : '';
  const number = document.data.number ? labels.t('citationNumber', { number: document.data.number }) : '';
  const text = labels.t('citation', { title: document.data.title, number, editors: by, edition: model.title, date: labels.date(model.buildDate) });
  const absolute = pageUrl(model, document.page);
  const relative = document.page.split('/').pop() ?? document.page;
  return { text, url: absolute ?? document.page, href: absolute ?? relative };
}

/**
 * What the apparatus of a document page says of its entries: the sigla of the witnesses (each linked to its
 * description) and what "om." means.
 */
function apparatusKey(labels: Labels, witnesses: readonly { siglum: string; siglumId: string }[]): string {
  const sigla = witnesses.length ? ` (${witnesses.map((w) => `<a href="#${escapeAttribute(w.siglumId)}">${escapeText(w.siglum)}</a>`).join(', ')})` : '';
  return labels.html('apparatusKey', { sigla, om: '<em>om.</em>' });
}

function documentPage(model: SiteModel, document: SiteDocument, index: number): OutputFile {
  const labels = labelsOf(model);
  const d = document.data;
  // A page of a volume reads on in the volume's order (render/volumes.ts); any other document in the edition's.
  const around = volumeNeighbours(model, document) ?? { prev: model.documents[index - 1], next: model.documents[index + 1] };
  const { prev, next } = around;
  const volume = volumeOf(model, document);
  const cite = citation(model, document);
  // The notes and apparatus under the text, from the apparatus model (the same renderer as dist/apparatus and the EPUB).
  const apparatus = siteSections(documentApparatus(d, document.page), siteOptions(entryLanguages(d), labels));
  const witnesses = witnessesOf(model, document);
  const body = render(model, 'document', {
    title: d.title || document.page,
    docLang: documentLang(d.lang, labels.lang),
    number: d.number,
    date: d.date.when ? labels.dateRange(d.date.when, d.date.to) : '',
    when: d.date.when,
    text: d.html.text,
    notes: apparatus.notes,
    apparatus: apparatus.apparatus,
    critical: apparatus.critical,
    apparatusKey: apparatus.critical ? apparatusKey(labels, witnesses) : '',
    metadata: d.html.metadata,
    witnesses,
    prev: prev ? documentLink(document.page, prev) : undefined,
    next: next ? documentLink(document.page, next) : undefined,
    citation: cite.text,
    citeUrl: cite.url,
    citeHref: cite.href,
    volume: volume && volume.contents !== document ? documentLink(document.page, volume.contents) : undefined,
    idp: d.idPrefix ?? '',
  });
  return {
    path: document.page,
    content: shell(model, {
      page: document.page,
      idPrefix: d.idPrefix ?? '',
      kind: 'document',
      title: d.title || document.page,
      body,
      meta: documentMeta(model, document),
      jsonLd: jsonLd(documentJsonLd(model, document)),
      scripts: ['assets/edition.js'],
    }),
  };
}

function homePage(model: SiteModel): OutputFile {
  const f = model.front?.front;
  const labels = labelsOf(model);
  const editors = f?.editors ?? [];
  const body = render(model, 'home', {
    title: model.front?.title || model.title,
    subtitle: model.front ? model.subtitle : '',
    editors,
    editedBy: labels.count('editedBy', editors.length, { names: labels.list(editors) }),
    edition: f?.edition,
    project: f?.project,
    introduction: f?.introduction,
    principles: f?.principles,
    sources: f?.sources,
    licence: f?.licence,
    witnesses: model.witnesses.map((w) => ({ siglum: w.siglum, id: safeFragment(w.key.replace(/^.*#/, '')), html: w.html })),
    // A volume's own page (its contents) comes before its documents.
    documents: [...(model.volumes ?? []).map((v) => v.contents), ...model.documents].map((d) => ({ ...documentLink('index.html', d), date: labels.date(d.data.date.when) })),
  });
  return { path: 'index.html', content: shell(model, { page: 'index.html', kind: 'home', title: model.title, body, meta: siteMeta(model, model.title) }) };
}

function documentsPage(model: SiteModel): OutputFile {
  const persons = correspondents(model);
  const anchorsOf = (d: SiteDocument): string => persons.filter((p) => p.documents.includes(d)).map((p) => p.anchor).join(' ');
  const labels = labelsOf(model);
  const body = render(model, 'documents', {
    documents: model.documents.map((d) => ({
      ...documentLink('documents.html', d),
      number: d.data.number,
      when: d.data.date.when,
      date: labels.date(d.data.date.when),
      from: personLabels(d, 'sent'),
      to: personLabels(d, 'received'),
      place: placeOf(d),
      personAnchors: anchorsOf(d),
    })),
    persons: persons.map((p) => {
      const entry = model.entries.get(p.key);
      return {
        anchor: p.anchor,
        label: p.label,
        registerHref: entry ? `${entry.register.page}#${entry.entry.id}` : undefined,
        documents: p.documents.map((d) => documentLink('documents.html', d)),
      };
    }),
  });
  return {
    path: 'documents.html',
    content: shell(model, { page: 'documents.html', kind: 'documents', title: labels.t('documents'), body, meta: siteMeta(model, labels.t('documents')), scripts: ['assets/edition.js'] }),
  };
}

function registerPage(model: SiteModel, index: number): OutputFile {
  const register = model.registers[index]!;
  const root = rootOf(register.page);
  const entries = [...register.entries].sort((a, b) => a.label.localeCompare(b.label, labelsOf(model).lang) || (a.id < b.id ? -1 : 1));
  const body = render(model, 'register', {
    title: register.title,
    // A document's own register names the document, and prints the prose it keeps with the list.
    from: register.from ? { title: register.from.title, href: `${root}${register.from.page}` } : undefined,
    intro: register.intro,
    entries: entries.map((e) => ({
      id: e.id,
      label: e.label,
      names: e.names.map((n) => ({ type: n.type, text: n.text })),
      html: e.html,
      mentions: (model.mentions.get(e.key) ?? []).map((m) => ({
        href: `${root}${m.document.page}`,
        title: m.document.data.title || m.document.page,
        places: m.places.map((p) => ({ href: `${root}${m.document.page}#${p.anchor}`, label: p.label })),
      })),
    })),
  });
  return { path: register.page, content: shell(model, { page: register.page, kind: 'register', title: register.title, body, meta: siteMeta(model, register.title) }) };
}

function registersPage(model: SiteModel): OutputFile {
  const body = render(model, 'registers', {
    registers: model.registers.map((r) => ({ href: r.page, title: r.title, from: r.from?.title, count: r.entries.length })),
  });
  const title = labelsOf(model).t('registers');
  return { path: 'registers.html', content: shell(model, { page: 'registers.html', kind: 'registers', title, body, meta: siteMeta(model, title) }) };
}

function chronologyPage(model: SiteModel): OutputFile {
  interface Event {
    when: string;
    date: string;
    kind: string;
    isDocument: boolean;
    href: string;
    title: string;
    text?: string;
    label?: string;
    /** "A", "B and C": whose reading a date is, when it is not the text all witnesses share. */
    witnesses?: string;
    order: number;
  }
  const labels = labelsOf(model);
  const events: Event[] = [];
  model.documents.forEach((d, i) => {
    if (d.data.date.when) events.push({ when: d.data.date.when, date: labels.date(d.data.date.when), kind: 'document', isDocument: true, href: d.page, title: d.data.title || d.page, order: i * 10000 });
    d.data.dates.forEach((m, j) => {
      if (!m.anchor) return;
      events.push({
        when: m.when,
        date: labels.dateRange(m.when, m.to),
        kind: 'mention',
        isDocument: false,
        href: `${d.page}#${m.anchor}`,
        title: d.data.title || d.page,
        text: m.text,
        label: m.label,
        witnesses: m.witnesses.length ? labels.list(m.witnesses) : undefined,
        order: i * 10000 + j + 1,
      });
    });
  });
  events.sort((a, b) => (a.when < b.when ? -1 : a.when > b.when ? 1 : a.order - b.order));
  const body = render(model, 'chronology', { events });
  const title = labels.t('chronology');
  return { path: 'chronology.html', content: shell(model, { page: 'chronology.html', kind: 'chronology', title, body, meta: siteMeta(model, title) }) };
}

function searchPage(model: SiteModel): OutputFile {
  const labels = labelsOf(model);
  // Without script, the status says where else to look: the documents, registers and chronology pages.
  const link = (href: string, key: string): string => `<a href="${href}">${escapeText(labels.t(key))}</a>`;
  const needsScript = labels.html('searchNeedsScript', {
    documents: link('documents.html', 'searchDocumentsLink'),
    registers: link('registers.html', 'searchRegistersLink'),
    chronology: link('chronology.html', 'searchChronologyLink'),
  });
  const body = render(model, 'search', { needsScript });
  const title = labels.t('search');
  return {
    path: 'search.html',
    content: shell(model, { page: 'search.html', kind: 'search', title, body, meta: siteMeta(model, title), scripts: ['assets/search-index.js', 'assets/search.js'] }),
  };
}

export function renderSite(model: SiteModel): OutputFile[] {
  return [
    homePage(model),
    documentsPage(model),
    ...model.documents.map((d, i) => documentPage(model, d, i)),
    // The volumes' own pages and the divisions of their front and back (render/volumes.ts).
    ...volumeMatter(model).map((d) => documentPage(model, d, -1)),
    registersPage(model),
    ...model.registers.map((_, i) => registerPage(model, i)),
    chronologyPage(model),
    searchPage(model),
    { path: 'assets/search-index.js', content: searchIndexScript(searchUnits(model)) },
  ];
}
