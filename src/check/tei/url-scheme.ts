// tei/unsafe-url (a warning): a link whose scheme a reader's browser could run or fetch from
// somewhere unexpected (`javascript:`, `data:`, `file:`, `vbscript:` …). The HTML edition only
// links http, https, mailto and relative addresses; everything else is shown as text, and this
// rule says so at the attribute, so an editor learns why a link is missing. A prefix the file
// declares with a prefixDef (TEI's private URI schemes, `iiif:page1.jpg`) is a pointer, not a
// scheme: its expansion is what is checked.
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { SourceFile } from '../../read/load.js';
import { attribute, isTei, TEI_NAMESPACE } from '../../read/tree.js';
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

interface PrefixDef {
  match: RegExp;
  replacement: string;
}

/** The prefixDefs of a file, by prefix; a pattern that is not a valid regular expression is left out. */
function prefixDefsOf(source: SourceFile | undefined): Map<string, PrefixDef[]> {
  const defs = new Map<string, PrefixDef[]>();
  if (!source) return defs;
  for (const e of elementsOf(source)) {
    if (!isTei(e, 'prefixDef')) continue;
    const ident = attribute(e, 'ident');
    const match = attribute(e, 'matchPattern');
    const replacement = attribute(e, 'replacementPattern');
    if (ident === undefined || match === undefined || replacement === undefined) continue;
    try {
      const def = { match: new RegExp(match, 'u'), replacement };
      defs.set(ident, [...(defs.get(ident) ?? []), def]);
    } catch {
      continue;
    }
  }
  return defs;
}

/**
 * What a token declared as a private URI (`prefix:rest`, prefix in a prefixDef) expands to, by
 * the first prefixDef whose pattern matches the rest; `null` when it is declared but none
 * matches (then it is no address at all); undefined when the prefix is not declared.
 */
function expandPrefixed(token: string, defs: Map<string, PrefixDef[]>): string | null | undefined {
  const colon = token.indexOf(':');
  if (colon <= 0) return undefined;
  const candidates = defs.get(token.slice(0, colon));
  if (!candidates) return undefined;
  const rest = token.slice(colon + 1);
  for (const { match, replacement } of candidates) {
    if (match.test(rest)) return rest.replace(match, replacement);
  }
  return null;
}

export function checkUrlSchemes(context: TeiContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const editionDefs = prefixDefsOf(context.editionSource);
  for (const source of context.sources) {
    const own = prefixDefsOf(source);
    const defs = new Map([...editionDefs, ...own]);
    for (const e of elementsOf(source)) {
      if (e.namespace !== TEI_NAMESPACE) continue;
      for (const a of e.attributes) {
        if (a.namespace !== null || !URL_ATTRIBUTES.has(a.localName)) continue;
        // Browsers split nothing: a value is one URL to them, but TEI's pointer lists are split on spaces.
        for (const token of a.value.split(/[ \t\n\r]+/)) {
          if (token === '' || isAllowedUrl(token)) continue;
          const expanded = defs.size === 0 ? undefined : expandPrefixed(token, defs);
          if (expanded === null || (expanded !== undefined && isAllowedUrl(expanded))) continue;
          out.push({
            file: source.path,
            line: a.line,
            column: a.column,
            severity: 'warning',
            ruleId: 'tei/unsafe-url',
            message: `@${a.name}="${shown(token)}" ${expanded === undefined ? 'uses' : `expands by its prefixDef to "${shown(expanded)}", which uses`} the scheme "${urlScheme(expanded ?? token)}:", which the edition never links (only http, https, mailto and relative addresses): it is shown as text; use an http(s) address or a pointer into the edition`,
          });
        }
      }
    }
  }
  return out;
}
