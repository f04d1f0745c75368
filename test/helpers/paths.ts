import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Read-only reference material beside the project; a clone may not have it. */
export const sharedDir = resolve(projectRoot, '..', 'shared');
/** False in the quick tier (TEI_EDITION_TIER=quick), which leaves the corpora to the full suite. */
export const hasShared = process.env.TEI_EDITION_TIER !== 'quick' && existsSync(join(sharedDir, 'README.md'));
export const teiAllRng = join(sharedDir, 'schemas', 'tei_all.rng');

export function xmlFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...xmlFilesUnder(p));
    else if (name.endsWith('.xml')) out.push(p);
  }
  return out;
}
