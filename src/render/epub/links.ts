// Where the site's links lead in the book: site pages map to content documents, web links stay,
// anything else loses its link and keeps its text.
import path from 'node:path';
import { addressOf, isEditionKey, linkTargetsOf, parseLinkKey, type LinkTargets } from '../link-keys.js';
import type { SiteModel } from '../site-model.js';

/** Site page (from the site root) → content document (from the package folder), for the pages the book has. */
export type PageMap = ReadonlyMap<string, string>;

/** Where link keys lead in the book: each source file to its content document (from the package folder). */
export function bookLinkTargets(model: SiteModel, pages: PageMap): LinkTargets {
  return linkTargetsOf(model, { front: 'front.xhtml', document: (d) => pages.get(d.page)!, register: (r) => pages.get(r.page)! });
}

const WEB = /^(https?:|mailto:)/i;

/**
 * `href` as written on the site page `page`, for the content document `from`:
 * a web address as it is, a page of the book as a path relative to `from`, otherwise undefined.
 * Fragment-only links are left to the caller (it knows where each id went).
 */
export function bookHref(href: string, page: string, from: string, pages: PageMap, targets?: LinkTargets): string | undefined {
  const h = href.trim();
  if (WEB.test(h)) return h;
  if (isEditionKey(h)) {
    const key = parseLinkKey(h);
    const address = targets ? addressOf(key, targets) : undefined;
    if (address === undefined) return undefined;
    const [file = '', fragment = ''] = address.split('#', 2);
    return relativeHref(from, file, fragment);
  }
  if (h.startsWith('#') || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(h) || h.startsWith('//')) return undefined;
  let resolved: URL;
  try {
    resolved = new URL(h, `http://site.invalid/${page}`);
  } catch {
    return undefined;
  }
  if (resolved.host !== 'site.invalid') return undefined;
  const target = pages.get(decodeURIComponent(resolved.pathname.slice(1)));
  if (target === undefined) return undefined;
  return relativeHref(from, target, resolved.hash.slice(1));
}

/** The path from content document `from` to `to` (both from the package folder), with a fragment. */
export function relativeHref(from: string, to: string, fragment = ''): string {
  const rel = to === from ? '' : path.posix.relative(path.posix.dirname(from), to);
  const hash = fragment ? `#${fragment}` : '';
  return rel === '' && hash === '' ? path.posix.basename(to) : `${rel}${hash}`;
}
