// Registers that documents carry inside themselves (listPerson, listPlace … in <back>): in a folder build
// they become the edition's registers, one entry per xml:id across documents, every mention linked to its
// entry and every entry listing its mentions; the letter pages no longer print the lists.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasShared, projectRoot, sharedDir } from '../helpers/paths.js';
import { descendants, parseXml, type XmlElement } from '../helpers/xml-tree.js';
import { all, attr, byId, first, hasClass, normalise, textOf, type Element } from './support/html.js';
import { brokenLinks, buildFolder, follow, type FolderSite } from './support/folder-site.js';

const lettersDir = path.join(projectRoot, 'test', 'build', 'fixtures', 'letters');
const schnitzlerDir = path.join(sharedDir, 'corpora', 'schnitzler-briefe');
const hasSchnitzler = hasShared && existsSync(schnitzlerDir);

const REGISTER_PAGE: Record<string, string> = {
  listPerson: 'registers/persons.html',
  listPlace: 'registers/places.html',
  listOrg: 'registers/organisations.html',
  listObject: 'registers/objects.html',
  listBibl: 'registers/bibliography.html',
};
const ENTRY_KINDS = new Set(['person', 'personGrp', 'place', 'org', 'object', 'bibl', 'biblStruct']);

/** The entry sections of a register page, by id. */
function entriesOf(site: FolderSite, page: string): Map<string, Element> {
  const sections = all(site.page(page).document, (el) => el.tagName === 'section' && hasClass(el, 'entry'));
  const byId = new Map<string, Element>();
  for (const s of sections) {
    const id = attr(s, 'id')!;
    expect(byId.has(id), `${page}: #${id} once`).toBe(false);
    byId.set(id, s);
  }
  return byId;
}

/** "Mentioned in": the document page each item links to first, and the links to places in it. */
function mentionsOf(entry: Element): { document: string; places: string[] }[] {
  const list = first(entry, (el) => el.tagName === 'ul' && hasClass(el, 'mentions'));
  if (!list) return [];
  return all(list, (el) => el.tagName === 'li').map((li) => {
    const [doc, ...places] = all(li, (el) => el.tagName === 'a').map((a) => attr(a, 'href')!);
    return { document: doc!, places };
  });
}

/** Whether the element (or, for the metadata panel, the section) holds a link to the entry. */
function linksTo(el: Element, href: string): boolean {
  return all(el, (a) => a.tagName === 'a' && attr(a, 'href') === href).length > 0;
}

/** Checks that every place an entry lists links back to the entry, and returns the documents it lists. */
function mentionedIn(site: FolderSite, register: string, id: string, entry: Element): string[] {
  const back = `../${register}#${id}`;
  return mentionsOf(entry).map((m) => {
    expect(m.places.length, `${register}#${id}: places in ${m.document}`).toBeGreaterThan(0);
    for (const place of m.places) {
      const reached = follow(site, register, place);
      expect(reached?.target, `${register}#${id}: ${place} leads to an element`).toBeDefined();
      expect(linksTo(reached!.target!, back), `${place} links back to ${back}`).toBe(true);
    }
    return m.document;
  });
}

/** Links from names to entries: the name itself, or the small link beside a name that cannot be one. */
function nameLinks(site: FolderSite, page: string): string[] {
  const marks = all(site.page(page).document, (el) => el.tagName === 'sup' && hasClass(el, 'name-link'));
  const beside = marks.flatMap((sup) => all(sup, (a) => a.tagName === 'a'));
  return [...all(site.page(page).document, (el) => el.tagName === 'a' && hasClass(el, 'name')), ...beside].map((a) => attr(a, 'href')!);
}

function pageText(site: FolderSite, page: string): string {
  return normalise(textOf(site.page(page).document));
}

