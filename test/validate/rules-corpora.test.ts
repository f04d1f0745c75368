// The editorial rules on real TEI written by others (../shared/corpora): every finding was read by
// hand and judged right, and the counts below are those findings, per corpus, file and rule. A rule
// that starts firing on correct TEI changes a count and fails here; so does one that stops
// reporting a real problem. Constructs that are correct and once drew false alarms are pinned too.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnosticsOf, SHARED, validateInProcess, type JsonDiagnostic } from './cli.js';

const corpora = path.join(SHARED, 'corpora');
const haveCorpora = existsSync(corpora);
if (!haveCorpora) console.warn(`Skipping the editorial rules on real TEI: ${corpora} is missing (the shared corpora are not checked out beside this repository).`);

/**
 * Findings per file and rule, every one checked by hand:
 * - frus: names in the text with no @ref, @corresp or @key. The 1894 and 1951 volumes link no
 *   name at all (no register in the file); the 1964–68 volume links most by @corresp to its
 *   persons list, and these are the ones it missed (`<persName>Johnson</persName>`, `Rostow`).
 * - pta: files of the edition that this copy does not hold (pta028's manuscripts, CPL368-Edition.xml),
 *   a witness's bibliography pointer with no target (#Dyovouniotis1914); a name without @key in
 *   a file that keys all others (Ἀδάμ), and the name in a witness's title (with the place in it).
 * - schnitzler: two event mentions whose register entries are missing from the file.
 * - tei-publisher: catRef targets into a taxonomy the files do not contain; facsimiles named
 *   with undeclared private prefixes (iiif:, FFimg:), which no prefixDef resolves.
 */
const EXPECTED: Record<string, Record<string, Record<string, number>>> = {
  frus: {
    'frus1894Nicaragua.xml': { 'tei/name-unlinked': 687 },
    'frus1951v07p2.xml': { 'tei/name-unlinked': 580 },
    'frus1964-68v29p2.xml': { 'tei/name-unlinked': 470 },
  },
  'pta-critical-editions': {
    'pta0001.pta024.pta-grc1.xml': { 'tei/name-unlinked': 3 },
    'pta0001.pta028.pta-grcBibex.xml': { 'tei/ref-unresolved': 11 },
    'pta0001.pta036.pta-grc1.xml': { 'tei/ref-unresolved': 1 },
  },
  'schnitzler-briefe': {
    'L01981.xml': { 'tei/ref-unresolved': 2 },
  },
  'tei-publisher-demo': {
    'F-rom.xml': { 'tei/ref-unresolved': 8, 'tei/unsafe-url': 25 },
    'osinski.xml': { 'tei/ref-unresolved': 5, 'tei/unsafe-url': 18 },
  },
};

/** Hand-checked findings that must be reported: [corpus, file, line, rule, part of the message]. */
const MUST_REPORT: [string, string, number, string, string][] = [
  ['frus', 'frus1964-68v29p2.xml', 4211, 'tei/name-unlinked', '<persName>'],
  ['frus', 'frus1894Nicaragua.xml', 3430, 'tei/name-unlinked', '<persName>'],
  ['pta-critical-editions', 'pta0001.pta024.pta-grc1.xml', 307, 'tei/name-unlinked', '<persName>'],
  ['pta-critical-editions', 'pta0001.pta036.pta-grc1.xml', 94, 'tei/ref-unresolved', '#Dyovouniotis1914'],
  ['pta-critical-editions', 'pta0001.pta028.pta-grcBibex.xml', 122, 'tei/ref-unresolved', 'CPL368-Edition.xml'],
  ['schnitzler-briefe', 'L01981.xml', 218, 'tei/ref-unresolved', '#pmb184058'],
  ['tei-publisher-demo', 'F-rom.xml', 301, 'tei/ref-unresolved', '#drama'],
  ['tei-publisher-demo', 'osinski.xml', 59, 'tei/unsafe-url', 'iiif:kamlot.jpg'],
];

