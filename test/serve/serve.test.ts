// `tei-edition serve`, run as a user runs it: the compiled CLI in a copy of the bundled edition, on a free
// port. A page open in Chromium reloads by itself after an edit, shows the errors of a broken source over
// the last good build, and the fix; the server refuses paths out of the site; Ctrl-C, even during a build,
// ends it with exit 0 and nothing left beside the output folder.
import type { ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveBrowser, launchChromium } from '../helpers/browser.js';
import { projectRoot } from '../helpers/paths.js';
import { temporaryFolder } from '../build/support/build.js';
import { runChild, runInProcess, startChild } from '../hostile/support/cli.js';

const DOC = 'tei/documents/1951-06-30-filippov-to-mao.xml';
const PAGE = 'documents/1951-06-30-filippov-to-mao.html';
const shots = path.join(projectRoot, 'test-output', 'serve');

/** A copy of the bundled edition (its TEI, schema and config) in a folder of its own. */
function copyEdition(): string {
  const dir = temporaryFolder('tei-edition-serve-');
  cpSync(path.join(projectRoot, 'tei'), path.join(dir, 'tei'), { recursive: true });
  cpSync(path.join(projectRoot, 'schema'), path.join(dir, 'schema'), { recursive: true });
  cpSync(path.join(projectRoot, 'edition.config.json'), path.join(dir, 'edition.config.json'));
  return dir;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A GET with the path exactly as given (fetch would resolve `..` before sending it). */
function get(base: string, target: string, headers: Record<string, string> = {}): Promise<Answer> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path: target, method: 'GET', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The first `state` event of the preview's event stream. */
function firstState(base: string): Promise<{ session: string; build: number; failure?: unknown }> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path: '/__tei-edition/events' }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        text += c;
        const m = /event: state\ndata: (.*)\n\n/.exec(text);
        if (m) {
          req.destroy();
          resolve(JSON.parse(m[1]!));
        }
      });
    });
    req.on('error', (e) => (req.destroyed ? undefined : reject(e)));
    req.end();
  });
}

/** Resolves with what `probe` finds, asking again every `everyMs` until `timeoutMs`. */
async function waitFor<T>(probe: () => T | undefined | null | false, what: string, timeoutMs = 120_000, everyMs = 50): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = probe();
    if (found) return found;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

function htmlFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? htmlFilesUnder(p) : name.endsWith('.html') ? [p] : [];
  });
}

