// `tei-edition verify-bag` on small bags the bag writer makes here, and on hostile ones: zips whose entries
// lead outside, manifests that name files outside the bag. The bags of a real build are checked in
// bag.test.ts. Runs the compiled CLI (lib/), as a user would.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { bagInfoText, decodeManifestPath, encodeManifestPath, foldField, humanSize, writeBag } from '../../src/package/deposit/bagit.js';
import { digest } from '../../src/package/deposit/checksums.js';
import { payloadFiles } from '../../src/package/deposit/payload.js';
import { parseBagInfo, unsafePathReason } from '../../src/package/deposit/verify-bag.js';
import { zipSorted } from '../../src/package/zip.js';
import { cli, smallBag, temporary, verifyJson, writeTree } from './support/bags.js';

const temp = temporary('tei-edition-verify-bag-');
afterAll(() => rmSync(temp, { recursive: true, force: true }));
let count = 0;
/** A fresh folder for one case. */
const folder = (name: string): string => {
  const dir = path.join(temp, `${++count}-${name}`);
  mkdirSync(dir, { recursive: true });
  return dir;
};
const bagFolder = (name: string, files = smallBag()): string => {
  const dir = path.join(folder(name), 'bag');
  writeTree(dir, files);
  return dir;
};
const hasSha256sum = spawnSync('sh', ['-c', 'command -v sha256sum'], { stdio: 'ignore' }).status === 0;
const encoder = new TextEncoder();

