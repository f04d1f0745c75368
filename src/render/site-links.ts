// Where link keys lead on the site: every source file to its page (a file cut into documents: each id to the
// page of the part that holds it), the lists documents carry to their register pages. A link to an id of the
// same page ('#id') must find that id there too. Pure: the model in, the targets out.
import { rewriteLinks } from './html-rewrite.js';
import { addressOf, linkTargetsOf, parseLinkKey, resolveKeysInHtml, type LinkTargets } from './link-keys.js';
import type { SiteModel } from './site-model.js';

export function siteLinkTargets(model: SiteModel): LinkTargets {
  return linkTargetsOf(model, { front: 'index.html', document: (d) => d.page, register: (r) => r.page });
}

export interface SitePage {
  path: string;
  content: string;
}

/** The ids of a page as the serialiser and the templates write them (id="…", double quotes). */
function idsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!));
}

/**
 * A page's links to ids of its own ('#id') that no element of it has lose their link and keep their words
 * (a pointer to an element the page does not render), each returned for the build to report.
 */
function checkLocalLinks(html: string): { html: string; unresolved: string[] } {
  if (!html.includes('href="#')) return { html, unresolved: [] };
  const ids = idsOf(html);
  const unresolved: string[] = [];
  const out = rewriteLinks(html, (href) => {
    if (!href.startsWith('#') || href === '#') return href;
    let id: string;
    try {
      id = decodeURIComponent(href.slice(1));
    } catch {
      id = href.slice(1);
    }
    if (ids.has(id)) return href;
    unresolved.push(href);
    return undefined;
  });
  return unresolved.length ? { html: out, unresolved } : { html, unresolved };
}

/**
 * The site's pages with every link key resolved to a page of the site, relative to the page that holds
 * it; the keys no page answers, and links to ids the page does not hold, are returned with the page they
 * were found on, for the build to report.
 */
export function resolveSiteLinks(pages: readonly SitePage[], model: SiteModel): { pages: SitePage[]; unresolved: { page: string; key: string }[] } {
  const targets = siteLinkTargets(model);
  const unresolved: { page: string; key: string }[] = [];
  const out = pages.map((p) => {
    if (!p.path.endsWith('.html')) return p;
    const prefix = '../'.repeat(p.path.split('/').length - 1);
    const resolved = resolveKeysInHtml(p.content, (href) => addressOf(parseLinkKey(href), targets, prefix));
    for (const key of resolved.unresolved) unresolved.push({ page: p.path, key });
    const local = checkLocalLinks(resolved.html);
    for (const key of local.unresolved) unresolved.push({ page: p.path, key });
    return { path: p.path, content: local.html };
  });
  return { pages: out, unresolved };
}
