// The EPUB of the bundled edition: what the bundle holds, the package document's metadata, the
// navigation, the notes (the same numbers as the site's pages), reproducible bytes, and epubcheck.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { buildEdition } from '../../src/package/build-edition.js';
import { projectRoot } from '../helpers/paths.js';
import { bundledPlan, temporaryFolder } from '../build/support/build.js';
import { parsePage, type Node } from '../build/support/html.js';
import { byAttr, parseXmlFile, textOf, unzip, walk, zipEntries, type XNode } from './support/book.js';
import { epubcheck, hasEpubcheck } from './support/epubcheck.js';

const EPOCH = '1700000000';
const config = loadConfig(path.join(projectRoot, 'edition.config.json'));
if (!config.ok) throw new Error('the bundled config does not load');
const slug = config.config.slug;

async function buildInto(out: string, extra: Parameters<typeof bundledPlan>[1] = {}): Promise<void> {
  const previous = process.env.SOURCE_DATE_EPOCH;
  process.env.SOURCE_DATE_EPOCH = EPOCH;
  try {
    const result = await buildEdition(bundledPlan(path.join(out, 'site'), { epub: { identifier: config.ok ? config.config.identifier! : '' }, ...extra }));
    if (result.status !== 'built') throw new Error(`build failed: ${result.failure ?? JSON.stringify(result.report.diagnostics.slice(0, 3))}`);
  } finally {
    if (previous === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = previous;
  }
}

let out = '';
let bundle = '';
let oebps = '';
let opf: XNode;
let nav: XNode;
let contentDocs: string[] = [];

function files(dir: string, from = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name), from) : [path.relative(from, path.join(dir, e.name)).split(path.sep).join('/')]));
}

beforeAll(async () => {
  out = temporaryFolder('tei-edition-epub-');
  await buildInto(out);
  bundle = path.join(out, 'epub', 'bundle');
  oebps = path.join(bundle, 'OEBPS');
  opf = parseXmlFile(path.join(oebps, 'package.opf'));
  nav = parseXmlFile(path.join(oebps, 'nav.xhtml'));
  contentDocs = files(oebps).filter((f) => f.endsWith('.xhtml'));
});

const metas = (property: string): string[] => [...walk(opf)].filter((n) => n.name === 'meta' && n.attrs.property === property).map(textOf);
const dc = (name: string): XNode[] => [...walk(opf)].filter((n) => n.name === `dc:${name}`);

