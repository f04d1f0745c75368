// Who made a reading and how (lem/rdg @resp and @type: "when] conj. Doe"), references given only by @cRef or @n
// ("Gn 6,3"), the words a note standing in an app anchors to, and the standalone apparatus page's shell and
// stylesheet: on a small fixture (fixtures/responsibility.xml) and on the PTA critical editions.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEdition } from '../../src/package/build-edition.js';
import { READING_KINDS, readingResp } from '../../src/render/apparatus/entry-words.js';
import type { DocumentApparatus, EditionApparatus } from '../../src/transform/apparatus/model.js';
import { temporaryFolder } from '../build/support/build.js';
import { all, attr, byId, first, hasClass, normalise, textOf, type Element } from '../build/support/html.js';
import { hasShared, sharedDir } from '../helpers/paths.js';
import { page, readJson } from './support/outputs.js';

const fixture = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures', 'responsibility.xml');
const ptaDir = path.join(sharedDir, 'corpora', 'pta-critical-editions');

async function build(documents: string[], prefix: string, only?: ('site' | 'apparatus')[]): Promise<string> {
  const outDir = temporaryFolder(prefix);
  const result = await buildEdition({ mode: 'paths', documents, registers: [], siteDir: path.join(outDir, 'site'), schematron: [], ruleLevels: {}, strict: false, dateFrom: path.dirname(documents[0]!), ...(only ? { only } : {}) });
  expect(result.failure).toBeUndefined();
  expect(result.status, JSON.stringify(result.report.diagnostics.filter((d) => d.severity === 'error').slice(0, 3))).toBe('built');
  return outDir;
}

const words = (el: Element): string => normalise(textOf(el));

describe('the kind of a reading and who made it', () => {
  it('is printed in conventional abbreviations defined in one place, with a name, never a pointer', () => {
    expect(READING_KINDS).toEqual({ conjecture: 'conj.', emendation: 'em.', correction: 'corr.' });
    expect(readingResp({ type: 'conjecture', resp: 'Uthemann' })).toBe('conj. Uthemann');
    expect(readingResp({ type: 'addition', resp: 'Jane Roe' })).toBe('Jane Roe');
    expect(readingResp({ type: 'emendation', resp: '#JR' })).toBe('em.');
    expect(readingResp({ type: 'omission', resp: '' })).toBe('');
  });
});

