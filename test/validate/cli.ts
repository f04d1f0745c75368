// Runs the real CLI (compiled into lib/ by `npx tsc`) and returns what a user would see.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = 'test/fixtures/validate';
export const SHARED = path.resolve(ROOT, '../shared');

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

export function validate(args: string[], cwd: string = ROOT): CliRun {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/tei-edition.js'), 'validate', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export interface JsonDiagnostic {
  file: string;
  line?: number;
  column?: number;
  severity: string;
  ruleId: string;
  message: string;
}

export function diagnosticsOf(run: CliRun): JsonDiagnostic[] {
  const report = JSON.parse(run.stdout) as { files: { diagnostics: JsonDiagnostic[] }[] };
  return report.files.flatMap((f) => f.diagnostics);
}

/**
 * `tei-edition validate ARGS` in this process, its output captured: the same as `validate` without
 * starting Node for each run, for tests that run the command many times (test/validate/rules.test.ts).
 */
export async function validateInProcess(args: string[]): Promise<CliRun> {
  const { vi } = await import('vitest');
  const { run } = await import('../../src/cli/main.js');
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  try {
    const status = await run(['validate', ...args]);
    return { status, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
