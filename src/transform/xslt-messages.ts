// Messages of the stylesheets (xslt/common/diagnostics.xsl) as placed diagnostics: each names a rule
// and the path of a node (XPath path(), e.g. /Q{ns}TEI[1]/Q{ns}text[1]/Q{ns}body[1]/Q{ns}p[2]), which
// is found in the tree the read stage made, whose elements know their line and column.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { findRule } from '../diagnostics/rules.js';
import type { XmlElement } from '../read/tree.js';

interface RawMessage {
  rule?: unknown;
  path?: unknown;
  message?: unknown;
}

/** The element a path() leads to, or the deepest element on its way that exists. */
export function elementAtPath(root: XmlElement, xpath: string): XmlElement | undefined {
  // Namespace URIs hold '/', so steps are matched whole rather than split on it.
  const steps = [...xpath.matchAll(/\/Q\{([^}]*)\}([^/[]+)\[(\d+)\]/g)];
  let current: XmlElement | undefined;
  for (const m of steps) {
    const [, ns = '', local = '', nth = '1'] = m;
    const candidates = current === undefined ? [root] : current.children.filter((c): c is XmlElement => c.kind === 'element');
    const matching = candidates.filter((c) => c.localName === local && (c.namespace ?? '') === ns);
    const next = matching[Number(nth) - 1];
    if (!next) break;
    current = next;
  }
  return current;
}

/** One message as a diagnostic of `file` (as displayed); undefined when it is not one of ours. */
export function diagnosticOfMessage(text: string, file: string, root: XmlElement | undefined): Diagnostic | undefined {
  let raw: RawMessage;
  try {
    raw = JSON.parse(text) as RawMessage;
  } catch {
    return { file, severity: 'warning', ruleId: 'xslt/message', message: text.trim() };
  }
  if (typeof raw.rule !== 'string' || typeof raw.message !== 'string') return undefined;
  const at = root && typeof raw.path === 'string' ? elementAtPath(root, raw.path) : undefined;
  return { file, ...(at ? { line: at.line, column: at.column } : {}), severity: findRule(raw.rule)?.severity ?? 'warning', ruleId: raw.rule, message: raw.message };
}
