// The printed edition's typefaces, from npm packages so that an installed package prints the same book anywhere:
// Source Serif 4 for Latin and Cyrillic; Noto Serif for Greek, because Source Serif 4 has only monotonic Greek
// (U+0370-03FF) and a polytonic word would otherwise mix two typefaces; Noto Serif SC for Chinese (and the kana
// and CJK punctuation it also covers). Each package is split into subsets by Unicode range; only the subsets whose range meets the
// book's text are declared, because Paged.js loads every declared face before layout and Noto Serif SC alone is
// about a hundred files.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const TEXT_FAMILY = 'Source Serif 4';
export const GREEK_FAMILY = 'Noto Serif';
export const CJK_FAMILY = 'Noto Serif SC';

interface FontPackage {
  family: string;
  /** npm package name, resolved from this module. */
  name: string;
  /** File name of one subset in one face. */
  file: (subset: string, weight: number, style: 'normal' | 'italic') => string;
  faces: ReadonlyArray<{ weight: number; style: 'normal' | 'italic' }>;
  /** Subsets left out: scripts the book never needs from this family. */
  skip: ReadonlySet<string>;
}

const FOUR_FACES = [
  { weight: 400, style: 'normal' },
  { weight: 400, style: 'italic' },
  { weight: 600, style: 'normal' },
  { weight: 600, style: 'italic' },
] as const;

const TEXT: FontPackage = {
  family: TEXT_FAMILY,
  name: '@fontsource/source-serif-4',
  file: (subset, weight, style) => `source-serif-4-${subset}-${weight}-${style}.woff2`,
  faces: FOUR_FACES,
  skip: new Set(['greek']),
};

// All Greek, monotonic and polytonic, in one typeface; its mathematical symbols serve as a fallback too.
const GREEK: FontPackage = {
  family: GREEK_FAMILY,
  name: '@fontsource/noto-serif',
  file: (subset, weight, style) => `noto-serif-${subset}-${weight}-${style}.woff2`,
  faces: FOUR_FACES,
  skip: new Set(['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'vietnamese']),
};

// Subsets of Noto Serif SC are numbered ("[12]"); its Latin, Cyrillic and Vietnamese subsets are skipped since
// Source Serif 4 sets those scripts.
const CJK: FontPackage = {
  family: CJK_FAMILY,
  name: '@fontsource/noto-serif-sc',
  file: (subset, weight, style) => `noto-serif-sc-${subset.replace(/^\[(\d+)\]$/, '$1')}-${weight}-${style}.woff2`,
  faces: [{ weight: 400, style: 'normal' }],
  skip: new Set(['latin', 'latin-ext', 'cyrillic', 'vietnamese', 'cyrillic-ext', 'greek']),
};

/** One font file the page may ask for: the URL path it is served at and where it lies on disk. */
export interface FontFile {
  urlPath: string;
  file: string;
}

export interface BookFonts {
  /** @font-face rules, URLs relative to the served root ("/fonts/..."). */
  css: string;
  files: FontFile[];
  /** Families used, in fallback order, for the CSS font-family of the book. */
  families: string[];
  /** Characters of the text that no bundled font covers (the browser would pick a system font for them). */
  uncovered: string[];
}

type Range = readonly [number, number];

/** Parses a CSS unicode-range value ("U+0000-00FF,U+0131,U+4??") into inclusive ranges. */
export function parseUnicodeRange(value: string): Range[] {
  const ranges: Range[] = [];
  for (const part of value.split(',')) {
    const m = /^\s*U\+([0-9a-f?]+)(?:-([0-9a-f]+))?\s*$/i.exec(part);
    if (!m?.[1]) continue;
    if (m[1].includes('?')) {
      ranges.push([parseInt(m[1].replace(/\?/g, '0'), 16), parseInt(m[1].replace(/\?/g, 'f'), 16)]);
    } else {
      const start = parseInt(m[1], 16);
      ranges.push([start, m[2] ? parseInt(m[2], 16) : start]);
    }
  }
  return ranges;
}

const inRanges = (cp: number, ranges: readonly Range[]): boolean => ranges.some(([a, b]) => cp >= a && cp <= b);

/** The code points a text uses, without controls and white space (no font is needed for them). */
export function codePointsOf(text: string): Set<number> {
  const out = new Set<number>();
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x21 || (cp >= 0x7f && cp < 0xa0) || ch.trim() === '') continue;
    out.add(cp);
  }
  return out;
}

function packageDir(name: string): string {
  return path.dirname(createRequire(import.meta.url).resolve(`${name}/package.json`));
}

function subsetsOf(pkg: FontPackage): Array<{ subset: string; ranges: Range[]; range: string }> {
  const json = JSON.parse(readFileSync(path.join(packageDir(pkg.name), 'unicode.json'), 'utf8')) as Record<string, string>;
  return Object.entries(json)
    .filter(([subset]) => !pkg.skip.has(subset))
    .map(([subset, range]) => ({ subset, range, ranges: parseUnicodeRange(range) }));
}

/**
 * The faces a text needs. `text` is everything that will be printed (the HTML source is fine: markup is ASCII,
 * which the Latin subset covers anyway). The Latin subset is always declared, for running heads and numbers.
 */
export function bookFonts(text: string): BookFonts {
  // Characters written as numeric references count as the characters they stand for.
  const decoded = text.replace(/&#(x[0-9a-f]+|\d+);/gi, (ref, n: string) => {
    const cp = n[0] === 'x' || n[0] === 'X' ? parseInt(n.slice(1), 16) : parseInt(n, 10);
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : ref;
  });
  const wanted = codePointsOf(decoded);
  for (const ch of '0123456789.,;:–—()[]') wanted.add(ch.codePointAt(0) ?? 0);
  const rules: string[] = [];
  const files: FontFile[] = [];
  const families: string[] = [];
  let left = [...wanted];
  for (const pkg of [TEXT, GREEK, CJK]) {
    const dir = packageDir(pkg.name);
    const chosen = subsetsOf(pkg).filter(
      ({ subset, ranges }) => (pkg === TEXT && subset === 'latin') || left.some((cp) => inRanges(cp, ranges)),
    );
    if (chosen.length === 0) continue;
    families.push(pkg.family);
    for (const { subset, range } of chosen) {
      for (const face of pkg.faces) {
        const name = pkg.file(subset, face.weight, face.style);
        const urlPath = `/fonts/${pkg.name.replace('@fontsource/', '')}/${name}`;
        files.push({ urlPath, file: path.join(dir, 'files', name) });
        rules.push(
          `@font-face { font-family: "${pkg.family}"; font-style: ${face.style}; font-weight: ${face.weight}; ` +
            `font-display: block; src: url("${urlPath}") format("woff2"); unicode-range: ${range}; }`,
        );
      }
    }
    const covered = chosen.flatMap((s) => s.ranges);
    left = left.filter((cp) => !inRanges(cp, covered));
  }
  return {
    css: `${rules.join('\n')}\n`,
    files,
    families,
    uncovered: left.sort((a, b) => a - b).map((cp) => String.fromCodePoint(cp)),
  };
}
