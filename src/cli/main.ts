// argv → command → exit code. This is the only module that decides the process's exit code;
// commands return it as a value.
import { ExitCode } from '../diagnostics/diagnostic.js';

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  validate: {
    summary: 'check TEI files or the configured edition (well-formedness, RelaxNG, editorial rules)',
    load: async () => (await import('./commands/validate.js')).validateCommand,
  },
  build: {
    summary: 'validate the edition and write its outputs into dist/',
    load: async () => (await import('./commands/build.js')).buildCommand,
  },
  schema: {
    summary: 'regenerate schema/tei-edition.rng from its ODD source and tei_all.rng',
    load: async () => (await import('./commands/schema.js')).schemaCommand,
  },
};

export function usage(): string {
  const lines = ['Usage: tei-edition <command> [options]', '', 'Commands:'];
  for (const [name, { summary }] of Object.entries(commands)) lines.push(`  ${name.padEnd(10)} ${summary}`);
  lines.push('', 'Run `tei-edition <command> --help` for the options of a command.');
  return lines.join('\n') + '\n';
}

export async function run(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name === undefined ? ExitCode.usage : ExitCode.ok;
  }
  if (name === '--version' || name === '-v') {
    const pkg = await import('../../package.json', { with: { type: 'json' } });
    process.stdout.write(`${pkg.default.version}\n`);
    return ExitCode.ok;
  }
  const entry = commands[name];
  if (!entry) {
    process.stderr.write(`tei-edition: unknown command '${name}'\n\n${usage()}`);
    return ExitCode.usage;
  }
  const debug = rest.includes('--debug');
  try {
    const command = await entry.load();
    return await command(rest);
  } catch (error) {
    // Anything reaching here is a bug or a tool failure, never the user's content.
    reportInternal(error, debug);
    return ExitCode.internal;
  }
}

function reportInternal(error: unknown, debug: boolean): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`tei-edition: internal error: ${message}\n`);
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  else process.stderr.write('Run again with --debug for details.\n');
}

let guarded = false;

/**
 * Errors thrown outside the command's own promise (a tool's worker, a stray callback) would
 * otherwise end the process with Node's stack trace and exit code 1, which means "content
 * errors" here. They are internal errors: exit 3, a stack only with --debug.
 */
export function guardProcess(debug: boolean): void {
  if (guarded) return;
  guarded = true;
  const fail = (error: unknown): void => {
    reportInternal(error, debug);
    process.exit(ExitCode.internal);
  };
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
}
