// The command line, run the way a user runs it: in this process (fast, for many cases) with its
// output captured, or as a child process (for signals, locks and what the process itself prints).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { vi } from 'vitest';
import { run } from '../../../src/cli/main.js';
import { projectRoot } from '../../helpers/paths.js';

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

export const BIN = path.join(projectRoot, 'bin', 'tei-edition.js');

/** Runs `tei-edition ARGS` in this process; what it writes is captured, not shown. */
export async function runInProcess(args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  try {
    const status = await run(args);
    return { status, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

export function runChild(args: string[], cwd: string = projectRoot, timeoutMs = 60_000, nodeOptions: string[] = []): CliRun {
  const r = spawnSync(process.execPath, [...nodeOptions, BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function startChild(args: string[], cwd: string = projectRoot, env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Rule ids in a JSON report (validate --format json). */
export function ruleIdsOf(run: CliRun): { ruleId: string; line?: number }[] {
  const report = JSON.parse(run.stdout) as { files: { diagnostics: { ruleId: string; line?: number }[] }[] };
  return report.files.flatMap((f) => f.diagnostics);
}

/** A digest of a folder tree: every path, kind and content, so "unchanged" means byte-identical. */
export function treeDigest(dir: string): string {
  const hash = createHash('sha256');
  if (!existsSync(dir)) return 'absent';
  const visit = (d: string, rel: string): void => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      const r = `${rel}/${name}`;
      if (statSync(full).isDirectory()) {
        hash.update(`D ${r}\0`);
        visit(full, r);
      } else {
        hash.update(`F ${r}\0`);
        hash.update(readFileSync(full));
        hash.update('\0');
      }
    }
  };
  visit(dir, '');
  return hash.digest('hex');
}

/** Hidden entries (temporary build folders, locks) beside and inside the output folder. */
export function strayEntries(outDir: string): string[] {
  const hidden = (d: string): string[] => (existsSync(d) ? readdirSync(d).filter((n) => n.startsWith('.')).map((n) => path.join(d, n)) : []);
  return [...hidden(path.dirname(outDir)), ...hidden(outDir)];
}

/** Every .html and .xhtml file under a folder. */
export function pagesUnder(dir: string): string[] {
  const out: string[] = [];
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...pagesUnder(full));
    else if (/\.x?html$/i.test(name)) out.push(full);
  }
  return out;
}
