// `tei-edition schema`: regenerates schema/tei-edition.rng from its ODD and tei_all.rng, or with
// --check reports whether the committed schema is out of date. File I/O lives here; the generation
// itself is the pure function generateSchema.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExitCode } from '../../diagnostics/diagnostic.js';
import { generateSchema } from '../../schema/generate.js';
import { readCommandLine, type ParsedCommandLine } from '../options.js';
import { SCHEMA_DEFAULTS, SCHEMA_SPEC } from '../specs.js';

/** The project root: lib/cli/commands/ (or src/cli/commands/) is three levels below it. */
const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

interface SchemaOptions {
  teiAll: string;
  odd: string;
  out: string;
  check: boolean;
}

function optionsOf(parsed: ParsedCommandLine): SchemaOptions {
  const file = (name: string, fallback: string): string => {
    const given = parsed.options[name];
    return typeof given === 'string' ? resolve(given) : resolve(PROJECT_ROOT, fallback);
  };
  return {
    teiAll: file('tei-all', SCHEMA_DEFAULTS.teiAll),
    odd: file('odd', SCHEMA_DEFAULTS.odd),
    out: file('out', SCHEMA_DEFAULTS.out),
    check: parsed.options.check === true,
  };
}

/** A path as shown to users and written into the schema header: relative to the project root. */
function label(path: string): string {
  return relative(PROJECT_ROOT, path).split('\\').join('/');
}

export async function schemaCommand(args: string[]): Promise<number> {
  const line = readCommandLine(SCHEMA_SPEC, args);
  if (line.exit !== undefined) return line.exit;
  const { teiAll, odd, out, check } = optionsOf(line.parsed);
  for (const [what, path] of [['tei_all.rng', teiAll], ['the ODD source', odd]] as const) {
    if (!existsSync(path)) {
      const hint = path === teiAll ? ' (TEI P5 tei_all.rng, RelaxNG XML syntax; pass its location with --tei-all)' : '';
      process.stderr.write(`tei-edition schema: error: ${what} not found at ${path}${hint}  io/missing-file\n`);
      return ExitCode.usage;
    }
  }

  const result = generateSchema({
    teiAllText: readFileSync(teiAll, 'utf8'),
    oddText: readFileSync(odd, 'utf8'),
    teiAllLabel: label(teiAll),
    oddLabel: label(odd),
  });
  if (!result.ok) {
    for (const error of result.errors) process.stderr.write(`tei-edition schema: ${error}\n`);
    return ExitCode.contentErrors;
  }

  if (check) {
    const current = existsSync(out) ? readFileSync(out, 'utf8') : undefined;
    if (current === result.text) {
      process.stdout.write(`${label(out)} is up to date (${result.elements.length} elements).\n`);
      return ExitCode.ok;
    }
    process.stderr.write(
      `${label(out)} ${current === undefined ? 'does not exist' : 'is out of date'}: run \`npm run schema\` and commit the result.\n`,
    );
    return ExitCode.contentErrors;
  }
  writeFileSync(out, result.text);
  process.stdout.write(`Wrote ${label(out)}: ${result.elements.length} elements, ${result.text.length} characters.\n`);
  return ExitCode.ok;
}
