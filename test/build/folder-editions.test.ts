// Folder builds of real editions: the edition's title (never one document's), each document's date (never a
// date from a register or a person), date labels (one table for the stylesheets and the TypeScript), and
// the language of each document's words and of the interface (the first document's, when no one says otherwise).
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCommandLine, helpText } from '../../src/cli/options.js';
import { BUILD_SPEC } from '../../src/cli/specs.js';
import { dateLabel, dateRangeLabel } from '../../src/labels/date-labels.js';
import { labelsFor, type InterfaceLanguage, interfaceWords } from '../../src/labels/labels.js';
import { loadStylesheet } from '../../src/transform/stylesheet.js';
import { transformFile } from '../../src/transform/transform-file.js';
import { buildEdition } from '../../src/package/build-edition.js';
import { hasShared, projectRoot, sharedDir } from '../helpers/paths.js';
import { descendants, parseXml } from '../helpers/xml-tree.js';
import { temporaryFolder } from './support/build.js';
import { buildFolder, type FolderSite } from './support/folder-site.js';
import { all, attr, first, hasClass, normalise, parsePage, textOf, type ParsedPage } from './support/html.js';

const fixtures = path.join(projectRoot, 'test', 'build', 'fixtures');
const datedDir = path.join(fixtures, 'dated');
const datedFiles = ['a-note.xml', 'b-letter.xml', 'c-charter.xml'].map((f) => path.join(datedDir, f));
const cases = (JSON.parse(readFileSync(path.join(fixtures, 'date-labels.json'), 'utf8')) as { cases: { lang?: InterfaceLanguage; from: string; to?: string; label: string }[] }).cases;
const GERMAN = labelsFor('de').dates;

const ptaDir = path.join(sharedDir, 'corpora', 'pta-critical-editions');
const hasPta = hasShared && existsSync(ptaDir);
const schnitzlerDir = path.join(sharedDir, 'corpora', 'schnitzler-briefe');
const hasSchnitzler = hasShared && existsSync(schnitzlerDir);
const xmlIn = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.xml')).sort().map((f) => path.join(dir, f));

const text = (page: ParsedPage, test: Parameters<typeof first>[1]): string => normalise(textOf(first(page.document, test)!));
const headTitle = (page: ParsedPage): string => text(page, (el) => el.tagName === 'title');
const h1 = (page: ParsedPage): ReturnType<typeof first> => first(page.document, (el) => el.tagName === 'h1');
const citation = (page: ParsedPage): string => text(page, (el) => el.tagName === 'p' && hasClass(el, 'citation'));
const docDate = (page: ParsedPage): string | undefined => {
  const el = first(page.document, (e) => e.tagName === 'p' && hasClass(e, 'doc-date'));
  return el ? normalise(textOf(el)) : undefined;
};
const langOf = (page: ParsedPage, test: Parameters<typeof first>[1]): string | undefined => attr(first(page.document, test)!, 'lang');
/** The language an element's words are in: its own lang, else its nearest ancestor's. */
const languageOf = (el: ReturnType<typeof first>): string | undefined => {
  for (let e: unknown = el; e && typeof e === 'object' && 'tagName' in e; e = (e as { parentNode?: unknown }).parentNode) {
    const lang = attr(e as NonNullable<typeof el>, 'lang');
    if (lang !== undefined) return lang;
  }
  return undefined;
};
const isHtml = (el: { tagName: string }): boolean => el.tagName === 'html';
const isText = (el: Parameters<Parameters<typeof first>[1]>[0]): boolean => el.tagName === 'section' && hasClass(el, 'text');
const pageOf = (file: string): string => `documents/${path.basename(file, '.xml').replace(/[^A-Za-z0-9._-]+/g, '_')}.html`;

