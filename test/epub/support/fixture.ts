// Books built from the fixtures of test/epub/fixtures, into temporary folders, in paths mode (as
// `tei-edition build FILES --out DIR` does), with the EPUB options the tests need.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildEdition } from '../../../src/package/build-edition.js';
import type { EpubPlan } from '../../../src/package/epub-output.js';
import { temporaryFolder } from '../../build/support/build.js';

export const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

export interface BuiltBook {
  out: string;
  epub: string;
  oebps: string;
  site: string;
}

export async function buildFixture(documents: string[], registers: string[] = [], epub: EpubPlan = {}, only?: ('site' | 'epub')[]): Promise<BuiltBook> {
  const out = temporaryFolder('tei-edition-epub-fixture-');
  const result = await buildEdition({
    mode: 'paths',
    documents,
    registers,
    siteDir: path.join(out, 'site'),
    schematron: [],
    ruleLevels: {},
    strict: false,
    dateFrom: path.dirname(documents[0]!),
    epub,
    ...(only ? { only } : {}),
  });
  if (result.status !== 'built') throw new Error(`the fixture did not build: ${result.failure ?? JSON.stringify(result.report.diagnostics.filter((d) => d.severity === 'error').slice(0, 5))}`);
  return { out, epub: path.join(out, 'epub', 'edition.epub'), oebps: path.join(out, 'epub', 'bundle', 'OEBPS'), site: path.join(out, 'site') };
}
