// Checking a BagIt bag (RFC 8493): bagit.txt, every payload manifest and tag manifest, and Payload-Oxum.
// Every missing, changed or unlisted file is one diagnostic naming it. Pure: the bag is a BagView (a
// folder read by the command, or a zip unzipped in memory by bagViewOfZip), and nothing is written.
// Paths that would lead outside the bag (zip entries, manifest lines) are refused and never read.
import { unzipSync } from 'fflate';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { decodeManifestPath } from './bagit.js';
import { DIGEST_LENGTH, digest, isCheckable, type CheckableAlgorithm } from './checksums.js';

/** A bag as verify-bag reads it. */
export interface BagView {
  /** Every regular file of the bag: path from the bag's root ('/'-separated) → size in bytes. */
  files: ReadonlyMap<string, number>;
  /** The bytes of a file of `files` (never called for any other path). */
  read(path: string): Uint8Array;
  /** Whether the bag has its `data/` folder (it may be empty). */
  hasPayloadFolder: boolean;
  /** A path of the bag as diagnostics show it (e.g. `dist/deposit/x-bag/data/site/index.html`). */
  display(path: string): string;
}

export interface BagVerdict {
  diagnostics: Diagnostic[];
  /** Every file of the bag, as displayed: what was checked. */
  files: string[];
  /** Payload files and the algorithms of the manifests checked, for the closing line. */
  payloadFiles: number;
  payloadOctets: number;
  algorithms: string[];
  version?: string;
}

const decoder = new TextDecoder('utf-8');
const text = (bytes: Uint8Array): string => decoder.decode(bytes).replace(/^\uFEFF/, '');

/**
 * Why a path (a zip entry's name, or a manifest's path once decoded) could lead outside the folder the bag
 * is in, or is no plain relative path; undefined when it is safe. Backslashes and drive letters are
 * refused on every system: on Windows they are separators and roots.
 */
export function unsafePathReason(p: string): string | undefined {
  if (p === '') return 'is empty';
  if (p.includes('\\')) return 'has a backslash (a separator on Windows)';
  if (p.startsWith('/')) return 'is an absolute path';
  if (/^[A-Za-z]:/.test(p)) return 'names a drive';
  // Line breaks are allowed (RFC 8493 percent-encodes them in manifests); a NUL ends a path early in C.
  if (p.includes('\u0000')) return 'has a NUL character';
  const parts = p.replace(/\/$/, '').split('/');
  if (parts.includes('..')) return 'leads out of its folder (..)';
  if (parts.some((part) => part === '' || part === '.')) return 'is not a plain path (an empty or "." step)';
  return undefined;
}

/** bag-info.txt's fields, continuation lines joined (each folded line break and its indent become one space). */
export function parseBagInfo(content: string): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  let last: { name: string; value: string } | undefined;
  const flush = (): void => {
    if (last) fields.set(last.name, [...(fields.get(last.name) ?? []), last.value.trim()]);
  };
  for (const line of content.split(/\r\n|\n|\r/)) {
    if (/^[ \t]/.test(line) && last) {
      last.value += ` ${line.trim()}`;
      continue;
    }
    flush();
    last = undefined;
    const colon = line.indexOf(':');
    if (colon > 0) last = { name: line.slice(0, colon).trim(), value: line.slice(colon + 1) };
  }
  flush();
  return fields;
}

interface ManifestEntry {
  path: string;
  checksum: string;
}

interface Manifest {
  name: string;
  algorithm: string;
  /** A tag manifest (tagmanifest-*.txt) rather than a payload manifest. */
  tag: boolean;
  entries: ManifestEntry[];
}

const MANIFEST = /^(tag)?manifest-([A-Za-z0-9]+)\.txt$/;

