// Registers in every form a document keeps them in, and names linked to their entries by @ref, @corresp or @key:
// a source description's list of places, a standOff's organisations, a back's events, a front's plain lists of
// persons and abbreviations (as FRUS keeps them) and a back's glossary of label/item pairs (fixtures in
// test/build/fixtures/register-forms/); then the FRUS volumes and the First Folio play of ../shared.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { hasShared, projectRoot, sharedDir } from '../helpers/paths.js';
import { descendants, parseXml, type XmlElement, type XmlNode } from '../helpers/xml-tree.js';
import { brokenLinks, buildFolder, follow, type FolderSite } from './support/folder-site.js';
import { all, attr, byId, editorial, first, hasClass, normalise, textOf, type Element } from './support/html.js';

const fixtures = path.join(projectRoot, 'test', 'build', 'fixtures', 'register-forms');
const frusDir = path.join(sharedDir, 'corpora', 'frus');
const playFile = path.join(sharedDir, 'corpora', 'tei-publisher-demo', 'F-rom.xml');

const build = buildFolder;

/** Words as a reader sees them: the edition's own markers (line and paragraph numbers) left out. */
const text = (el: Element): string => normalise(textOf(el, { skip: editorial }));

/** The registers page: each register's link and its words. */
function registersListed(site: FolderSite): [string, string][] {
  const list = first(site.page('registers.html').document, (el) => el.tagName === 'ul' && hasClass(el, 'register-list'))!;
  return all(list, (el) => el.tagName === 'li').map((li) => [attr(first(li, (a) => a.tagName === 'a')!, 'href')!, text(li)]);
}

/** The entries of a register page, by id: heading, description, and the mentions (document link, place links). */
function entriesOf(site: FolderSite, page: string): Map<string, { label: string; body: string; mentions: { document: string; places: string[] }[] }> {
  const out = new Map<string, { label: string; body: string; mentions: { document: string; places: string[] }[] }>();
  for (const section of all(site.page(page).document, (el) => el.tagName === 'section' && hasClass(el, 'entry'))) {
    const list = first(section, (el) => el.tagName === 'ul' && hasClass(el, 'mentions'));
    const mentions = (list ? all(list, (el) => el.tagName === 'li') : []).map((li) => {
      const [document, ...places] = all(li, (a) => a.tagName === 'a').map((a) => attr(a, 'href')!);
      return { document: document!, places };
    });
    const body = first(section, (el) => hasClass(el, 'entry-body'));
    out.set(attr(section, 'id')!, { label: text(first(section, (el) => el.tagName === 'h2')!), body: body ? text(body) : '', mentions });
  }
  return out;
}

/** The reading text's links to entries: the words of each name link and where it leads. */
function nameLinks(site: FolderSite, page: string): [string, string][] {
  const reading = first(site.page(page).document, (el) => el.tagName === 'section' && hasClass(el, 'text'))!;
  return all(reading, (el) => el.tagName === 'a' && hasClass(el, 'name')).map((a) => [text(a), attr(a, 'href')!]);
}

function panel(site: FolderSite, page: string): Element {
  return first(site.page(page).document, (el) => el.tagName === 'dl' && hasClass(el, 'metadata'))!;
}

/**
 * The elements a place of a page stands for: the element with its id, and, since HTML closes a paragraph at a
 * list (a FRUS paragraph holds lists), what follows it up to the next numbered paragraph, note or heading.
 */
function region(target: Element): Element[] {
  const siblings = (target.parentNode && 'childNodes' in target.parentNode ? target.parentNode.childNodes : []).filter((n): n is Element => 'tagName' in n);
  const after = siblings.slice(siblings.indexOf(target) + 1);
  const end = after.findIndex((el) => /^(p|note)-\d+$/.test(attr(el, 'id') ?? '') || /^h[1-6]$/.test(el.tagName));
  return [target, ...(end < 0 ? after : after.slice(0, end))];
}

