// The edition speaks its own language: one table of labels per language (src/templates/labels/<lang>.json),
// the same keys in each, every key the templates, stylesheets and renderers use in the tables; a folder of
// German letters (test/build/fixtures/german, and the Schnitzler letters of ../shared) gets a German
// interface, German dates and a German "Cite this document" on every output; a config may choose the
// language and override any label, and its mistakes are config errors.
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { INTERFACE_LANGUAGES, chooseInterfaceLanguage, interfaceLanguageOf, labelsFor, languageTable, placeholdersOf, type LabelValue } from '../../src/labels/labels.js';
import { buildEdition, type BuildPlan } from '../../src/package/build-edition.js';
import { loadXmlFile } from '../../src/read/load.js';
import { textLanguage } from '../../src/read/text-language.js';
import { loadStylesheet } from '../../src/transform/stylesheet.js';
import { transformFile } from '../../src/transform/transform-file.js';
import { runInProcess } from '../hostile/support/cli.js';
import { hasShared, projectRoot, sharedDir } from '../helpers/paths.js';
import { temporaryFolder } from './support/build.js';
import { filesUnder } from './support/folder-site.js';
import { all, attr, byId, first, hasClass, normalise, parsePage, textOf, type Element, type ParsedPage } from './support/html.js';

const fixtures = path.join(projectRoot, 'test', 'build', 'fixtures');
const germanDir = path.join(fixtures, 'german');
const germanFiles = ['brief-1.xml', 'brief-2.xml'].map((f) => path.join(germanDir, f));
const schnitzlerDir = path.join(sharedDir, 'corpora', 'schnitzler-briefe');
const hasSchnitzler = hasShared && existsSync(schnitzlerDir);
const xmlIn = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.xml')).sort().map((f) => path.join(dir, f));

const english = languageTable('en');
const tables = INTERFACE_LANGUAGES.map((lang) => [lang, languageTable(lang)] as const);

/** Every file under a folder with one of the extensions. */
function sourcesUnder(dir: string, extensions: string[]): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourcesUnder(full, extensions);
    return extensions.some((e) => name.endsWith(e)) ? [full] : [];
  });
}

const forms = (value: LabelValue): string[] => (typeof value === 'string' ? [value] : [value.one, value.other]);

describe('the label tables (src/templates/labels)', () => {
  it('has a table for each language of the interface, with the same keys in each', () => {
    expect(readdirSync(path.join(projectRoot, 'src', 'templates', 'labels')).sort()).toEqual(INTERFACE_LANGUAGES.map((l) => `${l}.json`).sort());
    for (const [lang, table] of tables) expect(Object.keys(table.labels), lang).toEqual(Object.keys(english.labels));
  });

  it('gives each label the same form and the same placeholders in every language', () => {
    for (const [lang, table] of tables) {
      for (const [key, value] of Object.entries(english.labels)) {
        const theirs = table.labels[key]!;
        expect(typeof theirs, `${lang} ${key}`).toBe(typeof value);
        expect(placeholdersOf(theirs).sort(), `${lang} ${key}`).toEqual(placeholdersOf(value).sort());
        for (const f of forms(theirs)) expect(f.trim(), `${lang} ${key}`).not.toBe('');
      }
    }
  });

  it('gives every language the words of dates: twelve months in both forms, a day, a year before the era, a time', () => {
    for (const [lang, table] of tables) {
      expect(table.dates.months, lang).toHaveLength(12);
      expect(table.dates.monthsWithDay, lang).toHaveLength(12);
      expect(table.dates.day, lang).toContain('{day}');
      expect(table.dates.beforeEra, lang).toContain('{year}');
      expect(table.dates.time, lang).toMatch(/\{date\}.*\{time\}/);
      expect(table.pluralOne, lang).toContain(1);
    }
  });

  it('counts in each language’s forms: French counts 0 with 1, the others only 1', () => {
    expect(labelsFor('en').count('entryCount', 0)).toBe('0 entries');
    expect(labelsFor('en').count('entryCount', 1)).toBe('1 entry');
    expect(labelsFor('de').count('entryCount', 2)).toBe('2 Einträge');
    expect(labelsFor('fr').count('entryCount', 0)).toBe('0 entrée');
    expect(labelsFor('fr').count('entryCount', 2)).toBe('2 entrées');
    expect(labelsFor('it').count('entryCount', 1)).toBe('1 voce');
    expect(labelsFor('la').count('editedBy', 2, { names: labelsFor('la').list(['A', 'B']) })).toBe('Ediderunt A et B');
  });

  it('chooses the interface’s language: the one configured, else the text’s when the interface speaks it, else English', () => {
    expect(chooseInterfaceLanguage('fr', 'de')).toBe('fr');
    expect(chooseInterfaceLanguage(undefined, 'de-AT')).toBe('de');
    expect(chooseInterfaceLanguage(undefined, 'ger')).toBe('de');
    expect(chooseInterfaceLanguage(undefined, 'lat')).toBe('la');
    expect(chooseInterfaceLanguage(undefined, 'grc')).toBe('en');
    expect(chooseInterfaceLanguage(undefined, '')).toBe('en');
    expect(interfaceLanguageOf('it-CH')).toBe('it');
  });
});

