// The reply of 1 July 1951 in parallel segmentation: each of the three witnesses can be read off in full
// and equals its source (A: the draft in the telegram; B and C: the FRUS texts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasShared, projectRoot, sharedDir } from '../helpers/paths.js';
import { find, findAll, normalizeSpace, parseXml } from '../helpers/xml-tree.js';
import { readingText } from '../helpers/witness-text.js';

const read = (p: string) => parseXml(readFileSync(join(projectRoot, p), 'utf8'));
const reply = read('tei/documents/1951-07-01-kim-peng-to-ridgway.xml');
const telegram = read('tei/documents/1951-06-30-filippov-to-mao.xml');
const edition = read('tei/edition.xml');
const message = find(find(reply, 'text')!, 'div')!;

/** The quoting documents' quotation marks are not part of the message. */
const comparable = (s: string) => normalizeSpace(s.replace(/["“”]/g, ''));
const witnessText = (wit: string) => comparable(readingText(message, { witness: wit }));

/** The blockquoted lines of one witness section of the FRUS source file. */
function frusWitness(markdown: string, heading: string): string {
  const section = markdown.split(/^## /m).find((s) => s.startsWith(heading));
  if (!section) throw new Error(`no section ${heading}`);
  const lines = section.split('\n');
  const start = lines.findIndex((l) => l.startsWith('> '));
  const quoted: string[] = [];
  for (const line of lines.slice(start)) {
    if (!line.startsWith('>')) break;
    quoted.push(line.replace(/^> ?/, ''));
  }
  return comparable(quoted.join(' '));
}

describe('the reply of 1 July 1951 in three witnesses', () => {
  const witnesses = findAll(find(edition, 'listWit')!, 'witness').map((w) => w.attrs['xml:id']);

  it('lists the witnesses A, B and C with sigla in the edition’s front matter', () => {
    expect(witnesses).toEqual(['wit-A', 'wit-B', 'wit-C']);
    const sigla = findAll(find(edition, 'listWit')!, 'abbr').map((a) => a.children.join(''));
    expect(sigla).toEqual(['A', 'B', 'C']);
  });

  it('gives every witness exactly one reading in every app', () => {
    const apps = findAll(message, 'app');
    expect(apps.length).toBeGreaterThan(10);
    for (const app of apps) {
      const cited = findAll(app, 'rdg').flatMap((r) => (r.attrs.wit ?? '').split(/\s+/)).map((w) => w.replace(/^\.\.\/edition\.xml#/, ''));
      expect(cited.sort(), app.attrs['xml:id']).toEqual(['wit-A', 'wit-B', 'wit-C']);
    }
  });

  it('reads witness A exactly as the draft in the telegram', () => {
    const draft = find(find(telegram, 'text')!, 'floatingText')!;
    expect(witnessText('wit-A')).toBe(comparable(readingText(draft)));
  });

  it('records the date discrepancy: 28 June in A, June 30 in B and C', () => {
    const app = findAll(message, 'app').find((a) => a.attrs['xml:id'] === 'rep-app-date')!;
    const readings = findAll(app, 'rdg').map((r) => [r.attrs.wit, find(r, 'date')!.attrs.when]);
    expect(readings).toEqual([
      ['../edition.xml#wit-A', '1951-06-28'],
      ['../edition.xml#wit-B', '1951-06-30'],
      ['../edition.xml#wit-C', '1951-06-30'],
    ]);
  });

  describe.skipIf(!hasShared)('against the FRUS texts (needs ../shared beside the project)', () => {
    const markdown = hasShared ? readFileSync(join(sharedDir, 'sources/frus-1951-armistice-reply.md'), 'utf8') : '';
    it('reads witness B exactly as FRUS doc. 398 quotes the Peking broadcast', () => {
      expect(witnessText('wit-B')).toBe(frusWitness(markdown, 'Witness B'));
    });
    it('reads witness C exactly as the official version in FRUS doc. 401', () => {
      expect(witnessText('wit-C')).toBe(frusWitness(markdown, 'Witness C'));
    });
  });
});