/** Whether the place a register lists links back to the entry (the name there is a link to it), from wherever its page is. */
function linksBack(site: FolderSite, register: string, id: string, place: string): boolean {
  const reached = follow(site, register, place);
  if (!reached?.target) return false;
  const back = (a: Element): boolean => a.tagName === 'a' && path.posix.normalize(path.posix.join(path.posix.dirname(reached.page), attr(a, 'href') ?? '')) === `${register}#${id}`;
  return region(reached.target).some((el) => back(el) || all(el, back).length > 0);
}

describe('registers in every form, linked by @ref, @corresp and @key (test/build/fixtures/register-forms)', () => {
  let site: FolderSite & { diagnostics: Diagnostic[] };
  beforeAll(async () => {
    site = await build(['front-terms.xml', 'source-places.xml', 'standoff-orgs.xml'].map((f) => path.join(fixtures, f)));
  }, 300_000);

  it('lists the registers of the documents: by kind across documents, then each document\'s own', () => {
    expect(registersListed(site)).toEqual([
      ['registers/places.html', 'Places (3 entries)'],
      ['registers/organisations.html', 'Organisations named (2 entries)'],
      ['registers/events.html', 'Events (1 entry)'],
      ['registers/persons-front-terms.html', 'Persons — A volume of telegrams (2 entries)'],
      ['registers/terms-front-terms.html', 'Abbreviations — A volume of telegrams (3 entries)'],
    ]);
  });

  it('makes a register of the places a source description lists, linked by @ref, @corresp and @key', () => {
    const places = entriesOf(site, 'registers/places.html');
    expect([...places.entries()].map(([id, e]) => [id, e.label, e.body, e.mentions])).toEqual([
      ['pl-graz', 'Graz', 'Description: Stadt an der Mur', [{ document: '../documents/source-places.html', places: ['../documents/source-places.html#p-1'] }]],
      ['pl-linz', 'Linz', 'Description: Stadt an der Traun', [{ document: '../documents/source-places.html', places: ['../documents/source-places.html#p-2'] }]],
      ['pl-wien', 'Wien', 'Description: Residenzstadt an der Donau', [{ document: '../documents/source-places.html', places: ['../documents/source-places.html#p-1'] }]],
    ]);
    expect(nameLinks(site, 'documents/source-places.html')).toEqual([
      ['Vienna', '../registers/places.html#pl-wien'],
      ['Graz', '../registers/places.html#pl-graz'],
      ['Linz', '../registers/places.html#pl-linz'],
      ['United Nations', '../registers/organisations.html#o-un'],
    ]);
    for (const id of ['pl-wien', 'pl-graz', 'pl-linz']) for (const m of places.get(id)!.mentions) for (const p of m.places) expect(linksBack(site, 'registers/places.html', id, p), `${id} ${p}`).toBe(true);
  });

  it('prints one line for the list in the About panel, never the list', () => {
    const about = panel(site, 'documents/source-places.html');
    expect(text(about)).toBe('Source Written for the tests of tei-edition. 3 places: see the register');
    const line = first(about, (el) => el.tagName === 'p' && hasClass(el, 'register-ref'))!;
    expect(attr(first(line, (a) => a.tagName === 'a')!, 'href')).toBe('../registers/places.html');
  });

  it('never links a @key that matches no entry, and reports it once for its file', () => {
    const reading = first(site.page('documents/source-places.html').document, (el) => el.tagName === 'section' && hasClass(el, 'text'))!;
    const atlantis = all(reading, (el) => text(el) === 'Atlantis');
    expect(atlantis.map((el) => el.tagName)).toEqual(['span']);
    const unresolved = site.diagnostics.filter((d) => d.ruleId === 'render/unresolved-link');
    expect(unresolved.map((d) => [path.basename(d.file), d.severity])).toEqual([['source-places.xml', 'warning']]);
    expect(unresolved[0]!.message).toMatch(/^1 name links by @key to no single register entry \("nowhere-1"\)/);
  });

  it('makes a register of a standOff\'s organisations, a @key matching the @key of an entry\'s name in another document', () => {
    const orgs = entriesOf(site, 'registers/organisations.html');
    expect([...orgs.keys()]).toEqual(['o-nato', 'o-un']);
    expect(orgs.get('o-un')!.mentions).toEqual([
      { document: '../documents/source-places.html', places: ['../documents/source-places.html#p-3'] },
      { document: '../documents/standoff-orgs.html', places: ['../documents/standoff-orgs.html#p-1'] },
    ]);
    expect(nameLinks(site, 'documents/standoff-orgs.html')).toEqual([
      ['UN', '../registers/organisations.html#o-un'],
      ['NATO', '../registers/organisations.html#o-nato'],
      ['the talks', '../registers/events.html#ev-talks'],
    ]);
    const events = entriesOf(site, 'registers/events.html');
    expect([...events.entries()].map(([id, e]) => [id, e.label, e.body])).toEqual([['ev-talks', 'Armistice talks open at Kaesong', 'Description: The first meeting of the delegations']]);
  });

  it('makes each of a volume\'s plain lists a register of its own: terms with their glosses, persons with their descriptions', () => {
    const terms = entriesOf(site, 'registers/terms-front-terms.html');
    expect([...terms.entries()].map(([id, e]) => [id, e.label, e.body, e.mentions.flatMap((m) => m.places)])).toEqual([
      ['t-aa', 'AA', 'anti-aircraft', ['../documents/front-terms.html#p-2']],
      ['t-cam', 'CAM', 'Collective Measures Committee', ['../documents/front-terms.html#p-3']],
      ['t-ok', 'OK', 'all correct', ['../documents/front-terms.html#p-3']],
    ]);
    const page = site.page('registers/terms-front-terms.html').document;
    expect(text(first(page, (el) => el.tagName === 'h1')!)).toBe('Abbreviations');
    expect(text(first(page, (el) => hasClass(el, 'register-intro'))!)).toBe('Editorial note: common abbreviations are not listed.');
    expect(attr(first(first(page, (el) => hasClass(el, 'register-from'))!, (a) => a.tagName === 'a')!, 'href')).toBe('../documents/front-terms.html');
    const persons = entriesOf(site, 'registers/persons-front-terms.html');
    expect([...persons.entries()].map(([id, e]) => [id, e.label, e.body, e.mentions.flatMap((m) => m.places)])).toEqual([
      ['p-ach', 'Acheson, Dean', 'Secretary of State', ['../documents/front-terms.html#p-2', '../documents/front-terms.html#p-4']],
      ['p-rid', 'Ridgway, Matthew B.', 'Commander in Chief, Far East', ['../documents/front-terms.html#p-4']],
    ]);
    expect(nameLinks(site, 'documents/front-terms.html')).toEqual([
      ['Acheson', '../registers/persons-front-terms.html#p-ach'],
      ['AA', '../registers/terms-front-terms.html#t-aa'],
      ['CAM', '../registers/terms-front-terms.html#t-cam'],
      ['OK', '../registers/terms-front-terms.html#t-ok'],
      ['The Secretary', '../registers/persons-front-terms.html#p-ach'],
      ['Ridgway', '../registers/persons-front-terms.html#p-rid'],
    ]);
  });

  it('leaves the lists out of the document pages, and keeps the rest of the front matter and the text', () => {
    const words = text(site.page('documents/front-terms.html').document);
    for (const listed of ['Abbreviations', 'anti-aircraft', 'Editorial note', 'Secretary of State', 'Far East', 'all correct']) expect(words, listed).not.toContain(listed);
    expect(words).toContain('This volume prints two telegrams.');
    expect(words).toContain('Acheson asked about AA guns.');
    for (const [page, listed] of [['documents/source-places.html', 'Residenzstadt'], ['documents/standoff-orgs.html', 'Founded in 1945'], ['documents/standoff-orgs.html', 'first meeting']] as const) {
      expect(text(site.page(page).document), page).not.toContain(listed);
    }
  });

  it('writes pages that parse, whose every internal link resolves', () => {
    for (const [page, parsed] of site.pages) expect(parsed.errors, page).toEqual([]);
    expect(brokenLinks(site)).toEqual([]);
  });

  it('keeps counting these links as links, and never reports the entries themselves (tei/name-unlinked)', () => {
    const unlinked = site.diagnostics.filter((d) => d.ruleId === 'tei/name-unlinked').map((d) => [path.basename(d.file), d.line]);
    // The one name of the fixtures that points nowhere: "a clerk".
    const clerk = readFileSync(path.join(fixtures, 'source-places.xml'), 'utf8').split('\n').findIndex((l) => l.includes('<persName>a clerk</persName>')) + 1;
    expect(unlinked).toEqual([['source-places.xml', clerk]]);
  });
});

