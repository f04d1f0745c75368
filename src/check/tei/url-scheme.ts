// tei/unsafe-url (a warning): a link whose scheme a reader's browser could run or fetch from
// somewhere unexpected (`javascript:`, `data:`, `file:`, `vbscript:` …). The HTML edition only
// links http, https, mailto and relative addresses; everything else is shown as text, and this
// rule says so at the attribute, so an editor learns why a link is missing.
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { TEI_NAMESPACE } from '../../read/tree.js';
import { elementsOf, type TeiContext } from './context.js';

/** Attributes whose values become links or images in the outputs. */
export const URL_ATTRIBUTES = new Set(['target', 'ref', 'url', 'facs']);
export const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

/**
 * The scheme a browser would see, lower-cased, or undefined for a relative reference. Browsers
 * drop leading controls and spaces and any tab or line break inside the URL before reading the
 * scheme, so `java&#9;script:` is `javascript:` to them: do the same.
 */
export function urlScheme(token: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const cleaned = token.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '');
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(cleaned);
  return m ? m[1]!.toLowerCase() : undefined;
}

export function isAllowedUrl(token: string): boolean {
  const scheme = urlScheme(token);
  return scheme === undefined || ALLOWED_SCHEMES.has(scheme);
}

function shown(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}…` : value;
}

export function checkUrlSchemes(context: TeiContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const source of context.sources) {
    for (const e of elementsOf(source)) {
      if (e.namespace !== TEI_NAMESPACE) continue;
      for (const a of e.attributes) {
        if (a.namespace !== null || !URL_ATTRIBUTES.has(a.localName)) continue;
        // Browsers split nothing: a value is one URL to them, but TEI's pointer lists are split on spaces.
        for (const token of a.value.split(/[ \t\n\r]+/)) {
          if (token === '' || isAllowedUrl(token)) continue;
          out.push({
            file: source.path,
            line: a.line,
            column: a.column,
            severity: 'warning',
            ruleId: 'tei/unsafe-url',
            message: `@${a.name}="${shown(token)}" uses the scheme "${urlScheme(token)}:", which the edition never links (only http, https, mailto and relative addresses): it is shown as text; use an http(s) address or a pointer into the edition`,
          });
        }
      }
    }
  }
  return out;
}
