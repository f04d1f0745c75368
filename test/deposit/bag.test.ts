// The deposit of a real build: the bundled edition built by the compiled CLI (as `npm run build` does)
// into temporary folders. The bag is checked by verify-bag and, independently, by coreutils' sha256sum
// and sha512sum; it is damaged on copies to see both notice exactly the damaged file. The printed
// edition (Chromium) is part of the payload, so these tests need Chromium.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBagInfo } from '../../src/package/deposit/verify-bag.js';
import { projectRoot } from '../helpers/paths.js';
import { checkers, skipReason } from '../helpers/tools.js';
import { parseXml, type XmlElement } from '../helpers/xml-tree.js';
import { cli, temporary, tree, verifyJson, type Finding } from './support/bags.js';

const SLUG = 'toward-kaesong';
const BAG = `${SLUG}-bag`;
const EPOCH = '1700000000'; // 2023-11-14T22:13:20Z
const needs = skipReason(!checkers.chromium, 'Chromium (/usr/bin/chromium): the deposit carries the printed edition');
const hasCoreutils = spawnSync('sh', ['-c', 'command -v sha256sum && command -v sha512sum'], { stdio: 'ignore' }).status === 0;

const temp = temporary('tei-edition-bag-');
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function build(out: string, extra: string[] = [], cwd = projectRoot): void {
  const run = cli(['build', '--out', out, '--quiet', ...extra], { cwd, env: { SOURCE_DATE_EPOCH: EPOCH } });
  if (run.status !== 0) throw new Error(`the build failed (${run.status}): ${run.stderr}${run.stdout}`);
}

/** A copy of a bag folder to damage. */
let copies = 0;
function copyOf(bag: string): string {
  const copy = path.join(temp, `copy-${++copies}`, BAG);
  cpSync(bag, copy, { recursive: true });
  return copy;
}

/** `tool -c manifest` in the bag: its exit code and the files it says failed. */
function coreutilsCheck(bag: string, tool: string, manifest: string): { status: number; failed: string[] } {
  const r = spawnSync(tool, ['-c', manifest], { cwd: bag, encoding: 'utf8' });
  const failed = r.stdout
    .split('\n')
    .filter((l) => /: FAILED/.test(l))
    .map((l) => l.replace(/: FAILED.*$/, ''));
  return { status: r.status ?? -1, failed };
}

/** The path inside the bag a finding names (the part from the bag's folder on). */
const inBag = (f: Finding): string => f.file.slice(f.file.lastIndexOf(`${BAG}/`) + BAG.length + 1);

function firstText(root: XmlElement, names: string[]): string {
  let current: XmlElement | undefined = root;
  for (const name of names) current = current?.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === name);
  const text = (e: XmlElement): string => e.children.map((c) => (typeof c === 'string' ? c : text(c))).join('');
  return current ? text(current).replace(/\s+/g, ' ').trim() : '';
}