// ---- the shared corpora ----

const hasFrus = hasShared && existsSync(frusDir);
const hasPlay = hasShared && existsSync(playFile);

function attribute(el: XmlElement, name: string): string | undefined {
  return el.attrs[name];
}

function wordsOf(node: XmlNode): string {
  return typeof node === 'string' ? node : node.children.map(wordsOf).join('');
}

/** The FRUS division (front matter) with this xml:id, and the entries its lists hold: xml:id → name. */
function frusList(root: XmlElement, id: string, name: string): Map<string, string> {
  const div = [...descendants(root)].find((e) => e.name === 'div' && attribute(e, 'xml:id') === id);
  const out = new Map<string, string>();
  if (div) for (const e of descendants(div)) if (e.name === name && attribute(e, 'xml:id')) out.set(attribute(e, 'xml:id')!, normalise(wordsOf(e)));
  return out;
}

/** Every element under `root` but those inside the division with this xml:id. */
function* outside(root: XmlElement, id: string): Generator<XmlElement> {
  for (const child of root.children) {
    if (typeof child === 'string' || attribute(child, 'xml:id') === id) continue;
    yield child;
    yield* outside(child, id);
  }
}

/**
 * A few ids a volume's text points to (first, middle, last of those pointed to), with the words of one name
 * that points there. Pointers inside the list itself ("AMC … see CAM") are the register's, not mentions.
 */