describe('every label the outputs use is in the tables', () => {
  const keys = new Set(Object.keys(english.labels));
  const used = new Map<string, string>();
  const find = (file: string, pattern: RegExp): void => {
    for (const m of readFileSync(file, 'utf8').matchAll(pattern)) if (!used.has(m[1]!)) used.set(m[1]!, path.relative(projectRoot, file));
  };
  const templates = sourcesUnder(path.join(projectRoot, 'src', 'templates'), ['.hbs']);
  const stylesheets = sourcesUnder(path.join(projectRoot, 'xslt'), ['.xsl']);
  const scripts = sourcesUnder(path.join(projectRoot, 'src'), ['.ts']);
  for (const f of templates) find(f, /\{\{~?\s*(?:t|count|form)\s+"([^"]+)"/g);
  for (const f of templates) find(f, /\((?:t|count|form)\s+"([^"]+)"/g);
  for (const f of stylesheets) find(f, /te:t\('([^']+)'/g);
  // labels.t('…'), labels.count('…') …, and the renderers' own shorthands t('…') and link(href, '…').
  for (const f of scripts) find(f, /\.(?:t|count|html|pieces|form)\('([^']+)'/g);
  for (const f of scripts) find(f, /\b(?:t|text)\('([^']+)'/g);
  for (const f of scripts) find(f, /\blink\('[^']*', '([^']+)'\)/g);
  // Labels looked up through a table of keys: the site's navigation, the book's contents, the standalone
  // apparatus's series, the registers named after their kind.
  const tablesOfKeys = ['render/pages.ts', 'render/epub/content.ts', 'render/apparatus/apparatus-output.ts', 'render/site-model.ts'].map((f) => path.join(projectRoot, 'src', f));
  for (const f of tablesOfKeys) find(f, /(?:label|explanatory|textual|critical|project|introduction|principles|sources|licence|listPerson|listPlace|listOrg|listObject|listBibl): '([a-zA-Z]+)'/g);

  it('finds the labels of the templates, the stylesheets and the renderers', () => {
    for (const key of ['notes', 'citeThisDocument', 'aboutThisDocument', 'entryCount', 'versionOf', 'placeNote', 'readingTextOfWitness', 'contents', 'landmarks', 'colophon', 'persons']) {
      expect(used.has(key), key).toBe(true);
    }
  });

  it('has every key that is used', () => {
    const unknown = [...used].filter(([key]) => !keys.has(key)).map(([key, file]) => `${file}: ${key}`);
    expect(unknown).toEqual([]);
  });

  it('uses every key it has (the words for TEI names, "tei:…" and "place:…", are looked up by name)', () => {
    const unused = [...keys].filter((k) => !/^(tei|place):/.test(k) && !used.has(k));
    expect(unused).toEqual([]);
  });

  it('leaves no English words in the templates: every word they print is a label', () => {
    for (const file of templates) {
      const words = readFileSync(file, 'utf8')
        .replace(/\{\{\{?[\s\S]*?\}?\}\}/g, ' ')
        .replace(/<[^>]*>/g, ' ')
        .replace(/&[a-z]+;/g, ' ');
      expect(words.match(/\p{L}{2,}/gu) ?? [], path.relative(projectRoot, file)).toEqual([]);
    }
  });
});

/** A folder build of the German letters into a temporary folder, every output but print. */
async function buildGerman(extra: Partial<BuildPlan> = {}): Promise<string> {
  const out = temporaryFolder('tei-edition-german-');
  const siteDir = path.join(out, 'site');
  const result = await buildEdition({ mode: 'paths', documents: germanFiles, registers: [], siteDir, schematron: [], ruleLevels: {}, strict: false, dateFrom: germanDir, only: ['site', 'apparatus', 'epub'], ...extra });
  expect(result.status, result.failure).toBe('built');
  return out;
}

const page = (out: string, file: string): ParsedPage => parsePage(readFileSync(path.join(out, 'site', file), 'utf8'));
const words = (el: Element | undefined): string => (el ? normalise(textOf(el)) : '');
const headings = (p: ParsedPage, tag = 'h2'): string[] => all(p.document, (el) => el.tagName === tag).map(words);
const htmlLang = (p: ParsedPage): string | undefined => attr(first(p.document, (el) => el.tagName === 'html')!, 'lang');
const byClass = (p: ParsedPage, tag: string, cls: string): Element | undefined => first(p.document, (el) => el.tagName === tag && hasClass(el, cls));
/** The language an element's words are in: its own lang, else its nearest ancestor's. */
function languageOf(el: Element | undefined): string | undefined {
  for (let e: unknown = el; e && typeof e === 'object' && 'tagName' in e; e = (e as { parentNode?: unknown }).parentNode) {
    const lang = attr(e as Element, 'lang');
    if (lang !== undefined) return lang;
  }
  return undefined;
}

describe('a folder of German letters (test/build/fixtures/german): a German interface', () => {
  let out: string;
  beforeAll(async () => {
    out = await buildGerman();
  }, 240_000);

  it('marks every page of the site as German', () => {
    const pages = filesUnder(path.join(out, 'site')).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(5);
    for (const p of pages) expect(htmlLang(page(out, p)), p).toBe('de');
  });

  it('labels a letter’s page in German: headings, navigation, metadata, markers', () => {
    const letter = page(out, 'documents/brief-1.html');
    expect(headings(letter)).toEqual(['Apparat', 'Anmerkungen', 'Über dieses Dokument', 'Zitiervorschlag']);
    expect(headings(letter, 'h3')).toEqual(['Textkritische Anmerkungen']);
    const nav = first(letter.document, (el) => el.tagName === 'nav' && attr(el, 'aria-label') === 'Edition')!;
    expect(all(nav, (el) => el.tagName === 'a').map(words)).toEqual(['Einleitung', 'Dokumente', 'Register', 'Chronologie', 'Suche']);
    const panel = byClass(letter, 'dl', 'metadata')!;
    expect(all(panel, (el) => el.tagName === 'dt').map(words)).toEqual(expect.arrayContaining(['Versand', 'Empfang', 'Quelle', 'Sprache']));
    expect(attr(first(letter.document, (el) => el.tagName === 'a' && hasClass(el, 'pnum'))!, 'aria-label')).toBe('Absatz 1');
    expect(attr(first(letter.document, (el) => el.tagName === 'a' && attr(el, 'role') === 'doc-noteref')!, 'aria-label')).toBe('Anmerkung 1');
    expect(words(byClass(letter, 'p', 'citation'))).toMatch(/^„Erika Beispiel an Hans Muster, 9\. 2\. 1903“, in: german, Version vom \d{1,2}\. \p{L}+ \d{4}\./u);
    expect(words(first(letter.document, (el) => el.tagName === 'footer'))).toMatch(/Version vom \d{1,2}\. \p{L}+ \d{4}$/u);
    // The interface's words and the letter's are both German: nothing is marked apart.
    expect(languageOf(first(letter.document, (el) => el.tagName === 'h2' && words(el) === 'Anmerkungen'))).toBe('de');
  });

  it('writes dates in German, the text’s date tooltips by the one range function', () => {
    expect(words(byClass(page(out, 'documents/brief-1.html'), 'p', 'doc-date'))).toBe('9. Februar 1903');
    expect(words(byClass(page(out, 'documents/brief-2.html'), 'p', 'doc-date'))).toBe('1. März 1903');
    const text = byClass(page(out, 'documents/brief-1.html'), 'section', 'text')!;
    const tooltips = all(text, (el) => el.tagName === 'time' && hasClass(el, 'date')).map((el) => attr(el, 'title'));
    expect(tooltips).toEqual(['9. Februar 1903', '10.–12. Februar 1903']);
    const documents = page(out, 'documents.html');
    expect(words(byClass(documents, 'p', 'lead'))).toBe('2 Dokumente, nach Datum geordnet.');
    expect(all(documents.document, (el) => el.tagName === 'th' && attr(el, 'scope') === 'col').map(words)).toEqual(['Nr.', 'Datum', 'Dokument', 'Von', 'An', 'Ort']);
    expect(all(documents.document, (el) => el.tagName === 'time').map(words)).toEqual(['9. Februar 1903', '1. März 1903']);
    const chronology = normalise(textOf(page(out, 'chronology.html').document));
    expect(chronology).toContain('10.–12. Februar 1903 „vom 10. bis 12. Februar“ in Erika Beispiel an Hans Muster');
  });

  it('describes the editors’ interventions in German', () => {
    const letter = page(out, 'documents/brief-1.html');
    expect(attr(first(letter.document, (el) => el.tagName === 'span' && hasClass(el, 'supplied'))!, 'title')).toBe('Ergänzt (damage)');
    expect(words(first(letter.document, (el) => el.tagName === 'span' && attr(el, 'role') === 'tooltip'))).toBe('Auslassung: damage.');
    const textual = all(letter.document, (el) => el.tagName === 'li' && hasClass(el, 'tn-entry')).map(words);
    expect(textual).toEqual([expect.stringMatching(/^a Zeile \d+: (Ausgelassen|Ergänzt)/), expect.stringMatching(/^b Zeile \d+: /)]);
    expect(textual.join(' ')).toContain('Ergänzt, Grund: damage.');
  });

  it('names the registers and their parts in German', () => {
    const registers = page(out, 'registers.html');
    expect(headings(registers, 'h1')).toEqual(['Register']);
    const list = first(registers.document, (el) => el.tagName === 'ul' && hasClass(el, 'register-list'))!;
    expect(all(list, (el) => el.tagName === 'li').map(words)).toEqual(['Personen (2 Einträge)', 'Orte (1 Eintrag)']);
    const persons = page(out, 'registers/persons.html');
    expect(headings(persons, 'h1')).toEqual(['Personen']);
    expect(words(byClass(persons, 'p', 'lead'))).toMatch(/^2 Einträge\. Jeder Eintrag nennt/);
    expect(all(persons.document, (el) => el.tagName === 'h3').map(words)).toEqual(['Erwähnt in', 'Erwähnt in']);
    expect(normalise(textOf(persons.document))).toContain('Beruf: Lehrerin');
    expect(normalise(textOf(persons.document))).toContain('Wohnort: Musterstadt');
    // The places a name is mentioned in: a paragraph, a note, or the metadata panel, in German.
    const mentions = all(persons.document, (el) => el.tagName === 'ul' && hasClass(el, 'mentions')).map(words).join(' ');
    expect(mentions).toContain('Metadaten');
  });

  it('gives the search page its words in German, for the script too', () => {
    const search = page(out, 'search.html');
    const status = byId(search.document, 'search-status')!;
    expect(words(status)).toBe('Die Suche benötigt JavaScript. Ohne JavaScript führen die Dokumente, die Register und die Chronologie zu jeder Stelle.');
    expect(all(status, (el) => el.tagName === 'a').map((a) => attr(a, 'href'))).toEqual(['documents.html', 'registers.html', 'chronology.html']);
    expect(attr(status, 'data-found-other')).toBe('{count} Stellen gefunden.');
    expect(attr(status, 'data-indexed-one')).toBe('{count} Textstelle im Suchindex.');
    expect(attr(status, 'data-plural-one')).toBe('1');
  });

  it('labels the EPUB’s navigation, landmarks and documents in German', () => {
    const book = path.join(out, 'epub', 'bundle', 'OEBPS');
    const nav = parsePage(readFileSync(path.join(book, 'nav.xhtml'), 'utf8'));
    expect(all(nav.document, (el) => el.tagName === 'h1' || el.tagName === 'h2').map(words)).toEqual(['Inhalt', 'Sprungmarken']);
    const landmarks = first(nav.document, (el) => el.tagName === 'nav' && attr(el, 'epub:type') === 'landmarks')!;
    expect(all(landmarks, (el) => el.tagName === 'a').map(words)).toEqual(['Inhalt', 'Titelei', 'Dokumente', 'Lesarten', 'Register']);
    const toc = first(nav.document, (el) => el.tagName === 'nav' && attr(el, 'epub:type') === 'toc')!;
    expect(normalise(textOf(toc))).toContain('Erika Beispiel an Hans Muster, 9. 2. 1903 (9. Februar 1903)');
    const letter = parsePage(readFileSync(path.join(book, 'documents', 'brief-1.xhtml'), 'utf8'));
    expect(all(letter.document, (el) => el.tagName === 'h2').map(words)).toEqual(expect.arrayContaining(['Über dieses Dokument', 'Anmerkungen']));
    const apparatus = parsePage(readFileSync(path.join(book, 'apparatus.xhtml'), 'utf8'));
    expect(headings(apparatus, 'h1')).toEqual(['Lesarten']);
    expect(words(byClass(apparatus, 'p', 'apparatus-key'))).toMatch(/^Für jedes Dokument jede Stelle, an der die Textzeugen voneinander abweichen/);
  });

  it('labels the standalone apparatus in German', () => {
    const apparatus = parsePage(readFileSync(path.join(out, 'apparatus', 'index.html'), 'utf8'));
    expect(headings(apparatus, 'h1')).toEqual(['german: Apparat']);
    expect(headings(apparatus, 'h3')).toEqual(['Anmerkungen', 'Textkritische Anmerkungen', 'Anmerkungen']);
    expect(words(byClass(apparatus, 'p', 'apparatus-key'))).toMatch(/^Erläuternde Anmerkungen sind nummeriert/);
  });
});

describe('the edition’s own choice of language and labels', () => {
  it('overrides a label of the language (config "labels")', async () => {
    const out = await buildGerman({ labels: { notes: 'Erläuterungen', documentsLead: { one: '{count} Brief.', other: '{count} Briefe.' } } });
    expect(headings(page(out, 'documents/brief-1.html'))).toEqual(['Apparat', 'Erläuterungen', 'Über dieses Dokument', 'Zitiervorschlag']);
    expect(words(byClass(page(out, 'documents.html'), 'p', 'lead'))).toBe('2 Briefe.');
    // The one label changed everywhere it is used: the EPUB's notes too.
    const book = parsePage(readFileSync(path.join(out, 'epub', 'bundle', 'OEBPS', 'documents', 'brief-1.xhtml'), 'utf8'));
    expect(all(book.document, (el) => el.tagName === 'h2').map(words)).toContain('Erläuterungen');
  }, 240_000);

  it('takes the language and the labels of the config a folder build names (--config), and --lang over both', async () => {
    const dir = temporaryFolder('tei-edition-lang-config-');
    const config = path.join(dir, 'edition.config.json');
    writeFileSync(config, JSON.stringify({ title: 'Lettres', slug: 'lettres', edition: germanFiles[0], documents: [germanDir], out: 'out', lang: 'fr', labels: { citeThisDocument: 'Pour citer ce document' } }, null, 2));
    const run = await runInProcess(['build', '--config', config, germanDir, '--only', 'site']);
    expect(run.status, run.stderr).toBe(0);
    const letter = page(path.join(dir, 'out'), 'documents/brief-1.html');
    expect(htmlLang(letter)).toBe('fr');
    expect(headings(letter)).toEqual(['Apparat', 'Notes', 'À propos de ce document', 'Pour citer ce document']);
    expect(words(byClass(letter, 'p', 'doc-date'))).toBe('9 février 1903');
    // The letter's own words are German, and marked so in a French interface.
    expect(languageOf(first(letter.document, (el) => el.tagName === 'section' && hasClass(el, 'text')))).toBe('de');
    const again = await runInProcess(['build', '--config', config, germanDir, '--only', 'site', '--lang', 'it']);
    expect(again.status, again.stderr).toBe(0);
    const italian = page(path.join(dir, 'out'), 'documents/brief-2.html');
    expect(htmlLang(italian)).toBe('it');
    expect(words(byClass(italian, 'p', 'doc-date'))).toBe('1º marzo 1903');
    expect(headings(italian)).toContain('Pour citer ce document');
  }, 240_000);

  it('refuses a --lang the interface does not speak, with a guess', async () => {
    const run = await runInProcess(['build', '--lang', 'ger', germanDir]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--lang needs one of en, de, fr, it, la/);
  });
});

describe('the config’s "lang" and "labels": mistakes are config errors', () => {
  const configWith = (extra: Record<string, unknown>): string => {
    const dir = temporaryFolder('tei-edition-labels-config-');
    mkdirSync(path.join(dir, 'tei'), { recursive: true });
    writeFileSync(path.join(dir, 'tei', 'edition.xml'), '<TEI xmlns="http://www.tei-c.org/ns/1.0"/>');
    const file = path.join(dir, 'edition.config.json');
    writeFileSync(file, `${JSON.stringify({ title: 'T', slug: 't', edition: 'tei/edition.xml', documents: ['tei'], ...extra }, null, 2)}\n`);
    return file;
  };
  /** The line of a config file that holds `text`. */
  const lineOf = (file: string, text: string): number => readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(text)) + 1;
  const problems = (file: string): { ruleId: string; line?: number; message: string }[] => {
    const result = loadConfig(file);
    return result.ok ? [] : result.diagnostics;
  };

  it('accepts a language and labels of the right form, and hands them on', () => {
    const result = loadConfig(configWith({ lang: 'la', labels: { notes: 'Adnotationes', entryCount: { one: '{count} lemma', other: '{count} lemmata' } } }));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.config).toMatchObject({ lang: 'la', labels: { notes: 'Adnotationes' } });
  });

  it('an unknown label key, with a guess and where the keys are listed', () => {
    const file = configWith({ labels: { note: 'Anmerkungen' } });
    const [p] = problems(file);
    expect(p).toMatchObject({ ruleId: 'config/unknown-key', line: lineOf(file, '"note"') });
    expect(p!.message).toMatch(/^\/labels\/note: unknown key "note"; did you mean "notes"\? \(\d+ keys are allowed in \/labels, listed in docs\/build\.md\)$/);
  });

  it('a label with a placeholder it does not have', () => {
    const file = configWith({ labels: { versionOf: 'Stand: {datum}' } });
    const [p] = problems(file);
    expect(p).toMatchObject({ ruleId: 'config/wrong-type', line: lineOf(file, '"versionOf"') });
    expect(p!.message).toContain('/labels/versionOf: uses {datum}, which this label does not have (it has {date}');
  });

  it('a counted label given as one text, and a language the interface does not speak', () => {
    expect(problems(configWith({ labels: { entryCount: '{count} Einträge' } }))[0]).toMatchObject({ ruleId: 'config/wrong-type', message: expect.stringMatching(/^\/labels\/entryCount: expected an object/) });
    expect(problems(configWith({ lang: 'dee' }))[0]).toMatchObject({ ruleId: 'config/wrong-type', message: expect.stringMatching(/^\/lang: expected one of "en", "de", "fr", "it", "la", got "dee"; did you mean "de"\?/) });
  });
});

