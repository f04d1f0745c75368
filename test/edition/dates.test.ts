// The bundled edition's dates follow its editorial principles (tei/edition.xml, normalization): dates are
// normalised in attributes, and where the year is not written but inferred, the date carries @cert, in
// every witness alike.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, xmlFilesUnder } from '../helpers/paths.js';
import { descendants, parseXml, plainText } from '../helpers/xml-tree.js';

const files = xmlFilesUnder(join(projectRoot, 'tei'));

describe('the dates of the bundled edition', () => {
  const dates = files.flatMap((file) =>
    [...descendants(parseXml(readFileSync(file, 'utf8')))]
      .filter((e) => e.name === 'date')
      .map((e) => ({ file: relative(projectRoot, file), attrs: e.attrs, text: plainText(e).replace(/\s+/g, ' ').trim() })),
  );

  it('gives every date of the texts its normalised value', () => {
    expect(dates.length).toBeGreaterThan(8);
    for (const d of dates) expect(d.attrs.when ?? d.attrs.from ?? d.attrs.notBefore, `${d.file}: "${d.text}"`).toMatch(/^\d{4}(-\d\d){0,2}$/);
  });

  it('marks with @cert every date whose year is inferred, not written, and no other', () => {
    const inferred = dates.filter((d) => !/\b\d{4}\b/.test(d.text));
    expect(inferred.map((d) => d.text)).toEqual(expect.arrayContaining(['28 June', 'June 30', 'June 30 this year', 'July 10-15']));
    for (const d of dates) {
      const written = /\b\d{4}\b/.test(d.text);
      expect(d.attrs.cert, `${d.file}: "${d.text}" ${written ? 'writes its year' : 'has an inferred year'}`).toBe(written ? undefined : 'high');
    }
  });
});
