// What the package document says about the book, read from the TEI header of the edition file (or,
// without one, of the first document): editors and their roles, languages, publisher, rights, subjects.
import type { XmlElement } from '../../read/tree.js';
import { languageTag } from './xml.js';

export interface Contributor {
  name: string;
  /** MARC relator code: edt (editor), aut (author), trl (translator) … */
  role: string;
  /** The role as the TEI states it, e.g. "Transcription, encoding …". */
  statedRole: string;
  /** Creator (editors and authors) or contributor (everyone else named in the responsibility statements). */
  kind: 'creator' | 'contributor';
}

export interface BookMetadata {
  contributors: Contributor[];
  languages: string[];
  publisher: string;
  rights: string;
  subjects: string[];
  /** The source of the page numbers in the page list, when the header names one. */
  source: string;
}

function child(e: XmlElement | undefined, name: string): XmlElement | undefined {
  return e?.children.find((c): c is XmlElement => c.kind === 'element' && c.localName === name);
}

function childrenNamed(e: XmlElement | undefined, name: string): XmlElement[] {
  return (e?.children ?? []).filter((c): c is XmlElement => c.kind === 'element' && c.localName === name);
}

function descendants(e: XmlElement | undefined, name: string, into: XmlElement[] = []): XmlElement[] {
  for (const c of e?.children ?? []) {
    if (c.kind !== 'element') continue;
    if (c.localName === name) into.push(c);
    descendants(c, name, into);
  }
  return into;
}

function textOf(e: XmlElement | undefined): string {
  if (!e) return '';
  const walk = (n: XmlElement): string => n.children.map((c) => (c.kind === 'text' ? c.text : c.kind === 'element' ? walk(c) : '')).join('');
  return walk(e).replace(/\s+/g, ' ').trim();
}

function attribute(e: XmlElement | undefined, name: string): string {
  return e?.attributes.find((a) => a.name === name)?.value ?? '';
}

/** The relator code for a TEI role or resp statement; editors by default. */
export function relatorCode(role: string, fallback: string): string {
  const r = role.toLowerCase();
  if (/translat/.test(r)) return 'trl';
  if (/transcri/.test(r)) return 'trc';
  if (/annotat|commentar|notes/.test(r)) return 'ann';
  if (/author/.test(r)) return 'aut';
  if (/compil/.test(r)) return 'com';
  if (/encod|markup/.test(r)) return 'mrk';
  if (/edit/.test(r)) return 'edt';
  return fallback;
}

export function bookMetadata(root: XmlElement | undefined, fallbackLanguage: string): BookMetadata {
  const header = child(root, 'teiHeader');
  const fileDesc = child(header, 'fileDesc');
  const titleStmt = child(fileDesc, 'titleStmt');
  const publicationStmt = child(fileDesc, 'publicationStmt');
  const profileDesc = child(header, 'profileDesc');

  const contributors: Contributor[] = [];
  const seen = new Set<string>();
  const add = (c: Contributor): void => {
    const key = `${c.name}\u0000${c.role}`;
    if (c.name === '' || seen.has(key)) return;
    seen.add(key);
    contributors.push(c);
  };
  for (const e of childrenNamed(titleStmt, 'editor')) {
    const role = attribute(e, 'role');
    add({ name: textOf(e), role: relatorCode(role, 'edt'), statedRole: role || 'editor', kind: 'creator' });
  }
  for (const e of childrenNamed(titleStmt, 'author')) add({ name: textOf(e), role: 'aut', statedRole: 'author', kind: 'creator' });
  for (const r of childrenNamed(titleStmt, 'respStmt')) {
    const resp = textOf(child(r, 'resp'));
    const names = r.children.filter((c): c is XmlElement => c.kind === 'element' && c.localName !== 'resp' && c.localName !== 'note');
    for (const n of names) {
      const name = textOf(n);
      if (contributors.some((c) => c.name === name)) continue;
      add({ name, role: relatorCode(resp, 'ctb'), statedRole: resp, kind: 'contributor' });
    }
  }

  const languages: string[] = [];
  for (const l of descendants(child(profileDesc, 'langUsage'), 'language')) {
    const tag = languageTag(attribute(l, 'ident'));
    if (tag && !languages.includes(tag)) languages.push(tag);
  }
  const own = languageTag(attribute(root, 'xml:lang'));
  if (own && !languages.includes(own)) languages.unshift(own);
  if (languages.length === 0) languages.push(languageTag(fallbackLanguage) ?? 'und');

  const availability = child(publicationStmt, 'availability');
  const licence = descendants(availability, 'licence')[0];
  const rights = [textOf(licence), attribute(licence, 'target')].filter(Boolean).join(' ') || textOf(availability);

  const subjects: string[] = [];
  for (const k of descendants(child(profileDesc, 'textClass'), 'keywords')) {
    for (const t of descendants(k, 'term')) {
      const term = textOf(t);
      if (term && !subjects.includes(term)) subjects.push(term);
    }
  }
  const bibl = descendants(child(fileDesc, 'sourceDesc'), 'bibl')[0] ?? descendants(child(fileDesc, 'sourceDesc'), 'biblStruct')[0];

  return {
    contributors,
    languages,
    publisher: textOf(childrenNamed(publicationStmt, 'publisher')[0]) || textOf(childrenNamed(publicationStmt, 'authority')[0]),
    rights,
    subjects,
    source: textOf(descendants(bibl, 'title')[0]) || textOf(bibl),
  };
}
