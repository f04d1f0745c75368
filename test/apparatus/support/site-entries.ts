// The entries a document page of the site shows under its text (the "Apparatus" and "Notes" sections), read
// from the parsed page: for each list item with an entry, its id, its label (the link back to its marker) and
// the words it prints after the label, white space normalised.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { all, attr, hasClass, normalise, textOf, type Element, type Node } from '../../build/support/html.js';

export interface SiteEntry {
  id: string;
  /** The section that holds it: 'apparatus' or 'notes'. */
  section: string;
  label: string;
  text: string;
}

/** The link an entry starts with, back to its marker: the label. */
export function labelLink(item: Element): Element | undefined {
  return item.childNodes.find((c): c is Element => 'tagName' in c && c.tagName === 'a');
}

/** The words of an entry: all its text but the label and the "back to the text" link. */
export function entryWords(item: Element): string {
  const label = labelLink(item);
  return normalise(textOf(item, { skip: (el) => el === label || hasClass(el, 'backref') }));
}

export function siteEntries(page: Node): SiteEntry[] {
  const sections = all(page, (el) => el.tagName === 'section' && (hasClass(el, 'apparatus') || hasClass(el, 'notes')) && !hasClass(el, 'apparatus-series'));
  return sections.flatMap((section) =>
    all(section, (el) => el.tagName === 'li' && attr(el, 'data-entry') !== undefined).map((li) => ({
      id: attr(li, 'id') ?? '',
      section: hasClass(section, 'notes') ? 'notes' : 'apparatus',
      label: normalise(textOf(labelLink(li) ?? li)),
      text: entryWords(li),
    })),
  );
}

/** A hash of the XML files of a folder (names and contents): whether a golden was made from these sources. */
export function sourcesHash(dir: string): string {
  const hash = createHash('sha256');
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.xml')).sort()) hash.update(`${f}\0`).update(readFileSync(path.join(dir, f))).update('\0');
  return hash.digest('hex');
}