/** "a", "a and b", "a, b and c". */
const listed = (names: readonly string[]): string => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`);

export function verifyBag(view: BagView): BagVerdict {
  const diagnostics: Diagnostic[] = [];
  const report = (path: string, ruleId: string, message: string, severity: Diagnostic['severity'] = 'error'): void => {
    diagnostics.push({ file: view.display(path), severity, ruleId, message });
  };
  const allFiles = [...view.files.keys()].sort();
  const payload = allFiles.filter((p) => p.startsWith('data/'));
  const verdict = (extra: Partial<BagVerdict> = {}): BagVerdict => ({
    diagnostics,
    files: allFiles.map((p) => view.display(p)),
    payloadFiles: payload.length,
    payloadOctets: payload.reduce((sum, p) => sum + view.files.get(p)!, 0),
    algorithms: [],
    ...extra,
  });

  // bagit.txt: the declaration that this is a bag, and of the tag files' encoding.
  if (!view.files.has('bagit.txt')) {
    report('bagit.txt', 'bag/not-a-bag', 'there is no bagit.txt: this is not a BagIt bag (RFC 8493 §2.1.1)');
    return verdict();
  }
  const declaration = parseBagInfo(text(view.read('bagit.txt')));
  const version = declaration.get('BagIt-Version')?.[0];
  const encoding = declaration.get('Tag-File-Character-Encoding')?.[0];
  if (!version || !/^\d+\.\d+$/.test(version)) {
    report('bagit.txt', 'bag/not-a-bag', 'bagit.txt has no "BagIt-Version: M.N" line');
    return verdict();
  }
  if (!encoding || !/^utf-?8$/i.test(encoding)) {
    report('bagit.txt', 'bag/not-a-bag', `bagit.txt ${encoding ? `declares tag files in ${encoding}` : 'has no Tag-File-Character-Encoding line'}: only UTF-8 tag files can be read`);
    return verdict({ version });
  }
  if (!view.hasPayloadFolder) {
    report('data', 'bag/not-a-bag', 'there is no data/ folder: a bag keeps its payload there (RFC 8493 §2.1.2)');
    return verdict({ version });
  }

  // The manifests, read line by line; a line that names a path outside the bag is refused, never read.
  const manifests: Manifest[] = [];
  for (const name of allFiles) {
    const m = MANIFEST.exec(name);
    if (!m) continue;
    const tag = m[1] === 'tag';
    const algorithm = m[2]!.toLowerCase();
    const manifest: Manifest = { name, algorithm, tag, entries: [] };
    const seen = new Set<string>();
    const expected = isCheckable(algorithm) ? DIGEST_LENGTH[algorithm] : undefined;
    text(view.read(name))
      .split(/\r\n|\n|\r/)
      .forEach((line, i) => {
        if (line.trim() === '') return;
        const at = `line ${i + 1} of ${name}`;
        const parsed = /^([0-9A-Fa-f]+)[ \t]+(.+)$/.exec(line);
        if (!parsed || (expected !== undefined && parsed[1]!.length !== expected)) {
          report(name, 'bag/manifest-syntax', `${at} is not "checksum path"${expected ? ` with a ${expected}-digit ${algorithm} checksum` : ''}: ${JSON.stringify(line.slice(0, 120))}`);
          return;
        }
        const path = decodeManifestPath(parsed[2]!);
        const unsafe = unsafePathReason(path);
        if (unsafe) {
          report(name, 'bag/unsafe-path', `${at} names ${JSON.stringify(path)}, which ${unsafe}: refused, never read`);
          return;
        }
        if (!tag && !path.startsWith('data/')) {
          report(name, 'bag/unsafe-path', `${at} names ${JSON.stringify(path)}, outside data/: a payload manifest lists payload files only; refused, never read`);
          return;
        }
        if (seen.has(path)) {
          report(name, 'bag/manifest-syntax', `${at} lists ${path} again`);
          return;
        }
        seen.add(path);
        manifest.entries.push({ path, checksum: parsed[1]!.toLowerCase() });
      });
    manifests.push(manifest);
  }
  const payloadManifests = manifests.filter((m) => !m.tag);
  for (const m of manifests) {
    if (!isCheckable(m.algorithm)) report(m.name, 'bag/unsupported-algorithm', `${m.algorithm} is not an algorithm this tool can check (it checks md5, sha1, sha224, sha256, sha384 and sha512); this manifest's checksums were not checked`, 'warning');
  }
  if (payloadManifests.length === 0) report('manifest-sha512.txt', 'bag/missing-manifest', 'the bag has no payload manifest (manifest-<algorithm>.txt): nothing says what data/ should hold');
  else if (!payloadManifests.some((m) => isCheckable(m.algorithm))) report(payloadManifests[0]!.name, 'bag/missing-manifest', 'no payload manifest is of an algorithm this tool can check');

  // Every file a manifest names: there, and with the checksum written. Each file is read once, and each
  // problem is said once per file, naming the manifests concerned.
  const checkable = manifests.filter((m): m is Manifest & { algorithm: CheckableAlgorithm } => isCheckable(m.algorithm));
  const wanted = new Map<string, Map<CheckableAlgorithm, { manifest: string; checksum: string }[]>>();
  const missing = new Map<string, string[]>();
  for (const m of checkable) {
    for (const e of m.entries) {
      if (!view.files.has(e.path)) {
        missing.set(e.path, [...(missing.get(e.path) ?? []), m.name]);
        continue;
      }
      const byAlgorithm = wanted.get(e.path) ?? new Map();
      byAlgorithm.set(m.algorithm, [...(byAlgorithm.get(m.algorithm) ?? []), { manifest: m.name, checksum: e.checksum }]);
      wanted.set(e.path, byAlgorithm);
    }
  }
  for (const [path, names] of missing) report(path, 'bag/missing-file', `listed in ${listed(names)} but not in the bag`);
  for (const path of [...wanted.keys()].sort()) {
    const bytes = view.read(path);
    const differing: string[] = [];
    for (const [algorithm, lines] of wanted.get(path)!) {
      const actual = digest(algorithm, bytes);
      for (const l of lines) if (l.checksum !== actual) differing.push(l.manifest);
    }
    if (differing.length) report(path, 'bag/checksum-mismatch', `its content differs from its checksum in ${listed(differing)}: the file was changed or damaged`);
  }

  // Every payload file in every payload manifest.
  if (payloadManifests.length > 0) {
    const lists = payloadManifests.map((m) => ({ name: m.name, paths: new Set(m.entries.map((e) => e.path)) }));
    for (const path of payload) {
      const without = lists.filter((l) => !l.paths.has(path)).map((l) => l.name);
      if (without.length === lists.length) report(path, 'bag/extra-file', 'in data/ but in no manifest: it was added after the bag was made, or the manifests are incomplete');
      else if (without.length) report(path, 'bag/extra-file', `in data/ but not in ${listed(without)}: every payload manifest lists every payload file`);
    }
  }

  // Payload-Oxum: the payload's size and number of files, as bag-info.txt states them.
  if (view.files.has('bag-info.txt')) {
    const oxum = parseBagInfo(text(view.read('bag-info.txt'))).get('Payload-Oxum')?.[0];
    if (oxum !== undefined) {
      const octets = payload.reduce((sum, p) => sum + view.files.get(p)!, 0);
      const m = /^(\d+)\.(\d+)$/.exec(oxum);
      if (!m) report('bag-info.txt', 'bag/oxum-mismatch', `Payload-Oxum is ${JSON.stringify(oxum)}, not octets.count`);
      else if (Number(m[1]) !== octets || Number(m[2]) !== payload.length) {
        report('bag-info.txt', 'bag/oxum-mismatch', `Payload-Oxum says ${m[1]} octets in ${m[2]} files; data/ holds ${octets} octets in ${payload.length} files`);
      }
    }
  }
  return verdict({ version, algorithms: [...new Set(checkable.map((m) => m.algorithm))].sort() });
}

