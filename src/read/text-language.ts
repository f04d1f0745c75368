// The language of a TEI file's text, read from its element tree before anything is transformed: the build
// chooses the interface's language from it (src/labels/labels.ts) before the stylesheets run, since they
// write the interface's words. The same rule as te:document-lang (xslt/html/page.xsl), which marks each
// document's words; test/build/interface-language.test.ts checks that both give the same on every file.
import { TEI_NAMESPACE, XML_NAMESPACE, childElements, type XmlElement } from './tree.js';

const child = (e: XmlElement | undefined, name: string): XmlElement | undefined =>
  e ? childElements(e).find((c) => c.localName === name && c.namespace === TEI_NAMESPACE) : undefined;

const xmlLang = (e: XmlElement | undefined): string | undefined =>
  e?.attributes.find((a) => a.localName === 'lang' && a.namespace === XML_NAMESPACE)?.value;

const attr = (e: XmlElement, name: string): string | undefined => e.attributes.find((a) => a.name === name && a.namespace === null)?.value;

/** xs:double's lexical space (what `castable as xs:double` accepts), surrounding whitespace allowed. */
const DOUBLE = /^\s*(?:[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|[+-]?INF|NaN)\s*$/;

const normalise = (s: string | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

/**
 * The text's @xml:lang (or that of its body, or of the body's first division), else the header's langUsage
 * (the language used most, by @usage, else the first), else the root's @xml:lang; '' when none says.
 */
export function textLanguage(root: XmlElement | undefined): string {
  if (!root) return '';
  const header = child(root, 'teiHeader');
  const text = child(root, 'text');
  const body = child(text, 'body');
  const langUsage = child(child(header, 'profileDesc'), 'langUsage');
  const languages = langUsage ? childElements(langUsage).filter((l) => l.localName === 'language' && l.namespace === TEI_NAMESPACE && normalise(attr(l, 'ident')) !== '') : [];
  const usage = (l: XmlElement): number | undefined => {
    const u = attr(l, 'usage');
    return u !== undefined && DOUBLE.test(u) ? Number(u) : undefined;
  };
  const usages = languages.map(usage).filter((u): u is number => u !== undefined);
  const most = usages.length ? Math.max(...usages) : undefined;
  const used = (most === undefined ? undefined : languages.find((l) => usage(l) === most)) ?? languages[0];
  const candidates = [xmlLang(text), xmlLang(body), xmlLang(child(body, 'div')), used ? attr(used, 'ident') : undefined, xmlLang(root)];
  return normalise(candidates.find((c) => normalise(c) !== ''));
}
