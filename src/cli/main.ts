// argv → command → exit code. This is the only module that decides the process's exit code;
// commands return it as a value.
import { ExitCode } from '../diagnostics/diagnostic.js';
import { closest } from '../diagnostics/suggest.js';
import { helpText, packageVersion, readCommandLine, reportUsageError, type CommandSpec } from './options.js';
import { BUILD_SPEC, INIT_SPEC, SCHEMA_SPEC, SERVE_SPEC, VALIDATE_SPEC, VERIFY_BAG_SPEC } from './specs.js';

type Command = (args: string[]) => Promise<number>;

// Each command's options are declared in its spec (src/cli/specs.ts): the dispatcher reads the
// command line against it before the command loads, so help, --version and usage errors are the
// same for every command; the command then reads its own options from the same spec.
const commands: Record<string, { summary: string; spec: CommandSpec; load: () => Promise<Command> }> = {
  init: {
    summary: INIT_SPEC.summary,
    spec: INIT_SPEC,
    load: async () => (await import('./commands/init.js')).initCommand,
  },
  validate: {
    summary: VALIDATE_SPEC.summary,
    spec: VALIDATE_SPEC,
    load: async () => (await import('./commands/validate.js')).validateCommand,
  },
  build: {
    summary: BUILD_SPEC.summary,
    spec: BUILD_SPEC,
    load: async () => (await import('./commands/build.js')).buildCommand,
  },
  serve: {
    summary: SERVE_SPEC.summary,
    spec: SERVE_SPEC,
    load: async () => (await import('./commands/serve.js')).serveCommand,
  },
  schema: {
    summary: SCHEMA_SPEC.summary,
    spec: SCHEMA_SPEC,
    load: async () => (await import('./commands/schema.js')).schemaCommand,
  },
  'verify-bag': {
    summary: VERIFY_BAG_SPEC.summary,
    spec: VERIFY_BAG_SPEC,
    load: async () => (await import('./commands/verify-bag.js')).verifyBagCommand,
  },
};

export function usage(): string {
  const names = Object.keys(commands);
  const width = Math.max(...names.map((n) => n.length)) + 2;
  const lines = ['Usage: tei-edition <command> [options]', '', 'Commands:'];
  for (const [name, { summary }] of Object.entries(commands)) lines.push(`  ${name.padEnd(width)}${summary}`);
  lines.push('', 'Options of each command (`tei-edition <command> --help` explains them):');
  for (const [name, { spec }] of Object.entries(commands)) {
    const options = spec.options.map((o) => `--${o.name}${o.value ? ` ${o.value}` : ''}`).join('  ');
    lines.push(`  ${name.padEnd(width)}${options}`);
  }
  lines.push('', 'Without a command:', '  -h, --help    show this help', '  --version     print the version of tei-edition');
  return lines.join('\n') + '\n';
}

export async function run(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    process.stderr.write(usage());
    return ExitCode.usage;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const about = name === 'help' ? rest[0] : undefined;
    if (about !== undefined && commands[about]) process.stdout.write(helpText(commands[about].spec));
    else if (about !== undefined) return unknownCommand(about);
    else process.stdout.write(usage());
    return ExitCode.ok;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${packageVersion()}\n`);
    return ExitCode.ok;
  }
  const entry = commands[name];
  if (!entry) return unknownCommand(name);
  const line = readCommandLine(entry.spec, rest);
  if (line.exit !== undefined) return line.exit;
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

function unknownCommand(name: string): number {
  const guess = closest(name, Object.keys(commands));
  const message = name.startsWith('-')
    ? `${name} needs a command before it, e.g. tei-edition validate ${name}`
    : `unknown command '${name}'${guess ? `; did you mean '${guess}'?` : ''} (commands: ${Object.keys(commands).join(', ')})`;
  return reportUsageError('', message);
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
