// The preview's HTTP server (Node's own http module): the built site, read from disk on every request
// (a build replaces the folder whole, so nothing is kept), the live-reload script and style sheet, and
// the event stream. Only GET and HEAD; only files inside the site folder (src/serve/site-files.ts); and,
// when it listens on a loopback address, only requests addressed to a loopback name, so that a web page
// elsewhere cannot read the preview through a domain name it points at 127.0.0.1.
import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { EVENTS_PATH, PREVIEW_PREFIX, RELOAD_SCRIPT_PATH, RELOAD_STYLE_PATH, injectReload, previewPage } from './page-rewrite.js';
import { RELOAD_SCRIPT, RELOAD_STYLE } from './reload-client.js';
import type { ReloadHub } from './reload-hub.js';
import { contentTypeOf, fileUnder, isHtml, isInside, requestedPath } from './site-files.js';

export interface PreviewServerOptions {
  /** The site folder now (it changes if the config's output folder does). */
  siteDir: () => string;
  hub: ReloadHub;
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1']);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_NAMES.has(host.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(host) || /\.localhost$/i.test(host);
}

/** The host name of a Host header (`[::1]:8080` → `::1`), lower case. */
export function hostNameOf(header: string): string {
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') < 0 ? undefined : h.indexOf(']'));
  const colon = h.lastIndexOf(':');
  return colon < 0 ? h : h.slice(0, colon);
}

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const COMMON_HEADERS = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' } as const;

export class PreviewServer {
  private readonly server: Server;
  private listeningOn = '';

  constructor(private readonly options: PreviewServerOptions) {
    this.server = createServer((request, response) => {
      this.answer(request, response).catch(() => {
        // A file removed by a build while it was being read: the page asks again after the reload.
        if (!response.headersSent) this.plain(response, 500, 'The file could not be read; try again.');
        else response.destroy();
      });
    });
  }

  /** Listens on host:port (port 0: any free port); rejects with the system's error (EADDRINUSE …). */
  listen(port: number, host: string): Promise<AddressInfo> {
    return new Promise((resolve, reject) => {
      const failed = (error: Error): void => reject(error);
      this.server.once('error', failed);
      this.server.listen(port, host, () => {
        this.server.off('error', failed);
        // Once listening, an error of the server is said, never a reason to end the preview.
        this.server.on('error', (error) => process.stderr.write(`tei-edition serve: the server: ${error.message}\n`));
        this.listeningOn = host;
        resolve(this.server.address() as AddressInfo);
      });
    });
  }

  /** Stops listening and ends every open connection, event streams included. */
  close(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.server.listening) return resolve();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (isLoopbackHost(this.listeningOn)) {
      const host = request.headers.host;
      if (host === undefined || !isLoopbackHost(hostNameOf(host))) return this.plain(response, 403, 'This preview answers only requests to localhost.');
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      return this.plain(response, 405, 'Only GET and HEAD.');
    }
    const target = request.url ?? '/';
    const pathPart = target.split(/[?#]/, 1)[0] ?? '/';
    if (pathPart.startsWith(PREVIEW_PREFIX)) return this.own(pathPart, request, response);

    const wanted = requestedPath(target);
    if (!wanted.ok) return this.plain(response, wanted.status, `Refused: ${wanted.reason}.`);
    const siteDir = path.resolve(this.options.siteDir());
    let root: string;
    try {
      root = await realpath(siteDir);
    } catch {
      return this.page(response, 503, 'No site yet', '<p>There is no site to show yet: the first good build writes it, and this page then reloads by itself.</p>', request.method === 'HEAD');
    }
    let file = fileUnder(root, wanted.segments);
    if (file === undefined) return this.plain(response, 403, 'Refused: outside the site.');
    let info = await stat(file).catch(() => undefined);
    if (info?.isDirectory()) {
      if (!wanted.folder) {
        // `/documents` → `/documents/`, so that the index's relative links resolve as they do on a web server.
        const query = target.slice(pathPart.length);
        response.writeHead(301, { ...COMMON_HEADERS, Location: `${pathPart}/${query}` });
        response.end();
        return;
      }
      file = path.join(file, 'index.html');
      info = await stat(file).catch(() => undefined);
    }
    if (!info?.isFile()) return this.notFound(response, pathPart, request.method === 'HEAD');
    // A link inside the site that leads out of it is not followed.
    const real = await realpath(file);
    if (!isInside(root, real)) return this.plain(response, 403, 'Refused: outside the site.');
    if (isHtml(real)) {
      const html = previewPage(await readFile(real, 'utf8'), this.options.hub.current);
      return this.send(response, 200, 'text/html; charset=utf-8', html, request.method === 'HEAD');
    }
    response.writeHead(200, { ...COMMON_HEADERS, 'Content-Type': contentTypeOf(real), 'Content-Length': info.size });
    if (request.method === 'HEAD') return void response.end();
    await new Promise<void>((resolve, reject) => {
      const stream = createReadStream(real);
      stream.on('error', reject);
      response.on('close', resolve);
      stream.pipe(response);
    });
  }

  /** What the preview answers itself, under /__tei-edition/. */
  private own(pathPart: string, request: IncomingMessage, response: ServerResponse): void {
    const head = request.method === 'HEAD';
    if (pathPart === EVENTS_PATH && !head) return this.options.hub.connect(request, response);
    if (pathPart === RELOAD_SCRIPT_PATH) return this.send(response, 200, 'text/javascript; charset=utf-8', RELOAD_SCRIPT, head);
    if (pathPart === RELOAD_STYLE_PATH) return this.send(response, 200, 'text/css; charset=utf-8', RELOAD_STYLE, head);
    return this.plain(response, 404, 'Not found.');
  }

  private notFound(response: ServerResponse, pathPart: string, head: boolean): void {
    this.page(response, 404, 'Not found', `<p>The site has no page <code>${escapeHtml(pathPart)}</code>.</p>\n<p><a href="/">The edition's home page</a></p>`, head);
  }

  /** A page of the preview's own, with the live-reload script: it reloads when a build brings the page. */
  private page(response: ServerResponse, status: number, title: string, body: string, head: boolean): void {
    const html = `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(title)}</title>\n</head>\n<body>\n<main>\n<h1>${escapeHtml(title)}</h1>\n${body}\n</main>\n</body>\n</html>\n`;
    this.send(response, status, 'text/html; charset=utf-8', injectReload(html, this.options.hub.current), head);
  }

  private plain(response: ServerResponse, status: number, text: string): void {
    this.send(response, status, 'text/plain; charset=utf-8', `${text}\n`, false);
  }

  private send(response: ServerResponse, status: number, type: string, body: string, head: boolean): void {
    const bytes = Buffer.from(body, 'utf8');
    response.writeHead(status, { ...COMMON_HEADERS, 'Content-Type': type, 'Content-Length': bytes.length });
    response.end(head ? undefined : bytes);
  }
}
