// Machine-readable description of a page: Dublin Core and Highwire (citation_*) meta tags, and a
// schema.org description as JSON-LD.
import type { SiteDocument, SiteModel } from './site-model.js';

export interface MetaTag {
  name: string;
  content: string;
}

function absoluteUrl(model: SiteModel, page: string): string | undefined {
  return model.baseUrl ? new URL(page, model.baseUrl.endsWith('/') ? model.baseUrl : `${model.baseUrl}/`).href : undefined;
}

export function pageUrl(model: SiteModel, page: string): string | undefined {
  return absoluteUrl(model, page);
}

function persons(document: SiteDocument, type: string): string[] {
  return document.data.correspondence.filter((a) => a.type === type).flatMap((a) => a.persons.map((p) => p.label));
}

export function documentMeta(model: SiteModel, document: SiteDocument): MetaTag[] {
  const d = document.data;
  const editors = model.front?.front.editors ?? [];
  const when = d.date.when ?? '';
  const tags: MetaTag[] = [
    { name: 'DC.title', content: d.title },
    ...persons(document, 'sent').map((p) => ({ name: 'DC.creator', content: p })),
    ...editors.map((e) => ({ name: 'DC.contributor', content: e })),
    ...(when ? [{ name: 'DC.date', content: when }] : []),
    { name: 'DC.language', content: d.lang || model.lang },
    { name: 'DC.type', content: 'Text' },
    { name: 'DC.format', content: 'text/html' },
    ...(model.front?.front.publisher ? [{ name: 'DC.publisher', content: model.front.front.publisher }] : []),
    ...(model.front?.front.licence.url ? [{ name: 'DC.rights', content: model.front.front.licence.url }] : []),
    { name: 'DC.relation.isPartOf', content: model.title },
    ...(absoluteUrl(model, document.page) ? [{ name: 'DC.identifier', content: absoluteUrl(model, document.page)! }] : []),
    { name: 'citation_title', content: d.title },
    ...(editors.length ? editors : persons(document, 'sent')).map((a) => ({ name: 'citation_author', content: a })),
    ...(when ? [{ name: 'citation_date', content: when.replace(/-/g, '/') }] : []),
    { name: 'citation_publication_date', content: model.buildDate.replace(/-/g, '/') },
    { name: 'citation_inbook_title', content: model.title },
    ...(model.front?.front.publisher ? [{ name: 'citation_publisher', content: model.front.front.publisher }] : []),
    { name: 'citation_language', content: d.lang || model.lang },
    ...(absoluteUrl(model, document.page) ? [{ name: 'citation_public_url', content: absoluteUrl(model, document.page)! }] : []),
  ];
  return tags;
}

export function siteMeta(model: SiteModel, title: string): MetaTag[] {
  return [
    { name: 'DC.title', content: title },
    { name: 'DC.language', content: model.lang },
    { name: 'DC.type', content: 'Collection' },
    ...(model.front?.front.editors ?? []).map((e) => ({ name: 'DC.creator', content: e })),
    ...(model.front?.front.publisher ? [{ name: 'DC.publisher', content: model.front.front.publisher }] : []),
    ...(model.front?.front.licence.url ? [{ name: 'DC.rights', content: model.front.front.licence.url }] : []),
  ];
}

/** JSON-LD, with '<' escaped so the script element cannot be closed from inside. */
export function jsonLd(value: unknown): string {
  return JSON.stringify(value, null, 1).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

export function documentJsonLd(model: SiteModel, document: SiteDocument): unknown {
  const d = document.data;
  const who = (type: string): unknown[] =>
    d.correspondence.filter((a) => a.type === type).flatMap((a) => a.persons.map((p) => ({ '@type': 'Person', name: p.label })));
  const mentioned = [...new Set(d.mentions.map((m) => m.key))]
    .map((key) => model.entries.get(key)?.entry)
    .filter((e): e is NonNullable<typeof e> => e !== undefined)
    .map((e) => ({ '@type': e.kind === 'person' ? 'Person' : e.kind === 'place' ? 'Place' : e.kind === 'org' ? 'Organization' : 'Thing', name: e.label }));
  const url = absoluteUrl(model, document.page);
  return {
    '@context': 'https://schema.org',
    '@type': 'CreativeWork',
    name: d.title,
    ...(d.date.when ? { dateCreated: d.date.when } : {}),
    inLanguage: d.lang || model.lang,
    ...(who('sent').length ? { author: who('sent') } : {}),
    ...(who('received').length ? { recipient: who('received') } : {}),
    ...(model.front?.front.editors.length ? { editor: model.front.front.editors.map((e) => ({ '@type': 'Organization', name: e })) } : {}),
    ...(model.front?.front.licence.url ? { license: model.front.front.licence.url } : {}),
    ...(url ? { url } : {}),
    isPartOf: { '@type': 'Collection', name: model.title, ...(absoluteUrl(model, 'index.html') ? { url: absoluteUrl(model, 'index.html') } : {}) },
    ...(mentioned.length ? { mentions: mentioned } : {}),
  };
}
