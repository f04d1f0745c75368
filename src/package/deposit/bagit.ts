// A BagIt bag (RFC 8493, BagIt 1.0) as a list of files: the payload under `data/`, and the tag files
// that describe it: bagit.txt, bag-info.txt, a payload manifest and a tag manifest of each algorithm,
// and any further tag files (the deposit's metadata/). Pure: the same payload and fields give the same
// bytes, in the same order. Writing them is the build's one swap; checking them is verify-bag.ts.
import { BAG_ALGORITHMS, digest, type BagAlgorithm } from './checksums.js';
import type { PayloadFile } from './deposit-model.js';

export interface BagFile {
  /** Path inside the bag, '/'-separated. */
  path: string;
  bytes: Uint8Array;
}

/** One line (or folded lines) of bag-info.txt. */
export interface BagInfoField {
  name: string;
  value: string;
}

export const BAGIT_VERSION = '1.0';

/** RFC 8493 §2.2.2 recommends lines of at most 79 characters; longer values are folded. */
export const BAG_INFO_LINE = 79;

const encoder = new TextEncoder();

/**
 * A path as a manifest writes it (RFC 8493 §2.1.3): '%' and the line breaks percent-encoded, so that
 * every path is one line and decodes back to itself. '%' first, or the other escapes would be doubled.
 */
export function encodeManifestPath(path: string): string {
  return path.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** The inverse of encodeManifestPath; other %-sequences are left as written, as the RFC asks no more. */
export function decodeManifestPath(path: string): string {
  return path.replace(/%(25|0D|0A)/gi, (_, code: string) => (code === '25' ? '%' : code.toUpperCase() === '0D' ? '\r' : '\n'));
}

/** Sorted by path in code-unit order: the order every list of the bag is written in. */
function byPath<T extends { path: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** `checksum  path` lines, sorted by path, LF endings: the form `sha256sum -c` reads as well. */
export function manifestText(entries: readonly { path: string; checksum: string }[]): string {
  return byPath(entries).map((e) => `${e.checksum}  ${encodeManifestPath(e.path)}\n`).join('');
}

/** `octets.count` of the payload (RFC 8493 §2.2.2), for a quick completeness check before checksums. */
export function payloadOxum(payload: readonly { bytes: Uint8Array }[]): string {
  return `${payload.reduce((sum, f) => sum + f.bytes.length, 0)}.${payload.length}`;
}

/** A size as people read it, in decimal units (1 kB = 1000 bytes): "812 B", "245.3 kB", "1.2 MB". */
export function humanSize(octets: number): string {
  if (octets < 1000) return `${octets} B`;
  const units = ['kB', 'MB', 'GB', 'TB', 'PB'];
  let value = octets;
  let unit = -1;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  // 999.95 kB rounds to "1000.0 kB": say 1.0 MB instead.
  if (Number(value.toFixed(1)) >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/**
 * One field of bag-info.txt, its value on one logical line (whitespace, line breaks included, collapsed)
 * and folded at spaces into lines of at most `width` characters where it can be: each continuation line
 * begins with the space it was folded at, so joining the lines back (dropping the line breaks) gives the
 * value again. A word longer than a line is not cut.
 */
export function foldField(field: BagInfoField, width = BAG_INFO_LINE): string {
  const value = field.value.replace(/\s+/g, ' ').trim();
  let rest = `${field.name}: ${value}`;
  const lines: string[] = [];
  while (rest.length > width) {
    // Never fold right after the label, nor at the space a continuation line begins with.
    const earliest = lines.length === 0 ? field.name.length + 2 : 1;
    let at = rest.lastIndexOf(' ', width);
    if (at < earliest) at = rest.indexOf(' ', Math.max(width, earliest));
    if (at <= 0) break;
    lines.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  lines.push(rest);
  return lines.map((l) => `${l}\n`).join('');
}

export function bagInfoText(fields: readonly BagInfoField[]): string {
  return fields.map((f) => foldField(f)).join('');
}

export function bagitText(): string {
  return `BagIt-Version: ${BAGIT_VERSION}\nTag-File-Character-Encoding: UTF-8\n`;
}

export interface BagInput {
  /** Every payload file; paths begin `data/`. */
  payload: readonly PayloadFile[];
  /** bag-info.txt's fields, in the order written (Payload-Oxum and Bag-Size among them, see bagInfoFields). */
  info: readonly BagInfoField[];
  /** Tag files besides those of BagIt itself (e.g. `metadata/mets.xml`), covered by the tag manifests. */
  tagFiles?: readonly BagFile[];
}

const RESERVED_TAG_FILE = /^(bagit\.txt|bag-info\.txt|fetch\.txt|(tag)?manifest-[a-z0-9]+\.txt)$/;

/**
 * Every file of the bag, sorted by path. The payload manifests list every payload file; the tag
 * manifests list every tag file (bagit.txt, bag-info.txt, the payload manifests, the further tag
 * files) but not the tag manifests themselves, which cannot hold their own checksums.
 */
export function writeBag(input: BagInput): BagFile[] {
  for (const f of input.payload) {
    if (!f.path.startsWith('data/') || f.path.length === 'data/'.length) throw new Error(`a payload path must begin data/: ${JSON.stringify(f.path)}`);
  }
  const paths = new Set<string>();
  for (const f of [...input.payload, ...(input.tagFiles ?? [])]) {
    if (paths.has(f.path)) throw new Error(`two files of the bag have the same path: ${JSON.stringify(f.path)}`);
    paths.add(f.path);
  }
  for (const f of input.tagFiles ?? []) {
    if (f.path.startsWith('data/') || RESERVED_TAG_FILE.test(f.path)) throw new Error(`not a path for a further tag file: ${JSON.stringify(f.path)}`);
  }
  const payloadDigest = (f: PayloadFile, algorithm: BagAlgorithm): string => (algorithm === 'sha256' ? f.sha256 : f.sha512);
  const tags: BagFile[] = [
    { path: 'bagit.txt', bytes: encoder.encode(bagitText()) },
    { path: 'bag-info.txt', bytes: encoder.encode(bagInfoText(input.info)) },
    ...BAG_ALGORITHMS.map((algorithm) => ({
      path: `manifest-${algorithm}.txt`,
      bytes: encoder.encode(manifestText(input.payload.map((f) => ({ path: f.path, checksum: payloadDigest(f, algorithm) })))),
    })),
    ...(input.tagFiles ?? []),
  ];
  const tagManifests: BagFile[] = BAG_ALGORITHMS.map((algorithm) => ({
    path: `tagmanifest-${algorithm}.txt`,
    bytes: encoder.encode(manifestText(tags.map((t) => ({ path: t.path, checksum: digest(algorithm, t.bytes) })))),
  }));
  return byPath([...input.payload.map((f) => ({ path: f.path, bytes: f.bytes })), ...tags, ...tagManifests]);
}
