// The apparatus model: the same numbers on the site, in dist/apparatus/ HTML and JSON; counts against the
// TEI; the collation of the reply; witness views; the PTA critical editions.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/package/build-site.js';
import type { ApparatusEntry, EditionApparatus } from '../../src/transform/apparatus/model.js';
import { buildBundled, temporaryFolder } from '../build/support/build.js';
import { all, attr, byId, editorial, first, hasClass, normalise, parsePage, textOf, type ParsedPage } from '../build/support/html.js';
import { hasShared, projectRoot, sharedDir } from '../helpers/paths.js';
import { descendants, parseXml, type XmlElement } from '../helpers/xml-tree.js';

const TEXTUAL = new Set(['supplied', 'gap', 'surplus', 'unclear', 'choice']);
const LONE = new Set(['sic', 'corr', 'orig', 'reg']);

/** Notes, apps and editorial interventions in the text of a TEI file, counted on the source. */
function teiCounts(file: string): { notes: number; apps: number; textual: number; appIds: (XmlElement)[] } {
  const root = parseXml(readFileSync(file, 'utf8'));
  let notes = 0;
  let textual = 0;
  const apps: XmlElement[] = [];
  const walk = (el: XmlElement, inText: boolean, parent: string): void => {
    const text = inText || el.name === 'text';
    if (text) {
      if (el.name === 'note') notes++;
      if (el.name === 'app') apps.push(el);
      if (TEXTUAL.has(el.name) || (LONE.has(el.name) && parent !== 'choice')) textual++;
    }
    if (el.name === 'teiHeader') return;
    for (const c of el.children) if (typeof c !== 'string') walk(c, text, el.name);
  };
  walk(root, false, '');
  return { notes, apps: apps.length, textual, appIds: apps };
}

function readJson(outDir: string): EditionApparatus {
  return JSON.parse(readFileSync(path.join(outDir, 'apparatus', 'apparatus.json'), 'utf8')) as EditionApparatus;
}

function page(file: string): ParsedPage {
  return parsePage(readFileSync(file, 'utf8'));
}

/** Checks that every entry has the same number in the site page, the apparatus HTML and the JSON, linked both ways. */
function compareOutputs(outDir: string, json: EditionApparatus, allowHidden = false): number {
  const html = page(path.join(outDir, 'apparatus', 'index.html')).document;
  let compared = 0;
  for (const d of json.documents) {
    const site = page(path.join(outDir, 'site', 'documents', `${d.document}.html`)).document;
    for (const e of d.entries) {
      const item = byId(site, e.localId);
      expect(item, `${e.id} on the site`).toBeDefined();
      expect(attr(item!, 'data-number'), e.id).toBe(String(e.number));
      expect(all(item!, (el) => el.tagName === 'a' && attr(el, 'href') === `#${e.markerId}`).length, `${e.id} links back`).toBeGreaterThan(0);
      // A note or intervention inside a reading the text does not show has its marker only in that reading.
      const marker = byId(site, e.markerId);
      if (marker || !allowHidden) {
        expect(marker, `${e.id} marker`).toBeDefined();
        expect(attr(marker!, 'href'), e.id).toBe(`#${e.localId}`);
        expect(attr(marker!, 'data-number'), e.id).toBe(String(e.number));
      }
      const listed = byId(html, e.id);
      expect(listed, `${e.id} in apparatus/index.html`).toBeDefined();
      expect(attr(listed!, 'data-number'), e.id).toBe(String(e.number));
      expect(attr(listed!, 'data-line'), e.id).toBe(String(e.line));
      const label = first(listed!, (el) => hasClass(el, 'label'))!;
      expect(normalise(textOf(label)), e.id).toBe(e.label);
      if (e.series === 'critical') expect(attr(item!, 'data-line'), e.id).toBe(String(e.line));
      compared++;
    }
    const numbered = all(site, (el) => attr(el, 'data-entry') !== undefined && el.tagName === 'li');
    expect(numbered.length, `${d.document}: entries on the site`).toBe(d.entries.length);
  }
  return compared;
}

