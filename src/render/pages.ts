// Every page of the site as {path, content}: the stylesheet's fragments placed in the page shells.
import { documentJsonLd, documentMeta, jsonLd, pageUrl, siteMeta } from './metadata.js';
import { searchIndexScript, searchUnits } from './search-index.js';
import { siteOptions, siteSections } from './apparatus/render-entries.js';
import { documentApparatus, entryLanguages } from '../transform/apparatus/from-transform.js';
import { actionsOf, correspondents, dateLabel, dateRangeLabel, safeFragment, type SiteDocument, type SiteModel } from './site-model.js';
import { renderTemplate } from './templates.js';

export interface OutputFile {
  /** Path from the site root, with '/' separators. */
  path: string;
  content: string;
}

type Kind = 'home' | 'documents' | 'document' | 'registers' | 'register' | 'chronology' | 'search';

const NAV: { href: string; label: string; kind: Kind }[] = [
  { href: 'index.html', label: 'Introduction', kind: 'home' },
  { href: 'documents.html', label: 'Documents', kind: 'documents' },
  { href: 'registers.html', label: 'Registers', kind: 'registers' },
  { href: 'chronology.html', label: 'Chronology', kind: 'chronology' },
  { href: 'search.html', label: 'Search', kind: 'search' },
];

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
}

/**
 * The language of the interface: every label, heading and link the site writes. The page's `html` element
 * carries it; a document's own words (its title, text and notes) are marked with the document's language
 * where that differs (`docLang` in document.hbs).
 */
export const INTERFACE_LANG = 'en';

/** The language to mark on a document's own words, when it is not the interface's. */
function documentLang(lang: string | undefined): string | undefined {
  const l = (lang ?? '').trim();
  return l && l.toLowerCase() !== INTERFACE_LANG ? l : undefined;
}