/** Correct constructs on these lines that must draw no finding of rules starting so: [corpus, file, line, rules, what]. */
const MUST_NOT_REPORT: [string, string, number, string, string][] = [
  ['frus', 'frus1964-68v29p2.xml', 1318, 'tei/', 'an entry of the persons list (div xml:id="persons"), a name with its own xml:id'],
  ['frus', 'frus1964-68v29p2.xml', 5484, 'tei/', 'names linked by @corresp'],
  // The line also holds an unlinked <placeName>Washington</placeName>, rightly reported.
  ['frus', 'frus1964-68v29p2.xml', 1977, 'tei/date-', 'a time range (from="09:45:00" to="10:15:00Z")'],
  ['pta-critical-editions', 'pta0001.pta024.pta-grc1.xml', 290, 'tei/', 'names linked by @key'],
  ['pta-critical-editions', 'pta0001.pta036.pta-grc1.xml', 53, 'tei/', 'a page range in biblScope'],
  ['tei-publisher-demo', '27003.xml', 84, 'tei/', 'places linked by @key'],
  ['tei-publisher-demo', '27004.xml', 83, 'tei/', 'names linked by @key'],
];

const found = new Map<string, JsonDiagnostic[]>();

describe.skipIf(!haveCorpora)('the editorial rules on ../shared/corpora', () => {
  beforeAll(async () => {
    for (const corpus of Object.keys(EXPECTED)) {
      // Each corpus is checked as a whole, so pointers between its files resolve.
      const run = await validateInProcess(['--format', 'json', path.relative(process.cwd(), path.join(corpora, corpus))]);
      found.set(corpus, diagnosticsOf(run));
    }
  }, 120_000);

  for (const [corpus, expected] of Object.entries(EXPECTED)) {
    it(`report exactly the hand-checked findings in ${corpus}`, () => {
      const counts: Record<string, Record<string, number>> = {};
      for (const d of found.get(corpus)!) {
        const file = (counts[path.basename(d.file)] ??= {});
        file[d.ruleId] = (file[d.ruleId] ?? 0) + 1;
      }
      expect(counts).toEqual(expected);
    });
  }

  it.each(MUST_REPORT)('report %s/%s:%i (%s)', (corpus, file, line, rule, text) => {
    const hits = found.get(corpus)!.filter((d) => path.basename(d.file) === file && d.line === line && d.ruleId === rule);
    expect(hits.map((d) => d.message).join('\n')).toContain(text);
  });

  it.each(MUST_NOT_REPORT)('report nothing at %s/%s:%i from %s (%s)', (corpus, file, line, rules) => {
    expect(found.get(corpus)!.filter((d) => path.basename(d.file) === file && d.line === line && d.ruleId.startsWith(rules))).toEqual([]);
  });
});

// The PTA copy holds no page range in attributes; a copy of one of its files with the ranges it
// writes as text moved into @from/@to (as other PTA files and most bibliographies do) must draw
// no date finding, while a real date on a <date> nearby is still checked.
describe.skipIf(!haveCorpora)('page and folio ranges in a PTA file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rules-corpora-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const original = path.join(corpora, 'pta-critical-editions', 'pta0001.pta036.pta-grc1.xml');

  it('are not dates: @from/@to on biblScope and locus are left alone', async () => {
    const lines = readFileSync(original, 'utf8').split('\n');
    const edit = (line: number, from: string, to: string): void => {
      expect(lines[line - 1]).toContain(from);
      lines[line - 1] = lines[line - 1]!.replace(from, to);
    };
    edit(53, '<biblScope unit="page">', '<biblScope unit="page" from="89" to="102">');
    edit(72, '<biblScope unit="page">', '<biblScope unit="page" from="58" to="149">');
    edit(86, '<locus>', '<locus from="51v" to="58v">');
    edit(92, '<locus>', '<locus from="253v" to="257r">');
    edit(73, '<date>1914</date>', '<date when="1914-02-30">1914</date>');
    const copy = path.join(dir, 'pta0001.pta036.pta-grc1.xml');
    writeFileSync(copy, lines.join('\n'));
    const diagnostics = diagnosticsOf(await validateInProcess(['--format', 'json', copy]));
    expect(diagnostics.filter((d) => d.ruleId.startsWith('tei/date-')).map((d) => [d.line, d.ruleId])).toEqual([[73, 'tei/date-invalid']]);
    expect(diagnostics.filter((d) => [53, 72, 86, 92].includes(d.line ?? 0))).toEqual([]);
  });
});
