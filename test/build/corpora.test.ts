// The shared corpora: real TEI from other projects must build, and no text of a TEI body may be lost.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEdition } from '../../src/package/build-edition.js';
import { safeFragment } from '../../src/render/site-model.js';
import { hasShared, sharedDir } from '../helpers/paths.js';
import { find, parseXml, type XmlElement, type XmlNode } from '../helpers/xml-tree.js';
import { temporaryFolder } from './support/build.js';
import { parsePage, type Node } from './support/html.js';

const corporaDir = path.join(sharedDir, 'corpora');
const corpora = hasShared && existsSync(corporaDir) ? readdirSync(corporaDir).filter((d) => readdirSync(path.join(corporaDir, d)).some((f) => f.endsWith('.xml'))).sort() : [];

function addWords(text: string, into: Set<string>): void {
  for (const w of text.normalize('NFC').toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (w) into.add(w);
}

const ENTITY_LISTS = new Set(['listPerson', 'listPlace', 'listOrg', 'listObject', 'listBibl']);

const ENTRY_NAMES = new Set(['persName', 'placeName', 'orgName', 'term']);
const elementsIn = (node: XmlNode): XmlElement[] => (typeof node === 'string' ? [] : node.children.filter((c): c is XmlElement => typeof c !== 'string'));
const holdsEntryName = (node: XmlElement): boolean => elementsIn(node).some((c) => (ENTRY_NAMES.has(c.name) && c.attrs['xml:id'] !== undefined) || holdsEntryName(c));
/** A plain list of entries (FRUS's persons and abbreviations: every item holds a name with an xml:id), or a division made of such lists. */
function isPlainRegister(node: XmlElement): boolean {
  const items = elementsIn(node).filter((c) => c.name === 'item');
  if (node.name === 'list') return items.length > 0 && items.every(holdsEntryName);
  return node.name === 'div' && elementsIn(node).some(isPlainRegister) && elementsIn(node).every((c) => ['head', 'p', 'ab', 'pb'].includes(c.name) || isPlainRegister(c));
}

/**
 * Words of each TEI text node on its own (markup may split a word; both sides are read alike). The entity
 * lists of a back, and the plain lists of a front or back, go to `lists` instead: a folder build shows them
 * on the register pages.
 */
function teiWords(node: XmlNode, into = new Set<string>(), lists = into, inBack = false): Set<string> {
  if (typeof node === 'string') addWords(node.replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16))).replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d))), into);
  else {
    const back = inBack || node.name === 'back' || node.name === 'front';
    const target = back && (ENTITY_LISTS.has(node.name) || isPlainRegister(node)) ? lists : into;
    for (const c of node.children) teiWords(c, target, lists, back);
  }
  return into;
}

function htmlWords(node: Node, into = new Set<string>()): Set<string> {
  if (node.nodeName === '#text') addWords((node as unknown as { value: string }).value, into);
  if ('attrs' in node) for (const a of node.attrs) if (a.name === 'title') addWords(a.value, into);
  if ('childNodes' in node) for (const c of node.childNodes) htmlWords(c, into);
  return into;
}

describe.skipIf(!hasShared)('building the shared corpora (needs ../shared/corpora)', () => {
  if (!hasShared) it.skip('needs ../shared beside the project: skipped', () => {});
  for (const corpus of corpora) {
    it(`builds ${corpus} without tool errors and keeps the text of every body`, async () => {
      const dir = path.join(corporaDir, corpus);
      const files = readdirSync(dir).filter((f) => f.endsWith('.xml')).sort().map((f) => path.join(dir, f));
      const siteDir = path.join(temporaryFolder(), 'site');
      // The printed edition of every corpus is laid out by test/print and npm run bench: here the site is read.
      const result = await buildEdition({ mode: 'paths', documents: files, registers: [], siteDir, schematron: [], ruleLevels: {}, strict: false, dateFrom: dir, only: ['site', 'apparatus', 'epub'] });
      expect(result.failure).toBeUndefined();
      expect(result.status).toBe('built');
      const registersDir = path.join(siteDir, 'registers');
      const registerWords = new Set<string>();
      if (existsSync(registersDir)) for (const f of readdirSync(registersDir)) htmlWords(parsePage(readFileSync(path.join(registersDir, f), 'utf8')).document, registerWords);
      for (const file of files) {
        const stem = safeFragment(path.basename(file, '.xml'));
        const page = ['documents', 'registers'].map((f) => path.join(siteDir, f, `${stem}.html`)).find((p) => existsSync(p));
        expect(page, `${file} has a page`).toBeDefined();
        // A file cut into documents (a FRUS volume) has its own page and one for each part, in a folder of its name.
        const partsDir = page!.replace(/\.html$/, '');
        const pages = [page!, ...(existsSync(partsDir) ? readdirSync(partsDir).filter((f) => f.endsWith('.html')).map((f) => path.join(partsDir, f)) : [])];
        const tei = parseXml(readFileSync(file, 'utf8'));
        const body = find(tei, 'text');
        if (!body) continue;
        const listed = new Set<string>();
        const expected = teiWords(body, new Set(), listed);
        const shown = new Set<string>();
        for (const p of pages) htmlWords(parsePage(readFileSync(p, 'utf8')).document, shown);
        const lost = [...expected].filter((w) => !shown.has(w));
        expect(lost.slice(0, 20), `${path.basename(file)}: words of the TEI text missing from its page`).toEqual([]);
        const lostFromLists = [...listed].filter((w) => !shown.has(w) && !registerWords.has(w));
        expect(lostFromLists.slice(0, 20), `${path.basename(file)}: words of its entity lists missing from its page and the register pages`).toEqual([]);
      }
      // Three FRUS volumes (5 MB of TEI, cut into 611 documents) take two to five minutes on two cores; the bound is for hangs only.
    }, 900_000);
  }
});
