// Any TEI: one book from each shared corpus (two FRUS volumes with hundreds and a thousand footnotes, the
// Schnitzler letters, the PTA critical editions) builds to an EPUB that epubcheck passes with no errors
// and no warnings, and whose notes keep the site's numbers. The FRUS volumes are cut into their documents
// (a content document each, as the site gives each a page), and their notes and links are checked across them.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEdition } from '../../src/package/build-edition.js';
import { PART_LIMIT } from '../../src/render/epub/split.js';
import { hasShared, sharedDir } from '../helpers/paths.js';
import { temporaryFolder } from '../build/support/build.js';
import { bookLinks, spinePaths, walk } from './support/book.js';
import { epubcheck, hasEpubcheck } from './support/epubcheck.js';

const corpora = path.join(sharedDir, 'corpora');
const xml = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.xml')).sort().map((f) => path.join(dir, f));

/** One book per corpus; for FRUS three volumes (`frus`: the file's stem), the 1951 one the largest (6.7 MB of XHTML whole). */
const BOOKS: { name: string; files: () => string[]; frus?: string; footnotes?: number }[] = [
  { name: 'FRUS 1894, Nicaragua (138 documents, 186 footnotes)', files: () => [path.join(corpora, 'frus', 'frus1894Nicaragua.xml')], frus: 'frus1894Nicaragua', footnotes: 180 },
  { name: 'FRUS 1964–68 vol. XXIX part 2 (402 footnotes)', files: () => [path.join(corpora, 'frus', 'frus1964-68v29p2.xml')], frus: 'frus1964-68v29p2', footnotes: 400 },
  { name: 'FRUS 1951 vol. VII part 2 (1,051 footnotes)', files: () => [path.join(corpora, 'frus', 'frus1951v07p2.xml')], frus: 'frus1951v07p2', footnotes: 1000 },
  { name: 'the Schnitzler letters', files: () => xml(path.join(corpora, 'schnitzler-briefe')) },
  { name: 'the PTA critical editions', files: () => xml(path.join(corpora, 'pta-critical-editions')) },
];

const available = hasShared && existsSync(corpora);

describe.skipIf(!available)('EPUBs of the shared corpora (needs ../shared/corpora)', () => {
  if (!available) it.skip('needs ../shared beside the project: skipped', () => {});
  it.skipIf(!hasEpubcheck)(
    'build one book from each corpus, each passing epubcheck with 0 errors and 0 warnings, notes numbered as on the site (needs epubcheck)',
    async () => {
      const built: { name: string; book: string; oebps: string; files: string[]; frus?: string; footnotes?: number }[] = [];
      // Builds run one after another (each loads SaxonJS's work), the checks in parallel.
      for (const b of BOOKS) {
        const out = temporaryFolder('tei-edition-epub-corpus-');
        const files = b.files();
        const result = await buildEdition({ mode: 'paths', documents: files, registers: [], siteDir: path.join(out, 'site'), schematron: [], ruleLevels: {}, strict: false, dateFrom: path.dirname(files[0]!), only: ['epub'] });
        expect(result.failure, b.name).toBeUndefined();
        expect(result.status, b.name).toBe('built');
        built.push({ name: b.name, book: path.join(out, 'epub', 'edition.epub'), oebps: path.join(out, 'epub', 'bundle', 'OEBPS'), files, ...(b.frus ? { frus: b.frus, footnotes: b.footnotes ?? 0 } : {}) });
      }
      const checks = await Promise.all(built.map((b) => epubcheck(b.book)));
      checks.forEach((r, i) => {
        expect(r.messages, built[i]!.name).toEqual([]);
        expect([r.fatals, r.errors, r.warnings], built[i]!.name).toEqual([0, 0, 0]);
      });
      // The FRUS volumes are cut into their documents (a content document each, with the volume's own page and the
      // divisions of its front and back), none much larger than the limit (a long one is written in parts; the XML
      // declaration, the head and the elements repeated around a part are not weighed): every footnote is an EPUB
      // footnote, numbered 1… in each document as on the site, in the part that refers to it, and the links between
      // notes and their references resolve both ways (a link that does not is written as text, so markers without
      // their link are counted too).
      for (const frus of built.filter((b) => b.frus)) {
        const parts = spinePaths(frus.oebps).filter((p) => p === `documents/${frus.frus}.xhtml` || p.startsWith(`documents/${frus.frus}/`));
        expect(parts.length, frus.name).toBeGreaterThan(100);
        expect(Math.max(...parts.map((p) => statSync(path.join(frus.oebps, p)).size)), frus.name).toBeLessThan(PART_LIMIT + 4096);
        const { links, trees } = bookLinks(frus.oebps);
        const asides = parts.flatMap((p) => [...walk(trees.get(p)!)].filter((n) => n.name === 'aside' && n.attrs['epub:type'] === 'footnote'));
        expect(asides.length, frus.name).toBeGreaterThanOrEqual(frus.footnotes ?? 0);
        // A document's parts are <id>.xhtml and <id>--N.xhtml: its notes run 1… across them.
        const byDocument = new Map<string, string[]>();
        for (const p of parts) {
          const own = [...walk(trees.get(p)!)].filter((n) => n.name === 'aside' && n.attrs['epub:type'] === 'footnote').map((a) => a.attrs.id!);
          const key = p.replace(/--\d+(-\d+)?\.xhtml$/, '.xhtml');
          byDocument.set(key, [...(byDocument.get(key) ?? []), ...own]);
        }
        for (const [document, ids] of byDocument) expect(ids, `${frus.name}: ${document}`).toEqual(ids.map((_, i) => `note-${i + 1}`));
        const markers = parts.flatMap((p) => [...walk(trees.get(p)!)].filter((n) => n.name === 'sup' && (n.attrs.class ?? '').split(' ').includes('noteref')));
        expect(markers.filter((m) => !m.children.some((c) => typeof c !== 'string' && c.name === 'a')).length, frus.name).toBe(0);
        const noterefs = links.filter((l) => parts.includes(l.from) && l.a.attrs['epub:type'] === 'noteref');
        expect(noterefs.filter((l) => l.to?.node?.name !== 'aside'), frus.name).toEqual([]);
        const referenced = new Set(noterefs.map((l) => l.to!.node));
        expect(asides.filter((a) => !referenced.has(a)).length, frus.name).toBeLessThan(asides.length / 10);
        const backlinks = links.filter((l) => parts.includes(l.from) && (l.a.attrs.class ?? '').split(' ').includes('note-num'));
        expect(backlinks.length, frus.name).toBeGreaterThanOrEqual(referenced.size);
        expect(backlinks.filter((l) => !/^noteref-/.test(l.to?.id ?? '')), frus.name).toEqual([]);
        expect(links.filter((l) => l.to === undefined).map((l) => `${l.from}: ${l.href}`), frus.name).toEqual([]);
      }
    },
    900_000,
  );
});