describe('the EPUB of the bundled edition', () => {
  it('writes the unpacked bundle and the .epub beside it', () => {
    const all = files(bundle);
    expect(all).toContain('mimetype');
    expect(readFileSync(path.join(bundle, 'mimetype'), 'utf8')).toBe('application/epub+zip');
    expect(all).toContain('META-INF/container.xml');
    for (const f of ['OEBPS/package.opf', 'OEBPS/nav.xhtml', 'OEBPS/front.xhtml', 'OEBPS/apparatus.xhtml', 'OEBPS/css/edition.css']) expect(all).toContain(f);
    expect(all.filter((f) => f.startsWith('OEBPS/documents/'))).toEqual(['OEBPS/documents/1951-06-30-filippov-to-mao.xhtml', 'OEBPS/documents/1951-07-01-kim-peng-to-ridgway.xhtml']);
    expect(all.filter((f) => f.startsWith('OEBPS/registers/')).length).toBe(readdirSync(path.join(projectRoot, 'tei', 'registers')).filter((f) => f.endsWith('.xml')).length);
    expect(all.some((f) => f.startsWith('OEBPS/fonts/') && f.endsWith('.woff2'))).toBe(true);
    expect(readdirSync(path.join(out, 'epub'))).toContain(`${slug}.epub`);
  });

  it('stores mimetype first and uncompressed, then every file of the bundle in a fixed order with one fixed time', () => {
    const bytes = readFileSync(path.join(out, 'epub', `${slug}.epub`));
    const entries = zipEntries(bytes);
    expect(entries[0]).toMatchObject({ name: 'mimetype', method: 0 });
    const rest = entries.slice(1).map((e) => e.name);
    expect(rest).toEqual([...rest].sort());
    expect(new Set(entries.map((e) => `${e.date}/${e.time}`)).size).toBe(1);
    const unpacked = unzip(path.join(out, 'epub', `${slug}.epub`));
    expect(Object.keys(unpacked).sort()).toEqual(files(bundle).sort());
    for (const [name, content] of Object.entries(unpacked)) expect(Buffer.compare(Buffer.from(content), readFileSync(path.join(bundle, name))), name).toBe(0);
  });

  it('describes the book in the package document from the edition header and the config', () => {
    expect(opf.attrs['unique-identifier']).toBe('pub-id');
    const id = dc('identifier');
    expect(id.map(textOf)).toEqual([config.ok ? config.config.identifier : '']);
    expect(dc('title').map(textOf)).toEqual(['Toward Kaesong', 'The armistice proposal, June–July 1951']);
    expect(dc('language').map(textOf)).toEqual(['en']);
    const creators = dc('creator');
    expect(creators.map(textOf)).toContain('The editors of the tei-edition project');
    const roleOf = (n: XNode): string[] => [...walk(opf)].filter((m) => m.name === 'meta' && m.attrs.refines === `#${n.attrs.id}` && m.attrs.property === 'role').map(textOf);
    expect(roleOf(creators[0]!)).toEqual(['edt']);
    expect(dc('publisher').map(textOf)).toEqual(['The tei-edition project']);
    expect(textOf(dc('rights')[0]!)).toMatch(/Creative Commons Attribution 4\.0/);
    expect(metas('dcterms:modified')).toEqual([new Date(Number(EPOCH) * 1000).toISOString().replace(/\.000Z$/, 'Z')]);
  });

  it('states its accessibility (EPUB Accessibility 1.1)', () => {
    expect(metas('schema:accessMode')).toEqual(['textual']);
    expect(metas('schema:accessModeSufficient')).toEqual(['textual']);
    expect(metas('schema:accessibilityFeature')).toEqual(expect.arrayContaining(['structuralNavigation', 'tableOfContents', 'readingOrder']));
    expect(metas('schema:accessibilityHazard')).toEqual(['none']);
    expect(metas('schema:accessibilitySummary')[0]).toMatch(/colour/);
    expect(metas('dcterms:conformsTo')).toEqual(['EPUB Accessibility 1.1 - WCAG 2.1 Level AA']);
  });

  it('lists every document by date in the table of contents, with the apparatus and the registers, and has landmarks', () => {
    const toc = byAttr(nav, 'epub:type', 'toc')[0]!;
    const labels = [...walk(toc)].filter((n) => n.name === 'a').map((a) => ({ label: textOf(a).trim(), href: a.attrs.href! }));
    const docs = labels.filter((l) => l.href.startsWith('documents/') && l.label !== 'Documents');
    expect(docs.map((d) => d.href)).toEqual(['documents/1951-06-30-filippov-to-mao.xhtml', 'documents/1951-07-01-kim-peng-to-ridgway.xhtml']);
    expect(docs[0]!.label).toMatch(/30 June 1951/);
    expect(labels.some((l) => l.href.startsWith('apparatus.xhtml'))).toBe(true);
    expect(labels.filter((l) => l.href.startsWith('registers/')).length).toBeGreaterThanOrEqual(4);
    const landmarks = byAttr(nav, 'epub:type', 'landmarks')[0]!;
    const types = [...walk(landmarks)].filter((n) => n.name === 'a').map((a) => a.attrs['epub:type']);
    expect(types).toEqual(expect.arrayContaining(['toc', 'bodymatter']));
    // The spine reads front matter, contents, documents by date, apparatus, registers.
    const spine = [...walk(opf)].filter((n) => n.name === 'itemref').map((n) => n.attrs.idref);
    expect(spine.slice(0, 4)).toEqual(['i-front', 'i-nav', 'i-documents-1951-06-30-filippov-to-mao', 'i-documents-1951-07-01-kim-peng-to-ridgway']);
  });

  it('has content documents that parse, each with its language, and every link inside the book resolves', () => {
    const ids = new Map<string, Set<string>>();
    const trees = new Map<string, XNode>();
    for (const f of contentDocs) {
      const tree = parseXmlFile(path.join(oebps, f));
      trees.set(f, tree);
      expect(tree.attrs.lang, f).toBeTruthy();
      expect(tree.attrs['xml:lang'], f).toBe(tree.attrs.lang);
      ids.set(f, new Set([...walk(tree)].map((n) => n.attrs.id).filter((x): x is string => !!x)));
    }
    let links = 0;
    for (const [f, tree] of trees) {
      for (const a of [...walk(tree)].filter((n) => n.name === 'a' && n.attrs.href && !/^(https?|mailto):/.test(n.attrs.href))) {
        const [file, fragment] = a.attrs.href!.split('#');
        const target = file ? path.posix.normalize(path.posix.join(path.posix.dirname(f), file)) : f;
        expect(ids.has(target), `${f}: ${a.attrs.href}`).toBe(true);
        if (fragment) expect(ids.get(target)!.has(fragment), `${f}: ${a.attrs.href}`).toBe(true);
        links++;
      }
    }
    expect(links).toBeGreaterThan(50);
  });

  it('gives notes as EPUB footnotes with the numbers of the site, linked both ways', () => {
    for (const stem of ['1951-06-30-filippov-to-mao', '1951-07-01-kim-peng-to-ridgway']) {
      const page = parsePage(readFileSync(path.join(out, 'site', 'documents', `${stem}.html`), 'utf8')).document;
      const siteNotes: { id: string; number: string }[] = [];
      const siteRefs: string[] = [];
      const visit = (n: Node): void => {
        const attrs = 'attrs' in n ? Object.fromEntries(n.attrs.map((a) => [a.name, a.value])) : {};
        if (n.nodeName === 'li' && /^note-/.test(attrs.id ?? '')) {
          const num = n.childNodes.find((c) => 'attrs' in c && c.attrs.some((a) => a.name === 'class' && a.value.split(' ').includes('note-num')));
          siteNotes.push({ id: attrs.id!, number: num ? textContent(num).trim() : '' });
        }
        if (n.nodeName === 'a' && attrs.role === 'doc-noteref') siteRefs.push(`${attrs.id}→${attrs.href}:${textContent(n).trim()}`);
        if ('childNodes' in n) for (const c of n.childNodes) visit(c);
      };
      visit(page);
      const book = parseXmlFile(path.join(oebps, 'documents', `${stem}.xhtml`));
      const asides = [...walk(book)].filter((n) => n.name === 'aside' && n.attrs['epub:type'] === 'footnote');
      expect(asides.every((a) => a.attrs.role === 'doc-footnote')).toBe(true);
      const bookNotes = asides.map((a) => {
        const num = a.children.find((c): c is XNode => typeof c !== 'string' && (c.attrs.class ?? '').split(' ').includes('note-num'));
        return { id: a.attrs.id!, number: num ? textOf(num).trim() : '' };
      });
      expect(bookNotes, stem).toEqual(siteNotes);
      const bookRefs = [...walk(book)].filter((n) => n.name === 'a' && n.attrs['epub:type'] === 'noteref');
      expect(bookRefs.map((a) => `${a.attrs.id}→${a.attrs.href}:${textOf(a).trim()}`), stem).toEqual(siteRefs);
      expect(bookRefs.every((a) => a.attrs.role === 'doc-noteref')).toBe(true);
      // Backlinks: each footnote links to its reference.
      for (const a of asides) expect([...walk(a)].some((n) => n.name === 'a' && n.attrs.href === `#${a.attrs.id!.replace(/^note-/, 'noteref-')}`)).toBe(true);
    }
  });

  it('keeps the critical apparatus entries of the site, linked to their places in the text', () => {
    const stem = '1951-07-01-kim-peng-to-ridgway';
    const page = readFileSync(path.join(out, 'site', 'documents', `${stem}.html`), 'utf8');
    const siteEntries = [...page.matchAll(/<li id="(app-\d+)"/g)].map((m) => m[1]);
    expect(siteEntries.length).toBeGreaterThan(5);
    const apparatus = parseXmlFile(path.join(oebps, 'apparatus.xhtml'));
    const entries = [...walk(apparatus)].map((n) => n.attrs.id ?? '').filter((id) => id.startsWith(`${stem}--app-`));
    expect(entries).toEqual(siteEntries.map((id) => `${stem}--${id}`));
    const text = parseXmlFile(path.join(oebps, 'documents', `${stem}.xhtml`));
    const refs = [...walk(text)].filter((n) => n.name === 'a' && (n.attrs.href ?? '').startsWith(`../apparatus.xhtml#${stem}--app-`));
    expect(refs.length).toBe(siteEntries.length);
    // The text shows one witness's reading, and says which.
    expect(textOf(text)).toMatch(/Reading text of witness A\./);
  });

  it('lets the text reflow: no forced breaks of the site\'s numbered lines, every line number kept', () => {
    const stem = '1951-06-30-filippov-to-mao';
    const site = readFileSync(path.join(out, 'site', 'documents', `${stem}.html`), 'utf8');
    const siteLines = [...site.matchAll(/class="ln ed" id="(line-\d+)"/g)].map((m) => m[1]);
    expect(site).toContain('class="lb-auto"');
    const text = parseXmlFile(path.join(oebps, 'documents', `${stem}.xhtml`));
    const nodes = [...walk(text)];
    expect(nodes.filter((n) => n.name === 'br' && (n.attrs.class ?? '').split(' ').includes('lb-auto'))).toEqual([]);
    expect(nodes.filter((n) => (n.attrs.class ?? '').split(' ').includes('ln')).map((n) => n.attrs.id)).toEqual(siteLines);
    // The words on either side of a removed break stay apart (line numbers aside).
    const words = (n: XNode | string): string => (typeof n === 'string' ? n : (n.attrs.class ?? '').split(' ').includes('ln') ? '' : n.children.map(words).join(''));
    expect(words(text).replace(/\s+/g, ' ')).toContain('In our opinion it is necessary immediately to answer Ridgway over the radio with agreement to meet');
  });

  it('shows editorial brackets once and keeps no tooltip that a book cannot open', () => {
    const text = parseXmlFile(path.join(oebps, 'documents', '1951-06-30-filippov-to-mao.xhtml'));
    const nodes = [...walk(text)];
    expect(nodes.filter((n) => (n.attrs.class ?? '').split(' ').includes('tip'))).toEqual([]);
    expect(nodes.filter((n) => n.attrs['aria-describedby'] !== undefined && !nodes.some((m) => m.attrs.id === n.attrs['aria-describedby']))).toEqual([]);
    const supplied = nodes.filter((n) => (n.attrs.class ?? '').split(' ').includes('supplied')).map((n) => textOf(n));
    expect(supplied).toEqual(['[Kaesong]', '[with him]', '[Stalin]']);
    const css = readFileSync(path.join(oebps, 'css', 'edition.css'), 'utf8');
    expect(css).not.toMatch(/\.supplied::(before|after)/);
    const gap = nodes.find((n) => (n.attrs.class ?? '').split(' ').includes('gap'))!;
    expect(textOf(gap)).toBe('[...]');
  });

  it.skipIf(!hasEpubcheck)('passes epubcheck with no errors and no warnings (needs epubcheck)', async () => {
    const result = await epubcheck(path.join(out, 'epub', `${slug}.epub`));
    expect(result.messages).toEqual([]);
    expect([result.fatals, result.errors, result.warnings]).toEqual([0, 0, 0]);
  });

  it('gives the same .epub bytes on a second build', async () => {
    const second = temporaryFolder('tei-edition-epub-');
    await buildInto(second, { only: ['epub'] });
    const a = readFileSync(path.join(out, 'epub', `${slug}.epub`));
    const b = readFileSync(path.join(second, 'epub', `${slug}.epub`));
    expect(Buffer.compare(a, b)).toBe(0);
    expect(readdirSync(second)).toEqual(['epub']);
  });

  it('puts notes at the end of each document as endnotes when the config asks', async () => {
    const other = temporaryFolder('tei-edition-epub-');
    await buildInto(other, { only: ['epub'], epub: { notes: 'endnotes' } });
    const book = parseXmlFile(path.join(other, 'epub', 'bundle', 'OEBPS', 'documents', '1951-06-30-filippov-to-mao.xhtml'));
    const section = byAttr(book, 'epub:type', 'endnotes')[0]!;
    expect(section.attrs.role).toBe('doc-endnotes');
    const items = [...walk(section)].filter((n) => n.name === 'li' && n.attrs['epub:type'] === 'endnote');
    const footnotes = [...walk(parseXmlFile(path.join(oebps, 'documents', '1951-06-30-filippov-to-mao.xhtml')))].filter((n) => n.name === 'aside');
    expect(items.map((i) => i.attrs.id)).toEqual(footnotes.map((a) => a.attrs.id));
    if (hasEpubcheck) {
      const result = await epubcheck(path.join(other, 'epub', `${slug}.epub`));
      expect(result.messages).toEqual([]);
    }
  });
});

function textContent(n: Node): string {
  if (n.nodeName === '#text') return (n as unknown as { value: string }).value;
  return 'childNodes' in n ? n.childNodes.map(textContent).join('') : '';
}
