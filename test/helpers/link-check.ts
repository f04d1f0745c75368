// A link checker for a built site: every page is parsed (parse5), its ids collected, and every link of every
// page (a, area and link elements' href; script src) that stays inside the site is followed: the file must
// exist, and the id after '#' must be an id of that file. Links to the web (http, https, mailto) are left alone.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { all, attr, parsePage } from '../build/support/html.js';

export interface BrokenLink {
  /** The page the link is on, from the site's root. */
  page: string;
  href: string;
  /** What is missing: the file, or the id in it. */
  missing: 'file' | 'id';
}

export interface LinkReport {
  pages: number;
  /** Links followed (inside the site). */
  links: number;
  /** Links to an id ('#x' or 'page.html#x'). */
  fragments: number;
  broken: BrokenLink[];
  /** Every id of every page, by page: for further checks (search entries). */
  ids: Map<string, Set<string>>;
  /** Every place a link leads to and finds, as "page#id" from the site's root. */
  targets: Set<string>;
}

function filesUnder(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(full).isDirectory()) out.push(...filesUnder(full, rel));
    else out.push(rel);
  }
  return out;
}

const EXTERNAL = /^(https?:|mailto:|data:)/i;

/** Follows every link of every HTML page under `siteDir`. */
export function checkSiteLinks(siteDir: string): LinkReport {
  const files = new Set(filesUnder(siteDir));
  const pages = [...files].filter((f) => f.endsWith('.html'));
  const ids = new Map<string, Set<string>>();
  const links: { page: string; href: string }[] = [];
  for (const page of pages) {
    const { document } = parsePage(readFileSync(path.join(siteDir, page), 'utf8'));
    const own = new Set<string>();
    for (const el of all(document, (e) => attr(e, 'id') !== undefined)) own.add(attr(el, 'id')!);
    ids.set(page, own);
    for (const el of all(document, (e) => ['a', 'area', 'link', 'script'].includes(e.tagName))) {
      const href = el.tagName === 'script' ? attr(el, 'src') : attr(el, 'href');
      if (href !== undefined && !EXTERNAL.test(href)) links.push({ page, href });
    }
  }
  const broken: BrokenLink[] = [];
  const targets = new Set<string>();
  let fragments = 0;
  for (const { page, href } of links) {
    const hash = href.indexOf('#');
    const target = hash < 0 ? href : href.slice(0, hash);
    const fragment = hash < 0 ? '' : decodeURIComponent(href.slice(hash + 1));
    const file = target === '' ? page : path.posix.normalize(path.posix.join(path.posix.dirname(page), decodeURIComponent(target.split('?')[0]!)));
    if (!files.has(file) || !existsSync(path.join(siteDir, file))) {
      broken.push({ page, href, missing: 'file' });
      continue;
    }
    if (fragment === '') continue;
    fragments++;
    if (!ids.get(file)?.has(fragment)) broken.push({ page, href, missing: 'id' });
    else targets.add(`${file}#${fragment}`);
  }
  return { pages: pages.length, links: links.length, fragments, broken, ids, targets };
}

/** Broken links as lines for a failure message: the first `limit`, then how many more. */
export function describeBroken(broken: readonly BrokenLink[], limit = 20): string[] {
  const lines = broken.slice(0, limit).map((b) => `${b.page}: ${b.href} (no ${b.missing === 'file' ? 'such file' : 'such id'})`);
  if (broken.length > limit) lines.push(`… and ${broken.length - limit} more`);
  return lines;
}
