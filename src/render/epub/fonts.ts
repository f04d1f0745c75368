// The book's typeface: Source Serif 4 (SIL Open Font License), Latin, Latin Extended and Greek, from the
// npm package that ships it, with its licence. Each subset declares its Unicode range, so a reader
// loads only what the text needs and falls back to its own serif for other scripts.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const SUBSETS = ['latin', 'latin-ext', 'greek'] as const;
const FACES = [
  { weight: 400, style: 'normal' },
  { weight: 400, style: 'italic' },
  { weight: 700, style: 'normal' },
  { weight: 700, style: 'italic' },
] as const;
export const FONT_FAMILY = 'Source Serif 4';

export interface FontFiles {
  /** Path in the package folder → bytes (the woff2 files and the licence). */
  files: Map<string, Uint8Array>;
  css: string;
}

function fontPackage(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('@fontsource/source-serif-4/package.json'));
}

export function bookFonts(): FontFiles {
  const root = fontPackage();
  const ranges = JSON.parse(readFileSync(path.join(root, 'unicode.json'), 'utf8')) as Record<string, string>;
  const files = new Map<string, Uint8Array>();
  const rules: string[] = [];
  for (const subset of SUBSETS) {
    for (const face of FACES) {
      const name = `source-serif-4-${subset}-${face.weight}-${face.style}.woff2`;
      files.set(`fonts/${name}`, readFileSync(path.join(root, 'files', name)));
      rules.push(
        `@font-face { font-family: "${FONT_FAMILY}"; font-style: ${face.style}; font-weight: ${face.weight}; ` +
          `src: url("../fonts/${name}") format("woff2"); unicode-range: ${ranges[subset]}; }`,
      );
    }
  }
  files.set('fonts/OFL.txt', readFileSync(path.join(root, 'LICENSE')));
  return { files, css: `${rules.join('\n')}\n` };
}