describe('readings, references and notes on a small edition', () => {
  let outDir: string;
  let doc: DocumentApparatus;
  let site: ReturnType<typeof page>['document'];
  beforeAll(async () => {
    outDir = await build([fixture], 'tei-edition-resp-');
    doc = readJson(outDir).documents[0]!;
    site = page(path.join(outDir, 'site', 'documents', `${doc.document}.html`)).document;
  }, 120_000);

  it('names the editor of a reading and its kind in every flavour: after the bracket for the lemma, after the words for a reading', () => {
    const entries = doc.entries.filter((e) => e.series === 'critical');
    expect(entries[0]!.readings[0]).toMatchObject({ kind: 'lem', type: 'conjecture', resp: 'Doe' });
    expect(entries[2]!.readings[0]).toMatchObject({ type: 'correction', resp: 'Edgar Poe' });
    const entryWords = (id: string): string => words(byId(site, id)!).replace(/^\d+ /, '');
    expect(entryWords('app-1')).toBe('when] conj. Doe | then A B');
    expect(entryWords('app-2')).toBe('kept A] lost B | mended em. Jane Roe');
    expect(entryWords('app-3')).toBe('right] corr. Edgar Poe | wrong B');
    const standalone = page(path.join(outDir, 'apparatus', 'index.html')).document;
    const item = first(standalone, (el) => attr(el, 'id') === `${doc.document}.app-1`)!;
    expect(words(item).replace(/^\d+ /, '')).toBe('when] conj. Doe | then A B');
  });

  it('prints a reference given only by @cRef or @n, small, as a reference, in the text and in a note', () => {
    const refs = all(site, (el) => hasClass(el, 'ref-cref'));
    expect(refs.map((el) => [words(el), attr(el, 'title')])).toEqual([['Gn 6,3', 'LXX:Gn:6:3'], ['12', '12'], ['Jn 14,9-11', 'NA:Jn:14:9-11']]);
    const note = doc.entries.find((e) => e.series === 'explanatory')!;
    expect(note.note.html).toContain('<sup class="ref ref-cref" title="NA:Jn:14:9-11">Jn 14,9-11</sup>');
  });

  it('anchors a note standing in an app to the words the text shows there, not to the readings run together', () => {
    const note = doc.entries.find((e) => e.series === 'explanatory')!;
    expect(note.anchorText).toBe('greater');
  });

  it('gives the standalone apparatus the site\'s page shell and stylesheet, copied beside it', () => {
    const html = readFileSync(path.join(outDir, 'apparatus', 'index.html'), 'utf8');
    expect(html).toContain('<link rel="stylesheet" href="edition.css">');
    const standalone = page(path.join(outDir, 'apparatus', 'index.html')).document;
    expect(first(standalone, (el) => hasClass(el, 'site-header'))).toBeDefined();
    expect(first(standalone, (el) => el.tagName === 'main')).toBeDefined();
    const css = readFileSync(path.join(outDir, 'apparatus', 'edition.css'), 'utf8');
    expect(css).toContain(readFileSync(path.join(outDir, 'site', 'assets', 'edition.css'), 'utf8'));
    expect(css).toContain('.page-apparatus');
  });
});

describe.skipIf(!hasShared || !existsSync(ptaDir))('the PTA critical editions (skipped: ../shared/corpora/pta-critical-editions is not beside the project)', () => {
  let json: EditionApparatus;
  let outDir: string;
  beforeAll(async () => {
    const files = ['pta0001.pta028.pta-grcBibex.xml', 'pta0001.pta036.pta-grc1.xml'].map((f) => path.join(ptaDir, f));
    outDir = await build(files, 'tei-edition-resp-pta-', ['site', 'apparatus']);
    json = readJson(outDir);
  }, 300_000);

  const documentOf = (stem: string): DocumentApparatus => json.documents.find((d) => d.document.includes(stem))!;

  it('prints the conjectures of the editors with their names (a biblStruct by its surname, a bibl by its first words)', () => {
    const doc = documentOf('pta028');
    const site = page(path.join(outDir, 'site', 'documents', `${doc.document}.html`)).document;
    const conjectures = doc.entries.filter((e) => e.readings.some((r) => r.type === 'conjecture'));
    expect(conjectures.length).toBeGreaterThan(0);
    for (const e of conjectures) {
      const r = e.readings.find((x) => x.type === 'conjecture')!;
      expect(r.resp).not.toMatch(/^#/);
      expect(words(byId(site, e.localId)!)).toContain(`conj. ${r.resp}`);
    }
    expect(conjectures.flatMap((e) => e.readings.map((r) => r.resp))).toContain('Christian Friedrich Matthaei');
  });

  it('keeps the biblical references given only by @cRef', () => {
    const doc = documentOf('pta028');
    const site = page(path.join(outDir, 'site', 'documents', `${doc.document}.html`)).document;
    const refs = all(site, (el) => hasClass(el, 'ref-cref')).map(words);
    expect(refs.length).toBeGreaterThan(10);
    for (const r of refs) expect(r).toMatch(/^\d?\p{L}+ \d+(,[\d.\-]+)?$/u);
  });

  it('anchors the note standing in an app beside its readings to the lemma alone', () => {
    const doc = documentOf('pta036');
    const note = doc.entries.find((e) => e.series === 'explanatory' && e.note.text.includes('Fehler aus'))!;
    expect(note.anchorText).toBe('ἑβδομήκοντα γὰρ καὶ');
  });
});
