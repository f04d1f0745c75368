// Where link keys lead on the site: every source file to its page, the lists documents carry to their
// register pages. Pure: the model in, the targets out.
import { addressOf, linkTargetsOf, parseLinkKey, resolveKeysInHtml, type LinkTargets } from './link-keys.js';
import type { SiteModel } from './site-model.js';

export function siteLinkTargets(model: SiteModel): LinkTargets {
  return linkTargetsOf(model, { front: 'index.html', document: (d) => d.page, register: (r) => r.page });
}

export interface SitePage {
  path: string;
  content: string;
}

/**
 * The site's pages with every link key resolved to a page of the site, relative to the page that holds
 * it; the keys no page answers are returned with the page they were found on, for the build to report.
 */
export function resolveSiteLinks(pages: readonly SitePage[], model: SiteModel): { pages: SitePage[]; unresolved: { page: string; key: string }[] } {
  const targets = siteLinkTargets(model);
  const unresolved: { page: string; key: string }[] = [];
  const out = pages.map((p) => {
    if (!p.path.endsWith('.html')) return p;
    const prefix = '../'.repeat(p.path.split('/').length - 1);
    const resolved = resolveKeysInHtml(p.content, (href) => addressOf(parseLinkKey(href), targets, prefix));
    for (const key of resolved.unresolved) unresolved.push({ page: p.path, key });
    return { path: p.path, content: resolved.html };
  });
  return { pages: out, unresolved };
}
