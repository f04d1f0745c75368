// The checkers and reference material some tests use besides Node, and whether this machine has
// them. A test that cannot run without one is skipped, never silently: its title says what it
// needs (skipReason below), and test/summary.mjs lists every skipped test with that reason at the
// end of `npm test` and `npm run test:quick`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { hasShared } from './paths.js';

const onPath = (command: string): boolean => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

export const checkers = {
  jing: onPath('jing'),
  java: onPath('java'),
  chromium: existsSync('/usr/bin/chromium'),
  epubcheck: existsSync('/usr/share/java/epubcheck.jar'),
  pdftotext: onPath('pdftotext'),
  shared: hasShared,
} as const;

/**
 * `describe.skipIf(s.skip)(\`title${s.title}\`, …)`: when `missing`, the title says what the tests
 * need (" (skipped: needs jing)"), and that is what the closing summary shows.
 */
export function skipReason(missing: boolean, needs: string): { skip: boolean; title: string } {
  return { skip: missing, title: missing ? ` (skipped: needs ${needs})` : '' };
}
