// A folder build (no config) into a temporary folder, with every HTML page it wrote parsed.
import type { Diagnostic } from '../../../src/diagnostics/diagnostic.js';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildEdition } from '../../../src/package/build-edition.js';
import { temporaryFolder } from './build.js';
import { all, attr, parsePage, type Element, type ParsedPage } from './html.js';

export interface FolderSite {
  siteDir: string;
  /** Every file written, from the site root. */
  files: Set<string>;
  /** Every HTML page, parsed. */
  pages: Map<string, ParsedPage>;
  page(p: string): ParsedPage;
}

/** Every file under `dir`, as sorted '/'-separated paths from `base`. */
export function filesUnder(dir: string, base = dir): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? filesUnder(full, base) : [path.relative(base, full).split(path.sep).join('/')];
    });
}

/** A folder build of the site, with the build's diagnostics. */
export async function buildFolder(files: string[]): Promise<FolderSite & { diagnostics: Diagnostic[] }> {
  const siteDir = path.join(temporaryFolder(), 'site');
  const result = await buildEdition({ mode: 'paths', documents: files, registers: [], siteDir, schematron: [], ruleLevels: {}, strict: false, dateFrom: path.dirname(files[0]!), only: ['site'] });
  if (result.status !== 'built') throw new Error(`the folder build failed: ${result.failure ?? JSON.stringify(result.report.diagnostics.filter((d) => d.severity === 'error').slice(0, 5))}`);
  const written = filesUnder(siteDir);
  const pages = new Map<string, ParsedPage>();
  for (const file of written) if (file.endsWith('.html')) pages.set(file, parsePage(readFileSync(path.join(siteDir, file), 'utf8')));
  return {
    siteDir,
    files: new Set(written),
    pages,
    page(p) {
      const parsed = pages.get(p);
      if (!parsed) throw new Error(`no page ${p} (pages: ${[...pages.keys()].join(', ')})`);
      return parsed;
    },
    diagnostics: result.report.diagnostics,
  };
}

/** Each page's elements by id (the first with each id), made once: a FRUS volume's page has hundreds of thousands of elements. */
const ids = new WeakMap<ParsedPage, Map<string, Element>>();
function idsOf(parsed: ParsedPage): Map<string, Element> {
  let byId = ids.get(parsed);
  if (!byId) {
    byId = new Map();
    for (const el of all(parsed.document, (e) => attr(e, 'id') !== undefined)) if (!byId.has(attr(el, 'id')!)) byId.set(attr(el, 'id')!, el);
    ids.set(parsed, byId);
  }
  return byId;
}

/** The page and element a link from `from` leads to, or undefined when either is missing. */
export function follow(site: FolderSite, from: string, href: string): { page: string; target?: Element } | undefined {
  const [file = '', fragment] = href.split('#');
  const page = file === '' ? from : path.posix.normalize(path.posix.join(path.posix.dirname(from), file));
  if (!site.files.has(page)) return undefined;
  if (!fragment) return { page };
  const parsed = site.pages.get(page);
  const target = parsed ? idsOf(parsed).get(decodeURIComponent(fragment)) : undefined;
  return target ? { page, target } : undefined;
}

/** Every internal link of the site that leads nowhere, as "page: href". */
export function brokenLinks(site: FolderSite): string[] {
  const broken: string[] = [];
  for (const [file, parsed] of site.pages) {
    for (const el of all(parsed.document, (e) => (e.tagName === 'a' || e.tagName === 'link' || e.tagName === 'script') && (attr(e, 'href') ?? attr(e, 'src')) !== undefined)) {
      const href = (attr(el, 'href') ?? attr(el, 'src'))!;
      if (/^(https?|mailto):/.test(href)) continue;
      if (!follow(site, file, href.split('?')[0]!)) broken.push(`${file}: ${href}`);
    }
  }
  return broken;
}
