// Diagnostics are data: every stage reports problems as values of this type, and only
// formatters (src/diagnostics/format-*.ts) turn them into text.

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** Path of the file as the user named it (relative to the working directory where possible). */
  file: string;
  /** 1-based line, when known. */
  line?: number;
  /** 1-based column, when known. */
  column?: number;
  severity: Severity;
  /** `<source>/<name>`: wf/, rng/, tei/, sch/, xslt/, config/, package/, io/, cli/ */
  ruleId: string;
  message: string;
}

/** Exit codes shared by every command (see README, "Exit codes"). */
export const ExitCode = {
  ok: 0,
  contentErrors: 1,
  usage: 2,
  internal: 3,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
