// The command line as data. Each command declares its options in a table (src/cli/specs.ts); this
// module reads argv against that table and writes `--help` from it, so the help cannot drift from
// what is accepted, every command reads an option the same way, and every usage error has one
// form and exit code 2.
//
// The grammar: `--name value`, `--name=value`, `-h`, `--` ending the options, everything else a path.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExitCode } from '../diagnostics/diagnostic.js';
import { closest } from '../diagnostics/suggest.js';

export type OptionValue = string | number | boolean | readonly string[];

export interface OptionSpec {
  /** The long name without dashes: `config` for `--config`. */
  name: string;
  /** A one-letter alias: `h` for `-h`. */
  short?: string;
  /** The value's placeholder in the help (`FILE`); absent for a flag. */
  value?: string;
  help: string;
  /** Turns the text after the option into its value, or says what is wrong with it (a string). */
  parse?: (text: string) => { value: OptionValue } | { error: string };
}

export interface CommandSpec {
  name: string;
  summary: string;
  /** What follows the options in the usage line, e.g. `[PATH...]`; absent when the command takes no paths. */
  operands?: string;
  /** How many paths the command takes at most (default: any number). */
  maxOperands?: number;
  /** Paragraphs shown between the usage line and the options. */
  description: string;
  options: readonly OptionSpec[];
  /** Lines after the options: exit codes, where to read more. */
  epilogue?: string;
}

export interface ParsedCommandLine {
  /** Option values by name; flags are `true` when given. */
  options: Record<string, OptionValue | undefined>;
  paths: string[];
}

export type ParseOutcome = { ok: true; parsed: ParsedCommandLine } | { ok: false; message: string };

/** Options every command has: they behave the same everywhere. */
export const HELP_OPTION: OptionSpec = { name: 'help', short: 'h', help: 'show this help' };
export const VERSION_OPTION: OptionSpec = { name: 'version', help: 'print the version of tei-edition' };
export const DEBUG_OPTION: OptionSpec = { name: 'debug', help: 'print stack traces of internal errors' };

/** One of a fixed set of words. */
export function oneOf(option: string, words: readonly string[]): OptionSpec['parse'] {
  return (text) => (words.includes(text) ? { value: text } : { error: `--${option} needs one of ${words.join(', ')}${hintFor(text, words)}` });
}

/** A comma-separated list of words from a fixed set. */
export function someOf(option: string, words: readonly string[]): OptionSpec['parse'] {
  return (text) => {
    const list = text.split(',').map((w) => w.trim()).filter(Boolean);
    const wrong = list.find((w) => !words.includes(w));
    if (list.length === 0 || wrong !== undefined) {
      return { error: `--${option} needs one or more of ${words.join(', ')}, separated by commas${wrong === undefined ? '' : hintFor(wrong, words)}` };
    }
    return { value: list };
  };
}

const hintFor = (text: string, words: readonly string[]): string => {
  const guess = closest(text, words);
  return guess === undefined ? ` (got "${text}")` : ` (got "${text}"; did you mean "${guess}"?)`;
};

/** Reads `args` against the command's table. Help and version are options like the others. */
export function parseCommandLine(spec: CommandSpec, args: readonly string[]): ParseOutcome {
  const options: ParsedCommandLine['options'] = {};
  const paths: string[] = [];
  const byName = new Map<string, OptionSpec>();
  for (const o of spec.options) {
    byName.set(`--${o.name}`, o);
    if (o.short) byName.set(`-${o.short}`, o);
  }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      paths.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      paths.push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const option = byName.get(name);
    if (!option) return { ok: false, message: unknownOption(spec, name) };
    if (option.value === undefined) {
      if (eq > 0) return { ok: false, message: `--${option.name} takes no value (got "${arg}")` };
      options[option.name] = true;
      continue;
    }
    let text: string | undefined;
    if (eq > 0) text = arg.slice(eq + 1);
    else {
      const next = args[i + 1];
      // `--config --strict` is a forgotten value, not a file called "--strict".
      if (next !== undefined && !(next.startsWith('--') && next.length > 2)) {
        text = next;
        i++;
      }
    }
    if (text === undefined || text === '') return { ok: false, message: `--${option.name} needs a value: --${option.name} ${option.value}` };
    if (option.parse) {
      const result = option.parse(text);
      if ('error' in result) return { ok: false, message: result.error };
      options[option.name] = result.value;
    } else options[option.name] = text;
  }
  if (paths.length > 0 && spec.operands === undefined) {
    return { ok: false, message: `${spec.name} takes no paths (got "${paths[0]}")${paths[0]!.startsWith('-') ? '' : '; options begin with --'}` };
  }
  if (spec.maxOperands !== undefined && paths.length > spec.maxOperands) {
    return { ok: false, message: `${spec.name} takes ${spec.operands ?? 'no paths'}, ${spec.maxOperands === 1 ? 'one' : spec.maxOperands} at most (got ${paths.length}: ${paths.join(' ')})` };
  }
  return { ok: true, parsed: { options, paths } };
}

