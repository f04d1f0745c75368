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

/** Which layers ran, so that a clean run can say what it checked rather than just "valid". */
export interface CheckedLayers {
  /** The RelaxNG schema, as displayed; undefined when none was given. */
  schema?: string;
  /** How many Schematron files ran. */
  schematron: number;
}

/**
 * "6 files well-formed, valid against x.rng, editorial rules passed; no RelaxNG schema given": what a
 * run without errors checked. A layer whose findings were only warnings (a build of named files
 * reports schema errors as warnings) is "checked", never "valid".
 */
export function describeClean(report: Report, checked: CheckedLayers | undefined): string {
  const { files: n } = summarize(report);
  const files = `${n} file${n === 1 ? '' : 's'}`;
  if (!checked) return `${files} valid`;
  const found = (prefix: string): boolean => report.diagnostics.some((d) => d.ruleId.startsWith(prefix) && d.severity !== 'info');
  const passed = [
    'well-formed',
    ...(checked.schema ? [`${found('rng/') ? 'checked' : 'valid'} against ${checked.schema}`] : []),
    ...(checked.schematron > 0 ? [`Schematron (${checked.schematron} file${checked.schematron === 1 ? '' : 's'}) ${found('sch/') ? 'checked' : 'passed'}`] : []),
    'editorial rules passed',
  ];
  return `${files} ${passed.join(', ')}${checked.schema ? '' : '; no RelaxNG schema given'}`;
}
