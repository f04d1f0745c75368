// Which file of the site a request asks for, decided before the file system is asked anything: a path
// is taken apart into its segments and each is decoded on its own, so `..`, `%2e%2e`, an encoded slash
// or backslash, a NUL or a hidden name is refused outright rather than resolved. What is left is joined
// under the site folder and checked to be inside it. Pure functions; the server does the reading.
import path from 'node:path';

export type RequestedPath =
  | { ok: true; segments: string[]; folder: boolean }
  | { ok: false; status: 400 | 403; reason: string };

/** The path part of a request target (`/documents/a.html?x#y`) as safe segments, or why not. */
export function requestedPath(target: string): RequestedPath {
  const pathPart = target.split(/[?#]/, 1)[0] ?? '';
  if (!pathPart.startsWith('/')) return { ok: false, status: 400, reason: 'not a path' };
  const raw = pathPart.split('/').filter((s) => s !== '');
  const segments: string[] = [];
  for (const part of raw) {
    let segment: string;
    try {
      segment = decodeURIComponent(part);
    } catch {
      return { ok: false, status: 400, reason: 'a malformed %-escape' };
    }
    if (segment === '.' || segment === '..') return { ok: false, status: 403, reason: 'a path that climbs out of the site' };
    if (/[/\\\0]/.test(segment)) return { ok: false, status: 403, reason: 'an encoded separator or NUL' };
    // The site has no hidden files; the build's own (a lock, a staging folder) are never served.
    if (segment.startsWith('.')) return { ok: false, status: 403, reason: 'a hidden name' };
    segments.push(segment);
  }
  return { ok: true, segments, folder: pathPart.endsWith('/') };
}

/** The file under `root` for these segments, or undefined if it would lie outside (it cannot, but a check costs nothing). */
export function fileUnder(root: string, segments: readonly string[]): string | undefined {
  const base = path.resolve(root);
  const file = path.resolve(base, ...segments);
  const rel = path.relative(base, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return file;
}

/** Whether `file` (a real path, links resolved) lies in `root` (also real). */
export function isInside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonld': 'application/ld+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xhtml': 'application/xhtml+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
  '.epub': 'application/epub+zip',
  '.zip': 'application/zip',
};

export function contentTypeOf(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export function isHtml(file: string): boolean {
  return /\.html?$/i.test(file);
}
