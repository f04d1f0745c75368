// The pure parts of serve: which request paths are refused, how a served page differs from the built one
// (the reload tags, a Content-Security-Policy that lets them in), which file changes count, and what a
// failed build shows on the page.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'parse5';
import { allowPreview, injectReload, previewPage, relaxPolicyForPreview, RELOAD_SCRIPT_PATH } from '../../src/serve/page-rewrite.js';
import { contentTypeOf, fileUnder, requestedPath } from '../../src/serve/site-files.js';
import { classifyChange, isEditorTemporary, toolFolders, watchTargets, type WatchTarget } from '../../src/serve/watch-targets.js';
import { addressToOpen, describeChanges, diagnosticText, failureOf, LISTED_ON_PAGE } from '../../src/serve/build-report.js';
import { hostNameOf, isLoopbackHost } from '../../src/serve/preview-server.js';
import { projectRoot } from '../helpers/paths.js';

describe('request paths', () => {
  it('takes a path apart into decoded segments', () => {
    expect(requestedPath('/documents/a%20b.html?x=1#top')).toEqual({ ok: true, segments: ['documents', 'a b.html'], folder: false });
    expect(requestedPath('/')).toEqual({ ok: true, segments: [], folder: true });
    expect(requestedPath('/registers//')).toEqual({ ok: true, segments: ['registers'], folder: true });
  });

  it('refuses every way of climbing out, encoded or not, and hidden names', () => {
    for (const target of ['/../edition.config.json', '/%2e%2e/edition.config.json', '/%2E%2E/x', '/documents/../../x', '/./x', '/..%2fx', '/%2e%2e%2fx', '/a%5c..%5cx', '/a%00.html', '/.site.lock', '/%2eprevious/index.html']) {
      const r = requestedPath(target);
      expect(r.ok, target).toBe(false);
      if (!r.ok) expect(r.status, target).toBe(403);
    }
    expect(requestedPath('/%E0%A4%A')).toMatchObject({ ok: false, status: 400 });
    expect(requestedPath('http://elsewhere/x')).toMatchObject({ ok: false, status: 400 });
  });

  it('keeps what it joins inside the root', () => {
    expect(fileUnder('/srv/site', ['documents', 'a.html'])).toBe(path.resolve('/srv/site/documents/a.html'));
    expect(fileUnder('/srv/site', ['..', 'x'])).toBeUndefined();
  });

  it('names the content types of what a site holds', () => {
    expect(contentTypeOf('a.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('assets/edition.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeOf('assets/search.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('fonts/x.woff2')).toBe('font/woff2');
    expect(contentTypeOf('figure.SVG')).toBe('image/svg+xml');
    expect(contentTypeOf('unknown.bin')).toBe('application/octet-stream');
  });

  it('answers only requests addressed to a loopback name when it listens on one', () => {
    expect(hostNameOf('127.0.0.1:8080')).toBe('127.0.0.1');
    expect(hostNameOf('[::1]:8080')).toBe('::1');
    expect(hostNameOf('LOCALHOST')).toBe('localhost');
    for (const h of ['localhost', '127.0.0.1', '::1', '127.0.0.2', 'edition.localhost']) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['example.org', '10.0.0.1', '0.0.0.0', 'localhost.example.org']) expect(isLoopbackHost(h), h).toBe(false);
  });
});

describe('a page as the preview serves it', () => {
  const layout = readFileSync(path.join(projectRoot, 'src/templates/layout.hbs'), 'utf8');
  const policyOf = (html: string): string => /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)![1]!;
  const directives = (policy: string): Map<string, string[]> => new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name!, sources]));

  it('lets the reload script, its style sheet and its event stream through the site’s own policy, and changes nothing else in it', () => {
    const before = directives(policyOf(layout));
    const after = directives(allowPreview(policyOf(layout)));
    // The site's policy forbids connections (default-src 'none', no connect-src): the preview allows its own.
    expect(before.get('connect-src')).toBeUndefined();
    expect(before.get('default-src')).toEqual(["'none'"]);
    expect(after.get('connect-src')).toEqual(["'self'"]);
    expect(after.get('script-src')).toContain("'self'");
    expect(after.get('style-src')).toContain("'self'");
    for (const [name, sources] of before) if (name !== 'connect-src') expect(after.get(name), name).toEqual(sources);
  });

  it('adds what a stricter policy lacks and leaves a permissive one alone', () => {
    expect(allowPreview("default-src 'none'; script-src 'none'")).toBe("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'");
    expect(allowPreview("default-src 'self'")).toBe("default-src 'self'");
    expect(allowPreview("img-src data:")).toBe('img-src data:');
    expect(allowPreview("default-src 'none'; script-src-elem https://cdn.example; connect-src https://api.example")).toBe(
      "default-src 'none'; script-src-elem https://cdn.example 'self'; connect-src https://api.example 'self'; script-src 'self'; style-src 'self'",
    );
  });

  it('rewrites only the policy meta element, in either quoting', () => {
    const html = `<head><meta charset="utf-8"><meta http-equiv='content-security-policy' content='default-src &#39;none&#39;'><meta name="description" content="default-src 'none'"></head>`;
    const out = relaxPolicyForPreview(html);
    expect(out).toContain(`content="default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'"`);
    expect(out).toContain(`<meta name="description" content="default-src 'none'">`);
  });

  it('puts the tags at the end of the head, where the page’s parser finds them', () => {
    const html = previewPage('<!DOCTYPE html><html><head><title>x</title></head><body><p>text</p></body></html>', { session: 's"1', build: 4 });
    const doc = parse(html);
    const htmlEl = doc.childNodes.find((n) => n.nodeName === 'html') as unknown as { childNodes: { nodeName: string; childNodes?: { nodeName: string; attrs?: { name: string; value: string }[] }[] }[] };
    const head = htmlEl.childNodes.find((n) => n.nodeName === 'head')!;
    const script = head.childNodes!.find((n) => n.nodeName === 'script')!;
    const attrs = Object.fromEntries(script.attrs!.map((a) => [a.name, a.value]));
    expect(attrs).toEqual({ src: RELOAD_SCRIPT_PATH, 'data-session': 's"1', 'data-build': '4', defer: '' });
    expect(head.childNodes!.some((n) => n.nodeName === 'link')).toBe(true);
    expect(injectReload('<p>no head</p>', { session: 's', build: 0 })).toMatch(/^<link[^>]+>\n<script/);
  });
});

