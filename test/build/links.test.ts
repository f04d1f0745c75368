// Every internal link of a built site resolves (test/helpers/link-check.ts: each file exists, each id after
// '#' is an id of it), on real volumes: the three FRUS volumes of ../shared, built together in one folder
// build, each cut into a page per document (hundreds of div type="document", whose index refers to page
// breaks by id and whose documents refer to each other). Besides: one page per document, the links the
// source makes between its elements kept, search entries unique and each pointing to an id of its own
// document's page under that document's title, lines numbered from 1 on each page. (The bundled edition's
// links are checked by test/build/site.test.ts, the small volume's by test/build/volumes.test.ts.)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEdition, type BuildResult } from '../../src/package/build-edition.js';
import { safeFragment } from '../../src/render/site-model.js';
import { checkSiteLinks, describeBroken, type LinkReport } from '../helpers/link-check.js';
import { hasShared, sharedDir } from '../helpers/paths.js';
import { find, parseXml, type XmlNode } from '../helpers/xml-tree.js';
import { temporaryFolder } from './support/build.js';
import { filesUnder } from './support/folder-site.js';
import { all, attr, byId, first, hasClass, normalise, parsePage, textOf } from './support/html.js';

const VOLUMES = ['frus1894Nicaragua', 'frus1951v07p2', 'frus1964-68v29p2'];
const frusDir = path.join(sharedDir, 'corpora', 'frus');

interface SearchUnit {
  u: string;
  t: string;
  l: string;
  x: string;
}

function elements(node: XmlNode, test: (e: Exclude<XmlNode, string>) => boolean, into: Exclude<XmlNode, string>[] = []): Exclude<XmlNode, string>[] {
  if (typeof node === 'string') return into;
  if (test(node)) into.push(node);
  for (const c of node.children) elements(c, test, into);
  return into;
}

const words = (node: XmlNode): string => (typeof node === 'string' ? node : node.children.map(words).join(''));

describe.skipIf(!hasShared)('the links of the FRUS volumes, each cut into documents (needs ../shared)', () => {
  if (!hasShared) it.skip('needs ../shared beside the project: skipped', () => {});
  let siteDir: string;
  let result: BuildResult;
  let report: LinkReport;
  let units: SearchUnit[];

  beforeAll(async () => {
    siteDir = path.join(temporaryFolder('tei-edition-frus-links-'), 'site');
    result = await buildEdition({ mode: 'paths', documents: VOLUMES.map((v) => path.join(frusDir, `${v}.xml`)), registers: [], siteDir, schematron: [], ruleLevels: {}, strict: false, dateFrom: frusDir, only: ['site'] });
    expect(result.failure).toBeUndefined();
    expect(result.status).toBe('built');
    report = checkSiteLinks(siteDir);
    const script = readFileSync(path.join(siteDir, 'assets', 'search-index.js'), 'utf8');
    units = JSON.parse(script.replace(/^window\.teiEditionSearchUnits = /, '').replace(/;\s*$/, '')) as SearchUnit[];
  }, 1_200_000);

  it('resolves every link of every page, and reports no link as unresolved', () => {
    expect(report.pages).toBeGreaterThan(600);
    expect(report.fragments).toBeGreaterThan(10_000);
    expect(describeBroken(report.broken)).toEqual([]);
    expect(result.report.diagnostics.filter((d) => d.ruleId === 'render/unresolved-link').slice(0, 10)).toEqual([]);
  });

  for (const volume of VOLUMES) {
    it(`${volume}: one page per document with text, each listed on the volume's page, and every reference the source resolves leads to its target`, () => {
      const tei = parseXml(readFileSync(path.join(frusDir, `${volume}.xml`), 'utf8'));
      const text = find(tei, 'text')!;
      const documents = elements(text, (e) => e.name === 'div' && e.attrs.type === 'document' && normalise(words(e)) !== '');
      const folder = `documents/${safeFragment(volume)}/`;
      const contents = parsePage(readFileSync(path.join(siteDir, 'documents', `${safeFragment(volume)}.html`), 'utf8')).document;
      const entries = all(contents, (el) => hasClass(el, 'volume-document')).map((el) => attr(first(el, (a) => a.tagName === 'a')!, 'href')!);
      const pages = new Set(entries.map((href) => path.posix.normalize(path.posix.join('documents', href)).replace(/#.*$/, '')));
      expect(pages.size).toBe(documents.length);
      expect([...pages].filter((p) => !p.startsWith(folder))).toEqual([]);
      const written = new Set(filesUnder(siteDir));
      expect([...pages].filter((p) => !written.has(p))).toEqual([]);
      // Every ref or ptr of the source whose target is an xml:id of the volume is a link the site resolves.
      const ids = new Set(elements(text, (e) => e.attrs['xml:id'] !== undefined).map((e) => e.attrs['xml:id']!));
      const targeted = new Set(elements(text, (e) => (e.name === 'ref' || e.name === 'ptr') && (e.attrs.target ?? '').startsWith('#'))
        .map((e) => e.attrs.target!.slice(1).split(/\s+/)[0]!)
        .filter((id) => ids.has(id))
        .map((id) => safeFragment(id)));
      expect(targeted.size).toBeGreaterThan(10);
      const reached = new Set([...report.targets].filter((t) => t.startsWith(folder) || t.startsWith(`documents/${safeFragment(volume)}.html#`)).map((t) => t.replace(/^.*#/, '')));
      expect([...targeted].filter((id) => !reached.has(id)).slice(0, 20)).toEqual([]);
    });

    it(`${volume}: each document page numbers its lines from 1, and its search entries carry its own title and lead to ids on it`, () => {
      const folder = `documents/${safeFragment(volume)}/`;
      const documentPages = filesUnder(siteDir).filter((p) => p.startsWith(folder) && p.endsWith('.html'));
      const titles = new Map<string, string>();
      for (const p of documentPages) {
        const doc = parsePage(readFileSync(path.join(siteDir, p), 'utf8')).document;
        titles.set(p, normalise(textOf(byId(doc, 'doc-title')!)));
        if (!first(doc, (el) => hasClass(el, 'doc-number'))) continue;
        const lines = all(doc, (el) => hasClass(el, 'ln') && attr(el, 'data-line') !== undefined).map((el) => Number(attr(el, 'data-line')));
        expect(lines[0], p).toBe(1);
        expect(lines, p).toEqual(lines.map((_, i) => i + 1));
      }
      const own = units.filter((u) => u.u.startsWith(folder));
      expect(own.length).toBeGreaterThan(documentPages.length);
      for (const u of own) expect(u.t, u.u).toBe(titles.get(u.u.replace(/#.*$/, '')));
      // Titles differ from document to document (FRUS repeats some: "Editorial Note").
      expect(new Set(own.map((u) => u.t)).size).toBe(new Set([...titles.values()]).size);
    });
  }

  it('writes search entries that are unique and each lead to an id of an existing page', () => {
    const seen = new Set<string>();
    const twice = units.filter((u) => (seen.has(u.u) ? true : (seen.add(u.u), false)));
    expect(twice.slice(0, 10).map((u) => u.u)).toEqual([]);
    const missing = units.filter((u) => {
      const [p = '', id = ''] = u.u.split('#');
      return !report.ids.get(p)?.has(id);
    });
    expect(missing.slice(0, 10).map((u) => u.u)).toEqual([]);
  });
});
