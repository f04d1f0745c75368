// The date a build states: SOURCE_DATE_EPOCH if set, else the last commit of the sources' repository,
// else the newest source file. Never the clock.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';

export function sourceDate(cwd: string, files: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  try {
    const out = execFileSync('git', ['log', '-1', '--format=%ct'], { cwd, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    if (/^\d+$/.test(out)) return new Date(Number(out) * 1000).toISOString().slice(0, 10);
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
  return new Date(Math.floor(newest / 1000) * 1000).toISOString().slice(0, 10);
}
