// Every pointer in the bundled edition resolves: names to register entries, readings to witnesses,
// notes to their responsible editors, cross-document links to documents.
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, xmlFilesUnder } from '../helpers/paths.js';
import { descendants, find, parseXml, type XmlElement } from '../helpers/xml-tree.js';

const files = xmlFilesUnder(join(projectRoot, 'tei'));
const trees = new Map(files.map((f) => [f, parseXml(readFileSync(f, 'utf8'))]));
const idsByFile = new Map(
  [...trees].map(([f, t]) => [f, new Set([t, ...descendants(t)].map((e) => e.attrs['xml:id']).filter(Boolean))]),
);
const pointerAttributes = ['ref', 'target', 'corresp', 'wit', 'resp', 'source'];

interface Pointer { file: string; element: string; attribute: string; value: string }

function pointers(): Pointer[] {
  const out: Pointer[] = [];
  for (const [file, tree] of trees) {
    for (const el of [tree, ...descendants(tree)]) {
      for (const attribute of pointerAttributes) {
        const value = el.attrs[attribute];
        if (!value) continue;
        for (const token of value.split(/\s+/).filter(Boolean)) {
          if (/^[a-z][a-z0-9+.-]*:/i.test(token)) continue; // an absolute URI (the licence), not into the edition
          out.push({ file, element: el.name, attribute, value: token });
        }
      }
    }
  }
  return out;
}

function resolves(p: Pointer): boolean {
  const [path, fragment] = p.value.split('#') as [string, string | undefined];
  const target = path === '' ? p.file : resolve(dirname(p.file), path);
  if (!trees.has(target)) return false;
  return fragment === undefined || idsByFile.get(target)!.has(fragment);
}

describe('references in the bundled edition', () => {
  it('has TEI files to check', () => {
    expect(files.map((f) => relative(projectRoot, f))).toEqual(expect.arrayContaining([
      'tei/edition.xml', 'tei/documents/1951-06-30-filippov-to-mao.xml',
      'tei/documents/1951-07-01-kim-peng-to-ridgway.xml', 'tei/registers/persons.xml',
    ]));
  });

  it('resolves every pointer (@ref, @target, @corresp, @wit, @resp, @source) to a file and an xml:id', () => {
    const all = pointers();
    expect(all.length).toBeGreaterThan(50);
    const broken = all.filter((p) => !resolves(p)).map((p) => `${relative(projectRoot, p.file)}: ${p.element}/@${p.attribute}="${p.value}"`);
    expect(broken).toEqual([]);
  });

  it('links every name in the texts of the documents to an entry of a register', () => {
    const unlinked: string[] = [];
    const registerEntries = new Set(['person', 'place', 'org', 'object']);
    for (const [file, tree] of trees) {
      if (!file.includes('/documents/')) continue;
      for (const el of descendants(find(tree, 'text')!)) {
        if (!['persName', 'placeName', 'orgName', 'geogName', 'rs'].includes(el.name)) continue;
        const ref = el.attrs.ref ?? '';
        const [path, id] = ref.split('#');
        const target = trees.get(resolve(dirname(file), path ?? ''));
        const entry = target && [...descendants(target)].find((e) => e.attrs['xml:id'] === id);
        if (!entry || !registerEntries.has(entry.name)) unlinked.push(`${relative(projectRoot, file)}: ${el.name} "${ref}"`);
      }
    }
    expect(unlinked).toEqual([]);
  });

  it('uses every register entry in at least one document (registers hold only what the sources name)', () => {
    const referenced = new Set(pointers().filter((p) => p.attribute === 'ref').map((p) => p.value.replace(/^.*#/, '')));
    const entries: XmlElement[] = [];
    for (const [file, tree] of trees) {
      if (file.includes('/registers/')) entries.push(...[...descendants(tree)].filter((e) => ['person', 'place', 'org', 'object'].includes(e.name)));
    }
    expect(entries.length).toBeGreaterThanOrEqual(15);
    expect(entries.map((e) => e.attrs['xml:id']).filter((id) => !referenced.has(id!))).toEqual([]);
  });

  it('uses each xml:id once across the whole edition', () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const [file, ids] of idsByFile) {
      for (const id of ids) {
        if (seen.has(id!)) duplicates.push(`${id} in ${seen.get(id!)} and ${relative(projectRoot, file)}`);
        seen.set(id!, relative(projectRoot, file));
      }
    }
    expect(duplicates).toEqual([]);
  });
});