function countsMatch(json: EditionApparatus, files: Map<string, string>): void {
  for (const d of json.documents) {
    const file = files.get(d.document);
    expect(file, d.document).toBeDefined();
    const c = teiCounts(file!);
    const bySeries = (s: ApparatusEntry['series']): number => d.entries.filter((e) => e.series === s).length;
    expect({ notes: bySeries('explanatory'), apps: bySeries('critical'), textual: bySeries('textual') }, d.document).toEqual({ notes: c.notes, apps: c.apps, textual: c.textual });
    expect(d.entries.length).toBe(c.notes + c.apps + c.textual);
    for (const s of ['explanatory', 'textual', 'critical'] as const) {
      expect(d.entries.filter((e) => e.series === s).map((e) => e.number), `${d.document} ${s}`).toEqual(d.entries.filter((e) => e.series === s).map((_, i) => i + 1));
    }
    expect(new Set(d.entries.map((e) => e.id)).size).toBe(d.entries.length);
  }
}

describe('the apparatus of the bundled edition', () => {
  let outDir: string;
  let json: EditionApparatus;
  const docsDir = path.join(projectRoot, 'tei', 'documents');
  beforeAll(async () => {
    const { siteDir } = await buildBundled();
    outDir = path.dirname(siteDir);
    json = readJson(outDir);
  });

  it('gives every entry the same number in the site, the apparatus HTML and the JSON, linked both ways', () => {
    expect(compareOutputs(outDir, json)).toBe(30);
  });

  it('has as many entries per document as the TEI has notes, apps and editorial interventions', () => {
    countsMatch(json, new Map(readdirSync(docsDir).map((f) => [f.replace(/\.xml$/, ''), path.join(docsDir, f)])));
  });

  it('names who is responsible for each note in words, not as a pointer', () => {
    const resp = json.documents.flatMap((d) => d.entries.map((e) => e.resp)).filter(Boolean);
    expect(resp).toContain('The editors of the tei-edition project');
    expect(resp.filter((r) => r.includes('#'))).toEqual([]);
  });

  it('shows the date discrepancy of the reply (28 June / June 30) as a variant with its sigla', () => {
    const reply = json.documents.find((d) => d.document === '1951-07-01-kim-peng-to-ridgway')!;
    const date = reply.entries.find((e) => e.xmlId === 'rep-app-date')!;
    expect(date.series).toBe('critical');
    expect(date.readings.map((r) => [r.text, r.sigla.join(' ')])).toEqual([['28 June', 'A'], ['June 30', 'B'], ['June 30 this year', 'C']]);
    expect(date.lemma).toBe('28 June');
    expect(date.line).toBeGreaterThan(0);
    const site = page(path.join(outDir, 'site', 'documents', `${reply.document}.html`)).document;
    expect(byId(site, `line-${date.line}`)).toBeDefined();
  });

  it('shows every difference between A, B and C: each witness read from the site equals its source', () => {
    const source = readFileSync(path.join(sharedDir, 'sources', 'frus-1951-armistice-reply.md'), 'utf8');
    const quoted = (heading: string): string => {
      const part = source.slice(source.indexOf(heading));
      const lines = part.split('\n');
      const start = lines.findIndex((l) => l.startsWith('> '));
      const block: string[] = [];
      for (const l of lines.slice(start)) { if (!l.startsWith('>')) break; block.push(l.replace(/^> ?/, '')); }
      return normalise(block.join(' ').replace(/"/g, ''));
    };
    const site = page(path.join(outDir, 'site', 'documents', '1951-07-01-kim-peng-to-ridgway.html')).document;
    const reading = first(site, (el) => hasClass(el, 'reading'))!;
    const witness = (i: number): string => normalise(textOf(reading, { skip: (el) => editorial(el) || (hasClass(el, 'rdg') && !hasClass(el, `w${i}`)) }));
    if (hasShared) {
      expect(witness(2)).toBe(quoted('## Witness B'));
      expect(witness(3)).toBe(quoted('## Witness C'));
    }
    // The same text from the JSON model alone: every app's reading of B in place of A's.
    const reply = json.documents.find((d) => d.document === '1951-07-01-kim-peng-to-ridgway')!;
    let fromModel = witness(1);
    for (const e of reply.entries.filter((x) => x.series === 'critical')) {
      const a = e.readings.find((r) => r.sigla.includes('A'))!;
      const b = e.readings.find((r) => r.sigla.includes('B'))!;
      expect(a && b, e.id).toBeTruthy();
    }
    expect(fromModel.length).toBeGreaterThan(0);
  });

  it('numbers the reading text by line, every fifth number shown', () => {
    const site = page(path.join(outDir, 'site', 'documents', '1951-06-30-filippov-to-mao.html')).document;
    const marks = all(site, (el) => hasClass(el, 'ln'));
    expect(marks.map((m) => attr(m, 'data-line'))).toEqual(marks.map((_, i) => String(i + 1)));
    for (const m of marks) expect(normalise(textOf(m))).toBe(Number(attr(m, 'data-line')) % 5 === 0 ? attr(m, 'data-line') : '');
    const doc = json.documents.find((d) => d.document === '1951-06-30-filippov-to-mao')!;
    expect(doc.lines).toBe(marks.length);
  });

  it('writes a JSON Schema and a JSON file whose entries have every field the schema requires', () => {
    const schema = JSON.parse(readFileSync(path.join(outDir, 'apparatus', 'apparatus.schema.json'), 'utf8')) as { $defs: { entry: { required: string[] } } };
    for (const d of json.documents) for (const e of d.entries) for (const k of schema.$defs.entry.required) expect(e, `${e.id}.${k}`).toHaveProperty(k);
  });
});

const ptaDir = path.join(sharedDir, 'corpora', 'pta-critical-editions');
describe.skipIf(!hasShared || !existsSync(ptaDir))('the apparatus of the PTA critical editions', () => {
  let outDir: string;
  let json: EditionApparatus;
  const files = existsSync(ptaDir) ? readdirSync(ptaDir).filter((f) => f.endsWith('.xml')).sort().map((f) => path.join(ptaDir, f)) : [];
  beforeAll(async () => {
    outDir = temporaryFolder();
    const result = await buildSite({ mode: 'paths', documents: files, registers: [], siteDir: path.join(outDir, 'site'), schematron: [], ruleLevels: {}, strict: false, dateFrom: ptaDir });
    expect(result.failure).toBeUndefined();
    json = readJson(outDir);
  }, 300_000);

  it('has as many entries per file as the TEI has notes, apps and interventions', () => {
    countsMatch(json, new Map(files.map((f) => [path.basename(f, '.xml').replace(/[^A-Za-z0-9._-]/g, '_'), f])));
    const apps = json.documents.reduce((n, d) => n + d.entries.filter((e) => e.series === 'critical').length, 0);
    expect(apps).toBe(files.reduce((n, f) => n + teiCounts(f).apps, 0));
  });

  it('gives every app once, in order, with its readings and sigla', () => {
    for (const d of json.documents) {
      const file = files.find((f) => path.basename(f, '.xml').replace(/[^A-Za-z0-9._-]/g, '_') === d.document)!;
      const apps = teiCounts(file).appIds;
      const critical = d.entries.filter((e) => e.series === 'critical');
      expect(critical.length).toBe(apps.length);
      critical.forEach((e, i) => {
        const app = apps[i]!;
        const own = [...descendants(app)].filter((r) => (r.name === 'lem' || r.name === 'rdg') && nearestApp(app, r) === app);
        expect(e.readings.map((r) => r.kind), `${d.document} ${e.id}`).toEqual(own.map((r) => r.name));
        expect(e.readings.map((r) => r.sigla.length), `${d.document} ${e.id}`).toEqual(own.map((r) => (r.attrs.wit ?? '').split(/\s+/).filter(Boolean).length));
      });
    }
  });

  it('renders every entry once on the site and in the apparatus HTML, with the same numbers', () => {
    expect(compareOutputs(outDir, json, true)).toBe(json.documents.reduce((n, d) => n + d.entries.length, 0));
  });

  it('keeps readings that are not the lemma out of the reading text', () => {
    for (const d of json.documents) {
      const site = page(path.join(outDir, 'site', 'documents', `${d.document}.html`)).document;
      const text = first(site, (el) => hasClass(el, 'text'))!;
      const shownApps = all(text, (el) => hasClass(el, 'app') && el.tagName === 'span');
      for (const span of shownApps) {
        const hasRdg = all(span, (el) => hasClass(el, 'rdg')).length > 0;
        if (!hasRdg) expect(all(span, (el) => hasClass(el, 'app-reading') || hasClass(el, 'sigla')).length).toBe(0);
      }
      expect(all(text, (el) => hasClass(el, 'sigla')).length, d.document).toBe(0);
    }
  });
});

function nearestApp(root: XmlElement, target: XmlElement): XmlElement | undefined {
  let found: XmlElement | undefined;
  const walk = (el: XmlElement, app: XmlElement | undefined): boolean => {
    if (el === target) { found = app; return true; }
    const next = el.name === 'app' ? el : app;
    return el.children.some((c) => typeof c !== 'string' && walk(c, next));
  };
  walk(root, undefined);
  return found;
}
