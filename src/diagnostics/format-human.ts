// Human output: one line per diagnostic (`file:line:col  severity  message  rule-id`), a short
// code frame under errors, and a summary line. Colour is decided by the caller (TTY, NO_COLOR).
import type { Diagnostic } from './diagnostic.js';
import { summarize, sortDiagnostics, type Report } from './report.js';

export interface HumanOptions {
  color: boolean;
  /** Source text by file, for code frames; files without text get no frame. */
  sourceOf?: (file: string) => string | undefined;
}

const codes = { red: 31, yellow: 33, cyan: 36, dim: 2, bold: 1, green: 32 } as const;

export function formatHuman(report: Report, options: HumanOptions): string {
  const paint = (style: keyof typeof codes, text: string): string => (options.color ? `\u001b[${codes[style]}m${text}\u001b[0m` : text);
  const out: string[] = [];
  const lineCache = new Map<string, string[] | undefined>();
  const linesOf = (file: string): string[] | undefined => {
    if (!lineCache.has(file)) lineCache.set(file, options.sourceOf?.(file)?.split(/\r\n|\r|\n/));
    return lineCache.get(file);
  };
  for (const d of sortDiagnostics(report)) {
    out.push(diagnosticLine(d, paint));
    if (d.severity === 'error' && d.line !== undefined) {
      const lines = linesOf(d.file);
      if (lines) out.push(...codeFrame(lines, d.line, d.column, paint));
    }
  }
  const s = summarize(report);
  const counts = [
    `${s.errors} error${s.errors === 1 ? '' : 's'}`,
    `${s.warnings} warning${s.warnings === 1 ? '' : 's'}`,
    ...(s.infos ? [`${s.infos} info`] : []),
  ].join(', ');
  const files = `${s.files} file${s.files === 1 ? '' : 's'}`;
  if (out.length > 0) out.push('');
  out.push(
    s.errors > 0
      ? paint('red', `✖ ${counts} (${s.filesWithErrors} of ${files} with errors)`)
      : paint('green', `✔ ${files} valid`) + (s.warnings || s.infos ? ` (${counts})` : ''),
  );
  return out.join('\n') + '\n';
}

function diagnosticLine(d: Diagnostic, paint: (s: keyof typeof codes, t: string) => string): string {
  const place = d.line === undefined ? d.file : `${d.file}:${d.line}:${d.column ?? 1}`;
  const sev = d.severity === 'error' ? paint('red', 'error') : d.severity === 'warning' ? paint('yellow', 'warning') : paint('cyan', 'info');
  return `${place}  ${sev}  ${d.message}  ${paint('dim', d.ruleId)}`;
}

function codeFrame(lines: string[], line: number, column: number | undefined, paint: (s: keyof typeof codes, t: string) => string): string[] {
  const out: string[] = [];
  const first = Math.max(1, line - 1);
  const last = Math.min(lines.length, line + 1);
  const width = String(last).length;
  const clip = (t: string): string => (t.length > 160 ? t.slice(0, 157) + '...' : t);
  for (let n = first; n <= last; n++) {
    const marker = n === line ? paint('red', '>') : ' ';
    out.push(`  ${marker} ${String(n).padStart(width)} | ${clip(lines[n - 1] ?? '').replace(/\t/g, ' ')}`);
    if (n === line && column !== undefined && column <= 160) {
      out.push(`    ${' '.repeat(width)} | ${' '.repeat(Math.max(0, column - 1))}${paint('red', '^')}`);
    }
  }
  return out;
}