describe('date labels: one table for te:date-label and dateLabel (test/build/fixtures/date-labels.json)', () => {
  it('covers every language of the interface', () => {
    expect(new Set(cases.map((c) => c.lang ?? 'en'))).toEqual(new Set(['en', 'de', 'fr', 'it', 'la']));
  });

  it('the TypeScript gives every label of the table', () => {
    for (const c of cases) {
      const words = labelsFor(c.lang ?? 'en').dates;
      expect(c.to === undefined ? dateLabel(c.from, words) : dateRangeLabel(c.from, c.to, words), JSON.stringify(c)).toBe(c.label);
    }
  });

  it('the stylesheets give the same labels (an event of a register entry for each case, in each language)', async () => {
    const stylesheet = await loadStylesheet('html/page');
    for (const lang of new Set(cases.map((c) => c.lang ?? 'en'))) {
      const mine = cases.filter((c) => (c.lang ?? 'en') === lang);
      const events = mine.map((c) => (c.to === undefined ? `<event when="${c.from}"/>` : `<event from="${c.from}" to="${c.to}"/>`)).join('');
      const folder = temporaryFolder('tei-edition-dates-');
      const file = path.join(folder, 'register.xml');
      writeFileSync(file, `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Dates</title></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader><text><body><listPerson><person xml:id="p"><persName>P</persName>${events}</person></listPerson></body></text></TEI>`);
      const outcome = transformFile(stylesheet, file, { base: `file://${folder}/`, files: ['register.xml'], sigla: {}, witnessOrder: [], labels: interfaceWords(labelsFor(lang)) });
      if (!outcome.ok) throw new Error(outcome.message);
      const html = outcome.file.entries[0]!.html;
      const labels = [...html.matchAll(/<div class="entry-part entry-event"><span class="entry-part-label">[^<]*<\/span>([^<]*)<\/div>/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
      expect(labels, lang).toEqual(mine.map((c) => c.label));
    }
  }, 240_000);
});

describe('folder builds of hand-written documents (test/build/fixtures/dated)', () => {
  let site: FolderSite;
  beforeAll(async () => {
    site = await buildFolder(datedFiles);
  }, 240_000);

  it('names the edition after its folder when the documents share no series or title', () => {
    expect(headTitle(site.page('index.html'))).toBe('dated');
    expect(normalise(textOf(h1(site.page('index.html'))!))).toBe('dated');
  });

  it('keeps each document’s own title on its page and in its citation', () => {
    const titles = { 'a-note.xml': 'Ein undatierter Zettel', 'b-letter.xml': 'Lettre de Musterstadt', 'c-charter.xml': 'Carta exempli' };
    for (const [file, title] of Object.entries(titles)) {
      const page = site.page(pageOf(file));
      expect(normalise(textOf(h1(page)!))).toBe(title);
      expect(headTitle(page)).toBe(`${title} · dated`);
      // The interface is the first document's language, German (a-note.xml): so is the citation.
      expect(citation(page)).toContain(`„${title}“, in: dated, Version vom`);
    }
  });

  it('never dates a document by a birth or death in the lists it carries', () => {
    expect(docDate(site.page(pageOf('a-note.xml')))).toBeUndefined();
    expect(docDate(site.page(pageOf('b-letter.xml')))).toBe('14. September 1870, 14:00');
    const chronology = normalise(textOf(site.page('chronology.html').document));
    expect(chronology).not.toContain('1821');
    expect(chronology).not.toContain('1888');
  });

  it('collapses a range whose ends are equal', () => {
    expect(docDate(site.page(pageOf('c-charter.xml')))).toBe('1. August 1531');
  });

  it('marks each document’s words with its language: the text’s, else langUsage’s (most used, else first)', () => {
    const expected = { 'a-note.xml': 'de', 'b-letter.xml': 'fr', 'c-charter.xml': 'la' };
    for (const [file, lang] of Object.entries(expected)) {
      const page = site.page(pageOf(file));
      // The interface speaks the first document's language; a document in another marks its own words.
      expect(langOf(page, isHtml), file).toBe('de');
      expect(languageOf(first(page.document, isText)), file).toBe(lang);
      expect(languageOf(h1(page)), file).toBe(lang);
    }
  });

  it('keeps the interface’s labels in the interface’s language on a page in another', () => {
    for (const file of ['a-note.xml', 'b-letter.xml', 'c-charter.xml']) {
      const page = site.page(pageOf(file));
      const labels = all(page.document, (el) => el.tagName === 'h2' && ['Über dieses Dokument', 'Zitiervorschlag'].includes(normalise(textOf(el))));
      expect(labels, file).toHaveLength(2);
      for (const label of labels) expect(languageOf(label), file).toBe('de');
    }
  });

  it('speaks English when the plan says so (--lang en), the documents’ words still marked', async () => {
    const siteDir = path.join(temporaryFolder(), 'site');
    const result = await buildEdition({ mode: 'paths', lang: 'en', documents: datedFiles, registers: [], siteDir, schematron: [], ruleLevels: {}, strict: false, dateFrom: datedDir, only: ['site'] });
    expect(result.status).toBe('built');
    const page = parsePage(readFileSync(path.join(siteDir, pageOf('b-letter.xml')), 'utf8'));
    expect(langOf(page, isHtml)).toBe('en');
    expect(languageOf(first(page.document, isText))).toBe('fr');
    expect(docDate(page)).toBe('14 September 1870, 14:00');
    expect(citation(page)).toContain('“Lettre de Musterstadt”, in dated, version of');
    expect(all(page.document, (el) => el.tagName === 'h2').map((el) => normalise(textOf(el)))).toEqual(expect.arrayContaining(['About this document', 'Cite this document']));
  }, 240_000);
});

describe('--title', () => {
  it('is an option of build, in its help', () => {
    expect(parseCommandLine(BUILD_SPEC, ['--title', 'Letters of a town', 'tei/'])).toMatchObject({ ok: true, parsed: { options: { title: 'Letters of a town' } } });
    expect(parseCommandLine(BUILD_SPEC, ['--title', ' ', 'tei/'])).toMatchObject({ ok: false });
    expect(helpText(BUILD_SPEC)).toContain('--title TEXT');
  });

  it('names a folder build', async () => {
    const siteDir = path.join(temporaryFolder(), 'site');
    const result = await buildEdition({ mode: 'paths', title: 'Letters of a town', documents: datedFiles, registers: [], siteDir, schematron: [], ruleLevels: {}, strict: false, dateFrom: datedDir, only: ['site'] });
    expect(result.status).toBe('built');
    const home = parsePage(readFileSync(path.join(siteDir, 'index.html'), 'utf8'));
    expect(headTitle(home)).toBe('Letters of a town');
    expect(citation(parsePage(readFileSync(path.join(siteDir, pageOf('b-letter.xml')), 'utf8')))).toContain('„Lettre de Musterstadt“, in: Letters of a town, Version vom');
  }, 240_000);
});

describe.skipIf(!hasPta)('the PTA critical editions as a folder (needs ../shared/corpora/pta-critical-editions)', () => {
  if (!hasPta) it.skip('needs ../shared/corpora/pta-critical-editions beside the project: skipped', () => {});
  let site: FolderSite;
  beforeAll(async () => {
    if (hasPta) site = await buildFolder(xmlIn(ptaDir));
  }, 600_000);

  it('is called by its folder, and each work by its own title', () => {
    expect(headTitle(site.page('index.html'))).toBe('pta-critical-editions');
    for (const file of xmlIn(ptaDir)) {
      const page = site.page(pageOf(file));
      const title = normalise(textOf(h1(page)!));
      expect(title).not.toBe('');
      expect(headTitle(page)).toBe(`${title} · pta-critical-editions`);
      expect(citation(page)).toContain(`“${title}”, in pta-critical-editions, version of`);
    }
  });
});

describe.skipIf(!hasSchnitzler)('the Schnitzler letters: dates and language (needs ../shared/corpora/schnitzler-briefe)', () => {
  if (!hasSchnitzler) it.skip('needs ../shared/corpora/schnitzler-briefe beside the project: skipped', () => {});
  let site: FolderSite;
  beforeAll(async () => {
    if (hasSchnitzler) site = await buildFolder(xmlIn(schnitzlerDir));
  }, 600_000);

  it('dates each letter by its sending, never by a date in its lists of persons', () => {
    for (const file of xmlIn(schnitzlerDir)) {
      const tei = parseXml(readFileSync(file, 'utf8'));
      const sent = [...descendants(tei)].find((e) => e.name === 'correspAction' && e.attrs.type === 'sent');
      const date = sent && [...descendants(sent)].find((e) => e.name === 'date');
      const when = date?.attrs.when ?? date?.attrs.from ?? date?.attrs.notBefore;
      if (!when) continue;
      const shown = docDate(site.page(pageOf(file)));
      // German letters, a German interface: German dates.
      expect(shown, file).toBe(dateRangeLabel(when, date?.attrs.to ?? date?.attrs.notAfter, GERMAN));
    }
  });

  it('speaks German, the letters’ language (langUsage), and marks each letter’s text as German', () => {
    for (const file of xmlIn(schnitzlerDir)) {
      const page = site.page(pageOf(file));
      expect(langOf(page, isHtml), file).toBe('de');
      expect(languageOf(first(page.document, isText)), file).toMatch(/^de(-|$)/);
    }
  });
});
