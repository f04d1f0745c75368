// Nothing raw in the reading text of real TEI: every word of a document page's text (the edition's own
// markers aside) is a word of the TEI text, no web address or coordinates appear there that the TEI text does
// not hold as text, and no panel beside the text is longer than the text itself.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEdition } from '../../src/package/build-edition.js';
import { safeFragment } from '../../src/render/site-model.js';
import { hasShared, sharedDir } from '../helpers/paths.js';
import { find, parseXml, type XmlNode } from '../helpers/xml-tree.js';
import { temporaryFolder } from './support/build.js';
import { all, attr, hasClass, parsePage, type Node } from './support/html.js';

const corporaDir = path.join(sharedDir, 'corpora');
const corpora = hasShared && existsSync(corporaDir) ? readdirSync(corporaDir).filter((d) => readdirSync(path.join(corporaDir, d)).some((f) => f.endsWith('.xml'))).sort() : [];
// FRUS volumes are large: one is enough here (test/build/corpora.test.ts builds them all).
const ONE_OF = new Map([['frus', 'frus1894Nicaragua.xml']]);

const URL_LIKE = /https?:\/\/[^\s<>"]+|\b-?\d{1,3}[.,]\d{3,}\s+-?\d{1,3}[.,]\d{3,}\b/g;

function decode(text: string): string {
  return text.replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16))).replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

function teiText(node: XmlNode, into: string[] = []): string[] {
  if (typeof node === 'string') into.push(decode(node));
  else for (const c of node.children) teiText(c, into);
  return into;
}

/** The text nodes of the reading text, the edition's own markers (class "ed") and tooltips left out. */
function readingText(node: Node, into: string[] = []): string[] {
  if (node.nodeName === '#text') into.push((node as unknown as { value: string }).value);
  // The edition's markers, and the references it prints for a pointer given only as a canonical reference.
  if ('tagName' in node && (hasClass(node, 'ed') || hasClass(node, 'ref-cref'))) return into;
  if ('childNodes' in node) for (const c of node.childNodes) readingText(c, into);
  return into;
}

const words = (text: string): string[] => text.normalize('NFC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
const length = (node: Node): number => readingText(node).join(' ').replace(/\s+/g, ' ').trim().length;

describe.skipIf(!hasShared)('the reading text of the shared corpora holds nothing raw (needs ../shared/corpora)', () => {
  if (!hasShared) it.skip('needs ../shared beside the project: skipped', () => {});
  for (const corpus of corpora) {
    it(`${corpus}: the words of each page's text come from the TEI text, with no stray addresses and no panel longer than the text`, async () => {
      const dir = path.join(corporaDir, corpus);
      const files = readdirSync(dir).filter((f) => f.endsWith('.xml') && (!ONE_OF.has(corpus) || ONE_OF.get(corpus) === f)).sort().map((f) => path.join(dir, f));
      const siteDir = path.join(temporaryFolder(), 'site');
      const result = await buildEdition({ mode: 'paths', documents: files, registers: [], siteDir, schematron: [], ruleLevels: {}, strict: false, dateFrom: dir, only: ['site'] });
      expect(result.status).toBe('built');
      let checked = 0;
      for (const file of files) {
        const first = path.join(siteDir, 'documents', `${safeFragment(path.basename(file, '.xml'))}.html`);
        if (!existsSync(first)) continue; // a register file of the corpus
        const text = find(parseXml(readFileSync(file, 'utf8')), 'text');
        if (!text) continue;
        const source = teiText(text).join('');
        const sourceWords = new Set(words(source));
        // A file cut into documents (a FRUS volume): its own page and each part's, in a folder of its name.
        const partsDir = first.replace(/\.html$/, '');
        const pages = [first, ...(existsSync(partsDir) ? readdirSync(partsDir).filter((f) => f.endsWith('.html')).sort().map((f) => path.join(partsDir, f)) : [])];
        // A word markup splits in the source (a line break inside it, one side of a choice) is a part of it.
        const flat = words(source).join('');
        const squashed = source.replace(/\s+/g, '');
        for (const page of pages) {
          const doc = parsePage(readFileSync(page, 'utf8')).document;
          const reading = all(doc, (el) => el.tagName === 'section' && hasClass(el, 'text'))[0];
          expect(reading, `${path.relative(siteDir, page)} has a reading text`).toBeDefined();
          const shown = readingText(reading!).join(' ');
          const foreign = words(shown).filter((w) => !sourceWords.has(w) && !flat.includes(w));
          expect([...new Set(foreign)].slice(0, 20), `${path.basename(file)}: words of the reading text that are no words of the TEI text`).toEqual([]);
          const stray = [...shown.matchAll(URL_LIKE)].map((m) => m[0]).filter((u) => !squashed.includes(u.replace(/\s+/g, '')));
          expect(stray.slice(0, 10), `${path.basename(file)}: addresses or coordinates in the reading text that the TEI text does not hold as text`).toEqual([]);
          const textLength = length(reading!);
          // Panels inside the reading text (the document's header panel beside it is laid out by the page).
          const panels = all(reading!, (el) => el.tagName === 'aside' || (attr(el, 'class') ?? '').split(' ').includes('metadata'));
          const longer = panels.filter((p) => length(p) > textLength).map((p) => `${p.tagName}.${attr(p, 'class') ?? ''} (${length(p)} > ${textLength})`);
          expect(longer, `${path.basename(file)}: panels longer than the reading text`).toEqual([]);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(0);
    }, 600_000);
  }
});
