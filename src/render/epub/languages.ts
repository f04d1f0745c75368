// Languages and writing directions in the book's XHTML. The transform marks a passage's language with
// lang (from @xml:lang); here each such element also gets xml:lang (what XML-based reading systems read)
// and, where its direction differs from the text around it, dir: "rtl" for Hebrew, Arabic and the other
// languages written from right to left, "ltr" for a passage in another language inside them. Reading
// systems would otherwise lay out a Hebrew phrase in an English paragraph, or its punctuation, from left
// to right.
import type { Node } from './dom.js';
import { languageTag } from './xml.js';

export type Direction = 'ltr' | 'rtl';

/** Scripts written from right to left (ISO 15924, lower case). */
const RTL_SCRIPTS = new Set(['adlm', 'arab', 'armi', 'avst', 'hatr', 'hebr', 'hung', 'khar', 'lydi', 'mand', 'mani', 'mend', 'narb', 'nbat', 'nkoo', 'orkh', 'palm', 'phli', 'phlp', 'phnx', 'prti', 'rohg', 'samr', 'sarb', 'sogd', 'syrc', 'thaa', 'yezi']);

/** Languages whose usual script is written from right to left (ISO 639, lower case). */
const RTL_LANGUAGES = new Set([
  'ar', 'arc', 'arq', 'ary', 'arz', 'apc', 'acm', 'ajp', 'aeb', 'bal', 'bqi', 'ckb', 'dv', 'fa', 'glk', 'hbo', 'he', 'iw', 'jrb', 'ji', 'khw', 'ks', 'lrc',
  'mid', 'mzn', 'nqo', 'ota', 'pnb', 'prs', 'ps', 'sam', 'sd', 'sdh', 'syc', 'syr', 'tmr', 'ug', 'ur', 'yi',
]);

/** The direction of a BCP 47 tag: its script's, if it names one, else its language's usual script's. */
export function directionOf(tag: string): Direction {
  const [language = '', ...rest] = tag.toLowerCase().split('-');
  const script = rest.find((s) => /^[a-z]{4}$/.test(s));
  if (script) return RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}

/**
 * Gives every element with lang (a well-formed language tag) its xml:lang, and dir where its language's direction differs from the
 * direction it stands in (`around`: the document's). An explicit dir is kept and followed.
 */
export function markLanguages(nodes: readonly Node[], around: Direction): void {
  for (const n of nodes) {
    if (n.kind !== 'element') continue;
    let inside = around;
    const lang = n.attrs.get('lang');
    if (lang !== undefined && languageTag(lang) === lang) {
      n.attrs.set('xml:lang', lang);
      const dir = n.attrs.get('dir');
      if (dir === 'rtl' || dir === 'ltr') inside = dir;
      else if (dir === undefined) {
        inside = directionOf(lang);
        if (inside !== around) n.attrs.set('dir', inside);
      }
    } else {
      const dir = n.attrs.get('dir');
      if (dir === 'rtl' || dir === 'ltr') inside = dir;
    }
    markLanguages(n.children, inside);
  }
}