describe('the language of a text: the same rule before the transformation (text-language.ts) and in it (te:document-lang)', () => {
  const files = [
    ...germanFiles,
    ...['dated', 'letters', 'phrases'].flatMap((f) => xmlIn(path.join(fixtures, f))),
    ...(hasShared ? ['schnitzler-briefe', 'pta-critical-editions', 'tei-publisher-demo'].flatMap((c) => (existsSync(path.join(sharedDir, 'corpora', c)) ? xmlIn(path.join(sharedDir, 'corpora', c)) : [])) : []),
  ];

  it('gives the same language for every file (fixtures, and the shared corpora when ../shared is there)', async () => {
    const stylesheet = await loadStylesheet('html/page');
    for (const file of files) {
      const loaded = loadXmlFile(file);
      if (!loaded.ok) throw new Error(loaded.diagnostic.message);
      const outcome = transformFile(stylesheet, file, { base: `file://${path.dirname(file)}/`, files: [], sigla: {}, witnessOrder: [] }, loaded.source.text);
      if (!outcome.ok) throw new Error(outcome.message);
      expect(textLanguage(loaded.source.document.root), file).toBe(outcome.file.lang);
    }
    expect(files.length).toBeGreaterThan(6);
  }, 600_000);
});

describe.skipIf(!hasSchnitzler)('the Schnitzler letters (needs ../shared/corpora/schnitzler-briefe)', () => {
  if (!hasSchnitzler) it.skip('needs ../shared/corpora/schnitzler-briefe beside the project: skipped', () => {});
  let out: string;
  beforeAll(async () => {
    if (!hasSchnitzler) return;
    out = temporaryFolder('tei-edition-schnitzler-lang-');
    const result = await buildEdition({ mode: 'paths', documents: xmlIn(schnitzlerDir), registers: [], siteDir: path.join(out, 'site'), schematron: [], ruleLevels: {}, strict: false, dateFrom: schnitzlerDir, only: ['site'] });
    expect(result.status, result.failure).toBe('built');
  }, 600_000);

  it('speaks German on every letter’s page: html lang, headings, metadata, citation, dates', () => {
    const german = labelsFor('de');
    for (const file of xmlIn(schnitzlerDir)) {
      const letter = page(out, `documents/${path.basename(file, '.xml')}.html`);
      expect(htmlLang(letter), file).toBe('de');
      const h2 = headings(letter);
      expect(h2, file).toEqual(expect.arrayContaining(['Über dieses Dokument', 'Zitiervorschlag']));
      if (all(letter.document, (el) => el.tagName === 'section' && hasClass(el, 'notes')).length) expect(h2, file).toContain('Anmerkungen');
      expect(words(byClass(letter, 'p', 'citation')), file).toMatch(/^„.+“, in: .+, Version vom \d{1,2}\. \p{L}+ \d{4}\./u);
      const panel = byClass(letter, 'dl', 'metadata')!;
      expect(all(panel, (el) => el.tagName === 'dt').map(words), file).toEqual(expect.arrayContaining(['Versand', 'Empfang']));
      const time = first(byClass(letter, 'p', 'doc-date') ?? letter.document, (el) => el.tagName === 'time');
      if (time) expect(words(time), file).toBe(german.date(attr(time, 'datetime')));
      expect(words(time), file).toMatch(/^\d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4}/);
    }
  });
});
