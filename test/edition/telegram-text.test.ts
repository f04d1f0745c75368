// The telegram of 30 June 1951: every word of the copy-text is in the TEI, in order, and the
// editors' own additions (notes) are set apart from it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasShared, projectRoot, sharedDir } from '../helpers/paths.js';
import { find, findAll, normalizeSpace, parseXml, plainText, type XmlNode } from '../helpers/xml-tree.js';
import { readingText } from '../helpers/witness-text.js';

const telegramPath = join(projectRoot, 'tei/documents/1951-06-30-filippov-to-mao.xml');
const telegram = parseXml(readFileSync(telegramPath, 'utf8'));
const body = find(telegram, 'text')!;

describe.skipIf(!hasShared)('the telegram against its copy-text (needs ../shared beside the project)', () => {
  it('contains the full copy-text, word for word and in order', () => {
    const copyText = readFileSync(join(sharedDir, 'sources/000_612cad52e4d6547c.txt'), 'utf8');
    expect(normalizeSpace(readingText(body))).toBe(normalizeSpace(copyText));
  });
});

describe('the telegram of 30 June 1951', () => {
  it('encodes the copy-text’s brackets as supplied text and a gap, not as plain text', () => {
    // Text of the transcription itself, outside the editors' notes and descriptions: no bracket may remain.
    const transcribed = (n: XmlNode): string =>
      typeof n === 'string' ? n : n.name === 'note' || n.name === 'desc' ? '' : n.children.map(transcribed).join('');
    expect(transcribed(body)).not.toMatch(/[[\]]/);
    const supplied = findAll(body, 'supplied').map((s) => normalizeSpace(readingText(s)));
    expect(supplied).toEqual(['[Kaesong]', '[with him]', '[Stalin]']);
    for (const s of findAll(body, 'supplied')) {
      expect(s.attrs.reason).toBeTruthy();
      expect(s.attrs.resp).toBe('#tel-copy-text-editor');
    }
    const gaps = findAll(body, 'gap');
    expect(gaps).toHaveLength(1);
    expect(gaps[0]!.attrs.reason).toBeTruthy();
  });

  it('has a correspDesc: sent by Filippov [Stalin] on 30 June 1951, received by Mao Zedong through Krasovsky', () => {
    const actions = findAll(find(telegram, 'correspDesc')!, 'correspAction');
    const byType = Object.fromEntries(actions.map((a) => [a.attrs.type, a]));
    expect(find(byType.sent!, 'persName')!.attrs.ref).toMatch(/#stalin$/);
    expect(find(byType.sent!, 'date')!.attrs.when).toBe('1951-06-30');
    expect(find(byType.transmitted!, 'persName')!.attrs.ref).toMatch(/#krasovsky$/);
    expect(find(byType.received!, 'persName')!.attrs.ref).toMatch(/#mao-zedong$/);
    expect(find(byType.received!, 'placeName')!.attrs.cert).toBeTruthy();
  });

  it('encodes the draft to Ridgway as a quoted text with its address run on into its first paragraph, as the copy-text has it, and a closer with two signatures', () => {
    const draft = find(body, 'floatingText')!;
    expect(find(draft, 'opener')).toBeUndefined();
    const first = find(draft, 'p')!;
    const address = first.children.find((c) => typeof c !== 'string' && c.name === 'seg' && c.attrs.type === 'salute');
    expect(address, 'the address is the first thing in the first paragraph').toBe(first.children[0]);
    const closer = find(draft, 'closer')!;
    expect(findAll(closer, 'signed')).toHaveLength(2);
  });

  it('marks up every person, organisation, place, object and date the issue of the text requires', () => {
    const refs = new Set(
      ['persName', 'orgName', 'placeName', 'geogName', 'rs']
        .flatMap((n) => findAll(body, n))
        .map((e) => e.attrs.ref?.replace(/^.*#/, '')),
    );
    for (const id of ['mao-zedong', 'krasovsky', 'kim-il-sung', 'peng-dehuai', 'ridgway', 'stalin',
      'korean-peoples-army', 'chinese-volunteers', 'un-forces', 'beijing', 'wonsan', 'kaesong', 'parallel-38',
      'moscow', 'jutlandia']) {
      expect(refs, id).toContain(id);
    }
    const dates = findAll(body, 'date').map((d) => [d.attrs.when ?? `${d.attrs.from}/${d.attrs.to}`, normalizeSpace(readingText(d))]);
    expect(dates).toEqual([
      ['1951-06-28', '28 June'],
      ['1951-07-10/1951-07-15', 'July 10-15'],
      ['1951-06-30', '30 June 1951'],
    ]);
  });

  it('keeps the source’s spellings Gaeseong and Gaesong, both pointing to one place', () => {
    const kaesong = findAll(body, 'placeName').filter((p) => p.attrs.ref?.endsWith('#kaesong'));
    const forms = kaesong.map((p) => normalizeSpace(readingText(p)));
    expect(forms).toEqual(['Gaeseong [Kaesong]', 'Gaesong']);
  });

  it('has editorial notes on Filippov, the ship and the date discrepancy', () => {
    const notes = findAll(body, 'note');
    const text = notes.map((n) => normalizeSpace(plainText(n))).join('\n');
    expect(text).toMatch(/Filippov is a pseudonym/);
    expect(text).toMatch(/Jutlandia/);
    expect(text).toMatch(/28 June.*30 June/s);
    for (const n of notes) expect(n.attrs.resp).toBe('../edition.xml#editors');
  });
});
