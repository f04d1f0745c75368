// The classes the source's renditions become (src/templates/assets/renditions.css), kept in one sheet for
// every output: the site links it beside its own sheet, the others append it to theirs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { templatesDir } from './templates.js';

export function renditionsCss(): string {
  return readFileSync(path.join(templatesDir(), 'assets', 'renditions.css'), 'utf8');
}

/** `css` followed by the renditions sheet. */
export function withRenditions(css: string): string {
  return `${css.replace(/\n*$/, '\n')}${renditionsCss()}`;
}