function shell(model: SiteModel, o: ShellOptions): string {
  const navKind: Kind = o.kind === 'document' ? 'documents' : o.kind === 'register' ? 'registers' : o.kind;
  return renderTemplate('layout', {
    lang: INTERFACE_LANG,
    pageTitle: o.kind === 'home' ? model.title : `${o.title} · ${model.title}`,
    siteTitle: model.title,
    kind: o.kind,
    root: rootOf(o.page),
    nav: NAV.map((n) => ({ ...n, current: n.kind === navKind })),
    body: o.body,
    meta: o.meta,
    jsonLd: o.jsonLd,
    scripts: o.scripts ?? [],
    description: o.description,
    canonical: pageUrl(model, o.page),
    publisher: model.front?.front.publisher,
    licence: model.front?.front.licence,
    buildDate: dateLabel(model.buildDate),
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
  const editors = model.front?.front.editors ?? [];
  const by = editors.length ? `${editors.join(', ')} (eds.), ` : '';
  const number = document.data.number ? `document ${document.data.number}, ` : '';
  const text = `“${document.data.title}”, ${number}in ${by}${model.title}, version of ${dateLabel(model.buildDate)}.`;
  const absolute = pageUrl(model, document.page);
  const relative = document.page.split('/').pop() ?? document.page;
  return { text, url: absolute ?? document.page, href: absolute ?? relative };
}

function documentPage(model: SiteModel, document: SiteDocument, index: number): OutputFile {
  const d = document.data;
  const prev = model.documents[index - 1];
  const next = model.documents[index + 1];
  const cite = citation(model, document);
  // The notes and apparatus under the text, from the apparatus model (the same renderer as dist/apparatus and the EPUB).
  const apparatus = siteSections(documentApparatus(d, document.page), siteOptions(entryLanguages(d)));
  const body = renderTemplate('document', {
    title: d.title || document.page,
    docLang: documentLang(d.lang),
    number: d.number,
    date: d.date.when ? dateRangeLabel(d.date.when, d.date.to) : '',
    when: d.date.when,
    text: d.html.text,
    notes: apparatus.notes,
    apparatus: apparatus.apparatus,
    critical: apparatus.critical,
    metadata: d.html.metadata,
    witnesses: witnessesOf(model, document),
    prev: prev ? documentLink(document.page, prev) : undefined,
    next: next ? documentLink(document.page, next) : undefined,
    citation: cite.text,
    citeUrl: cite.url,
    citeHref: cite.href,
  });
  return {
    path: document.page,
    content: shell(model, {
      page: document.page,
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
  const body = renderTemplate('home', {
    title: model.front?.title || model.title,
    subtitle: model.front ? model.subtitle : '',
    editors: f?.editors ?? [],
    edition: f?.edition,
    project: f?.project,
    introduction: f?.introduction,
    principles: f?.principles,
    sources: f?.sources,
    licence: f?.licence,
    witnesses: model.witnesses.map((w) => ({ siglum: w.siglum, id: safeFragment(w.key.replace(/^.*#/, '')), html: w.html })),
    documents: model.documents.map((d) => ({ ...documentLink('index.html', d), date: dateLabel(d.data.date.when) })),
  });
  return { path: 'index.html', content: shell(model, { page: 'index.html', kind: 'home', title: model.title, body, meta: siteMeta(model, model.title) }) };
}

function documentsPage(model: SiteModel): OutputFile {
  const persons = correspondents(model);
  const anchorsOf = (d: SiteDocument): string => persons.filter((p) => p.documents.includes(d)).map((p) => p.anchor).join(' ');
  const body = renderTemplate('documents', {
    documents: model.documents.map((d) => ({
      ...documentLink('documents.html', d),
      number: d.data.number,
      when: d.data.date.when,
      date: dateLabel(d.data.date.when),
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
    content: shell(model, { page: 'documents.html', kind: 'documents', title: 'Documents', body, meta: siteMeta(model, 'Documents'), scripts: ['assets/edition.js'] }),
  };
}

function registerPage(model: SiteModel, index: number): OutputFile {
  const register = model.registers[index]!;
  const root = rootOf(register.page);
  const entries = [...register.entries].sort((a, b) => a.label.localeCompare(b.label, 'en') || (a.id < b.id ? -1 : 1));
  const body = renderTemplate('register', {
    title: register.title,
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
  const body = renderTemplate('registers', {
    registers: model.registers.map((r) => ({ href: r.page, title: r.title, count: r.entries.length })),
  });
  return { path: 'registers.html', content: shell(model, { page: 'registers.html', kind: 'registers', title: 'Registers', body, meta: siteMeta(model, 'Registers') }) };
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
  const events: Event[] = [];
  model.documents.forEach((d, i) => {
    if (d.data.date.when) events.push({ when: d.data.date.when, date: dateLabel(d.data.date.when), kind: 'document', isDocument: true, href: d.page, title: d.data.title || d.page, order: i * 10000 });
    d.data.dates.forEach((m, j) => {
      if (!m.anchor) return;
      events.push({
        when: m.when,
        date: dateRangeLabel(m.when, m.to),
        kind: 'mention',
        isDocument: false,
        href: `${d.page}#${m.anchor}`,
        title: d.data.title || d.page,
        text: m.text,
        label: m.label,
        witnesses: m.witnesses.length ? m.witnesses.join(m.witnesses.length === 2 ? ' and ' : ', ') : undefined,
        order: i * 10000 + j + 1,
      });
    });
  });
  events.sort((a, b) => (a.when < b.when ? -1 : a.when > b.when ? 1 : a.order - b.order));
  const body = renderTemplate('chronology', { events });
  return { path: 'chronology.html', content: shell(model, { page: 'chronology.html', kind: 'chronology', title: 'Chronology', body, meta: siteMeta(model, 'Chronology') }) };
}

function searchPage(model: SiteModel): OutputFile {
  const body = renderTemplate('search', {});
  return {
    path: 'search.html',
    content: shell(model, { page: 'search.html', kind: 'search', title: 'Search', body, meta: siteMeta(model, 'Search'), scripts: ['assets/search-index.js', 'assets/search.js'] }),
  };
}

export function renderSite(model: SiteModel): OutputFile[] {
  return [
    homePage(model),
    documentsPage(model),
    ...model.documents.map((d, i) => documentPage(model, d, i)),
    registersPage(model),
    ...model.registers.map((_, i) => registerPage(model, i)),
    chronologyPage(model),
    searchPage(model),
    { path: 'assets/search-index.js', content: searchIndexScript(searchUnits(model)) },
  ];
}