describe.skipIf(needs.skip)(`the deposit of the bundled edition${needs.title}`, () => {
  const one = path.join(temp, 'one', 'dist');
  const two = path.join(temp, 'two', 'dist');
  let bag: string;
  let zip: string;
  beforeAll(() => {
    build(one);
    // The second build asks for the deposit alone: it makes (and writes) every output the deposit carries.
    build(two, ['--only', 'deposit']);
    bag = path.join(one, 'deposit', BAG);
    zip = path.join(one, 'deposit', `${BAG}.zip`);
  }, 600_000);

  it('writes the bag folder and its zip into deposit/, and verify-bag accepts both', () => {
    const deposit = readdirSync(path.join(one, 'deposit'));
    expect(deposit).toContain(BAG);
    expect(deposit).toContain(`${BAG}.zip`);
    for (const target of [bag, zip]) {
      const run = verifyJson(target);
      expect(run.findings, target).toEqual([]);
      expect(run.status).toBe(0);
    }
    const human = cli(['verify-bag', bag]);
    expect(human.status).toBe(0);
    expect(human.stdout).toMatch(/a valid BagIt 1\.0 bag, \d+ payload files \([\d.]+ [kM]B\), checked with sha256 and sha512/);
    expect(readdirSync(bag).sort()).toEqual(
      expect.arrayContaining(['bag-info.txt', 'bagit.txt', 'data', 'manifest-sha256.txt', 'manifest-sha512.txt', 'tagmanifest-sha256.txt', 'tagmanifest-sha512.txt']),
    );
    expect(readFileSync(path.join(bag, 'bagit.txt'), 'utf8')).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
  });

  it('zips the bag as one top folder named like it, entries sorted and dated with the build instant', () => {
    const bytes = readFileSync(zip);
    const entries = centralDirectory(bytes);
    expect(entries.map((e) => e.name)).toEqual([...entries.map((e) => e.name)].sort());
    for (const e of entries) {
      expect(e.name.startsWith(`${BAG}/`), e.name).toBe(true);
      expect(e.method, e.name).toBe(8);
      // 2023-11-14 22:13:20 in MS-DOS date and time fields.
      expect(e.date, e.name).toBe(((2023 - 1980) << 9) | (11 << 5) | 14);
      expect(e.time, e.name).toBe((22 << 11) | (13 << 5) | (20 >> 1));
    }
    const unzipped = unzipSync(bytes);
    const folder = tree(bag);
    expect(Object.keys(unzipped).sort()).toEqual([...folder.keys()].map((p) => `${BAG}/${p}`).sort());
    for (const [p, content] of folder) expect(Buffer.from(unzipped[`${BAG}/${p}`]!).equals(content), p).toBe(true);
  });

  it('carries the TEI sources, the schema with its ODD, the site, the apparatus, the EPUB and the PDF as the build wrote them', () => {
    const expected = new Map<string, Buffer>();
    for (const [p, b] of tree(path.join(projectRoot, 'tei'))) expected.set(`tei/${p}`, b);
    expected.set('schema/tei-edition.rng', readFileSync(path.join(projectRoot, 'schema', 'tei-edition.rng')));
    for (const [p, b] of tree(path.join(projectRoot, 'schema', 'source'))) expected.set(`schema/source/${p}`, b);
    for (const output of ['site', 'apparatus']) for (const [p, b] of tree(path.join(one, output))) expected.set(`${output}/${p}`, b);
    expected.set(`epub/${SLUG}.epub`, readFileSync(path.join(one, 'epub', `${SLUG}.epub`)));
    expected.set(`print/${SLUG}.pdf`, readFileSync(path.join(one, 'print', `${SLUG}.pdf`)));
    const payload = tree(path.join(bag, 'data'));
    expect([...payload.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [p, b] of expected) expect(payload.get(p)!.equals(b), p).toBe(true);
    expect(payload.get(`print/${SLUG}.pdf`)!.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('states in bag-info.txt the real Payload-Oxum, the build’s date, and what the header and the config say', () => {
    const text = readFileSync(path.join(bag, 'bag-info.txt'), 'utf8');
    const info = parseBagInfo(text);
    const payload = tree(path.join(bag, 'data'));
    const octets = [...payload.values()].reduce((sum, b) => sum + b.length, 0);
    expect(info.get('Payload-Oxum')).toEqual([`${octets}.${payload.size}`]);
    expect(info.get('Bagging-Date')).toEqual(['2023-11-14']);
    const header = parseXml(readFileSync(path.join(projectRoot, 'tei', 'edition.xml'), 'utf8'));
    const publisher = firstText(header, ['teiHeader', 'fileDesc', 'publicationStmt', 'publisher']);
    expect(publisher).not.toBe('');
    expect(info.get('Source-Organization')).toEqual([publisher]);
    const config = JSON.parse(readFileSync(path.join(projectRoot, 'edition.config.json'), 'utf8')) as { identifier: string };
    expect(info.get('External-Identifier')).toEqual([config.identifier]);
    const title = firstText(header, ['teiHeader', 'fileDesc', 'titleStmt', 'title']);
    expect(info.get('External-Description')?.[0]?.startsWith(title)).toBe(true);
    // Bag-Size: the payload in decimal units, rounded to one decimal.
    const [, amount, unit] = /^([\d.]+) (B|kB|MB|GB)$/.exec(info.get('Bag-Size')?.[0] ?? '') ?? [];
    const scale = { B: 1, kB: 1e3, MB: 1e6, GB: 1e9 }[unit as 'B'];
    expect(Math.abs(Number(amount) * scale - octets)).toBeLessThanOrEqual(0.05 * scale);
    // Lines of at most 79 characters (RFC 8493 §2.2.2), LF only.
    expect(text.includes('\r')).toBe(false);
    for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(79);
  });

  it('puts every metadata record beside the bag into it too, under metadata/, covered by the tag manifests', () => {
    const records = readdirSync(path.join(one, 'deposit')).filter((n) => n !== BAG && n !== `${BAG}.zip`);
    const tagged = readFileSync(path.join(bag, 'tagmanifest-sha256.txt'), 'utf8');
    for (const name of records) {
      expect(readFileSync(path.join(bag, 'metadata', name)).equals(readFileSync(path.join(one, 'deposit', name))), name).toBe(true);
      expect(tagged).toContain(`  metadata/${name}\n`);
    }
    const inBagRecords = readdirSync(bag).includes('metadata') ? readdirSync(path.join(bag, 'metadata')) : [];
    expect(inBagRecords.sort()).toEqual(records.sort());
  });

  it.skipIf(!hasCoreutils)('passes sha256sum -c and sha512sum -c on every manifest and tag manifest (skipped without coreutils)', () => {
    for (const [tool, manifest] of [['sha256sum', 'manifest-sha256.txt'], ['sha512sum', 'manifest-sha512.txt'], ['sha256sum', 'tagmanifest-sha256.txt'], ['sha512sum', 'tagmanifest-sha512.txt']] as const) {
      expect(coreutilsCheck(bag, tool, manifest), `${tool} -c ${manifest}`).toEqual({ status: 0, failed: [] });
    }
  });

  describe('damaged on a copy', () => {
    it('reports exactly the file whose byte was changed; so do sha256sum and sha512sum', () => {
      const copy = copyOf(bag);
      const damaged = 'data/tei/documents/1951-06-30-filippov-to-mao.xml';
      const file = path.join(copy, damaged);
      const bytes = readFileSync(file);
      bytes[bytes.length >> 1] ^= 0x01;
      writeFileSync(file, bytes);
      const run = verifyJson(copy);
      expect(run.status).toBe(1);
      expect(run.findings.map((f) => [inBag(f), f.ruleId])).toEqual([[damaged, 'bag/checksum-mismatch']]);
      expect(run.findings[0]!.message).toMatch(/manifest-sha256\.txt and manifest-sha512\.txt/);
      if (hasCoreutils) {
        expect(coreutilsCheck(copy, 'sha256sum', 'manifest-sha256.txt')).toMatchObject({ status: 1, failed: [damaged] });
        expect(coreutilsCheck(copy, 'sha512sum', 'manifest-sha512.txt')).toMatchObject({ status: 1, failed: [damaged] });
        expect(coreutilsCheck(copy, 'sha256sum', 'tagmanifest-sha256.txt').status).toBe(0);
      }
    });

    it('reports exactly the file that was removed (and the Payload-Oxum it no longer matches); so do sha256sum and sha512sum', () => {
      const copy = copyOf(bag);
      const removed = 'data/site/assets/search.js';
      rmSync(path.join(copy, removed));
      const run = verifyJson(copy);
      expect(run.status).toBe(1);
      expect(run.findings.map((f) => [inBag(f), f.ruleId]).sort()).toEqual([
        ['bag-info.txt', 'bag/oxum-mismatch'],
        [removed, 'bag/missing-file'],
      ]);
      if (hasCoreutils) {
        expect(coreutilsCheck(copy, 'sha256sum', 'manifest-sha256.txt')).toMatchObject({ status: 1, failed: [removed] });
        expect(coreutilsCheck(copy, 'sha512sum', 'manifest-sha512.txt')).toMatchObject({ status: 1, failed: [removed] });
      }
    });

    it('reports exactly the file that was added under data/; sha256sum -c cannot see it, reading only what the manifest lists', () => {
      const copy = copyOf(bag);
      const added = 'data/site/documents/added.html';
      writeFileSync(path.join(copy, added), '<!doctype html><title>added</title>\n');
      const run = verifyJson(copy);
      expect(run.status).toBe(1);
      expect(run.findings.map((f) => [inBag(f), f.ruleId]).sort()).toEqual([
        ['bag-info.txt', 'bag/oxum-mismatch'],
        [added, 'bag/extra-file'],
      ]);
      if (hasCoreutils) expect(coreutilsCheck(copy, 'sha256sum', 'manifest-sha256.txt')).toEqual({ status: 0, failed: [] });
    });

    it('reports a changed tag file through the tag manifests; so does sha256sum -c tagmanifest-sha256.txt', () => {
      const copy = copyOf(bag);
      appendFileSync(path.join(copy, 'bag-info.txt'), 'Contact-Name: someone\n');
      const run = verifyJson(copy);
      expect(run.status).toBe(1);
      expect(run.findings.map((f) => [inBag(f), f.ruleId])).toEqual([['bag-info.txt', 'bag/checksum-mismatch']]);
      if (hasCoreutils) expect(coreutilsCheck(copy, 'sha256sum', 'tagmanifest-sha256.txt')).toMatchObject({ status: 1, failed: ['bag-info.txt'] });
    });

    it('reports exactly the changed file inside a zipped bag', () => {
      const entries = unzipSync(readFileSync(zip));
      const damaged = 'data/apparatus/apparatus.json';
      const bytes = entries[`${BAG}/${damaged}`]!;
      bytes[0] ^= 0x01;
      const copy = path.join(temp, `copy-${++copies}`, `${BAG}.zip`);
      mkdirSync(path.dirname(copy), { recursive: true });
      writeFileSync(copy, zipSync(entries));
      const run = verifyJson(copy);
      expect(run.status).toBe(1);
      expect(run.findings.map((f) => [inBag(f), f.ruleId])).toEqual([[damaged, 'bag/checksum-mismatch']]);
      expect(run.findings[0]!.file).toBe(`${path.relative(projectRoot, copy)}/${BAG}/${damaged}`);
    });
  });

  it('gives byte-identical bags and zips in two builds with the same SOURCE_DATE_EPOCH, also when the deposit alone is asked for', () => {
    const first = tree(path.join(one, 'deposit'));
    const second = tree(path.join(two, 'deposit'));
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [p, b] of first) expect(second.get(p)!.equals(b), p).toBe(true);
    // --only deposit made every output it carries, and wrote them.
    expect(readdirSync(two).sort()).toEqual(['apparatus', 'deposit', 'epub', 'print', 'site']);
  });
});

describe.skipIf(needs.skip)(`the deposit of a folder build${needs.title}`, () => {
  it('keeps the sources’ own names (a space included), and says which header fields bag-info.txt lacks', () => {
    const sources = path.join(temp, 'letters');
    mkdirSync(sources);
    const fixtures = path.join(projectRoot, 'test', 'build', 'fixtures', 'letters');
    cpSync(path.join(fixtures, 'letter-1.xml'), path.join(sources, 'letter 1.xml'));
    cpSync(path.join(fixtures, 'letter-2.xml'), path.join(sources, 'letter-2.xml'));
    const out = path.join(temp, 'letters-out');
    const run = cli(['build', sources, '--out', out, '--format', 'json'], { env: { SOURCE_DATE_EPOCH: EPOCH } });
    expect(run.status, run.stderr).toBe(0);
    const findings = (JSON.parse(run.stdout) as { files: { diagnostics: Finding[] }[] }).files.flatMap((f) => f.diagnostics).filter((d) => d.ruleId === 'deposit/bag-info');
    expect(findings.map((f) => f.severity)).toEqual(['warning', 'warning']);
    expect(findings.some((f) => f.message.includes('publicationStmt/publisher'))).toBe(true);
    expect(findings.some((f) => /"identifier".*publicationStmt\/idno/.test(f.message))).toBe(true);
    const bag = path.join(out, 'deposit', 'edition-bag');
    const info = parseBagInfo(readFileSync(path.join(bag, 'bag-info.txt'), 'utf8'));
    // Left out, never invented.
    expect(info.has('Source-Organization')).toBe(false);
    expect(info.has('External-Identifier')).toBe(false);
    expect(readFileSync(path.join(bag, 'data', 'tei', 'letter 1.xml')).equals(readFileSync(path.join(fixtures, 'letter-1.xml')))).toBe(true);
    const verified = verifyJson(bag);
    expect(verified.findings).toEqual([]);
    expect(verified.status).toBe(0);
    if (hasCoreutils) expect(coreutilsCheck(bag, 'sha256sum', 'manifest-sha256.txt')).toEqual({ status: 0, failed: [] });
  });
});

/** The zip's central directory: each entry's name, method and MS-DOS date and time, in the order stored. */
function centralDirectory(zip: Buffer): { name: string; method: number; date: number; time: number }[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: { name: string; method: number; date: number; time: number }[] = [];
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const nameLength = zip.readUInt16LE(at + 28);
    entries.push({
      method: zip.readUInt16LE(at + 10),
      time: zip.readUInt16LE(at + 12),
      date: zip.readUInt16LE(at + 14),
      name: zip.subarray(at + 46, at + 46 + nameLength).toString('utf8'),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}
