// What the apparatus tests share: reading dist/apparatus, parsing pages, and the check that every entry is
// numbered alike and linked both ways in every output.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { expect } from 'vitest';
import type { EditionApparatus } from '../../../src/transform/apparatus/model.js';
import { all, attr, byId, first, hasClass, normalise, parsePage, textOf as htmlText, type Element, type ParsedPage } from '../../build/support/html.js';
import { parseXmlFile, textOf, walk, type XNode } from '../../epub/support/book.js';

export function readJson(outDir: string): EditionApparatus {
  return JSON.parse(readFileSync(path.join(outDir, 'apparatus', 'apparatus.json'), 'utf8')) as EditionApparatus;
}

export function page(file: string): ParsedPage {
  return parsePage(readFileSync(file, 'utf8'));
}

/** The elements under root, not descending into those `skip` names. */
export function visible(root: Element, test: (el: Element) => boolean, skip: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  const visit = (el: Element): void => {
    if (skip(el)) return;
    if (test(el)) out.push(el);
    for (const c of el.childNodes) if ('tagName' in c) visit(c as Element);
  };
  visit(root);
  return out;
}

/**
 * Checks that every entry has the same number in the site page, the apparatus HTML and the JSON, linked both
 * ways: the entry links to its marker, the marker (one, in the text or in the critical entry that prints its
 * reading) links to the entry.
 */
export function compareOutputs(outDir: string, json: EditionApparatus): number {
  const html = page(path.join(outDir, 'apparatus', 'index.html')).document;
  let compared = 0;
  for (const d of json.documents) {
    const site = page(path.join(outDir, 'site', 'documents', `${d.document}.html`)).document;
    for (const e of d.entries) {
      const item = byId(site, e.localId);
      expect(item, `${e.id} on the site`).toBeDefined();
      expect(attr(item!, 'data-number'), e.id).toBe(String(e.number));
      expect(all(item!, (el) => el.tagName === 'a' && attr(el, 'href') === `#${e.markerId}`).length, `${e.id} links back`).toBeGreaterThan(0);
      const markers = all(site, (el) => attr(el, 'id') === e.markerId);
      expect(markers.length, `${e.id}: one marker`).toBe(1);
      expect(attr(markers[0]!, 'href'), e.id).toBe(`#${e.localId}`);
      expect(attr(markers[0]!, 'data-number'), e.id).toBe(String(e.number));
      const listed = byId(html, e.id);
      expect(listed, `${e.id} in apparatus/index.html`).toBeDefined();
      expect(attr(listed!, 'data-number'), e.id).toBe(String(e.number));
      expect(attr(listed!, 'data-line'), e.id).toBe(String(e.line));
      const label = first(listed!, (el) => hasClass(el, 'label'))!;
      expect(normalise(htmlText(label)), e.id).toBe(e.label);
      if (e.series === 'critical') expect(attr(item!, 'data-line'), e.id).toBe(String(e.line));
      compared++;
    }
    const numbered = all(site, (el) => attr(el, 'data-entry') !== undefined && el.tagName === 'li');
    expect(numbered.length, `${d.document}: entries on the site`).toBe(d.entries.length);
  }
  return compared;
}

/** Errors of apparatus.json (or of `data`) against apparatus.schema.json, as "path message" lines. */
export function schemaErrors(outDir: string, data?: unknown): string[] {
  const schema = JSON.parse(readFileSync(path.join(outDir, 'apparatus', 'apparatus.schema.json'), 'utf8')) as object;
  const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
  const value = data ?? JSON.parse(readFileSync(path.join(outDir, 'apparatus', 'apparatus.json'), 'utf8'));
  if (validate(value)) return [];
  return (validate.errors ?? []).slice(0, 20).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}


/**
 * The EPUB (dist/epub/bundle) against the JSON: every entry once, under the document's id or moved into the
 * apparatus with the document's stem before it, labelled as in the JSON, with one marker; each links to the other.
 */
export function compareEpub(outDir: string, json: EditionApparatus): number {
  const oebps = path.join(outDir, 'epub', 'bundle', 'OEBPS');
  const files = (readdirSync(oebps, { recursive: true }) as string[]).map((f) => f.split(path.sep).join('/')).filter((f) => f.endsWith('.xhtml'));
  const byId = new Map<string, { file: string; node: XNode }[]>();
  for (const f of files) {
    for (const n of walk(parseXmlFile(path.join(oebps, f)))) {
      const id = n.attrs.id;
      if (id) byId.set(id, [...(byId.get(id) ?? []), { file: f, node: n }]);
    }
  }
  const resolve = (from: string, href: string): { file: string; id: string } => {
    const [file, id] = href.includes('#') ? (href.split('#') as [string, string]) : [href, ''];
    return { file: file === '' ? from : path.posix.normalize(path.posix.join(path.posix.dirname(from), file)), id };
  };
  let compared = 0;
  for (const d of json.documents) {
    const docFile = `documents/${d.document}.xhtml`;
    const find = (id: string): { file: string; node: XNode }[] => [
      ...(byId.get(id) ?? []).filter((x) => x.file === docFile),
      ...(byId.get(`${d.document}--${id}`) ?? []),
    ];
    for (const e of d.entries) {
      const entries = find(e.localId);
      expect(entries.length, `${e.id}: one entry in the EPUB`).toBe(1);
      const markers = find(e.markerId);
      expect(markers.length, `${e.id}: one marker in the EPUB`).toBe(1);
      const entry = entries[0]!;
      const marker = markers[0]!;
      const links = [...walk(entry.node)].filter((n) => n.name === 'a' && n.attrs.href);
      expect(textOf(links[0]!).trim(), `${e.id}: label`).toBe(e.label);
      const toMarker = links.some((a) => { const r = resolve(entry.file, a.attrs.href!); return r.file === marker.file && r.id === marker.node.attrs.id; });
      expect(toMarker, `${e.id}: the entry links to its marker`).toBe(true);
      const r = resolve(marker.file, marker.node.attrs.href ?? '');
      expect(r.file === entry.file && r.id === entry.node.attrs.id, `${e.id}: the marker links to its entry`).toBe(true);
      expect(marker.node.attrs['data-number'], e.id).toBe(String(e.number));
      compared++;
    }
  }
  return compared;
}
