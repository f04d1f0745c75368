// Any TEI: one book from each shared corpus (a FRUS volume with hundreds of footnotes, the Schnitzler
// letters, the PTA critical editions) builds to an EPUB that epubcheck passes with no errors and no
// warnings, and whose notes keep the site's numbers.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/package/build-site.js';
import { hasShared, sharedDir } from '../helpers/paths.js';
import { temporaryFolder } from '../build/support/build.js';
import { parseXmlFile, walk } from './support/book.js';
import { epubcheck, hasEpubcheck } from './support/epubcheck.js';

const corpora = path.join(sharedDir, 'corpora');
const xml = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.xml')).sort().map((f) => path.join(dir, f));

/** One book per corpus; for FRUS the smallest volume with hundreds of footnotes (the 1951 volume, with a thousand, takes minutes to build). */
const BOOKS: { name: string; files: () => string[] }[] = [
  { name: 'FRUS 1964–68 vol. XXIX part 2 (402 footnotes)', files: () => [path.join(corpora, 'frus', 'frus1964-68v29p2.xml')] },
  { name: 'the Schnitzler letters', files: () => xml(path.join(corpora, 'schnitzler-briefe')) },
  { name: 'the PTA critical editions', files: () => xml(path.join(corpora, 'pta-critical-editions')) },
];

const available = hasShared && existsSync(corpora);

describe.skipIf(!available)('EPUBs of the shared corpora (../shared/corpora)', () => {
  if (!available) it.skip('needs ../shared beside the project: skipped', () => {});
  it.skipIf(!hasEpubcheck)(
    'build one book from each corpus, each passing epubcheck with 0 errors and 0 warnings, notes numbered as on the site',
    async () => {
      const built: { name: string; book: string; oebps: string; files: string[] }[] = [];
      // Builds run one after another (each loads SaxonJS's work), the checks in parallel.
      for (const b of BOOKS) {
        const out = temporaryFolder('tei-edition-epub-corpus-');
        const files = b.files();
        const result = await buildSite({ mode: 'paths', documents: files, registers: [], siteDir: path.join(out, 'site'), schematron: [], ruleLevels: {}, strict: false, dateFrom: path.dirname(files[0]!), only: ['epub'] });
        expect(result.failure, b.name).toBeUndefined();
        expect(result.exitCode, b.name).toBe(0);
        built.push({ name: b.name, book: path.join(out, 'epub', 'edition.epub'), oebps: path.join(out, 'epub', 'bundle', 'OEBPS'), files });
      }
      const checks = await Promise.all(built.map((b) => epubcheck(b.book)));
      checks.forEach((r, i) => {
        expect(r.messages, built[i]!.name).toEqual([]);
        expect([r.fatals, r.errors, r.warnings], built[i]!.name).toEqual([0, 0, 0]);
      });
      // The FRUS volume: every footnote is an EPUB footnote, numbered 1… as on the site, each referenced from the text.
      const frus = built[0]!;
      const doc = parseXmlFile(path.join(frus.oebps, 'documents', 'frus1964-68v29p2.xhtml'));
      const asides = [...walk(doc)].filter((n) => n.name === 'aside' && n.attrs['epub:type'] === 'footnote');
      expect(asides.length).toBeGreaterThanOrEqual(400);
      expect(asides.map((a) => a.attrs.id)).toEqual(asides.map((_, i) => `note-${i + 1}`));
      const refs = new Set([...walk(doc)].filter((n) => n.name === 'a' && n.attrs['epub:type'] === 'noteref').map((a) => a.attrs.href));
      expect(asides.filter((a) => !refs.has(`#${a.attrs.id}`)).length).toBeLessThan(asides.length / 10);
    },
    600_000,
  );
});
