// The deposit's records for real editions from others (../shared/corpora): a folder build of the six
// Schnitzler letters, whose correspondence becomes CMIF, and a FRUS volume, whose header lacks a licence.
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { describeDeposit } from '../../src/package/deposit/metadata/describe.js';
import type { DepositContext, DepositMetadata } from '../../src/package/deposit/deposit-model.js';
import { attribute, childElements, TEI_NAMESPACE, type XmlElement } from '../../src/read/tree.js';
import { sharedDir, xmlFilesUnder } from '../helpers/paths.js';
import { checkers, skipReason } from '../helpers/tools.js';
import { cmifSchematron } from './support/cmif-schematron.js';
import { schemaUrls, validateRng, validateXsd } from './support/deposit-schemas.js';
import { depositContext } from './support/metadata-context.js';
import { all, attr, fileNamed, NS, one, parseRecord, text } from './support/records.js';

const shared = skipReason(!checkers.shared, '../shared (the corpora and the deposit schemas)');
const letters = `${sharedDir}/corpora/schnitzler-briefe`;
// The smallest of the three volumes; its header has an empty editor and no licence.
const frusVolume = `${sharedDir}/corpora/frus/frus1894Nicaragua.xml`;

/** What a correspAction says, as CMIF keeps it: its names and the dating attributes of its dates. */
function actionSummary(action: XmlElement): string {
  const parts = childElements(action).flatMap((c) => {
    if (['persName', 'orgName', 'placeName'].includes(c.localName)) return [`${c.localName}=${text(c)}`];
    if (c.localName === 'date') {
      const dating = ['when', 'from', 'to', 'notBefore', 'notAfter'].filter((a) => attribute(c, a)).map((a) => `${a}:${attribute(c, a)}`);
      return dating.length ? [`date=${dating.join(',')}`] : [];
    }
    return [];
  });
  return `${attribute(action, 'type')}(${parts.join(' ')})`;
}

function lettersOf(root: XmlElement): string[] {
  return all(root, TEI_NAMESPACE, 'correspDesc').map((d) =>
    childElements(d)
      .filter((a) => a.localName === 'correspAction' && ['sent', 'received'].includes(attribute(a, 'type') ?? ''))
      .map(actionSummary)
      .join(' '),
  );
}

