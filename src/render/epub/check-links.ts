// The last pass over the book's trees: ids unique in each document, and every link inside the book
// leading to a document and id that exist (a link that would not is kept as text).
import path from 'node:path';
import { el, rewrite, type Node } from './dom.js';

export interface LinkedDocument {
  path: string;
  body: Node[];
}

const IDREFS = ['aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'aria-flowto', 'aria-details', 'aria-errormessage', 'aria-activedescendant', 'for', 'headers', 'list', 'form', 'itemref'];

export function settleLinks(documents: LinkedDocument[], extraIds: ReadonlyMap<string, ReadonlySet<string>> = new Map()): void {
  const idsOf = new Map<string, Set<string>>();
  for (const d of documents) {
    const seen = new Set<string>();
    d.body = rewrite(d.body, (e) => {
      const id = e.attrs.get('id');
      if (id === undefined) return e;
      let unique = id.replace(/\s+/g, '_') || '_';
      for (let i = 2; seen.has(unique); i++) unique = `${id}-${i}`;
      seen.add(unique);
      e.attrs.set('id', unique);
      return e;
    });
    for (const id of extraIds.get(d.path) ?? []) seen.add(id);
    idsOf.set(d.path, seen);
  }
  for (const d of documents) {
    const own = idsOf.get(d.path)!;
    d.body = rewrite(d.body, (e) => {
      for (const name of IDREFS) {
        const v = e.attrs.get(name);
        if (v === undefined) continue;
        const kept = v.split(/\s+/).filter((r) => own.has(r));
        if (kept.length) e.attrs.set(name, kept.join(' '));
        else e.attrs.delete(name);
      }
      if (e.name !== 'a') return e;
      const href = e.attrs.get('href');
      if (href === undefined || /^(https?:|mailto:)/i.test(href)) return e;
      const [file = '', fragment] = href.split('#', 2) as [string, string | undefined];
      const target = file === '' ? d.path : path.posix.normalize(path.posix.join(path.posix.dirname(d.path), file));
      const ids = idsOf.get(target);
      if (ids && (fragment === undefined || ids.has(decodeURIComponent(fragment)))) return e;
      if (ids && fragment !== undefined && file !== '') {
        e.attrs.set('href', file);
        return e;
      }
      const span = el('span', { id: e.attrs.get('id'), class: e.attrs.get('class') }, []);
      span.children = e.children;
      return span;
    });
  }
}

