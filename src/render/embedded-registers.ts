// Registers made of the lists documents carry inside themselves (xslt/common/registers.xsl):
// - entity lists (listPerson … in the back, standOff, front or header): one register per kind of list, one
//   entry per xml:id however many documents carry it;
// - plain lists (FRUS's persons and abbreviations in the front): one register per document and kind of
//   entry, since such ids are the document's own (two FRUS volumes both have a t_AA1, for different terms).
// Pure: the documents' transform results in, registers out.
import path from 'node:path';
import { behaviours, safeId } from '../read/behaviours.js';
import type { RegisterEntry } from '../transform/transform-file.js';
import type { SiteDocument, SiteRegister } from './site-model.js';

/** The kinds of list that become registers, in the order the registers page lists them. */
export const EMBEDDED_REGISTERS: readonly { list: string; stem: string; title: string }[] = behaviours().registerLists.map(({ list, stem, title }) => ({ list, stem, title }));

/** The names that make an item of a plain list an entry (persName, term …), with the stem and title of their registers. */
export const PLAIN_REGISTERS: readonly { name: string; stem: string; title: string }[] = behaviours().registerNames.map(({ name, stem, title }) => ({ name, stem, title }));

/** What a folder build asks the stylesheets to make registers of (the parameter embedded-registers). */
export function embeddedKinds(pages: Readonly<Record<string, string>>): string[] {
  const lists = Object.keys(pages);
  return lists.length ? [...lists, ...PLAIN_REGISTERS.map((r) => r.name)] : [];
}

const sameText = (a: string, b: string): boolean => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

/**
 * The same entry in several documents is one entry. Documents exported at different times may describe
 * it more or less fully: the entry keeps every name form and every part of the description any of them
 * gives, each once, in the order of the documents given (the edition's date order).
 */
function mergeEntry(into: RegisterEntry, other: RegisterEntry): RegisterEntry {
  const names = [...into.names];
  for (const n of other.names) if (!names.some((m) => m.type === n.type && m.text === n.text)) names.push(n);
  const parts = [...into.parts];
  for (const p of other.parts) if (!parts.some((q) => sameText(p, q))) parts.push(p);
  return { ...into, names, parts, html: parts.length === into.parts.length ? into.html : parts.join('\n') };
}

/** A plain list's register name: the name of its entries and the key of the document ("term@vol1.xml"). */
export function plainRegister(register: string): { name: string; file: string } | undefined {
  const at = register.indexOf('@');
  return at > 0 ? { name: register.slice(0, at), file: register.slice(at + 1) } : undefined;
}

/**
 * `pages`: kind of list → the page of its register. Only kinds with at least one entry give a register.
 * A register takes the head its lists share, when every entry's list has the same one. `pageFor` names the
 * page of a document's own register (plain lists) from a stem, once.
 */
export function embeddedRegisters(documents: readonly SiteDocument[], pages: Readonly<Record<string, string>>, pageFor: (stem: string) => string = (stem) => `registers/${stem}.html`): SiteRegister[] {
  const byList = new Map<string, Map<string, RegisterEntry>>();
  // A document's own registers, in the order of the documents and, in each, of the kinds.
  const own = new Map<string, { document: SiteDocument; entries: Map<string, RegisterEntry> }>();
  for (const document of documents) {
    for (const entry of document.data.entries) {
      if (!entry.register) continue;
      if (entry.register in pages) {
        const entries = byList.get(entry.register) ?? new Map<string, RegisterEntry>();
        const known = entries.get(entry.key);
        entries.set(entry.key, known ? mergeEntry(known, entry) : entry);
        byList.set(entry.register, entries);
      } else if (plainRegister(entry.register) && Object.keys(pages).length) {
        const held = own.get(entry.register) ?? { document, entries: new Map<string, RegisterEntry>() };
        if (!held.entries.has(entry.key)) held.entries.set(entry.key, entry);
        own.set(entry.register, held);
      }
    }
  }
  const registers: SiteRegister[] = [];
  for (const kind of EMBEDDED_REGISTERS) {
    const entries = byList.get(kind.list);
    if (!entries?.size) continue;
    const list = [...entries.values()];
    const heads = new Set(list.map((e) => e.listHead));
    const head = heads.size === 1 ? [...heads][0]! : '';
    registers.push({ source: `${kind.list} of the documents`, key: `register:${kind.list}`, page: pages[kind.list]!, title: head || kind.title, entries: list });
  }
  const ordered = [...own.entries()].sort(([a, x], [b, y]) => documents.indexOf(x.document) - documents.indexOf(y.document)
    || PLAIN_REGISTERS.findIndex((k) => k.name === plainRegister(a)!.name) - PLAIN_REGISTERS.findIndex((k) => k.name === plainRegister(b)!.name));
  for (const [register, { document, entries }] of ordered) {
    const { name, file } = plainRegister(register)!;
    const kind = PLAIN_REGISTERS.find((k) => k.name === name);
    const infos = (document.data.registers ?? []).filter((r) => r.register === register);
    const list = [...entries.values()];
    const title = infos.find((r) => r.title)?.title || list.find((e) => e.listHead)?.listHead || kind?.title || name;
    const intro = [...new Set(infos.map((r) => r.intro).filter(Boolean))].join('\n');
    const stem = `${kind?.stem ?? safeId(name)}-${safeId(path.posix.basename(file).replace(/\.xml$/i, ''))}`;
    registers.push({
      source: document.source,
      key: `register:${register}`,
      page: pageFor(stem),
      title,
      entries: list,
      ...(intro ? { intro } : {}),
      from: { title: document.data.title || document.page, page: document.page },
    });
  }
  return registers;
}