/** More than this, unzipped, is refused before anything is inflated (a zip bomb, or a bag too big to check in memory). */
export const MAX_UNZIPPED_BYTES = 2 * 1024 ** 3;

/**
 * A zipped bag, unzipped in memory. Its entries are either the bag's files or (the usual serialisation)
 * the bag's files under one top folder. Any entry whose name could lead outside the folder it would be
 * extracted into refuses the whole zip: nothing of it is read.
 */
export function bagViewOfZip(bytes: Uint8Array, zipName: string): { view?: BagView; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const refuse = (ruleId: string, message: string): { diagnostics: Diagnostic[] } => {
    diagnostics.push({ file: zipName, severity: 'error', ruleId, message });
    return { diagnostics };
  };
  const names: string[] = [];
  let total = 0;
  let entries: Record<string, Uint8Array>;
  try {
    // The filter sees every entry before it is inflated: the names are checked and the sizes added first.
    entries = unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        total += file.originalSize;
        return unsafePathReason(file.name) === undefined && total <= MAX_UNZIPPED_BYTES;
      },
    });
  } catch (error) {
    return refuse('bag/not-a-bag', `not a readable zip: ${(error as Error).message}`);
  }
  for (const name of names) {
    const unsafe = unsafePathReason(name);
    if (unsafe) diagnostics.push({ file: zipName, severity: 'error', ruleId: 'bag/unsafe-path', message: `the entry ${JSON.stringify(name)} ${unsafe}: the zip is refused, and nothing of it is extracted` });
  }
  if (diagnostics.length) return { diagnostics };
  if (total > MAX_UNZIPPED_BYTES) return refuse('bag/not-a-bag', `the zip unzips to more than ${MAX_UNZIPPED_BYTES / 1024 ** 3} GiB; unzip it yourself and check the folder`);

  const fileNames = Object.keys(entries).filter((n) => !n.endsWith('/'));
  const tops = new Set(names.map((n) => n.split('/')[0]!));
  let root = '';
  if (!fileNames.includes('bagit.txt')) {
    const top = tops.size === 1 ? [...tops][0]! : [...tops].find((t) => fileNames.includes(`${t}/bagit.txt`));
    if (top === undefined || !fileNames.includes(`${top}/bagit.txt`)) return refuse('bag/not-a-bag', 'the zip holds no bagit.txt, neither at its top nor in one top folder: it is not a zipped BagIt bag');
    root = `${top}/`;
  }
  const files = new Map<string, number>();
  const content = new Map<string, Uint8Array>();
  for (const name of fileNames.sort()) {
    if (!name.startsWith(root)) {
      diagnostics.push({ file: `${zipName}/${name}`, severity: 'error', ruleId: 'bag/extra-file', message: `outside the bag's folder ${root}: a zipped bag is one folder` });
      continue;
    }
    const bytesOf = entries[name]!;
    files.set(name.slice(root.length), bytesOf.length);
    content.set(name.slice(root.length), bytesOf);
  }
  const hasPayloadFolder = names.some((n) => n.startsWith(`${root}data/`));
  return {
    view: {
      files,
      read: (p) => {
        const b = content.get(p);
        if (!b) throw new Error(`not a file of the bag: ${p}`);
        return b;
      },
      hasPayloadFolder,
      display: (p) => `${zipName}/${root}${p}`,
    },
    diagnostics,
  };
}
