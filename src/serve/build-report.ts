// What `serve` says about a build, to the terminal (one line per build) and to the open pages (the
// problems of a failed build). Pure functions: the command prints, the event stream sends.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { sortDiagnostics, type Report } from '../diagnostics/report.js';
import { displayPath } from '../read/files.js';

/** What the open pages show while the sources do not build. */
export interface BuildFailure {
  title: string;
  note: string;
  /** `file:line:col  severity  message  rule-id`, as the terminal prints them. */
  lines: string[];
  /** Problems not listed (the terminal has them all). */
  more: number;
}

/** Problems listed on the page; a broken corpus can have thousands. */
export const LISTED_ON_PAGE = 50;

export function diagnosticText(d: Diagnostic): string {
  const place = d.line === undefined ? d.file : `${d.file}:${d.line}:${d.column ?? 1}`;
  return `${place}  ${d.severity}  ${d.message}  ${d.ruleId}`;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Why a build did not replace the site: its errors (the findings that stopped it), else everything it
 * found, else the failure's text.
 */
export function failureOf(kind: 'invalid' | 'usage' | 'failed' | 'crashed', report: Report, failure?: string): BuildFailure {
  const sorted = sortDiagnostics(report);
  const errors = sorted.filter((d) => d.severity === 'error');
  const shown = (errors.length > 0 ? errors : sorted).map(diagnosticText);
  if (failure) shown.unshift(failure);
  const title =
    kind === 'invalid'
      ? `The sources have ${plural(errors.length, 'error')}: not built`
      : kind === 'usage'
        ? 'The edition could not be built as configured'
        : kind === 'crashed'
          ? 'The build stopped with an internal error'
          : 'The build failed';
  return {
    title,
    note: 'This page is the last good build. It reloads by itself once the sources build again.',
    lines: shown.slice(0, LISTED_ON_PAGE),
    more: Math.max(0, shown.length - LISTED_ON_PAGE),
  };
}

/** `tei/documents/a.xml changed`, `3 files changed: a.xml, b.xml, c.xml`, `a.xml and 4 more changed`. */
export function describeChanges(changed: readonly string[], cwd: string = process.cwd()): string {
  const shown = [...new Set(changed.map((c) => displayPath(c, cwd)))];
  if (shown.length === 0) return 'rebuilt';
  if (shown.length <= 3) return `${shown.join(', ')} changed`;
  return `${shown.slice(0, 2).join(', ')} and ${shown.length - 2} more changed`;
}

/** The clock time at the start of each of serve's lines, in the user's time zone: HH:MM:SS. */
export function clockTime(at: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(at.getHours())}:${two(at.getMinutes())}:${two(at.getSeconds())}`;
}

/** The one line a build leaves in the terminal. */
export function buildLine(at: Date, what: string, outcome: { built: true; seconds: number; warnings: number; pages?: number } | { built: false; errors: number; reason: string }): string {
  if (outcome.built) {
    const pages = outcome.pages === undefined ? '' : `, ${plural(outcome.pages, 'page')}`;
    return `${clockTime(at)}  ${what}: built in ${outcome.seconds.toFixed(1)} s${pages}, ${plural(outcome.warnings, 'warning')}`;
  }
  const errors = outcome.errors > 0 ? ` (${plural(outcome.errors, 'error')})` : '';
  return `${clockTime(at)}  ${what}: not built${errors}: ${outcome.reason}`;
}

/** The address to open: a wildcard or IPv6 host written as a browser needs it. */
export function addressToOpen(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}/`;
}