describe('registers carried by two letters (test/build/fixtures/letters)', () => {
  let site: FolderSite;
  beforeAll(async () => {
    site = await buildFolder([path.join(lettersDir, 'letter-1.xml'), path.join(lettersDir, 'letter-2.xml')]);
  });

  it('makes a register of persons and one of places, and nothing else', () => {
    const listed = all(site.page('registers.html').document, (el) => el.tagName === 'a' && (attr(el, 'href') ?? '').startsWith('registers/'));
    // German letters, a German interface: the registers are named in German.
    expect(listed.map((a) => [attr(a, 'href'), normalise(textOf(a))])).toEqual([
      ['registers/persons.html', 'Personen'],
      ['registers/places.html', 'Orte'],
    ]);
    expect([...site.pages.keys()].filter((p) => p.startsWith('registers/')).sort()).toEqual(['registers/persons.html', 'registers/places.html']);
  });

  it('merges the person both letters carry into one entry, described by both, mentioned in both, linked both ways', () => {
    const persons = entriesOf(site, 'registers/persons.html');
    expect([...persons.keys()].sort()).toEqual(['beispiel', 'muster', 'vetter']);
    const muster = persons.get('muster')!;
    expect(normalise(textOf(first(muster, (el) => el.tagName === 'h2')!))).toBe('Muster, Max');
    expect(mentionedIn(site, 'registers/persons.html', 'muster', muster)).toEqual(['../documents/letter-1.html', '../documents/letter-2.html']);
    // The description both letters give, each part once: the occupation both name, the note of the
    // first and the residence of the second.
    const described = normalise(textOf(muster));
    expect(described.split('Beruf: Laternenanzünder').length - 1).toBe(1);
    expect(described).toContain('Empfänger der Briefe.');
    expect(described).toContain('Wohnort: Hafengasse 3');
    expect(mentionedIn(site, 'registers/persons.html', 'vetter', persons.get('vetter')!)).toEqual(['../documents/letter-2.html']);
  });

  it('merges the place with the name forms of both letters, mentioned in both, linked both ways', () => {
    const places = entriesOf(site, 'registers/places.html');
    expect([...places.keys()]).toEqual(['musterstadt']);
    const entry = places.get('musterstadt')!;
    const forms = all(entry, (el) => el.tagName === 'dd').map((d) => normalise(textOf(d)));
    expect(forms).toEqual(['Musterstadt', 'Mustrograd']);
    expect(mentionedIn(site, 'registers/places.html', 'musterstadt', entry)).toEqual(['../documents/letter-1.html', '../documents/letter-2.html']);
  });

  it('links every name in the letters to its entry', () => {
    const expected: Record<string, string[]> = {
      'documents/letter-1.html': ['../registers/persons.html#beispiel', '../registers/places.html#musterstadt', '../registers/persons.html#muster', '../registers/places.html#musterstadt', '../registers/persons.html#muster'],
      'documents/letter-2.html': ['../registers/places.html#musterstadt', '../registers/persons.html#vetter', '../registers/persons.html#muster', '../registers/persons.html#muster', '../registers/persons.html#beispiel', '../registers/places.html#musterstadt'],
    };
    for (const [page, hrefs] of Object.entries(expected)) {
      const names = nameLinks(site, page);
      expect(names.sort(), page).toEqual([...hrefs].sort());
      for (const href of names) expect(follow(site, page, href)?.target, `${page}: ${href}`).toBeDefined();
    }
  });

  it('no longer prints the lists on the letter pages', () => {
    for (const page of ['documents/letter-1.html', 'documents/letter-2.html']) {
      const doc = site.page(page).document;
      expect(all(doc, (el) => hasClass(el, 'back')), page).toEqual([]);
      const words = pageText(site, page);
      for (const listed of ['Laternenanzünder', 'Leuchtturmwärterin', 'Schleusenwärter', 'Hafengasse', 'Mustrograd', '11,111', 'Empfänger der Briefe']) expect(words, `${page}: ${listed}`).not.toContain(listed);
      // The reading text is still there.
      expect(words).toMatch(/regnet es seit Tagen|scheint die Sonne/);
    }
    // A note inside an entry is not a footnote of the letter.
    expect(all(site.page('documents/letter-1.html').document, (el) => hasClass(el, 'notes-list'))).toEqual([]);
  });

  it('links each correspondent of the documents table to the register entry', () => {
    const links = all(site.page('documents.html').document, (el) => el.tagName === 'a' && (attr(el, 'href') ?? '').startsWith('registers/')).map((a) => attr(a, 'href'));
    expect(links).toEqual(expect.arrayContaining(['registers/persons.html#muster', 'registers/persons.html#beispiel']));
  });

  it('writes pages that parse, whose every internal link resolves', () => {
    for (const [page, parsed] of site.pages) expect(parsed.errors, page).toEqual([]);
    expect(brokenLinks(site)).toEqual([]);
  });
});

/** What a letter carries and points to: its entries by list, and the ids its text and header point to. */
interface Letter {
  page: string;
  entries: { list: string; id: string }[];
  pointed: Set<string>;
  /** Identifiers and coordinates written in its lists, which only a register shows. */
  listOnly: string[];
}

function readLetter(file: string): Letter {
  const tei = parseXml(readFileSync(file, 'utf8'));
  const entries: { list: string; id: string }[] = [];
  const listOnly: string[] = [];
  const walk = (el: XmlElement, list: string | undefined, inBack: boolean): void => {
    const back = inBack || el.name === 'back';
    const within = list ?? (back && el.name in REGISTER_PAGE ? el.name : undefined);
    if (within && ENTRY_KINDS.has(el.name) && el.attrs['xml:id']) entries.push({ list: within, id: el.attrs['xml:id'] });
    if (within && (el.name === 'idno' || el.name === 'geo')) {
      const t = normalise(el.children.filter((c): c is string => typeof c === 'string').join(''));
      if (t) listOnly.push(t);
    }
    for (const c of el.children) if (typeof c !== 'string') walk(c, within, back);
  };
  walk(tei, undefined, false);
  // Mentions are the pointers of the text (outside the lists), of profileDesc (the correspondence) and of
  // the names in sourceDesc (the description of the manuscript): all shown on the page.
  const profile = [...descendants(tei)].find((e) => e.name === 'profileDesc');
  const source = [...descendants(tei)].find((e) => e.name === 'sourceDesc');
  const pointed = new Set([...textPointers(tei), ...headerPointers(profile), ...headerPointers(source, NAMES)]);
  return { page: `documents/${path.basename(file, '.xml')}.html`, entries, pointed, listOnly };
}