describe('tei-edition serve', () => {
  let dir: string;
  let out: string;
  let child: ChildProcess;
  let url: string;
  let stdout = '';
  let stderr = '';
  let exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  beforeAll(async () => {
    dir = copyEdition();
    out = path.join(dir, 'out');
    child = startChild(['serve', '--port', '0', '--out', out], dir);
    child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    const serving = await waitFor(() => {
      if (child.exitCode !== null) throw new Error(`serve ended early: ${stderr}`);
      return /^Serving \S+ at (http:\/\/127\.0\.0\.1:\d+\/)/m.exec(stdout);
    }, 'the address in the output');
    url = serving[1]!;
  }, 180_000);

  afterAll(() => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('serves the built site; the reload script and the relaxed policy are in what it serves, never in the files', async () => {
    expect(stdout).toMatch(/^\d\d:\d\d:\d\d {2}first build: built in \d+\.\d s, \d+ pages, \d+ warnings?$/m);
    const served = await get(url, `/${PAGE}`);
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(served.body).toContain('<script src="/__tei-edition/reload.js"');
    expect(served.body).toMatch(/http-equiv="Content-Security-Policy" content="[^"]*connect-src 'self'/);
    for (const file of htmlFilesUnder(path.join(out, 'site'))) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toContain('__tei-edition');
      expect(text, file).not.toContain('connect-src');
    }
    // Everything else as built, byte for byte.
    const css = await get(url, '/assets/edition.css');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.body).toBe(readFileSync(path.join(out, 'site', 'assets', 'edition.css'), 'utf8'));
    const script = await get(url, '/__tei-edition/reload.js');
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.body).toContain("new EventSource(\"/__tei-edition/events\")");
    expect(await firstState(url)).toMatchObject({ build: 1 });
    // A folder: its index, at the address with a slash; a page the site lacks: 404.
    expect(await get(url, '/documents')).toMatchObject({ status: 301, headers: { location: '/documents/' } });
    expect((await get(url, '/')).body).toBe((await get(url, '/index.html')).body);
    const missing = await get(url, '/no-such-page.html');
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('/no-such-page.html');
  });

  it('refuses paths out of the site, however they are written, and requests to other host names', async () => {
    expect(existsSync(path.join(dir, 'edition.config.json'))).toBe(true);
    for (const target of ['/../edition.config.json', '/%2e%2e/edition.config.json', '/%2E%2E/edition.config.json', '/%2e%2e%2fedition.config.json', '/documents/..%2f..%2fedition.config.json', '/..%5cedition.config.json', '/documents/../../edition.config.json']) {
      const answer = await get(url, target);
      expect([403, 404], target).toContain(answer.status);
      expect(answer.body, target).not.toContain('toward-kaesong');
    }
    expect((await get(url, `/${PAGE}`, { Host: 'attacker.example' })).status).toBe(403);
  });

  describe.skipIf(!haveBrowser)(`an open page in Chromium${haveBrowser ? '' : ' (skipped: needs /usr/bin/chromium)'}`, () => {
    it('reloads by itself after an edit, shows the errors of a broken source over the last good build, then the fix', async () => {
      mkdirSync(shots, { recursive: true });
      const source = path.join(dir, DOC);
      const original = readFileSync(source, 'utf8');
      expect(original.split('inconceivable')).toHaveLength(2);
      const browser = await launchChromium();
      try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        const problems: string[] = [];
        page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
        page.on('console', (m) => {
          if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) problems.push(`console: ${m.text()}`);
        });
        const main = (): Promise<string> => page.locator('main').textContent({ timeout: 1000 }).then((t) => t ?? '', () => '');
        const panel = page.locator('.tei-edition-preview-problems');
        await page.goto(`${url}${PAGE}`);
        expect(await main()).toContain('inconceivable');
        // A mark on this page's window: a reload starts a new one without it.
        await page.evaluate(() => ((window as unknown as { before: boolean }).before = true));

        // An edit, written in place.
        writeFileSync(source, original.replace('inconceivable', 'unthinkable'));
        await expect.poll(main, { timeout: 120_000 }).toContain('unthinkable');
        expect(await page.evaluate(() => (window as unknown as { before?: boolean }).before)).toBeUndefined();

        // A source that is not well-formed: the page stays, with the errors over it.
        const broken = original.replace('inconceivable', 'unthinkable').replace('</closer>', '</closr>');
        const lines = broken.split('\n');
        const line = lines.findIndex((l) => l.includes('</closr>')) + 1;
        const column = lines[line - 1]!.indexOf('</closr>') + 1;
        writeFileSync(source, broken);
        await expect.poll(() => panel.textContent({ timeout: 1000 }).catch(() => ''), { timeout: 120_000 }).toContain('wf/tag-mismatch');
        // The message's `</closr>` is shown as text: had it been read as HTML, it would be gone.
        const shown = (await panel.textContent()) ?? '';
        expect(shown).toContain(`${DOC}:${line}:${column}  error  end tag </closr>`);
        expect(await panel.getAttribute('role')).toBe('alert');
        await page.screenshot({ path: path.join(shots, 'errors-over-the-page.png') });
        expect(await main()).toContain('unthinkable');
        // The server still answers, with the last good build.
        const during = await get(url, `/${PAGE}`);
        expect(during.status).toBe(200);
        expect(during.body).toContain('unthinkable');
        expect(readFileSync(path.join(out, 'site', PAGE), 'utf8')).toContain('unthinkable');
        expect(stdout).toMatch(/changed: not built \(\d+ errors?\)/);
        expect(stderr).toContain('wf/tag-mismatch');

        // The fix, saved as some editors save: a new file renamed over the old one.
        writeFileSync(`${source}.tmp`, original.replace('inconceivable', 'unimaginable'));
        renameSync(`${source}.tmp`, source);
        await expect.poll(main, { timeout: 120_000 }).toContain('unimaginable');
        expect(await panel.count()).toBe(0);
        expect(problems).toEqual([]);
      } finally {
        await browser.close();
      }
    }, 400_000);
  });

  it('stops on SIGINT, even during a build, with exit code 0 and nothing left beside the output folder', async () => {
    const lock = path.join(dir, '.out.lock');
    const source = path.join(dir, DOC);
    writeFileSync(source, readFileSync(source, 'utf8').replace('</body>', '</body>\n'));
    // The lock is there for the whole build: once it is, a build is under way.
    await waitFor(() => existsSync(lock), 'a build to start', 120_000, 5);
    child.kill('SIGINT');
    const { code, signal } = await exited;
    expect(signal).toBeNull();
    expect(code).toBe(0);
    expect(readdirSync(dir).filter((name) => name.startsWith('.out'))).toEqual([]);
    expect(existsSync(path.join(out, 'site', PAGE))).toBe(true);
    expect(stdout).toMatch(/^\d\d:\d\d:\d\d {2}stopped$/m);
  }, 120_000);
});

describe('tei-edition serve: the command line', () => {
  it('says clearly that the port is taken, and exits with 2', async () => {
    const dir = copyEdition();
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const run = runChild(['serve', '--port', String(port), '--out', path.join(dir, 'out')], dir);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`port ${port} on 127.0.0.1 is in use by another program`);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(path.join(dir, 'out'))).toBe(false);
    } finally {
      taken.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists its options in its help, and refuses a build without the site', async () => {
    const help = await runInProcess(['serve', '--help']);
    expect(help.status).toBe(0);
    for (const option of ['--port N', '--host HOST', '--out DIR', '--only LIST', '--config FILE']) expect(help.stdout).toContain(option);
    const listed = await runInProcess(['--help']);
    expect(listed.stdout).toMatch(/^ {2}serve +build the site, serve it on localhost/m);
    const noSite = await runInProcess(['serve', '--only', 'epub']);
    expect(noSite.status).toBe(2);
    expect(noSite.stderr).toContain('--only needs site among the outputs');
    const badPort = await runInProcess(['serve', '--port', '70000']);
    expect(badPort.status).toBe(2);
    expect(badPort.stderr).toContain('--port needs a port number from 0 to 65535');
  });
});
