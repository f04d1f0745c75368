// `npm run compile` runs this after tsc (so do `prepare` and `prepack`): it compiles every entry
// stylesheet into lib/xslt/, so that the package carries them and an installed tool compiles nothing.
import path from 'node:path';
import { packageRoot } from './package-root.js';
import { SHIPPED_SEF_DIR, shipStylesheets, StylesheetError } from './stylesheet.js';

try {
  const started = Date.now();
  const names = await shipStylesheets();
  const where = path.relative(packageRoot, SHIPPED_SEF_DIR) || '.';
  process.stdout.write(`compiled stylesheets in ${where}/: ${names.join(', ')} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
} catch (error) {
  const message = error instanceof StylesheetError ? error.message : `could not compile the stylesheets: ${error instanceof Error ? error.message : String(error)}`;
  process.stderr.write(`tei-edition: ${message}\n`);
  process.exitCode = 1;
}