describe('the bag writer', () => {
  it('percent-encodes %, CR and LF in manifest paths, and decodes them back', () => {
    const name = 'data/50% off\r\nnow.txt';
    expect(encodeManifestPath(name)).toBe('data/50%25 off%0D%0Anow.txt');
    expect(decodeManifestPath(encodeManifestPath(name))).toBe(name);
    // Only the three escapes are decoded: %41 stays as written.
    expect(decodeManifestPath('data/%41%25')).toBe('data/%41%');
  });

  it('folds long bag-info values at spaces into lines of at most 79 characters, and reads them back', () => {
    const value = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    const folded = foldField({ name: 'External-Description', value });
    const lines = folded.split('\n').slice(0, -1);
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(79);
    for (const l of lines.slice(1)) expect(l).toMatch(/^ \S/);
    expect(parseBagInfo(folded).get('External-Description')).toEqual([value]);
    // A word longer than a line is kept whole, never cut.
    const url = `https://example.org/${'x'.repeat(100)}`;
    const long = foldField({ name: 'External-Identifier', value: `${url} and more` });
    expect(long.split('\n')[0]).toBe(`External-Identifier: ${url}`);
    expect(parseBagInfo(long).get('External-Identifier')).toEqual([`${url} and more`]);
    // Line breaks inside a value never make a line of their own.
    expect(bagInfoText([{ name: 'A', value: 'one\ntwo' }])).toBe('A: one two\n');
  });

  it('states sizes in decimal units', () => {
    expect(humanSize(0)).toBe('0 B');
    expect(humanSize(999)).toBe('999 B');
    expect(humanSize(1000)).toBe('1.0 kB');
    expect(humanSize(1_245_730)).toBe('1.2 MB');
    expect(humanSize(999_960)).toBe('1.0 MB');
    expect(humanSize(3_500_000_000)).toBe('3.5 GB');
  });

  it('lists every payload file in each payload manifest and every tag file but the tag manifests in each tag manifest', () => {
    const files = smallBag();
    const byPath = new Map(files.map((f) => [f.path, new TextDecoder().decode(f.bytes)]));
    expect(files.map((f) => f.path)).toEqual([...files.map((f) => f.path)].sort());
    const listed = (manifest: string): string[] => byPath.get(manifest)!.trimEnd().split('\n').map((l) => l.split('  ')[1]!);
    const payload = files.map((f) => f.path).filter((p) => p.startsWith('data/'));
    const tags = files.map((f) => f.path).filter((p) => !p.startsWith('data/') && !p.startsWith('tagmanifest-'));
    for (const algorithm of ['sha256', 'sha512'] as const) {
      expect(listed(`manifest-${algorithm}.txt`)).toEqual(payload);
      expect(listed(`tagmanifest-${algorithm}.txt`)).toEqual(tags);
      for (const line of byPath.get(`tagmanifest-${algorithm}.txt`)!.trimEnd().split('\n')) {
        const [checksum, p] = line.split('  ');
        expect(checksum).toBe(digest(algorithm, files.find((f) => f.path === p)!.bytes));
      }
    }
    expect(tags).toContain('metadata/record.json');
    expect(byPath.get('bagit.txt')).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    for (const text of byPath.values()) expect(text.includes('\r')).toBe(false);
  });

  it('refuses a payload outside data/ and a tag file that would replace one of BagIt’s own', () => {
    const payload = payloadFiles([{ path: 'site/index.html', bytes: new Uint8Array([1]), group: 'site' }]);
    expect(() => writeBag({ payload, info: [] })).toThrow(/data\//);
    expect(() => writeBag({ payload: [], info: [], tagFiles: [{ path: 'manifest-md5.txt', bytes: new Uint8Array() }] })).toThrow(/tag file/);
  });
});

describe('paths that could lead outside a bag', () => {
  it.each([
    ['../evil', /\.\./],
    ['bag/../../evil', /\.\./],
    ['/tmp/evil', /absolute/],
    ['C:/evil', /drive/],
    ['bag\\..\\evil', /backslash/],
    ['bag//evil', /plain/],
    ['bag/./evil', /plain/],
    ['bag/evil\u0000.txt', /NUL/],
  ])('refuses %j', (p, reason) => {
    expect(unsafePathReason(p)).toMatch(reason);
  });

  it.each(['data/site/index.html', 'bag/data/a b.xml', 'data/..hidden', 'data/50%.txt', 'data/two\nlines.txt', 'bag/'])('accepts %j', (p) => {
    expect(unsafePathReason(p)).toBeUndefined();
  });
});

describe('tei-edition verify-bag', () => {
  it('accepts a bag folder and the same bag zipped in one top folder, and exits 0', () => {
    const dir = bagFolder('valid');
    const folderRun = cli(['verify-bag', dir]);
    expect(folderRun.status, folderRun.stdout + folderRun.stderr).toBe(0);
    expect(folderRun.stdout).toMatch(/a valid BagIt 1\.0 bag, 3 payload files .*sha256 and sha512/);
    const zip = path.join(path.dirname(dir), 'bag.zip');
    writeFileSync(zip, zipSorted(new Map(smallBag().map((f) => [`small-bag/${f.path}`, f.bytes])), '2024-01-02T00:00:00Z'));
    const zipRun = verifyJson(zip);
    expect(zipRun.status).toBe(0);
    expect(zipRun.findings).toEqual([]);
  });

  it.skipIf(!hasSha256sum)('writes manifests that sha256sum -c and sha512sum -c accept (skipped without coreutils)', () => {
    const dir = bagFolder('coreutils');
    for (const [tool, manifest] of [['sha256sum', 'manifest-sha256.txt'], ['sha512sum', 'manifest-sha512.txt'], ['sha256sum', 'tagmanifest-sha256.txt'], ['sha512sum', 'tagmanifest-sha512.txt']]) {
      const r = spawnSync(tool!, ['-c', manifest!], { cwd: dir, encoding: 'utf8' });
      expect(r.status, `${tool} -c ${manifest}: ${r.stdout}${r.stderr}`).toBe(0);
    }
  });

  it('keeps names with a percent sign and a line break one manifest line each, and verifies them', () => {
    const odd = 'data/tei/50% of\nletters.xml';
    const files = smallBag([{ path: odd, bytes: encoder.encode('<TEI/>'), group: 'tei' }]);
    const manifest = new TextDecoder().decode(files.find((f) => f.path === 'manifest-sha256.txt')!.bytes);
    expect(manifest).toContain('  data/tei/50%25 of%0Aletters.xml\n');
    const dir = bagFolder('odd-names', files);
    expect(existsSync(path.join(dir, 'data', 'tei', '50% of\nletters.xml'))).toBe(true);
    const run = verifyJson(dir);
    expect(run.findings).toEqual([]);
    expect(run.status).toBe(0);
  });

  it('says a folder without bagit.txt is not a bag (exit 1)', () => {
    const dir = bagFolder('no-bagit');
    rmSync(path.join(dir, 'bagit.txt'));
    const run = verifyJson(dir);
    expect(run.status).toBe(1);
    expect(run.findings.map((f) => [path.basename(f.file), f.ruleId])).toEqual([['bagit.txt', 'bag/not-a-bag']]);
  });

  it('reports a bag without a payload manifest, and a manifest line that is not "checksum path"', () => {
    const dir = bagFolder('manifests');
    rmSync(path.join(dir, 'manifest-sha256.txt'));
    rmSync(path.join(dir, 'manifest-sha512.txt'));
    rmSync(path.join(dir, 'tagmanifest-sha256.txt'));
    rmSync(path.join(dir, 'tagmanifest-sha512.txt'));
    const none = verifyJson(dir);
    expect(none.status).toBe(1);
    expect(none.findings.map((f) => f.ruleId)).toEqual(['bag/missing-manifest']);

    const broken = bagFolder('syntax');
    appendFileSync(path.join(broken, 'manifest-sha256.txt'), 'abc123  data/site/index.html\nno checksum here\n');
    const run = verifyJson(broken);
    expect(run.status).toBe(1);
    // The tag manifests' checksum of manifest-sha256.txt no longer holds either.
    expect(run.findings.map((f) => [path.basename(f.file), f.ruleId]).sort()).toEqual([
      ['manifest-sha256.txt', 'bag/checksum-mismatch'],
      ['manifest-sha256.txt', 'bag/manifest-syntax'],
      ['manifest-sha256.txt', 'bag/manifest-syntax'],
    ]);
  });

  it('warns about a manifest of an algorithm it cannot compute, and still checks the others (exit 0)', () => {
    const dir = bagFolder('algorithm');
    writeFileSync(path.join(dir, 'manifest-blake3.txt'), `${'ab'.repeat(32)}  data/site/index.html\n`);
    const run = verifyJson(dir);
    expect(run.findings.map((f) => [path.basename(f.file), f.severity, f.ruleId]).sort()).toEqual([
      // Every payload file must be in every payload manifest: index.html is the only one in this one.
      ['edition.css', 'error', 'bag/extra-file'],
      ['letter.xml', 'error', 'bag/extra-file'],
      ['manifest-blake3.txt', 'warning', 'bag/unsupported-algorithm'],
    ]);
    expect(run.status).toBe(1);

    // A manifest of another algorithm that lists every file: a warning only.
    const complete = bagFolder('algorithm-complete');
    const lines = ['data/site/assets/edition.css', 'data/site/index.html', 'data/tei/letter.xml'].map((p) => `${'ab'.repeat(32)}  ${p}\n`);
    writeFileSync(path.join(complete, 'manifest-blake3.txt'), lines.join(''));
    const warned = verifyJson(complete);
    expect(warned.findings.map((f) => f.ruleId)).toEqual(['bag/unsupported-algorithm']);
    expect(warned.status).toBe(0);
  });

  it('refuses a symbolic link inside the bag and never reads through it', () => {
    const dir = bagFolder('symlink');
    const outside = path.join(path.dirname(dir), 'secret.txt');
    writeFileSync(outside, 'not part of the bag');
    symlinkSync(outside, path.join(dir, 'data', 'site', 'link.txt'));
    const run = verifyJson(dir);
    expect(run.status).toBe(1);
    expect(run.findings.map((f) => [f.file.slice(f.file.indexOf('data/')), f.ruleId])).toEqual([['data/site/link.txt', 'bag/unsafe-path']]);
  });

  describe('a payload manifest that names a file outside data/', () => {
    for (const [name, line] of [
      ['../outside', (sum: string) => `${sum}  ../outside\n`],
      ['data/../../outside', (sum: string) => `${sum}  data/../../outside\n`],
      ['an absolute path', (sum: string) => `${sum}  ${'/'}OUTSIDE\n`],
      ['a tag file', (sum: string) => `${sum}  bagit.txt\n`],
    ] as const) {
      it(`is refused: ${name}`, () => {
        const dir = bagFolder(`manifest-${count}`);
        const outside = path.join(path.dirname(dir), 'outside');
        writeFileSync(outside, 'a file beside the bag');
        const sum = digest('sha256', readFileSync(outside));
        appendFileSync(path.join(dir, 'manifest-sha256.txt'), line(sum).replace('/OUTSIDE', outside));
        const run = verifyJson(dir);
        expect(run.status).toBe(1);
        const unsafe = run.findings.filter((f) => f.ruleId === 'bag/unsafe-path');
        expect(unsafe).toHaveLength(1);
        expect(path.basename(unsafe[0]!.file)).toBe('manifest-sha256.txt');
        expect(unsafe[0]!.message).toMatch(/refused/);
        // Nothing outside was taken as part of the bag: no finding names it as missing or checked.
        expect(run.findings.some((f) => f.ruleId === 'bag/missing-file' || f.file.endsWith('/outside'))).toBe(false);
      });
    }

    it('is refused in a tag manifest too', () => {
      const dir = bagFolder('tag-manifest');
      writeFileSync(path.join(path.dirname(dir), 'outside'), 'x');
      appendFileSync(path.join(dir, 'tagmanifest-sha256.txt'), `${digest('sha256', encoder.encode('x'))}  ../outside\n`);
      const run = verifyJson(dir);
      expect(run.status).toBe(1);
      expect(run.findings.map((f) => [path.basename(f.file), f.ruleId])).toEqual([['tagmanifest-sha256.txt', 'bag/unsafe-path']]);
    });
  });

  describe('a zip whose entries lead outside the folder it is read into', () => {
    const bagEntries = (): Record<string, Uint8Array> => Object.fromEntries(smallBag().map((f) => [`x-bag/${f.path}`, f.bytes]));
    const evilAbsolute = path.join(temp, 'evil-absolute.txt');
    for (const [name, entry] of [
      ['../evil', '../evil.txt'],
      ['an absolute path', evilAbsolute],
      ['a backslash', 'x-bag\\..\\..\\evil.txt'],
      ['a drive letter', 'C:/evil.txt'],
    ] as const) {
      it(`is refused, and nothing is written: ${name}`, () => {
        const dir = folder('zip-slip');
        const work = path.join(dir, 'work');
        mkdirSync(work);
        const zip = path.join(work, 'x-bag.zip');
        writeFileSync(zip, zipSync({ ...bagEntries(), [entry]: encoder.encode('escaped') }));
        const before = readdirSync(dir).sort();
        const run = verifyJson('x-bag.zip', work);
        expect(run.status).toBe(1);
        expect(run.findings).toHaveLength(1);
        expect(run.findings[0]).toMatchObject({ file: 'x-bag.zip', ruleId: 'bag/unsafe-path' });
        expect(run.findings[0]!.message).toContain(JSON.stringify(entry));
        expect(readdirSync(dir).sort()).toEqual(before);
        expect(readdirSync(work)).toEqual(['x-bag.zip']);
        expect(existsSync(path.join(dir, 'evil.txt'))).toBe(false);
        expect(existsSync(evilAbsolute)).toBe(false);
      });
    }
  });

  it('says a file that is not a zip is not a bag', () => {
    const file = path.join(folder('not-zip'), 'bag.zip');
    writeFileSync(file, 'this is text, not a zip');
    const run = verifyJson(file);
    expect(run.status).toBe(1);
    expect(run.findings.map((f) => f.ruleId)).toEqual(['bag/not-a-bag']);
  });

  it('exits 2 when no bag or a missing one is named, without a stack trace', () => {
    const none = cli(['verify-bag']);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/verify-bag: error: .*cli\/usage/);
    const two = cli(['verify-bag', 'a', 'b']);
    expect(two.status).toBe(2);
    const missing = cli(['verify-bag', path.join(temp, 'no-such-bag')]);
    expect(missing.status).toBe(2);
    expect(missing.stdout).toMatch(/not found.*io\/missing-file/);
    for (const r of [none, two, missing]) expect(r.stderr + r.stdout).not.toMatch(/\n\s+at /);
  });

  it('is listed in the help with its options', () => {
    const help = cli(['--help']);
    expect(help.stdout).toMatch(/verify-bag\s+check a BagIt bag/);
    const own = cli(['verify-bag', '--help']);
    expect(own.status).toBe(0);
    expect(own.stdout).toMatch(/Usage: tei-edition verify-bag \[options\] DIR\|ZIP/);
  });
});
