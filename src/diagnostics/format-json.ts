// JSON output for tools: stable key order, one entry per file, every diagnostic in full.
import { diagnosticsByFile, summarize, type Report } from './report.js';

export function formatJson(report: Report): string {
  const summary = summarize(report);
  const files = [...diagnosticsByFile(report)].map(([file, diagnostics]) => ({
    file,
    valid: !diagnostics.some((d) => d.severity === 'error'),
    diagnostics: diagnostics.map((d) => ({
      file: d.file,
      ...(d.line === undefined ? {} : { line: d.line }),
      ...(d.column === undefined ? {} : { column: d.column }),
      severity: d.severity,
      ruleId: d.ruleId,
      message: d.message,
    })),
  }));
  return JSON.stringify({ version: 1, valid: summary.errors === 0, summary, files }, null, 2) + '\n';
}