function sample(root: XmlElement, list: string, name: string, attr: string, known: Map<string, string>): [string, string][] {
  const seen = new Map<string, string>();
  for (const e of outside(root, list)) {
    if (e.name !== name) continue;
    const id = (attribute(e, attr) ?? '').trim().replace(/^#/, '');
    if (known.has(id) && !seen.has(id)) seen.set(id, normalise(wordsOf(e)));
  }
  const ids = [...seen.keys()];
  return [...new Set([ids[0]!, ids[Math.floor(ids.length / 2)]!, ids[ids.length - 1]!])].map((id) => [id, seen.get(id)!]);
}

describe.skipIf(!hasFrus)('the FRUS volumes: persons and abbreviations in the front matter (needs ../shared/corpora/frus)', () => {
  if (!hasFrus) it.skip('needs ../shared beside the project: skipped', () => {});
  let site: FolderSite & { diagnostics: Diagnostic[] };
  const volumes = hasFrus ? readdirSync(frusDir).filter((f) => f.endsWith('.xml')).sort() : [];
  beforeAll(async () => {
    site = await build(volumes.map((f) => path.join(frusDir, f)));
  }, 900_000);

  for (const volume of volumes) {
    it(`${volume}: its persons and terms are registers of their own, whose entries list the places that name them, each linking back`, () => {
      const root = parseXml(readFileSync(path.join(frusDir, volume), 'utf8'));
      const stem = volume.replace(/\.xml$/, '');
      for (const [kind, id, name, pointer, by] of [['persons', 'persons', 'persName', 'persName', 'corresp'], ['terms', 'terms', 'term', 'gloss', 'target']] as const) {
        const listed = frusList(root, id, name);
        const page = `registers/${kind}-${stem}.html`;
        if (listed.size === 0) {
          expect(site.files.has(page), `${page} (the volume has no such list)`).toBe(false);
          continue;
        }
        const entries = entriesOf(site, page);
        expect([...entries.keys()].sort(), page).toEqual([...listed.keys()].sort());
        expect(registersListed(site).map(([href]) => href)).toContain(page);
        const picked = sample(root, id, pointer, by, listed);
        expect(picked.length, `${volume}: ${pointer}/@${by} pointing into ${id}`).toBeGreaterThan(0);
        for (const [entryId, words] of picked) {
          const entry = entries.get(entryId)!;
          expect(entry.label, entryId).toBe(listed.get(entryId));
          const places = entry.mentions.flatMap((m) => m.places);
          expect(places.length, `${page}#${entryId} lists where it is named`).toBeGreaterThan(0);
          for (const m of entry.mentions) expect(site.files.has(path.posix.normalize(path.posix.join('registers', m.document))), m.document).toBe(true);
          for (const place of places) expect(linksBack(site, page, entryId, place), `${page}#${entryId}: ${place} links back`).toBe(true);
          // The words the volume names it with are among the places it lists.
          expect(places.some((p) => region(follow(site, page, p)!.target!).some((el) => text(el).includes(words))), `${entryId}: "${words}"`).toBe(true);
        }
      }
    }, 300_000);
  }

  it('leaves the lists out of the document pages, and links every name to a register entry that exists', () => {
    // No document page holds an entry of the lists: none has an element with an entry's id.
    const ids = new Set(volumes.flatMap((volume) => {
      const root = parseXml(readFileSync(path.join(frusDir, volume), 'utf8'));
      return [...frusList(root, 'persons', 'persName').keys(), ...frusList(root, 'terms', 'term').keys()];
    }));
    expect(ids.size).toBeGreaterThan(0);
    for (const [page, parsed] of site.pages) {
      if (!page.startsWith('documents/')) continue;
      expect(all(parsed.document, (el) => ids.has(attr(el, 'id') ?? '')).map((el) => attr(el, 'id')), page).toEqual([]);
    }
    // Links of the register pages, and links into them (other anchors of the volumes' pages are not this test's).
    expect(brokenLinks(site).filter((b) => b.startsWith('registers') || b.includes('registers/'))).toEqual([]);
  }, 300_000);
});

describe.skipIf(!hasPlay)('the First Folio play: its cast in the header is a register (needs ../shared/corpora/tei-publisher-demo)', () => {
  if (!hasPlay) it.skip('needs ../shared beside the project: skipped', () => {});
  let site: FolderSite & { diagnostics: Diagnostic[] };
  let persons: XmlElement[];
  beforeAll(async () => {
    site = await build([playFile]);
    const root = parseXml(readFileSync(playFile, 'utf8'));
    const header = [...descendants(root)].find((e) => e.name === 'teiHeader')!;
    persons = [...descendants(header)].filter((e) => e.name === 'listPerson').flatMap((l) => [...descendants(l)].filter((e) => e.name === 'person' && attribute(e, 'xml:id')));
  }, 300_000);

  it('gives the persons register page every person of the header\'s list', () => {
    expect(persons.length).toBeGreaterThan(0);
    const entries = entriesOf(site, 'registers/persons.html');
    expect([...entries.keys()].sort()).toEqual(persons.map((p) => attribute(p, 'xml:id')!).sort());
  });

  it('keeps the list out of the About panel, which says in one line how many persons the register holds', () => {
    const about = panel(site, 'documents/F-rom.html');
    const words = text(about);
    const line = first(about, (el) => el.tagName === 'p' && hasClass(el, 'register-ref'))!;
    expect(text(line)).toBe(`${persons.length} persons: see the register`);
    expect(attr(first(line, (a) => a.tagName === 'a')!, 'href')).toBe('../registers/persons.html');
    // No name form of the list is in the panel, which is no longer than the header's other parts it prints.
    const forms = new Set(persons.flatMap((p) => p.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === 'persName').map((n) => normalise(wordsOf(n)))).filter((f) => f.length > 4));
    expect([...forms].filter((f) => words.includes(f))).toEqual([]);
    // The panel holds what it always printed (the source description, responsibility, licence, language) and
    // the line: a list of thousands would make it thousands of lines long.
    const root = parseXml(readFileSync(playFile, 'utf8'));
    const printed = ['sourceDesc', 'titleStmt', 'availability', 'langUsage'].map((n) => [...descendants(root)].find((e) => e.name === n)).map((e) => (e ? normalise(wordsOf(e)).length : 0));
    expect(words.length).toBeLessThan(printed.reduce((a, b) => a + b, 0) + 200);
    expect(byId(site.page('documents/F-rom.html').document, 'metadata')).toBeDefined();
  });
});
