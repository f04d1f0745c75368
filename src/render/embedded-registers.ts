// Registers made of the entity lists documents carry inside themselves (listPerson … in back or standOff,
// see xslt/common/registers.xsl): one register per kind of list, one entry per xml:id however many
// documents carry it. Pure: the documents' transform results in, registers out.
import { behaviours } from '../read/behaviours.js';
import type { RegisterEntry } from '../transform/transform-file.js';
import type { SiteDocument, SiteRegister } from './site-model.js';

/** The kinds of list that become registers, in the order the registers page lists them. */
export const EMBEDDED_REGISTERS: readonly { list: string; stem: string; title: string }[] = behaviours().registerLists.map(({ list, stem, title }) => ({ list, stem, title }));

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

/**
 * `pages`: kind of list → the page of its register. Only kinds with at least one entry give a register.
 * A register takes the head its lists share, when every entry's list has the same one.
 */
export function embeddedRegisters(documents: readonly SiteDocument[], pages: Readonly<Record<string, string>>): SiteRegister[] {
  const byList = new Map<string, Map<string, RegisterEntry>>();
  for (const document of documents) {
    for (const entry of document.data.entries) {
      if (!entry.register || !(entry.register in pages)) continue;
      const entries = byList.get(entry.register) ?? new Map<string, RegisterEntry>();
      const known = entries.get(entry.key);
      entries.set(entry.key, known ? mergeEntry(known, entry) : entry);
      byList.set(entry.register, entries);
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
  return registers;
}