/** Other commands' options, so that `validate --out` can say that --out belongs to build. */
let allSpecs: readonly CommandSpec[] = [];
export function registerSpecs(specs: readonly CommandSpec[]): void {
  allSpecs = specs;
}

function unknownOption(spec: CommandSpec, name: string): string {
  const names = spec.options.map((o) => `--${o.name}`);
  const guess = closest(name, names);
  if (guess !== undefined) return `unknown option ${name}; did you mean ${guess}?`;
  const owners = allSpecs.filter((s) => s !== spec && s.options.some((o) => `--${o.name}` === name)).map((s) => s.name);
  if (owners.length > 0) return `unknown option ${name}: it is an option of ${owners.join(' and ')}, not of ${spec.name}`;
  return `unknown option ${name}`;
}

/** `Usage: tei-edition build [options] [PATH...]` */
export function usageLine(spec: CommandSpec): string {
  return `Usage: tei-edition ${spec.name} [options]${spec.operands ? ` ${spec.operands}` : ''}`;
}

/** The command's help, made from its table. */
export function helpText(spec: CommandSpec): string {
  const rows = spec.options.map((o) => [`${o.short ? `-${o.short}, ` : ''}--${o.name}${o.value ? ` ${o.value}` : ''}`, o.help] as const);
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  const lines = [usageLine(spec), '', spec.description.trimEnd(), '', 'Options:'];
  for (const [left, help] of rows) {
    const [first, ...rest] = help.split('\n');
    lines.push(`  ${left.padEnd(width)}${first}`);
    for (const more of rest) lines.push(`  ${' '.repeat(width)}${more}`);
  }
  if (spec.epilogue) lines.push('', spec.epilogue.trimEnd());
  return lines.join('\n') + '\n';
}

/** Every usage error looks like this, whatever the command, and ends the run with exit 2. */
export function reportUsageError(command: string, message: string, stream: NodeJS.WritableStream = process.stderr): number {
  const who = command ? `tei-edition ${command}` : 'tei-edition';
  stream.write(`${who}: error: ${message}  cli/usage\nRun \`${who} --help\` for ${command ? 'its options' : 'the commands'}.\n`);
  return ExitCode.usage;
}

/** package.json is two levels above lib/cli/ (or src/cli/). */
export function packageVersion(): string {
  const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/**
 * What every command does first: read the command line; answer --help and --version; refuse what
 * does not parse. `exit` is set when the command should stop there with that code.
 */
export function readCommandLine(spec: CommandSpec, args: readonly string[]): { exit: number } | { exit?: undefined; parsed: ParsedCommandLine } {
  const outcome = parseCommandLine(spec, args);
  // --help wins over a mistake elsewhere on the line: someone asking for help gets it.
  if (args.includes('--help') || args.includes('-h')) {
    const beforeDashes = args.indexOf('--') === -1 ? args : args.slice(0, args.indexOf('--'));
    if (beforeDashes.includes('--help') || beforeDashes.includes('-h')) {
      process.stdout.write(helpText(spec));
      return { exit: ExitCode.ok };
    }
  }
  if (!outcome.ok) return { exit: reportUsageError(spec.name, outcome.message) };
  if (outcome.parsed.options.version) {
    process.stdout.write(`${packageVersion()}\n`);
    return { exit: ExitCode.ok };
  }
  return { parsed: outcome.parsed };
}
