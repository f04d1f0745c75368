// Human output: one line per diagnostic (`file:line:col  severity  message  rule-id`), a short
// code frame under errors, and a closing line that says what was checked. Colour is decided by the
// caller (TTY, NO_COLOR).
//
// A large corpus can give thousands of findings of one rule, which bury the few that matter. So,
// unless `verbose`, a long list shows the first few findings of each rule in full and then a count,
// and a table of the rules closes it; the machine formats always list everything.
import type { Diagnostic } from './diagnostic.js';
import { findRule } from './rules.js';
import { describeClean, summarize, sortDiagnostics, type CheckedLayers, type Report } from './report.js';

export interface HumanOptions {
  color: boolean;
  /** Source text by file, for code frames; files without text get no frame. */
  sourceOf?: (file: string) => string | undefined;
  /** Every finding in full, in file order. */
  verbose?: boolean;
  /** Only errors (the closing line still counts everything). */
  quiet?: boolean;
  /** What ran, for the closing line of a clean run. */
  checked?: CheckedLayers;
}

/** Findings of one rule shown in full before the rest are counted… */
export const SHOWN_PER_RULE = 3;
/** …once the list is longer than this; a short list is shown whole. */
export const LISTED_IN_FULL = 20;

const codes = { red: 31, yellow: 33, cyan: 36, dim: 2, bold: 1, green: 32 } as const;
type Paint = (style: keyof typeof codes, text: string) => string;

const severityRank = { error: 0, warning: 1, info: 2 } as const;

export function formatHuman(report: Report, options: HumanOptions): string {
  const paint: Paint = (style, text) => (options.color ? `\u001b[${codes[style]}m${text}\u001b[0m` : text);
  const out: string[] = [];
  const lineCache = new Map<string, string[] | undefined>();
  const linesOf = (file: string): string[] | undefined => {
    if (!lineCache.has(file)) lineCache.set(file, options.sourceOf?.(file)?.split(/\r\n|\r|\n/));
    return lineCache.get(file);
  };
  const show = (d: Diagnostic): void => {
    out.push(diagnosticLine(d, paint));
    if (d.severity === 'error' && d.line !== undefined) {
      const lines = linesOf(d.file);
      if (lines) out.push(...codeFrame(lines, d.line, d.column, paint));
    }
  };

  const listed = sortDiagnostics(report).filter((d) => !options.quiet || d.severity === 'error');
  const groups = new Map<string, Diagnostic[]>();
  for (const d of listed) {
    const key = `${d.severity} ${d.ruleId}`;
    const group = groups.get(key);
    if (group) group.push(d);
    else groups.set(key, [d]);
  }
  const elide = !options.verbose && listed.length > LISTED_IN_FULL && [...groups.values()].some((g) => g.length > SHOWN_PER_RULE);
  if (!elide) listed.forEach(show);
  else {
    // Grouped by rule, errors first, each rule where it first occurs.
    const ordered = [...groups.values()].sort((a, b) => severityRank[a[0]!.severity] - severityRank[b[0]!.severity]);
    for (const group of ordered) {
      group.slice(0, SHOWN_PER_RULE).forEach(show);
      const rest = group.length - SHOWN_PER_RULE;
      if (rest > 0) {
        const d = group[0]!;
        const files = new Set(group.map((g) => g.file)).size;
        out.push(paint('dim', `  … and ${rest} more ${d.ruleId} ${d.severity === 'info' ? 'info' : `${d.severity}s`} (${group.length} in ${files} file${files === 1 ? '' : 's'})`));
      }
    }
    out.push('', `By rule (${paint('bold', '--verbose')} lists every finding):`);
    const width = Math.max(...ordered.map((g) => g[0]!.ruleId.length));
    const countWidth = Math.max(...ordered.map((g) => String(g.length).length));
    for (const group of ordered) {
      const d = group[0]!;
      const summary = findRule(d.ruleId)?.summary ?? '';
      out.push(`  ${String(group.length).padStart(countWidth)}  ${severityWord(d, paint, 'warning'.length)}  ${d.ruleId.padEnd(width)}  ${paint('dim', summary)}`.trimEnd());
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
  // --quiet hides warnings from the list, never from the count.
  const hidden = options.quiet && s.warnings + s.infos > 0 ? ', not shown: --quiet' : '';
  if (s.errors > 0) {
    // Errors found before any file was read (a missing path, a bad config) check nothing.
    const notFound = report.diagnostics.filter((d) => d.ruleId === 'io/missing-file' && report.files.includes(d.file)).length;
    const where = s.files === 0 ? '; no file was checked' : ` (${s.filesWithErrors} of ${files} with errors${notFound ? `: ${notFound} not found` : ''}${hidden})`;
    out.push(paint('red', `✖ ${counts}${where}`));
  } else {
    out.push(paint('green', `✔ ${describeClean(report, options.checked)}`) + (s.warnings || s.infos ? ` (${counts}${hidden})` : ''));
  }
  return out.join('\n') + '\n';
}

/** The severity, coloured; padded to `width` letters (padding outside the colour codes). */
function severityWord(d: Diagnostic, paint: Paint, width = 0): string {
  const painted = d.severity === 'error' ? paint('red', 'error') : d.severity === 'warning' ? paint('yellow', 'warning') : paint('cyan', 'info');
  return painted + ' '.repeat(Math.max(0, width - d.severity.length));
}

function diagnosticLine(d: Diagnostic, paint: Paint): string {
  const place = d.line === undefined ? d.file : `${d.file}:${d.line}:${d.column ?? 1}`;
  return `${place}  ${severityWord(d, paint)}  ${d.message}  ${paint('dim', d.ruleId)}`;
}

function codeFrame(lines: string[], line: number, column: number | undefined, paint: Paint): string[] {
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
