// What a validation run hands to a formatter: the files it looked at and what it found.
import type { Diagnostic } from './diagnostic.js';

export interface Report {
  /** Every file checked, as displayed; formats that list files (JUnit) include clean ones. */
  files: readonly string[];
  diagnostics: readonly Diagnostic[];
}

export interface Summary {
  files: number;
  filesWithErrors: number;
  errors: number;
  warnings: number;
  infos: number;
}

export function summarize(report: Report): Summary {
  const failing = new Set<string>();
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const d of report.diagnostics) {
    if (d.severity === 'error') {
      errors++;
      failing.add(d.file);
    } else if (d.severity === 'warning') warnings++;
    else infos++;
  }
  return { files: report.files.length, filesWithErrors: failing.size, errors, warnings, infos };
}

/** Diagnostics in a stable order: by file (in report order), line, column, rule. */
export function sortDiagnostics(report: Report): Diagnostic[] {
  const order = new Map(report.files.map((f, i) => [f, i]));
  return [...report.diagnostics].sort(
    (a, b) =>
      (order.get(a.file) ?? -1) - (order.get(b.file) ?? -1) ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}

export function diagnosticsByFile(report: Report): Map<string, Diagnostic[]> {
  const map = new Map<string, Diagnostic[]>();
  for (const f of report.files) map.set(f, []);
  for (const d of sortDiagnostics(report)) {
    const list = map.get(d.file);
    if (list) list.push(d);
    else map.set(d.file, [d]);
  }
  return map;
}
