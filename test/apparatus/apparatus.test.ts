// The apparatus model: the same numbers on the site, in dist/apparatus/ HTML and JSON; counts against the
// TEI; the collation of the reply; witness views; the PTA critical editions.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEdition } from '../../src/package/build-edition.js';
import type { ApparatusEntry, EditionApparatus, TextSegment } from '../../src/transform/apparatus/model.js';
import { copyText, witnessText } from '../../src/transform/apparatus/witness-text.js';
import { buildBundled, temporaryFolder } from '../build/support/build.js';
import { all, attr, byId, editorial, first, hasClass, normalise, textOf, type Element, type Node } from '../build/support/html.js';
import { compareEpub, compareOutputs, page, readJson, schemaErrors, visible } from './support/outputs.js';
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
      // The editors' textual notes (type="textual") are in the textual series, lettered.
      if (el.name === 'note' && el.attrs.type !== 'textual') notes++;
      if (el.name === 'note' && el.attrs.type === 'textual') textual++;
      if (el.name === 'app') apps.push(el);
      if (TEXTUAL.has(el.name) || (LONE.has(el.name) && parent !== 'choice')) textual++;
    }
    if (el.name === 'teiHeader') return;
    for (const c of el.children) if (typeof c !== 'string') walk(c, text, el.name);
  };
  walk(root, false, '');
  return { notes, apps: apps.length, textual, appIds: apps };
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

  it('gives every entry the same label in the EPUB, one marker each, linked both ways', () => {
    expect(compareEpub(outDir, json)).toBe(30);
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

  it('shows every difference between A, B and C: each witness rebuilt from the JSON equals its source and the site', () => {
    const reply = json.documents.find((d) => d.document === '1951-07-01-kim-peng-to-ridgway')!;
    const fromModel = (siglum: string): string => normalise(witnessText(reply, siglum).replace(/\n/g, ' '));
    const site = page(path.join(outDir, 'site', 'documents', `${reply.document}.html`)).document;
    const reading = first(site, (el) => hasClass(el, 'reading'))!;
    const fromSite = (i: number): string => normalise(textOf(reading, { skip: (el) => editorial(el) || (hasClass(el, 'rdg') && !hasClass(el, `w${i}`)) }));
    expect(reply.witnesses.map((w) => w.siglum)).toEqual(['A', 'B', 'C']);
    ['A', 'B', 'C'].forEach((siglum, i) => expect(fromModel(siglum), siglum).toBe(fromSite(i + 1)));
    // Witnesses really differ, and the text between the entries is shared: no witness is empty.
    expect(new Set(['A', 'B', 'C'].map(fromModel)).size).toBe(3);
    if (!hasShared) return;
    // B and C: the texts of FRUS doc. 398 and doc. 401 as the sources give them.
    const frus = readFileSync(path.join(sharedDir, 'sources', 'frus-1951-armistice-reply.md'), 'utf8');
    const quoted = (heading: string): string => {
      const part = frus.slice(frus.indexOf(heading));
      const lines = part.split('\n');
      const start = lines.findIndex((l) => l.startsWith('> '));
      const block: string[] = [];
      for (const l of lines.slice(start)) { if (!l.startsWith('>')) break; block.push(l.replace(/^> ?/, '')); }
      return normalise(block.join(' ').replace(/"/g, ''));
    };
    expect(fromModel('B')).toBe(quoted('## Witness B'));
    expect(fromModel('C')).toBe(quoted('## Witness C'));
    // A: the draft inside the telegram of 30 June 1951, as its copy-text prints it (between the quotation marks).
    const telegram = readFileSync(path.join(sharedDir, 'sources', '000_612cad52e4d6547c.txt'), 'utf8');
    const draft = telegram.slice(telegram.indexOf('“To the commander') + 1, telegram.indexOf('Date.”') + 'Date.'.length);
    expect(fromModel('A')).toBe(normalise(draft));
  });

  it('rebuilds witness A from the JSON as the same text as the draft on the telegram\'s page', () => {
    const reply = json.documents.find((d) => d.document === '1951-07-01-kim-peng-to-ridgway')!;
    const telegram = page(path.join(outDir, 'site', 'documents', '1951-06-30-filippov-to-mao.html')).document;
    const draft = first(telegram, (el) => el.tagName === 'blockquote' && hasClass(el, 'floatingText'))!;
    const a = normalise(witnessText(reply, 'A').replace(/\n/g, ' '));
    expect(normalise(textOf(draft, { skip: editorial })).replace(/^“|”$/g, '')).toBe(a);
    // A document without a critical apparatus has its text in the JSON too, a line per numbered line.
    const plain = json.documents.find((d) => d.document === '1951-06-30-filippov-to-mao')!;
    expect(plain.entries.some((e) => e.series === 'critical')).toBe(false);
    expect(copyText(plain).split('\n')).toHaveLength(plain.lines);
  });

  it('shows every line number of the copy-text in its view, and in another witness\'s view those that begin outside the copy-text\'s readings, in order', () => {
    const reply = json.documents.find((d) => d.document === '1951-07-01-kim-peng-to-ridgway')!;
    const site = page(path.join(outDir, 'site', 'documents', `${reply.document}.html`)).document;
    const reading = first(site, (el) => hasClass(el, 'reading'))!;
    expect(reply.lines).toBeGreaterThan(5);
    const all = (i: number): string[] => visible(reading, (el) => hasClass(el, 'ln'), (el) => hasClass(el, 'rdg') && !hasClass(el, `w${i}`)).map((m) => attr(m, 'data-line')!);
    expect(all(1)).toEqual(Array.from({ length: reply.lines }, (_, k) => String(k + 1)));
    // A line that begins inside the copy-text's reading has its number there only; the other witnesses' views
    // show the rest, in order, each where the same words of the shared text begin.
    const shared = visible(reading, (el) => hasClass(el, 'ln'), (el) => hasClass(el, 'rdg')).map((m) => attr(m, 'data-line')!);
    expect(shared.length).toBeGreaterThan(0);
    expect(shared.length).toBeLessThan(reply.lines);
    for (let i = 2; i <= reply.witnesses.length; i++) {
      const marks = all(i);
      expect(marks, `witness ${i}`).toEqual([...marks].sort((a, b) => Number(a) - Number(b)));
      expect(marks.filter((n) => shared.includes(n)), `witness ${i}`).toEqual(shared);
    }
    // Every critical entry is keyed to a line that exists.
    for (const e of reply.entries.filter((x) => x.series === 'critical')) expect(e.line, e.id).toBeGreaterThan(0);
  });

  it('numbers no line on register pages: entries are reference matter, not text', () => {
    const registers = path.join(outDir, 'site', 'registers');
    const pages = readdirSync(registers).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThanOrEqual(4);
    for (const f of pages) expect(all(page(path.join(registers, f)).document, (el) => hasClass(el, 'ln')).length, f).toBe(0);
  });

  it('numbers the reading text by line, every fifth number shown', () => {
    const site = page(path.join(outDir, 'site', 'documents', '1951-06-30-filippov-to-mao.html')).document;
    const marks = all(site, (el) => hasClass(el, 'ln'));
    expect(marks.map((m) => attr(m, 'data-line'))).toEqual(marks.map((_, i) => String(i + 1)));
    for (const m of marks) expect(normalise(textOf(m))).toBe(Number(attr(m, 'data-line')) % 5 === 0 ? attr(m, 'data-line') : '');
    const doc = json.documents.find((d) => d.document === '1951-06-30-filippov-to-mao')!;
    expect(doc.lines).toBe(marks.length);
  });

  it('writes a JSON file valid against the JSON Schema written beside it', () => {
    const errors = schemaErrors(outDir);
    expect(errors).toEqual([]);
    // The validator does fail on a wrong file.
    const broken = structuredClone(json) as unknown as { documents: { entries: { number: unknown }[] }[] };
    broken.documents[0]!.entries[0]!.number = 'one';
    expect(schemaErrors(outDir, broken).length).toBeGreaterThan(0);
  });

  it('gives witnesses as paths from the edition folder, so the JSON is the same from any checkout', () => {
    const text = readFileSync(path.join(outDir, 'apparatus', 'apparatus.json'), 'utf8');
    expect(text).not.toContain('file:');
    expect(text).not.toContain(projectRoot);
    const reply = json.documents.find((d) => d.document === '1951-07-01-kim-peng-to-ridgway')!;
    expect(reply.witnesses.map((w) => w.key)).toEqual(['edition.xml#wit-A', 'edition.xml#wit-B', 'edition.xml#wit-C']);
    for (const e of reply.entries) for (const r of e.readings) for (const w of r.witnesses) expect(reply.witnesses.map((x) => x.key), e.id).toContain(w);
  });
});

const ptaDir = path.join(sharedDir, 'corpora', 'pta-critical-editions');
describe.skipIf(!hasShared || !existsSync(ptaDir))('the apparatus of the PTA critical editions (needs ../shared/corpora/pta-critical-editions)', () => {
  let outDir: string;
  let json: EditionApparatus;
  const files = existsSync(ptaDir) ? readdirSync(ptaDir).filter((f) => f.endsWith('.xml')).sort().map((f) => path.join(ptaDir, f)) : [];
  beforeAll(async () => {
    outDir = temporaryFolder();
    const result = await buildEdition({ mode: 'paths', documents: files, registers: [], siteDir: path.join(outDir, 'site'), schematron: [], ruleLevels: {}, strict: false, dateFrom: ptaDir });
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
    expect(compareOutputs(outDir, json)).toBe(json.documents.reduce((n, d) => n + d.entries.length, 0));
  });

  it('renders every entry once in the EPUB, labelled as on the site, linked both ways', () => {
    expect(compareEpub(outDir, json)).toBe(json.documents.reduce((n, d) => n + d.entries.length, 0));
  });

  it('writes JSON valid against its schema, whose text places every app of the reading text once', () => {
    expect(schemaErrors(outDir)).toEqual([]);
    for (const d of json.documents) {
      const byLocal = new Map(d.entries.map((e) => [e.localId, e]));
      const placed: string[] = [];
      const visit = (segments: readonly TextSegment[]): void => {
        for (const s of segments) {
          if (typeof s === 'string') continue;
          placed.push(s.app);
          for (const r of byLocal.get(s.app)!.readings) visit(r.segments);
        }
      };
      visit(d.text);
      // Apps inside notes belong to the note, not to the reading text.
      const file = files.find((f) => path.basename(f, '.xml').replace(/[^A-Za-z0-9._-]/g, '_') === d.document)!;
      const critical = appsInNotes(file).flatMap((inNote, i) => (inNote ? [] : [`app-${i + 1}`]));
      expect(placed.length, d.document).toBe(new Set(placed).size);
      expect([...placed].sort(), d.document).toEqual([...critical].sort());
    }
  });

  it('gives the copy-text line by line: line N of the JSON text is line N of the first witness\'s view on the site', () => {
    const squash = (t: string): string => t.replace(/\s+/g, '');
    let lines = 0;
    for (const d of json.documents) {
      const model = copyText(d).split('\n');
      expect(model, d.document).toHaveLength(d.lines);
      // The site's copy-text view: the text between line markers, other witnesses' readings, markers and tooltips left out.
      const site = page(path.join(outDir, 'site', 'documents', `${d.document}.html`)).document;
      const text = first(site, (el) => hasClass(el, 'text'))!;
      const shown: string[] = [];
      const visit = (node: Node): void => {
        if (!('tagName' in node)) {
          if ('value' in node && shown.length > 0) shown[shown.length - 1] += (node as { value: string }).value;
          return;
        }
        const el = node as Element;
        if (hasClass(el, 'ln')) {
          shown.push('');
          return;
        }
        if ((hasClass(el, 'rdg') && !hasClass(el, 'w1')) || el.tagName === 'sup' || hasClass(el, 'tip') || hasClass(el, 'pnum')) return;
        for (const c of el.childNodes) visit(c);
      };
      visit(text);
      expect(shown.map(squash), d.document).toEqual(model.map(squash));
      lines += model.length;
    }
    expect(lines).toBeGreaterThan(1000);
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

/** For every app of the text, in document order: whether it stands inside a note. */
function appsInNotes(file: string): boolean[] {
  const out: boolean[] = [];
  const walk = (el: XmlElement, inText: boolean, inNote: boolean): void => {
    const text = inText || el.name === 'text';
    if (el.name === 'teiHeader') return;
    if (text && el.name === 'app') out.push(inNote);
    for (const c of el.children) if (typeof c !== 'string') walk(c, text, inNote || (text && el.name === 'note'));
  };
  walk(parseXml(readFileSync(file, 'utf8')), false, false);
  return out;
}

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
