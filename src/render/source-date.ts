// The date a build states: SOURCE_DATE_EPOCH if set, else the last commit of the sources' repository,
// else the newest source file. Never the clock.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';

/** The instant a build states, ISO 8601 in UTC with seconds ("2026-01-31T12:00:00Z"). */
export function sourceInstant(cwd: string, files: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  const iso = (seconds: number): string => new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return iso(Number(epoch));
  try {
    const out = execFileSync('git', ['log', '-1', '--format=%ct'], { cwd, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    if (/^\d+$/.test(out)) return iso(Number(out));
  } catch {
    // not a repository, or no git: fall through
  }
  let newest = 0;
  for (const f of files) {
    try {
      newest = Math.max(newest, statSync(f).mtimeMs);
    } catch {
      // unreadable files were reported by the check stage
    }
  }
  return iso(Math.floor(newest / 1000));
}

export function sourceDate(cwd: string, files: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  return sourceInstant(cwd, files, env).slice(0, 10);
}