describe.skipIf(shared.skip)(`a folder build of the Schnitzler letters${shared.title}`, () => {
  let context: DepositContext;
  let metadata: DepositMetadata;
  beforeAll(async () => {
    context = await depositContext({ mode: 'paths', documents: xmlFilesUnder(letters), baseUrl: 'https://example.org/briefe/', identifier: 'urn:uuid:0b7d3c52-3b1e-4d8a-9c47-2f0b4c1e9a11' });
    metadata = describeDeposit(context);
  }, 600_000);

  it('gives a CMIF file with one correspDesc per letter, with the senders, recipients, places and dates of its source', () => {
    const cmif = parseRecord(fileNamed(metadata, 'cmif.xml'));
    expect(context.model.documents).toHaveLength(6);
    const expected = context.model.documents.map((d) => lettersOf(context.documents.find((s) => s.path === d.source)!.document.root)[0]!);
    expect(lettersOf(cmif)).toEqual(expected);
    expect(all(cmif, TEI_NAMESPACE, 'correspDesc').map((d) => attr(d, 'ref'))).toEqual(context.model.documents.map((d) => `https://example.org/briefe/${d.page}`));
  });

  it('links a name only to an authority’s URI, taken from the entry its @ref points to, never to the letters’ own ids', () => {
    const cmif = parseRecord(fileNamed(metadata, 'cmif.xml'));
    const refs = [...all(cmif, TEI_NAMESPACE, 'persName'), ...all(cmif, TEI_NAMESPACE, 'placeName')].map((n) => attr(n, 'ref')).filter((r): r is string => r !== undefined);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(ref).toMatch(/^https?:\/\/(d-nb\.info\/gnd|(www\.|sws\.)?geonames\.org|viaf\.org|(www\.)?wikidata\.org)\//);
    // Schnitzler (#pmb2121) is given by his entry's GND idno in the letter's own list of persons.
    const source = context.documents.find((s) => s.path.endsWith('L00001.xml'))!;
    const entry = [...all(source.document.root, TEI_NAMESPACE, 'person')].find((p) => attribute(p, 'xml:id') === 'pmb2121')!;
    const gnd = all(entry, TEI_NAMESPACE, 'idno').find((i) => attribute(i, 'type') === 'gnd' || attribute(i, 'subtype') === 'gnd')!;
    expect(text(gnd)).toMatch(/^https:\/\/d-nb\.info\/gnd\//);
    const schnitzler = all(cmif, TEI_NAMESPACE, 'persName').filter((n) => text(n) === 'Schnitzler, Arthur');
    expect(schnitzler.length).toBe(6);
    for (const n of schnitzler) expect(attr(n, 'ref')).toBe(text(gnd));
  });

  it.skipIf(!checkers.jing)(`gives a CMIF file valid against CMIF 1.1 (jing)${skipReason(!checkers.jing, 'jing').title}`, () => {
    const verdict = validateRng(fileNamed(metadata, 'cmif.xml'), schemaUrls.cmifRng);
    expect(verdict.errors).toEqual([]);
    expect(verdict.valid).toBe(true);
  });

  it('gives a CMIF file that passes CMIF’s Schematron', async () => {
    expect((await cmifSchematron(fileNamed(metadata, 'cmif.xml'))).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('describes the collection by what the letters’ headers share: editors of them all, the common publisher and licence', async () => {
    const mets = fileNamed(metadata, 'mets.xml');
    const verdict = await validateXsd(mets, schemaUrls.metsBundle);
    expect(verdict.errors).toEqual([]);
    const dcXml = fileNamed(metadata, 'datacite.xml');
    expect((await validateXsd(dcXml, schemaUrls.datacite)).errors).toEqual([]);
    const dc = parseRecord(dcXml);
    expect(all(dc, NS.datacite, 'creatorName').map(text)).toEqual(['Müller, Martin Anton', 'Susen, Gerd-Hermann', 'Untner, Laura', 'Jahnke, Selma']);
    expect(text(one(dc, NS.datacite, 'publisher'))).toBe('Austrian Centre for Digital Humanities');
    expect(attr(one(dc, NS.datacite, 'rights'), 'rightsIdentifier')).toBe('CC-BY-4.0');
    // The letters were published in different years: no common date, so the build's year stands for it.
    expect(metadata.diagnostics.find((d) => d.ruleId === 'deposit/missing-date')?.message).toContain('not the same');
    // Each letter's handle is a part of the deposit; the placeholder "XXXX" of one letter is no handle.
    const parts = all(dc, NS.datacite, 'relatedIdentifier').filter((r) => attr(r, 'relationType') === 'HasPart');
    expect(parts.map((r) => attr(r, 'relatedIdentifierType'))).toEqual(Array(parts.length).fill('Handle'));
    expect(parts.map(text)).not.toContain('XXXX');
    expect(parts.length).toBe(5);
  });

  it('writes the editors in CITATION.cff as the headers write them', () => {
    const cff = parseYaml(fileNamed(metadata, 'CITATION.cff')) as { authors: { name: string }[] };
    expect(cff.authors.map((a) => a.name)).toEqual(['Müller, Martin Anton', 'Susen, Gerd-Hermann', 'Untner, Laura', 'Jahnke, Selma']);
  });
});

describe.skipIf(shared.skip)(`a folder build of a FRUS volume${shared.title}`, () => {
  let metadata: DepositMetadata;
  beforeAll(async () => {
    metadata = describeDeposit(await depositContext({ mode: 'paths', documents: [frusVolume] }));
  }, 600_000);

  it('warns that the header names no editor (its editor element is empty) and states no licence, naming the elements to add', () => {
    const warnings = metadata.diagnostics.filter((d) => d.severity === 'warning');
    expect(warnings.map((d) => d.ruleId)).toEqual(['deposit/missing-editor', 'deposit/missing-licence']);
    expect(warnings[0]!.message).toContain('titleStmt/editor');
    expect(warnings[0]!.line).toBe(6);
    expect(warnings[1]!.message).toContain('publicationStmt/availability/licence');
    expect(warnings[1]!.line).toBe(15);
    for (const w of warnings) expect(w.file).toMatch(/frus1894Nicaragua\.xml$/);
  });

  it('writes only what needs no editor: METS and MODS, no DataCite, Zenodo, CFF or CMIF record', () => {
    expect(metadata.files.map((f) => f.name)).toEqual(['mets.xml', 'mods.xml']);
  });

  it('gives valid METS and MODS with its publisher, place and year, no name and no rights', async () => {
    expect((await validateXsd(fileNamed(metadata, 'mets.xml'), schemaUrls.metsBundle)).errors).toEqual([]);
    const modsXml = fileNamed(metadata, 'mods.xml');
    expect((await validateXsd(modsXml, schemaUrls.mods)).errors).toEqual([]);
    const mods = parseRecord(modsXml);
    expect(text(childElements(childElements(mods).find((e) => e.localName === 'titleInfo')!)[0])).toBe('Foreign Relations of the United States, 1894, Nicaragua (Mosquito Territory)');
    expect(all(mods, NS.mods, 'name')).toEqual([]);
    expect(text(one(mods, NS.mods, 'publisher'))).toBe('United States Government Printing Office');
    expect(text(one(mods, NS.mods, 'placeTerm'))).toBe('Washington');
    expect(text(one(mods, NS.mods, 'dateIssued'))).toBe('1895');
    expect(all(mods, NS.mods, 'accessCondition')).toEqual([]);
    // The volume's empty idnos (isbn-10, oclc …) are no identifiers.
    expect(all(mods, NS.mods, 'identifier')).toEqual([]);
  });
});
