// Signatures are encoded alike in every document and witness of the bundled edition: inside <signed>, each
// signer's name a persName linked to the register and each office a roleName, never bare text.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, xmlFilesUnder } from '../helpers/paths.js';
import { descendants, parseXml, plainText, type XmlElement } from '../helpers/xml-tree.js';

const OFFICE = /Commander[- ]in[- ]Chief/;

/** The text directly in an element and in its descendants, leaving out what roleName and persName hold. */
function bareText(el: XmlElement): string {
  return el.children.map((c) => (typeof c === 'string' ? c : c.name === 'roleName' || c.name === 'persName' ? ' ' : bareText(c))).join('');
}

describe('the signatures of the bundled edition', () => {
  const signed = xmlFilesUnder(join(projectRoot, 'tei', 'documents')).flatMap((file) =>
    [...descendants(parseXml(readFileSync(file, 'utf8')))].filter((e) => e.name === 'signed').map((e) => ({ file: relative(projectRoot, file), e })),
  );

  it('gives every office in a signature as a roleName, in every witness', () => {
    const roles = signed.flatMap(({ e }) => [...descendants(e)].filter((d) => d.name === 'roleName').map((r) => plainText(r).replace(/\s+/g, ' ').trim()));
    // The telegram's draft (A) and the reply's A and B: two offices each.
    expect(roles.filter((r) => OFFICE.test(r))).toHaveLength(6);
    for (const { file, e } of signed) expect(bareText(e), `${file}: an office outside roleName`).not.toMatch(OFFICE);
  });

  it('links every signer to the register', () => {
    for (const { file, e } of signed) {
      const names = [...descendants(e)].filter((d) => d.name === 'persName');
      expect(names.length, file).toBeGreaterThan(0);
      for (const n of names) expect(n.attrs.ref, `${file}: ${plainText(n)}`).toMatch(/registers\/persons\.xml#/);
    }
  });
});
