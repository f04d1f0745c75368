// The command-line grammar every command shares: `--name value`, `--name=value`, `--` ending the
// options, `-h`/`--help`, `--debug` (read by main.ts), and everything else a path. Each command
// says only what its own options mean.

/** What a command does with one of its options: nothing to report, or an error message. */
export type OptionHandler = (name: string, takeValue: () => string | undefined) => string | undefined | 'unknown';

export interface ScannedArgs {
  help: boolean;
  paths: string[];
}

export function scanArgs(args: readonly string[], handle: OptionHandler): { ok: true; scanned: ScannedArgs } | { ok: false; message: string } {
  const scanned: ScannedArgs = { help: false, paths: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      scanned.paths.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      scanned.paths.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (name === '-h' || name === '--help') {
      scanned.help = true;
      continue;
    }
    if (name === '--debug') continue;
    const outcome = handle(name, () => (eq > 0 ? arg.slice(eq + 1) : args[++i]));
    if (outcome === 'unknown') return { ok: false, message: `unknown option ${arg}` };
    if (outcome !== undefined) return { ok: false, message: outcome };
  }
  return { ok: true, scanned };
}

/** `--max-size MB`, shared by validate and build: the size in bytes, or what is wrong with the value. */
export function parseMegabytes(value: string | undefined): number | string {
  const v = Number(value);
  return Number.isFinite(v) && v > 0 ? Math.round(v * 1024 * 1024) : '--max-size needs a size in MB, e.g. --max-size 64';
}
