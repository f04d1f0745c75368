// Notes, interventions, apps and line starts inside readings the page does not always show (fixture
// hidden-readings.xml): each entry keeps one marker, linked both ways, in the site, the apparatus and the EPUB;
// every witness view shows every line number; every witness is rebuilt from the JSON.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEdition } from '../../src/package/build-edition.js';
import type { DocumentApparatus, EditionApparatus } from '../../src/transform/apparatus/model.js';
import { witnessText } from '../../src/transform/apparatus/witness-text.js';
import { temporaryFolder } from '../build/support/build.js';
import { all, attr, byId, first, hasClass, type Element } from '../build/support/html.js';
import { parseXmlFile, walk, type XNode } from '../epub/support/book.js';
import { compareEpub, compareOutputs, page, readJson, schemaErrors, visible } from './support/outputs.js';

const fixture = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures', 'hidden-readings.xml');

describe('readings the text does not always show', () => {
  let outDir: string;
  let json: EditionApparatus;
  let doc: DocumentApparatus;
  let site: ReturnType<typeof page>['document'];
  beforeAll(async () => {
    outDir = temporaryFolder('tei-edition-hidden-');
    const result = await buildEdition({ mode: 'paths', documents: [fixture], registers: [], siteDir: path.join(outDir, 'site'), schematron: [], ruleLevels: {}, strict: false, dateFrom: path.dirname(fixture) });
    expect(result.failure).toBeUndefined();
    expect(result.status).toBe('built');
    json = readJson(outDir);
    doc = json.documents[0]!;
    site = page(path.join(outDir, 'site', 'documents', `${doc.document}.html`)).document;
  }, 120_000);

  it('has every entry once, one marker each, linked both ways, numbered alike on the site, in the apparatus HTML and the JSON', () => {
    expect(doc.entries.map((e) => e.localId)).toEqual(['note-1', 'note-2', 'note-3', 'tn-1', 'app-1', 'app-2', 'app-3', 'app-4', 'app-5']);
    expect(compareOutputs(outDir, json)).toBe(9);
    expect(compareEpub(outDir, json)).toBe(9);
    expect(schemaErrors(outDir)).toEqual([]);
  });

  it('puts the marker of what stands in a reading beside a lemma, or beside the readings, in the entry that prints it', () => {
    const inEntry = (markerId: string): string | undefined => {
      const marker = byId(site, markerId)!;
      const entry = all(site, (el) => el.tagName === 'li' && hasClass(el, 'app-entry')).find((li) => all(li, (x) => x === marker).length > 0);
      return entry ? attr(entry, 'id') : undefined;
    };
    // note-1 and tn-1 stand in readings of a switched app: in the text, in the reading of their witness.
    expect(inEntry('noteref-1')).toBeUndefined();
    expect(inEntry('tnref-1')).toBeUndefined();
    const reading = first(site, (el) => hasClass(el, 'reading'))!;
    const rdgOf = (id: string): Element | undefined => all(reading, (el) => hasClass(el, 'rdg')).find((r) => all(r, (x) => attr(x, 'id') === id).length > 0);
    expect(attr(rdgOf('noteref-1')!, 'class')).toContain('w2');
    expect(attr(rdgOf('tnref-1')!, 'class')).toContain('w3');
    // note-2 is in B's reading beside the lemma of app-3, note-3 beside its readings, app-5 in a reading of app-4.
    expect(inEntry('noteref-2')).toBe('app-3');
    expect(inEntry('noteref-3')).toBe('app-3');
    expect(inEntry('appref-5')).toBe('app-4');
  });

  it('shows every line number in every witness view, the first before the app the paragraph begins with', () => {
    const reading = first(site, (el) => hasClass(el, 'reading'))!;
    expect(doc.lines).toBeGreaterThanOrEqual(3);
    for (let i = 1; i <= 3; i++) {
      const marks = visible(reading, (el) => hasClass(el, 'ln'), (el) => hasClass(el, 'rdg') && !hasClass(el, `w${i}`));
      expect(marks.map((m) => attr(m, 'data-line')), `witness ${i}`).toEqual(Array.from({ length: doc.lines }, (_, k) => String(k + 1)));
    }
    const first1 = byId(site, 'line-1')!;
    expect(all(reading, (el) => hasClass(el, 'rdg')).some((r) => all(r, (x) => x === first1).length > 0)).toBe(false);
  });

  it('links every fragment of the page to an element that exists (no marker for an intervention outside the text)', () => {
    const ids = new Set(all(site, (el) => attr(el, 'id') !== undefined).map((el) => attr(el, 'id')!));
    const fragments = all(site, (el) => el.tagName === 'a' && (attr(el, 'href') ?? '').startsWith('#')).map((el) => attr(el, 'href')!.slice(1));
    expect(fragments.length).toBeGreaterThan(10);
    expect(fragments.filter((f) => !ids.has(f))).toEqual([]);
  });

  it('counts no line in the entries of a register the document carries', () => {
    const reading = first(site, (el) => hasClass(el, 'reading'))!;
    expect(all(reading, (el) => hasClass(el, 'ln')).length).toBe(doc.lines);
    expect(all(site, (el) => hasClass(el, 'ln')).length).toBe(doc.lines);
    expect(doc.lines).toBeLessThanOrEqual(4);
  });

  it('rebuilds each witness from the JSON: the shared text, and at every entry the reading of that witness', () => {
    const lines = (w: string): string[] => witnessText(doc, w).split('\n');
    // A newline begins each numbered line: the copy-text (A) is the edition's lines, 64 characters at most; the
    // other witnesses break where A's lines begin in the text they share with it.
    expect(lines('A')).toEqual(['Alpha begins the first paragraph and the shared text of all', 'three witnesses goes on for a while, long enough to need a', 'second line.', 'Shared start. kept and one end.']);
    expect(lines('A')).toHaveLength(doc.lines);
    expect(lines('B')).toEqual(['Beta begins it and the shared text of all', 'three witnesses goes on for a while, long enough to need a', 'second line.', 'Shared start. dropped and two inner end.']);
    // C is not named in app-3: it reads the lemma.
    expect(lines('C')).toEqual(['and the shared text of all', 'three witnesses goes on for a while, long enough to need a', 'second line, [said] C.', 'Shared start. kept and two nested end.']);
  });

  it('keeps every note linked back from the EPUB, where only the first witness is in the text', () => {
    const oebps = path.join(outDir, 'epub', 'bundle', 'OEBPS');
    const files = (readdirSync(oebps, { recursive: true }) as string[]).map((f) => f.split(path.sep).join('/')).filter((f) => f.endsWith('.xhtml'));
    const trees = new Map<string, XNode>(files.map((f) => [f, parseXmlFile(path.join(oebps, f))]));
    const ids = new Map<string, Set<string>>();
    for (const [f, t] of trees) ids.set(f, new Set([...walk(t)].map((n) => n.attrs.id).filter((x): x is string => !!x)));
    const resolves = (from: string, href: string): boolean => {
      const [file, id] = href.includes('#') ? href.split('#') as [string, string] : [href, ''];
      const target = file === '' ? from : path.posix.normalize(path.posix.join(path.posix.dirname(from), file));
      return ids.has(target) && (id === '' || ids.get(target)!.has(id));
    };
    let backlinks = 0;
    for (const [f, t] of trees) {
      for (const n of walk(t)) {
        if (n.name !== 'li' || !/^(note|tn|app)-\d+$/.test((n.attrs.id ?? '').replace(/^.*--/, ''))) continue;
        const back = [...walk(n)].find((x) => x.name === 'a' && (x.attrs.href ?? '').includes('ref-'));
        expect(back, `${f} ${n.attrs.id}: a link back`).toBeDefined();
        expect(resolves(f, back!.attrs.href!), `${f} ${back!.attrs!.href}`).toBe(true);
        backlinks++;
      }
    }
    expect(backlinks).toBeGreaterThanOrEqual(3);
    expect(readFileSync(path.join(outDir, 'epub', 'bundle', 'OEBPS', files[0]!), 'utf8').length).toBeGreaterThan(0);
  });
});
