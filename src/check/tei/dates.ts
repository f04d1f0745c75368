// tei/date-invalid and tei/date-range: dates that cannot exist, and ranges that end before
// they begin. Only on members of att.datable, where these attributes are dates (see datable.ts).
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { TEI_NAMESPACE, type XmlAttribute } from '../../read/tree.js';
import { elementsOf, type TeiContext } from './context.js';
import { DATABLE_ELEMENTS, ISO_DATE_ATTRIBUTES as ISO, W3C_DATE_ATTRIBUTES as W3C } from './datable.js';
import { checkIsoDate, checkW3cDate, type DateSpan } from './iso-date.js';

const RANGES: [string, string][] = [
  ['from', 'to'],
  ['notBefore', 'notAfter'],
  ['from-iso', 'to-iso'],
  ['notBefore-iso', 'notAfter-iso'],
];

export function checkDates(context: TeiContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const source of context.sources) {
    for (const e of elementsOf(source)) {
      if (e.namespace !== TEI_NAMESPACE || !DATABLE_ELEMENTS.has(e.localName)) continue;
      const spans = new Map<string, { span: DateSpan; attr: XmlAttribute }>();
      for (const a of e.attributes) {
        if (a.namespace !== null) continue;
        const w3c = W3C.has(a.localName);
        if (!w3c && !ISO.has(a.localName)) continue;
        const check = w3c ? checkW3cDate(a.value) : checkIsoDate(a.value);
        if (!check.ok) {
          out.push({
            file: source.path,
            line: a.line,
            column: a.column,
            severity: 'error',
            ruleId: 'tei/date-invalid',
            message: `@${a.name}="${a.value}" is not a real date: ${check.reason}`,
          });
        } else if (check.span) spans.set(a.localName, { span: check.span, attr: a });
      }
      for (const [startName, endName] of RANGES) {
        const start = spans.get(startName);
        const end = spans.get(endName);
        if (start && end && start.span.start > end.span.end) {
          out.push({
            file: source.path,
            line: start.attr.line,
            column: start.attr.column,
            severity: 'error',
            ruleId: 'tei/date-range',
            message: `@${startName}="${start.attr.value}" is after @${endName}="${end.attr.value}": the range ends before it begins`,
          });
        }
      }
    }
  }
  return out;
}
