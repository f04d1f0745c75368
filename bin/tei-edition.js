#!/usr/bin/env node
// Entry point: the compiled CLI lives in lib/ (built by `npm run compile`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../lib/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write('tei-edition: the CLI is not compiled yet; run `npm run compile` (or `npm run build`) first.\n');
  process.exit(3);
}
const { run, guardProcess } = await import(main.href);
guardProcess(process.argv.includes('--debug'));
process.exitCode = await run(process.argv.slice(2));