function textPointers(tei: XmlElement): Set<string> {
  const out = new Set<string>();
  const text = tei.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === 'text');
  const walk = (el: XmlElement, inBack: boolean): void => {
    const back = inBack || el.name === 'back';
    if (back && el.name in REGISTER_PAGE) return;
    if (el.attrs.ref) for (const t of el.attrs.ref.split(/\s+/)) if (t.startsWith('#')) out.add(t.slice(1));
    for (const c of el.children) if (typeof c !== 'string') walk(c, back);
  };
  if (text) walk(text, false);
  return out;
}

const NAMES = new Set(['persName', 'placeName', 'orgName', 'geogName', 'rs', 'name', 'objectName']);

function headerPointers(part: XmlElement | undefined, only?: Set<string>): Set<string> {
  const out = new Set<string>();
  if (part) for (const e of descendants(part)) if (e.attrs.ref && (!only || only.has(e.name))) for (const t of e.attrs.ref.split(/\s+/)) if (t.startsWith('#')) out.add(t.slice(1));
  return out;
}

describe.skipIf(!hasSchnitzler)('registers carried by the Schnitzler letters (needs ../shared/corpora/schnitzler-briefe)', () => {
  if (!hasSchnitzler) it.skip('needs ../shared/corpora/schnitzler-briefe beside the project: skipped', () => {});
  const files = hasSchnitzler ? readdirSync(schnitzlerDir).filter((f) => f.endsWith('.xml')).sort().map((f) => path.join(schnitzlerDir, f)) : [];
  let site: FolderSite;
  let letters: Letter[];
  beforeAll(async () => {
    if (!hasSchnitzler) return;
    site = await buildFolder(files);
    letters = files.map(readLetter);
  });

  it('gives every entry of every letter one entry in the register of its kind, listing exactly the letters that point to it, linked both ways', () => {
    const expected = new Map<string, Set<string>>();
    for (const letter of letters) {
      for (const { list, id } of letter.entries) {
        const key = `${REGISTER_PAGE[list]}#${id}`;
        const mentioning = expected.get(key) ?? new Set<string>();
        if (letter.pointed.has(id)) mentioning.add(`../${letter.page}`);
        expected.set(key, mentioning);
      }
    }
    const shared = [...expected.values()].filter((s) => s.size > 1).length;
    expect(shared, 'entries several letters point to').toBeGreaterThan(0);
    const registers = new Set([...expected.keys()].map((k) => k.split('#')[0]!));
    const found = new Map<string, Element>();
    for (const register of registers) for (const [id, section] of entriesOf(site, register)) found.set(`${register}#${id}`, section);
    expect([...found.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [key, mentioning] of expected) {
      const [register, id] = key.split('#') as [string, string];
      expect(new Set(mentionedIn(site, register, id, found.get(key)!)), key).toEqual(mentioning);
    }
  });

  it('links every pointer of a letter to an entry it carries to that entry', () => {
    for (const letter of letters) {
      const carried = new Map(letter.entries.map((e) => [e.id, REGISTER_PAGE[e.list]!]));
      const names = nameLinks(site, letter.page);
      const expected = [...letter.pointed].filter((id) => carried.has(id)).map((id) => `../${carried.get(id)}#${id}`);
      expect(new Set(names.filter((h) => h.startsWith('../registers/'))), letter.page).toEqual(new Set(expected));
      for (const href of names) expect(follow(site, letter.page, href)?.target, `${letter.page}: ${href}`).toBeDefined();
    }
  });

  it('no longer prints the lists on the letter pages', () => {
    for (const letter of letters) {
      expect(all(site.page(letter.page).document, (el) => hasClass(el, 'back')), letter.page).toEqual([]);
      const words = pageText(site, letter.page);
      const shown = letter.listOnly.filter((t) => words.includes(t));
      expect(shown, `${letter.page}: identifiers and coordinates of its lists`).toEqual([]);
    }
    expect(letters.reduce((n, l) => n + l.listOnly.length, 0)).toBeGreaterThan(100);
  });

  it('writes pages that parse, whose every internal link resolves', () => {
    for (const [page, parsed] of site.pages) expect(parsed.errors, page).toEqual([]);
    expect(brokenLinks(site)).toEqual([]);
    expect(byId(site.page('registers/persons.html').document, 'pmb2121')).toBeDefined();
  });
});
