// What a name's @key matches (src/render/entry-keys.ts): the entry that carries that key, else the entry with
// that xml:id; a key that matches nothing or several entries is never linked, and is reported once per file.
import { describe, expect, it } from 'vitest';
import { keyIndex, resolveEntryKeys } from '../../src/render/entry-keys.js';
import type { SiteDocument, SiteRegister } from '../../src/render/site-model.js';
import type { RegisterEntry, TransformedFile } from '../../src/transform/transform-file.js';

function entry(key: string, id: string, keys: string[] = []): RegisterEntry {
  return { id, key, kind: 'person', list: 'listPerson', listHead: '', register: '', keys, label: id, names: [], html: '', parts: [] };
}

const persons: SiteRegister = {
  source: 'registers/persons.xml',
  key: 'registers/persons.xml',
  page: 'registers/persons.html',
  title: 'Persons',
  entries: [entry('registers/persons.xml#p1', 'p1', ['gnd-1']), entry('registers/persons.xml#p2', 'p2'), entry('registers/persons.xml#twice', 'twice')],
};
const carried: SiteRegister = {
  source: 'listPlace of the documents',
  key: 'register:listPlace',
  page: 'registers/places.html',
  title: 'Places',
  entries: [entry('register:listPlace#twice', 'twice'), entry('register:listPlace#gnd-1x', 'gnd-1x', ['p2'])],
};

function documentWith(html: string, mentionKeys: string[]): SiteDocument {
  const data = {
    title: 'Letter',
    html: { text: html, book: '', print: '', metadata: '', source: '' },
    mentions: mentionKeys.map((key, i) => ({ key, anchor: `p-${i + 1}`, label: `¶ ${i + 1}` })),
    correspondence: [{ type: 'sent', persons: [{ label: 'A', keys: ['key:gnd-1'], href: 'key:gnd-1' }], places: [], date: '' }],
    entries: [],
  } as unknown as TransformedFile;
  return { source: 'letters/l1.xml', key: 'letters/l1.xml', page: 'documents/l1.html', data };
}

describe('names linked by @key', () => {
  it('match the entry that carries the key before the entry whose xml:id it is, and several entries not at all', () => {
    const index = keyIndex([persons, carried]);
    expect(index.get('gnd-1')).toEqual({ href: 'edition:registers/persons.xml#p1', entryKey: 'registers/persons.xml#p1' });
    // "p2" is the xml:id of a person and the @key of a place: the key wins.
    expect(index.get('p2')).toEqual({ href: 'register:listPlace#gnd-1x', entryKey: 'register:listPlace#gnd-1x' });
    expect(index.get('twice')).toBe('ambiguous');
    expect(index.get('nothing')).toBeUndefined();
  });

  it('become links to their entries, are counted as their mentions, and are unlinked and reported when nothing single answers', () => {
    const html = '<p><a class="name persName" href="key:gnd-1">Anna</a> and <a class="name persName" href="key:twice">Twice</a> and <a class="name persName" href="key:no%20where">Nobody</a>, <a href="#n1">note</a></p>';
    const { documents, diagnostics } = resolveEntryKeys([documentWith(html, ['key:gnd-1', 'key:twice', 'key:no%20where', 'registers/persons.xml#p2'])], [persons, carried]);
    const data = documents[0]!.data;
    expect(data.html.text).toBe('<p><a class="name persName" href="edition:registers/persons.xml#p1">Anna</a> and <span class="name persName">Twice</span> and <span class="name persName">Nobody</span>, <a href="#n1">note</a></p>');
    expect(data.mentions.map((m) => m.key)).toEqual(['registers/persons.xml#p1', 'registers/persons.xml#p2']);
    expect(data.correspondence[0]!.persons[0]).toEqual({ label: 'A', keys: ['registers/persons.xml#p1'], href: 'edition:registers/persons.xml#p1' });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: 'letters/l1.xml', severity: 'warning', ruleId: 'render/unresolved-link' });
    expect(diagnostics[0]!.message).toMatch(/^2 names link by @key to no single register entry \("no where", "twice" \(several entries\)\)/);
  });

  it('leave documents without keys as they were', () => {
    const plain = documentWith('<p><a href="edition:registers/persons.xml#p1">Anna</a></p>', ['registers/persons.xml#p1']);
    plain.data.correspondence = [];
    const { documents, diagnostics } = resolveEntryKeys([plain], [persons]);
    expect(documents[0]!.data).toEqual(plain.data);
    expect(diagnostics).toEqual([]);
  });
});
