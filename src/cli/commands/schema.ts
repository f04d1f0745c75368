// `tei-edition schema`: regenerates schema/tei-edition.rng from its ODD and tei_all.rng, or with
// --check reports whether the committed schema is out of date. File I/O lives here; the generation
// itself is the pure function generateSchema.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExitCode } from '../../diagnostics/diagnostic.js';
import { generateSchema } from '../../schema/generate.js';

/** The project root: lib/cli/commands/ (or src/cli/commands/) is three levels below it. */
const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export const SCHEMA_DEFAULTS = {
  teiAll: '../shared/schemas/tei_all.rng',
  odd: 'schema/source/tei-edition.odd',
  out: 'schema/tei-edition.rng',
} as const;

const USAGE = `Usage: tei-edition schema [--tei-all FILE] [--odd FILE] [--out FILE] [--check]

Regenerates the project's RelaxNG schema from its ODD source and TEI P5's tei_all.rng.
  --tei-all FILE  tei_all.rng (default: ${SCHEMA_DEFAULTS.teiAll}, from the project root)
  --odd FILE      the ODD source (default: ${SCHEMA_DEFAULTS.odd})
  --out FILE      where to write the schema (default: ${SCHEMA_DEFAULTS.out})
  --check         write nothing; exit 1 if the schema at --out differs from what would be generated
Exit codes: 0 ok, 1 schema out of date or ODD not usable, 2 usage or missing input, 3 internal error.
`;

interface SchemaOptions {
  teiAll: string;
  odd: string;
  out: string;
  check: boolean;
}

type ParsedArgs = { ok: true; options: SchemaOptions } | { ok: false; message?: string; help?: true };

export function parseSchemaArgs(args: readonly string[]): ParsedArgs {
  const options: SchemaOptions = {
    teiAll: resolve(PROJECT_ROOT, SCHEMA_DEFAULTS.teiAll),
    odd: resolve(PROJECT_ROOT, SCHEMA_DEFAULTS.odd),
    out: resolve(PROJECT_ROOT, SCHEMA_DEFAULTS.out),
    check: false,
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--help' || arg === '-h') return { ok: false, help: true };
    if (arg === '--check') options.check = true;
    else if (arg === '--debug') continue; // handled by the dispatcher
    else if (arg === '--tei-all' || arg === '--odd' || arg === '--out') {
      const value = args[++i];
      if (value === undefined || value.startsWith('--')) return { ok: false, message: `${arg} needs a file name` };
      const key = arg === '--tei-all' ? 'teiAll' : arg === '--odd' ? 'odd' : 'out';
      options[key] = resolve(value);
    } else return { ok: false, message: `unknown option '${arg}'` };
  }
  return { ok: true, options };
}

/** A path as shown to users and written into the schema header: relative to the project root. */
function label(path: string): string {
  return relative(PROJECT_ROOT, path).split('\\').join('/');
}

export async function schemaCommand(args: string[]): Promise<number> {
  const parsed = parseSchemaArgs(args);
  if (!parsed.ok) {
    if (parsed.help) {
      process.stdout.write(USAGE);
      return ExitCode.ok;
    }
    process.stderr.write(`tei-edition schema: ${parsed.message}\n\n${USAGE}`);
    return ExitCode.usage;
  }
  const { teiAll, odd, out, check } = parsed.options;
  for (const [what, path] of [['tei_all.rng', teiAll], ['the ODD source', odd]] as const) {
    if (!existsSync(path)) {
      const hint = path === teiAll ? ' (TEI P5 tei_all.rng, RelaxNG XML syntax; pass its location with --tei-all)' : '';
      process.stderr.write(`tei-edition schema: ${what} not found at ${path}${hint}\n`);
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
