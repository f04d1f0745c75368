// Where link keys lead on the site: every source file to its page, the lists documents carry to their
// register pages. Pure: the model in, the targets out.
import { REGISTER_SCHEME, addressOf, parseLinkKey, resolveKeysInHtml, type LinkTargets } from './link-keys.js';
import type { SiteModel } from './site-model.js';

export function siteLinkTargets(model: SiteModel): LinkTargets {
  const files = new Map<string, string>();
  const registers = new Map<string, string>();
  if (model.frontKey !== undefined) files.set(model.frontKey, 'index.html');
  for (const d of model.documents) files.set(d.key, d.page);
  for (const r of model.registers) {
    if (r.key.startsWith(REGISTER_SCHEME)) registers.set(r.key.slice(REGISTER_SCHEME.length), r.page);
    else files.set(r.key, r.page);
  }
  return { files, registers };
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
