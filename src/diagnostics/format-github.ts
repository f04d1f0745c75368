// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`, which the
// runner turns into annotations on the changed lines. Escaping follows the runner's rules:
// data escapes %, \r, \n; property values also escape : and ,.
import type { Diagnostic } from './diagnostic.js';
import { describeClean, sortDiagnostics, type CheckedLayers, type Report } from './report.js';

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(d: Diagnostic): string {
  const level = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
  const props = [`file=${escapeProperty(d.file)}`];
  if (d.line !== undefined) props.push(`line=${d.line}`, `col=${d.column ?? 1}`);
  props.push(`title=${escapeProperty(d.ruleId)}`);
  return `::${level} ${props.join(',')}::${escapeData(d.message)}`;
}

/**
 * One command per diagnostic. A run with nothing to report still prints one notice, so that the
 * workflow's log shows the check ran and what it covered rather than nothing at all.
 */
export function formatGithub(report: Report, options: { title?: string; checked?: CheckedLayers } = {}): string {
  const lines = sortDiagnostics(report).map(command);
  if (lines.length === 0) lines.push(`::notice title=${escapeProperty(options.title ?? 'tei-edition')}::${escapeData(describeClean(report, options.checked))}`);
  return lines.join('\n') + '\n';
}
