// Titles of a folder build: a document is called by its own title (main, else analytic, else the first
// that is not a series, date or subtitle), and the edition by the series all its documents share.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasShared, projectRoot, sharedDir } from '../helpers/paths.js';
import { descendants, parseXml, type XmlElement } from '../helpers/xml-tree.js';
import { all, attr, byId, first, normalise, textOf, type ParsedPage } from './support/html.js';
import { buildFolder, type FolderSite } from './support/folder-site.js';

const lettersDir = path.join(projectRoot, 'test', 'build', 'fixtures', 'letters');
const schnitzlerDir = path.join(sharedDir, 'corpora', 'schnitzler-briefe');
const hasSchnitzler = hasShared && existsSync(schnitzlerDir);

function headTitle(page: ParsedPage): string {
  return normalise(textOf(first(page.document, (el) => el.tagName === 'title')!));
}
function h1(page: ParsedPage): string {
  return normalise(textOf(first(page.document, (el) => el.tagName === 'h1')!));
}

/** The titles of a TEI file's titleStmt, with their attributes. */
function titlesOf(file: string): XmlElement[] {
  const tei = parseXml(readFileSync(file, 'utf8'));
  const stmt = [...descendants(tei)].find((e) => e.name === 'titleStmt')!;
  return stmt.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === 'title');
}
const text = (el: XmlElement): string => normalise(el.children.map((c) => (typeof c === 'string' ? c : text(c))).join(''));

describe('titles of a folder build of letters (test/build/fixtures/letters)', () => {
  let site: FolderSite;
  beforeAll(async () => {
    site = await buildFolder([path.join(lettersDir, 'letter-1.xml'), path.join(lettersDir, 'letter-2.xml')]);
  });

  it('calls a letter by its analytic title, not by the series it belongs to', () => {
    const page = site.page('documents/letter-1.html');
    expect(h1(page)).toBe('Anna Beispiel an Max Muster, 1. 3. 1900');
    expect(headTitle(page)).toBe('Anna Beispiel an Max Muster, 1. 3. 1900 · Briefwechsel Beispiel – Muster');
  });

  it('skips the series and the ISO date when the letter’s own title has neither @level nor @type', () => {
    const page = site.page('documents/letter-2.html');
    expect(h1(page)).toBe('Max Muster an Anna Beispiel, 5. 3. 1900');
    expect(headTitle(page)).toBe('Max Muster an Anna Beispiel, 5. 3. 1900 · Briefwechsel Beispiel – Muster');
  });

  it('calls the edition by the series both letters share', () => {
    const home = site.page('index.html');
    expect(headTitle(home)).toBe('Briefwechsel Beispiel – Muster');
    expect(h1(home)).toBe('Briefwechsel Beispiel – Muster');
  });

  it('lists each letter by its own title in the documents table and the pager', () => {
    const table = all(site.page('documents.html').document, (el) => el.tagName === 'a' && (attr(el, 'href') ?? '').startsWith('documents/'));
    expect(table.map((a) => normalise(textOf(a)))).toEqual(expect.arrayContaining(['Anna Beispiel an Max Muster, 1. 3. 1900', 'Max Muster an Anna Beispiel, 5. 3. 1900']));
    const next = first(site.page('documents/letter-1.html').document, (el) => el.tagName === 'a' && attr(el, 'rel') === 'next')!;
    expect(normalise(textOf(next))).toContain('Max Muster an Anna Beispiel, 5. 3. 1900');
  });

  it('names the edition after the folder that holds the documents when they name no common series or title', async () => {
    const mixed = await buildFolder([path.join(lettersDir, 'letter-1.xml'), path.join(projectRoot, 'tei', 'documents', '1951-06-30-filippov-to-mao.xml')]);
    expect(headTitle(mixed.page('index.html'))).toBe(path.basename(projectRoot));
    expect(h1(mixed.page('documents/letter-1.html'))).toBe('Anna Beispiel an Max Muster, 1. 3. 1900');
  });
});

describe.skipIf(!hasSchnitzler)('titles of the Schnitzler letters (needs ../shared/corpora/schnitzler-briefe)', () => {
  if (!hasSchnitzler) it.skip('needs ../shared/corpora/schnitzler-briefe beside the project: skipped', () => {});
  const files = hasSchnitzler ? readdirSync(schnitzlerDir).filter((f) => f.endsWith('.xml')).sort().map((f) => path.join(schnitzlerDir, f)) : [];
  let site: FolderSite;
  beforeAll(async () => {
    if (hasSchnitzler) site = await buildFolder(files);
  });

  it('calls every letter by its title[@level="a"] and the edition by the series of all', () => {
    const series = new Set(files.map((f) => text(titlesOf(f).find((t) => t.attrs.level === 's')!)));
    expect(series.size).toBe(1);
    const [name] = [...series];
    expect(headTitle(site.page('index.html'))).toBe(name);
    for (const file of files) {
      const own = text(titlesOf(file).find((t) => t.attrs.level === 'a')!);
      const page = site.page(`documents/${path.basename(file, '.xml')}.html`);
      expect(normalise(textOf(byId(page.document, 'doc-title')!)), file).toBe(own);
      expect(headTitle(page), file).toBe(`${own} · ${name}`);
      expect(own, file).not.toBe(name);
    }
  });
});
