// Real TEI against the official tei_all: every file of every shared corpus and of the bundled
// edition gets, file by file, the same verdict and the same diagnostics (message, line, column)
// from the schema cut down to the elements in use as from the full schema; cut for all files
// together, for each corpus, and for each file alone, so that the set of names differs from run
// to run. The bundled edition is compared against the project's own schema as well.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectElementNames, nameKey, reduceSchema, RNG_NS } from '../../src/check/rng/reduce-schema.js';
import { collectSchemaFiles } from '../../src/check/rng/schema-files.js';
import { validateRelaxNg } from '../../src/check/rng/validate-rng.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { loadXmlFile, type SourceFile } from '../../src/read/load.js';
import type { XmlElement } from '../../src/read/tree.js';
import { ROOT, SHARED } from './cli.js';

const corpora = path.join(SHARED, 'corpora');
const teiAll = path.join(SHARED, 'schemas/tei_all.rng');
const haveShared = existsSync(corpora) && existsSync(teiAll);
if (!haveShared) console.warn('Skipping the reduced-schema comparison on real TEI: ../shared/corpora or ../shared/schemas/tei_all.rng is missing.');

function xmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...xmlFiles(p));
    else if (e.name.endsWith('.xml')) out.push(p);
  }
  return out.sort();
}

/** The `<element>` patterns of a schema file. */
function elementPatterns(root: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const e = stack.pop()!;
    for (const c of e.children) if (c.kind === 'element') stack.push(c);
    if (e.namespace === RNG_NS && e.localName === 'element') out.push(e);
  }
  return out;
}

function write(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

function load(files: string[]): SourceFile[] {
  return files.map((f) => {
    const l = loadXmlFile(path.relative(process.cwd(), f));
    if (!l.ok) throw new Error(`${f}: ${l.diagnostic.message}`);
    return l.source;
  });
}

/** Diagnostics by file, in the order the layer gives them. */
function byFile(sources: readonly SourceFile[], diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const map = new Map(sources.map((s) => [s.path, [] as Diagnostic[]]));
  for (const d of diagnostics) map.get(d.file)?.push(d);
  return map;
}

const run = (sources: SourceFile[], schema: string, reduce: boolean): Promise<Diagnostic[]> =>
  validateRelaxNg(sources, schema, { schemaDisplay: path.basename(schema), cache: false, reduce, workers: 1 });

/** Validates `groups` (each a run of its own) with the reduced schema and compares each file with the full schema's answer. */
async function compare(label: string, groups: SourceFile[][], full: Map<string, Diagnostic[]>, schema: string): Promise<void> {
  for (const group of groups) {
    const reduced = byFile(group, await run(group, schema, true));
    for (const s of group) expect(reduced.get(s.path), `${label}: ${s.path}`).toEqual(full.get(s.path));
  }
}

describe.skipIf(!haveShared)('reduced schemas on real TEI (needs ../shared)', () => {
  const corpusDirs = haveShared ? readdirSync(corpora, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => path.join(corpora, d.name)) : [];
  const groups = corpusDirs.map((d) => load(xmlFiles(d))).filter((g) => g.length > 0);
  const bundled = load(xmlFiles(path.join(ROOT, 'tei')));
  groups.push(bundled);
  const all = groups.flat();

  it('tei_all: the same verdict and diagnostics per file, whatever the set of names', { timeout: 900_000 }, async () => {
    expect(groups.length).toBeGreaterThanOrEqual(5);
    const full = byFile(all, await run(all, teiAll, false));
    // Not the same nothing: valid and invalid files, and a spread of messages.
    const invalid = [...full.values()].filter((ds) => ds.some((d) => d.ruleId === 'rng/invalid')).length;
    expect(invalid).toBeGreaterThan(3);
    expect(all.length - invalid).toBeGreaterThan(3);
    expect(new Set([...full.values()].flat().map((d) => d.message.replace(/\b(element|got|content:) \S+/g, '$1 X'))).size).toBeGreaterThan(5);
    // And the schema was cut: most element patterns are gone or stubs, and many content models pruned.
    const schemaFiles = collectSchemaFiles(teiAll);
    if (!schemaFiles.ok) throw new Error(schemaFiles.message);
    const used = new Set<string>();
    for (const s of all) collectElementNames(s.document.root, used);
    const cut = reduceSchema(schemaFiles.files, used);
    expect(cut.kept).toBeLessThan(elementPatterns(schemaFiles.main.root).length / 2);
    expect(cut.compiled).toBeGreaterThan(50);

    await compare('all files in one run', [all], full, teiAll);
    await compare('one run per corpus', groups, full, teiAll);
    await compare('one run per file', all.map((s) => [s]), full, teiAll);
  });

  it('tei_all cut for sets of names no corpus has: libxml2 loads each one, and a document in the set is judged as before', { timeout: 600_000 }, async () => {
    const schemaFiles = collectSchemaFiles(teiAll);
    if (!schemaFiles.ok) throw new Error(schemaFiles.message);
    const tei = 'http://www.tei-c.org/ns/1.0';
    const sample = [...new Set(elementPatterns(schemaFiles.main.root).flatMap((e) => e.attributes.filter((a) => a.name === 'name' && !a.value.includes(':')).map((a) => a.value)))].sort();
    const doc = (extra: string) =>
      `<TEI xmlns="${tei}"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader><text><body><p>${extra}</p></body></text></TEI>`;
    const temp = mkdtempSync(path.join(tmpdir(), 'rng-reduce-sets-'));
    try {
      const docs = [write(temp, 'valid.xml', doc('a <hi>b</hi>')), write(temp, 'invalid.xml', doc('<div/><hi><p/></hi>'))];
      const sources = load(docs);
      const full = byFile(sources, await run(sources, teiAll, false));
      expect(full.get(sources[0]!.path)).toEqual([]);
      expect(full.get(sources[1]!.path)!.length).toBeGreaterThan(0);
      // A fixed pseudo-random series, so that a failure can be run again.
      let seed = 20240611;
      const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
      for (const size of [5, 20, 60, 120, 250, 400]) {
        const used = new Set<string>();
        for (const s of sources) collectElementNames(s.document.root, used);
        while (used.size < size + 10) used.add(nameKey(tei, sample[Math.floor(random() * sample.length)]!));
        const cut = write(temp, `cut-${size}.rng`, reduceSchema(schemaFiles.files, used).files[0]!.text);
        expect(byFile(sources, await run(sources, cut, false)), `a set of ${used.size} names`).toEqual(full);
      }
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  });

  it('the project schema: the bundled edition the same, file by file', { timeout: 300_000 }, async () => {
    const schema = path.join(ROOT, 'schema/tei-edition.rng');
    const full = byFile(bundled, await run(bundled, schema, false));
    await compare('the bundled edition', [bundled], full, schema);
    await compare('one run per file', bundled.map((s) => [s]), full, schema);
  });
});
