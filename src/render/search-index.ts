// The search index: one unit per paragraph, note and register entry, written as a script that assigns a
// global (a page opened from file:// cannot fetch JSON).
import type { SiteModel } from './site-model.js';
import { volumeMatter } from './volumes.js';

export interface SearchUnit {
  /** Page and anchor, from the site root. */
  u: string;
  /** Title of the page. */
  t: string;
  /** Where in the page: "¶ 2", "note 3", "entry". */
  l: string;
  /** The text. */
  x: string;
}

export function searchUnits(model: SiteModel): SearchUnit[] {
  const units: SearchUnit[] = [];
  // Documents, then the volumes' own pages and the divisions of their front and back (render/volumes.ts).
  for (const document of [...model.documents, ...volumeMatter(model)]) {
    for (const unit of document.data.units) {
      if (unit.text === '') continue;
      units.push({ u: `${document.page}#${unit.anchor}`, t: document.data.title || document.page, l: unit.label, x: unit.text });
    }
  }
  for (const register of model.registers) {
    for (const entry of register.entries) {
      const names = [...new Set(entry.names.map((n) => n.text))].join(' · ');
      const description = entry.html.replace(/<[^>]*>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
      units.push({ u: `${register.page}#${entry.id}`, t: `${entry.label} (${register.title})`, l: 'register', x: `${names}. ${description}`.replace(/\s+/g, ' ').trim() });
    }
  }
  return units;
}

export function searchIndexScript(units: readonly SearchUnit[]): string {
  const json = JSON.stringify(units).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return `window.teiEditionSearchUnits = ${json};\n`;
}
