// Link keys: how the transform's fragments name a place in the edition without knowing any output.
// The stylesheets write three kinds of internal link (xslt/common/functions.xsl, te:href):
//   #ID                  an id in the same document's fragments;
//   edition:PATH[#ID]    a source file of the edition (PATH from the folder that holds every source);
//   register:LIST#ID     an entry of the register made of the entity lists documents carry (folder builds).
// Each output resolves them to its own addresses (a site page, a content document of the book, a place in
// the printed book). Pure functions: strings in, strings out.
import { rewriteLinks } from './html-rewrite.js';

/** Where each source file and each carried register lives in one output, relative to its root. */
export interface LinkTargets {
  /** File key (path from the edition's folder) → the address of what that file became. */
  files: ReadonlyMap<string, string>;
  /** Kind of list (listPerson …) → the address of the register its entries joined. */
  registers: ReadonlyMap<string, string>;
  /** For a file cut into documents (a volume): id → the address of the page that holds it. */
  ids?: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** What an output needs of the edition to place its files: the front matter's key, documents and registers with theirs. */
export interface KeyedEdition<D, R> {
  frontKey?: string;
  documents: readonly (D & { key: string })[];
  registers: readonly (R & { key: string })[];
  /** Files cut into documents (render/volumes.ts): each with its pages, the volume's own first, and the ids each holds. */
  volumes?: readonly { key: string; pages: readonly (D & { part?: { ids: readonly string[] } })[] }[];
}

/**
 * The targets of one output, given where it puts the front matter, each document and each register. A
 * register made of the lists documents carry (key `register:LIST`) answers `register:` keys; any other
 * register is a source file like a document.
 */
export function linkTargetsOf<D, R>(edition: KeyedEdition<D, R>, where: { front?: string; document: (d: D) => string; register: (r: R) => string }): LinkTargets {
  const files = new Map<string, string>();
  const registers = new Map<string, string>();
  if (edition.frontKey !== undefined && where.front !== undefined) files.set(edition.frontKey, where.front);
  for (const d of edition.documents) files.set(d.key, where.document(d));
  // A volume's key leads to its own page, an id in it to the page of the part that holds that id.
  const ids = new Map<string, Map<string, string>>();
  for (const v of edition.volumes ?? []) {
    const first = v.pages[0];
    if (first !== undefined) files.set(v.key, where.document(first));
    const byId = new Map<string, string>();
    for (const page of v.pages) for (const id of page.part?.ids ?? []) if (!byId.has(id)) byId.set(id, where.document(page));
    ids.set(v.key, byId);
  }
  for (const r of edition.registers) {
    if (r.key.startsWith(REGISTER_SCHEME)) registers.set(r.key.slice(REGISTER_SCHEME.length), where.register(r));
    else files.set(r.key, where.register(r));
  }
  return { files, registers, ...(ids.size ? { ids } : {}) };
}

export type LinkKey =
  | { kind: 'local'; id: string }
  | { kind: 'file'; file: string; id: string }
  | { kind: 'register'; list: string; id: string }
  | { kind: 'web'; href: string }
  | { kind: 'other'; href: string };

export const EDITION_SCHEME = 'edition:';
export const REGISTER_SCHEME = 'register:';

/** What an href of a fragment names. */
export function parseLinkKey(href: string): LinkKey {
  if (href.startsWith('#')) return { kind: 'local', id: href.slice(1) };
  if (href.startsWith(EDITION_SCHEME)) {
    const [file = '', id = ''] = splitOnce(href.slice(EDITION_SCHEME.length), '#');
    return { kind: 'file', file, id };
  }
  if (href.startsWith(REGISTER_SCHEME)) {
    const [list = '', id = ''] = splitOnce(href.slice(REGISTER_SCHEME.length), '#');
    return { kind: 'register', list, id };
  }
  if (/^(https?:|mailto:)/i.test(href)) return { kind: 'web', href };
  return { kind: 'other', href };
}

function splitOnce(s: string, separator: string): [string, string] {
  const at = s.indexOf(separator);
  return at < 0 ? [s, ''] : [s.slice(0, at), s.slice(at + 1)];
}

/**
 * The address of a key in an output whose files are given by `targets`, written from a page `prefix` away
 * from the output's root ('' or '../'); `undefined` when the output has no such place.
 */
export function addressOf(key: LinkKey, targets: LinkTargets, prefix = ''): string | undefined {
  const withId = (address: string | undefined, id: string): string | undefined =>
    address === undefined ? undefined : `${prefix}${address}${id ? `#${id}` : ''}`;
  switch (key.kind) {
    case 'local':
      return `#${key.id}`;
    case 'web':
      return key.href;
    case 'file':
      return withId((key.id ? targets.ids?.get(key.file)?.get(key.id) : undefined) ?? targets.files.get(key.file), key.id);
    case 'register':
      return withId(targets.registers.get(key.list), key.id);
    default:
      return undefined;
  }
}

/** True for the hrefs this module rewrites: the edition's own keys. */
export function isEditionKey(href: string): boolean {
  return href.startsWith(EDITION_SCHEME) || href.startsWith(REGISTER_SCHEME);
}

/**
 * Rewrites every edition key in an HTML fragment as `resolve` says. A key it cannot resolve loses its link
 * and keeps its words (in a span, html-rewrite.ts rewriteLinks), and is returned in `unresolved` so that the
 * caller reports it. Other links are left as they are.
 */
export function resolveKeysInHtml(html: string, resolve: (href: string) => string | undefined): { html: string; unresolved: string[] } {
  if (!html.includes(EDITION_SCHEME) && !html.includes(REGISTER_SCHEME)) return { html, unresolved: [] };
  const unresolved: string[] = [];
  const out = rewriteLinks(html, (href) => {
    if (!isEditionKey(href)) return href;
    const target = resolve(href);
    if (target === undefined) unresolved.push(href);
    return target;
  });
  return { html: out, unresolved };
}
