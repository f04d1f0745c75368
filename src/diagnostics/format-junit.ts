// JUnit XML, the report format CI systems display: one testcase per file, which fails when the
// file has errors; warnings are listed in the testcase's system-out.
import type { Diagnostic } from './diagnostic.js';
import { diagnosticsByFile, summarize, type Report } from './report.js';

function escapeXml(text: string): string {
  // Characters XML cannot carry at all are replaced, so the report always parses.
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function describe(d: Diagnostic): string {
  const place = d.line === undefined ? d.file : `${d.file}:${d.line}:${d.column ?? 1}`;
  return `${place} ${d.severity} ${d.message} [${d.ruleId}]`;
}

export function formatJunit(report: Report, suiteName = 'tei-edition validate'): string {
  const s = summarize(report);
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(`<testsuites name="${escapeXml(suiteName)}" tests="${s.files}" failures="${s.filesWithErrors}" errors="0">`);
  out.push(`  <testsuite name="${escapeXml(suiteName)}" tests="${s.files}" failures="${s.filesWithErrors}" errors="0" skipped="0">`);
  for (const [file, diagnostics] of diagnosticsByFile(report)) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const others = diagnostics.filter((d) => d.severity !== 'error');
    out.push(`    <testcase name="${escapeXml(file)}" classname="validate" file="${escapeXml(file)}">`);
    if (errors.length > 0) {
      const first = errors[0]!;
      const message = `${errors.length} error${errors.length === 1 ? '' : 's'}; first: ${first.message}`;
      out.push(`      <failure message="${escapeXml(message)}" type="${escapeXml(first.ruleId)}">${escapeXml(errors.map(describe).join('\n'))}</failure>`);
    }
    if (others.length > 0) out.push(`      <system-out>${escapeXml(others.map(describe).join('\n'))}</system-out>`);
    out.push('    </testcase>');
  }
  out.push('  </testsuite>', '</testsuites>');
  return out.join('\n') + '\n';
}
