// Reading a PDF the way a reader does, with poppler-utils: the words of each page with their boxes
// (pdftotext -bbox), the printed rows of the body text with the line numbers beside them, and the text of a page.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';
const POPPLER = ['pdftotext', 'pdfinfo', 'pdffonts', 'pdftoppm', 'pdftohtml'];

function onPath(tool: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The tools the print tests need that this machine lacks. */
export function missingTools(): string[] {
  return [...(existsSync(CHROMIUM) ? [] : [CHROMIUM]), ...POPPLER.filter((t) => !onPath(t))];
}

export const run = (tool: string, args: string[]): string => execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });

/** The text of one page (numbered from 1), as pdftotext reads it, optionally keeping the layout. */
export const pageText = (pdf: string, page: number, layout = false): string =>
  run('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', '-f', String(page), '-l', String(page), pdf, '-']);

export const flat = (text: string): string => text.replace(/[\s\u00a0]+/g, ' ').trim();
/** Without white space: poppler puts a space where glyphs are apart, or none where a line wraps. */
export const squash = (text: string): string => text.replace(/[\s\u00a0]+/g, '');
/** Also without hyphens: pdftotext joins a word hyphenated at a line end ("copy-" "text" gives "copytext"). */
export const squashWords = (text: string): string => squash(text).replace(/[-\u2010]/g, '');

export interface PdfWord {
  page: number;
  x: number;
  y: number;
  right: number;
  height: number;
  text: string;
}

const decode = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))).replace(/&amp;/g, '&');

/** Every word of the PDF with its box, page by page (index 0 is page 1). */
export function pdfWords(pdf: string): PdfWord[][] {
  const xml = run('pdftotext', ['-bbox', '-enc', 'UTF-8', pdf, '-']);
  return xml
    .split(/<page\b[^>]*>/)
    .slice(1)
    .map((chunk, i) =>
      [...chunk.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        page: i + 1,
        x: Number(m[1]),
        y: Number(m[2]),
        right: Number(m[3]),
        height: Number(m[4]) - Number(m[2]),
        text: decode(m[5] ?? ''),
      })),
    );
}

/**
 * The height of the body text's words on the given pages: the largest of the common word heights (at least a
 * tenth of the words). Notes at the foot may have more words than the text, but are smaller; headings are
 * larger, but few.
 */
export function bodyHeight(words: readonly PdfWord[][], pages: readonly number[]): number {
  const counts = new Map<string, number>();
  let total = 0;
  for (const p of pages) {
    for (const w of words[p - 1] ?? []) {
      counts.set(w.height.toFixed(1), (counts.get(w.height.toFixed(1)) ?? 0) + 1);
      total++;
    }
  }
  return Math.max(...[...counts].filter(([, n]) => n >= total / 10).map(([h]) => Number(h)));
}

export interface PrintedRow {
  page: number;
  y: number;
  /** The words of the row, in order. */
  words: string[];
  /** The line number printed beside the row, if any. */
  number?: number;
}

/**
 * The printed rows of the body text on the given pages, in reading order: words of the body's size (notes,
 * note markers, line numbers, running heads and headings have other sizes), grouped by their baseline, each
 * row with the line number printed in the margin beside it.
 */
export function bodyRows(words: readonly PdfWord[][], pages: readonly number[], height: number): PrintedRow[] {
  const rows: PrintedRow[] = [];
  for (const p of pages) {
    const all = words[p - 1] ?? [];
    const body = all.filter((w) => Math.abs(w.height - height) < 0.3);
    if (body.length === 0) continue;
    const left = Math.min(...body.map((w) => w.x));
    const onPage: PrintedRow[] = [];
    for (const w of [...body].sort((a, b) => a.y - b.y || a.x - b.x)) {
      const row = onPage.find((r) => Math.abs(r.y - w.y) < height / 3);
      if (row) row.words.push(w.text);
      else onPage.push({ page: p, y: w.y, words: [w.text] });
    }
    // Within a row, words left to right.
    for (const row of onPage) {
      const inRow = body.filter((w) => Math.abs(w.y - row.y) < height / 3).sort((a, b) => a.x - b.x);
      row.words = inRow.map((w) => w.text);
    }
    for (const w of all) {
      if (!/^\d+$/.test(w.text) || w.right > left - 2) continue;
      const middle = w.y + w.height / 2;
      const row = onPage.find((r) => middle > r.y && middle < r.y + height);
      if (row) row.number = Number(w.text);
    }
    rows.push(...onPage);
  }
  return rows;
}

/** Is `needle` a subsequence of `hay`? The index of the first word not found in order, or -1. */
export function firstMissingInOrder(hay: readonly string[], needle: readonly string[]): number {
  let at = 0;
  for (let i = 0; i < needle.length; i++) {
    while (at < hay.length && hay[at] !== needle[i]) at++;
    if (at === hay.length) return i;
    at++;
  }
  return -1;
}