describe('which changes count', () => {
  const root = path.resolve('/ed');
  const folders = new Set([path.join(root, 'tei'), path.join(root, 'tei/documents'), path.join(root, 'xslt')]);
  const targets: WatchTarget[] = watchTargets({
    sources: [path.join(root, 'tei/documents'), path.join(root, 'tei/registers/persons.xml')],
    edition: path.join(root, 'tei/edition.xml'),
    schema: path.join(root, 'schema/edition.rng'),
    configFile: path.join(root, 'edition.config.json'),
    toolFolders: [path.join(root, 'xslt')],
    isFolder: (p) => folders.has(p),
  });
  const classify = (p: string, isFolder = false): string | undefined => classifyChange(targets, path.join(root, p), () => isFolder, [path.join(root, 'dist')]);

  it('knows the sources, the config and the tool’s files by what they are', () => {
    expect(targets.map((t) => [path.relative(root, t.path), t.kind, t.role])).toEqual([
      ['tei/documents', 'folder', 'source'],
      ['tei/registers/persons.xml', 'file', 'source'],
      ['tei/edition.xml', 'file', 'source'],
      ['schema/edition.rng', 'file', 'source'],
      ['edition.config.json', 'file', 'config'],
      ['xslt', 'folder', 'tool'],
    ]);
    expect(classify('tei/documents/new-letter.xml')).toBe('source');
    expect(classify('tei/documents/sub/deeper.XML')).toBe('source');
    expect(classify('tei/documents/new-folder', true)).toBe('source');
    expect(classify('tei/registers/persons.xml')).toBe('source');
    expect(classify('schema/edition.rng')).toBe('source');
    expect(classify('edition.config.json')).toBe('config');
    expect(classify('xslt/html/page.xsl')).toBe('tool');
  });

  it('ignores the output folder, files beside a single source, hidden folders and editors’ temporaries', () => {
    for (const p of ['dist/site/index.html', 'dist', 'tei/registers/places.xml', 'tei/documents/notes.txt', 'tei/documents/.git/index', 'tei/documents/.a.xml.swp', 'tei/documents/a.xml~', 'tei/documents/#a.xml#', 'tei/documents/.#a.xml', 'tei/documents/4913', 'xslt/html/page.xsl.swp', 'schema/other.rng']) {
      expect(classify(p), p).toBeUndefined();
    }
    for (const name of ['.a.xml.swp', 'a.xml~', '#a.xml#', 'a.xml___jb_tmp___', 'a.xml.tmp']) expect(isEditorTemporary(name), name).toBe(true);
    expect(isEditorTemporary('a.xml')).toBe(false);
  });

  it('watches the tool’s stylesheets and templates only in a checkout', () => {
    expect(toolFolders(projectRoot).map((f) => path.relative(projectRoot, f))).toEqual(['xslt', path.join('src', 'templates')]);
    expect(toolFolders(path.join(projectRoot, 'node_modules', 'tei-edition'))).toEqual([]);
  });
});

describe('what a build says', () => {
  it('lists the errors that stopped it as the terminal does, the rest counted', () => {
    const diagnostics = Array.from({ length: LISTED_ON_PAGE + 5 }, (_, i) => ({ file: 'tei/a.xml', line: i + 1, column: 3, severity: 'error' as const, ruleId: 'wf/tag-mismatch', message: `end tag </x${i}> <b>` }));
    const failure = failureOf('invalid', { files: ['tei/a.xml'], diagnostics: [...diagnostics, { file: 'tei/b.xml', severity: 'warning', ruleId: 'tei/x', message: 'w' }] });
    expect(failure.title).toBe(`The sources have ${LISTED_ON_PAGE + 5} errors: not built`);
    expect(failure.lines[0]).toBe('tei/a.xml:1:3  error  end tag </x0> <b>  wf/tag-mismatch');
    expect(failure.lines).toHaveLength(LISTED_ON_PAGE);
    expect(failure.more).toBe(5);
    expect(diagnosticText({ file: 'edition.config.json', severity: 'error', ruleId: 'config/invalid', message: 'm' })).toBe('edition.config.json  error  m  config/invalid');
    expect(failureOf('crashed', { files: [], diagnostics: [] }, 'boom').lines).toEqual(['boom']);
  });

  it('names what changed briefly', () => {
    const cwd = path.resolve('/ed');
    expect(describeChanges([path.join(cwd, 'tei/a.xml')], cwd)).toBe('tei/a.xml changed');
    expect(describeChanges(['a', 'b', 'c', 'd', 'e'].map((n) => path.join(cwd, `${n}.xml`)), cwd)).toBe('a.xml, b.xml and 3 more changed');
  });

  it('writes the address to open', () => {
    expect(addressToOpen('127.0.0.1', 8080)).toBe('http://127.0.0.1:8080/');
    expect(addressToOpen('::1', 8080)).toBe('http://[::1]:8080/');
    expect(addressToOpen('0.0.0.0', 80)).toBe('http://localhost:80/');
  });
});
