// The navigation document: the table of contents, landmarks and, where the sources record page
// breaks, a page list.
import { el, type Element, type Node } from './dom.js';
import type { PageBreak, TocEntry } from './content.js';
import { relativeHref } from './links.js';
import type { Labels } from '../../labels/labels.js';

export const NAV_PATH = 'nav.xhtml';

function tocList(entries: readonly TocEntry[]): Element {
  return el('ol', {}, entries.map((e) => el('li', {}, [el('a', { href: e.href }, label(e)), ...(e.children?.length ? [tocList(e.children)] : [])])));
}

/** An entry's words; a title in another language than the book's is marked as such (the date after it is not). */
function label(e: TocEntry): (Node | string)[] {
  if (!e.lang) return [e.label];
  const n = e.langLength ?? e.label.length;
  return [el('span', { lang: e.lang }, [e.label.slice(0, n)]), ...(n < e.label.length ? [e.label.slice(n)] : [])];
}

export interface Landmark {
  type: string;
  label: string;
  href: string;
}

/** The navigation document's body; its headings in the interface's words. */
export function navigationBody(toc: readonly TocEntry[], landmarks: readonly Landmark[], pageBreaks: readonly PageBreak[], labels: Labels): Node[] {
  const body: Node[] = [
    el('nav', { 'epub:type': 'toc', role: 'doc-toc', id: 'toc', 'aria-labelledby': 'toc-h' }, [el('h1', { id: 'toc-h' }, [labels.t('contents')]), tocList(toc)]),
    el('nav', { 'epub:type': 'landmarks', id: 'landmarks', 'aria-labelledby': 'landmarks-h', hidden: 'hidden' }, [
      el('h2', { id: 'landmarks-h' }, [labels.t('landmarks')]),
      el('ol', {}, landmarks.map((l) => el('li', {}, [el('a', { 'epub:type': l.type, href: l.href }, [l.label])]))),
    ]),
  ];
  if (pageBreaks.length) {
    body.push(
      el('nav', { 'epub:type': 'page-list', role: 'doc-pagelist', id: 'page-list', 'aria-labelledby': 'page-list-h', hidden: 'hidden' }, [
        el('h2', { id: 'page-list-h' }, [labels.t('pages')]),
        el('ol', {}, pageBreaks.map((p) => el('li', {}, [el('a', { href: relativeHref(NAV_PATH, p.path, p.id) }, [p.label])]))),
      ]),
    );
  }
  return body;
}
