// The deposit's metadata records for the bundled edition: each validated against its published schema
// (../shared/schemas/deposit, used in place), and read back to see that it says what the headers say and
// nothing more. The context is made by the build's own pieces (support/metadata-context.ts).
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { describeDeposit } from '../../src/package/deposit/metadata/describe.js';
import type { DepositContext, DepositMetadata } from '../../src/package/deposit/deposit-model.js';
import { attribute, childElements, TEI_NAMESPACE, type XmlElement } from '../../src/read/tree.js';
import { checkers, skipReason } from '../helpers/tools.js';
import { cmifSchematron } from './support/cmif-schematron.js';
import { schemaUrls, validateRng, validateXsd } from './support/deposit-schemas.js';
import { bundledContext, TEST_INSTANT } from './support/metadata-context.js';
import { all, attr, fileNamed, NS, one, parseRecord, text } from './support/records.js';

const shared = skipReason(!checkers.shared, '../shared (the deposit schemas)');
const jing = skipReason(!checkers.jing, 'jing');

let context: DepositContext;
let metadata: DepositMetadata;

beforeAll(async () => {
  context = await bundledContext();
  metadata = describeDeposit(context);
});

describe('the bundled edition’s records', () => {
  it('are mets.xml, mods.xml, datacite.xml, zenodo.json, cmif.xml and CITATION.cff', () => {
    expect(metadata.files.map((f) => f.name).sort()).toEqual(['CITATION.cff', 'cmif.xml', 'datacite.xml', 'mets.xml', 'mods.xml', 'zenodo.json']);
  });

  it('are the same bytes when made again from the same sources', () => {
    expect(describeDeposit(context)).toEqual(metadata);
  });

  it('report only what the header cannot give: no DOI, no date of publication, no public address (infos, never warnings)', () => {
    expect(metadata.diagnostics.map((d) => `${d.severity} ${d.ruleId}`).sort()).toEqual(['info deposit/missing-base-url', 'info deposit/missing-date', 'info deposit/missing-doi']);
    const date = metadata.diagnostics.find((d) => d.ruleId === 'deposit/missing-date')!;
    expect(date.file).toBe('tei/edition.xml');
    expect(date.message).toContain('publicationStmt/date');
    expect(metadata.diagnostics.find((d) => d.ruleId === 'deposit/missing-doi')!.message).toContain("publicationStmt/idno[@type='DOI']");
  });
});

describe(`mets.xml for the bundled edition${shared.title}`, () => {
  it.skipIf(shared.skip)('is valid METS 1.12 with a valid MODS 3.8 record inside', async () => {
    const verdict = await validateXsd(fileNamed(metadata, 'mets.xml'), schemaUrls.metsBundle);
    expect(verdict.errors).toEqual([]);
    expect(verdict.valid).toBe(true);
  });

  it.skipIf(shared.skip)('is refused when its MODS record is not MODS (the embedded record is checked too)', async () => {
    const broken = fileNamed(metadata, 'mets.xml').replace('<mods:typeOfResource>text</mods:typeOfResource>', '<mods:typeOfResource>text</mods:typeOfResource><mods:typeOfResources>text</mods:typeOfResources>');
    expect(broken).not.toBe(fileNamed(metadata, 'mets.xml'));
    const verdict = await validateXsd(broken, schemaUrls.metsBundle);
    expect(verdict.valid).toBe(false);
    expect(verdict.errors.join('\n')).toContain('typeOfResources');
  });

  it('lists every payload file once, in the group of its kind, with its size, SHA-256 and place in the bag', () => {
    const mets = parseRecord(fileNamed(metadata, 'mets.xml'));
    const files = all(mets, NS.mets, 'file');
    expect(files).toHaveLength(context.payload.length);
    for (const p of context.payload) {
      const file = files.find((f) => attr(one(f, NS.mets, 'FLocat'), 'xlink:href') === p.path);
      expect(file, p.path).toBeDefined();
      expect(attr(file!.parent!, 'USE')).toBe(p.group);
      expect(attr(file, 'SIZE')).toBe(String(p.bytes.length));
      expect(attr(file, 'CHECKSUMTYPE')).toBe('SHA-256');
      expect(attr(file, 'CHECKSUM')).toBe(createHash('sha256').update(p.bytes).digest('hex'));
      expect(attr(file, 'MIMETYPE')).toBe(p.mime);
      expect(attr(one(file!, NS.mets, 'FLocat'), 'LOCTYPE')).toBe('URL');
    }
    const ids = [...all(mets, NS.mets, 'file'), ...all(mets, NS.mets, 'dmdSec')].map((e) => attr(e, 'ID')!);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z_][A-Za-z0-9._-]*$/);
  });

  it('dates itself by the build and orders the documents as the site does, each with its header, source and page', () => {
    const mets = parseRecord(fileNamed(metadata, 'mets.xml'));
    expect(attr(one(mets, NS.mets, 'metsHdr'), 'CREATEDATE')).toBe(TEST_INSTANT);
    const structMap = one(mets, NS.mets, 'structMap');
    expect(attr(structMap, 'TYPE')).toBe('logical');
    const edition = childElements(structMap)[0]!;
    const documents = childElements(edition).filter((e) => e.localName === 'div');
    expect(documents.map((d) => attr(d, 'LABEL'))).toEqual(context.model.documents.map((d) => d.data.title));
    expect(documents.map((d) => attr(d, 'ORDER'))).toEqual(['1', '2']);
    const hrefOf = new Map(all(mets, NS.mets, 'file').map((f) => [attr(f, 'ID'), attr(one(f, NS.mets, 'FLocat'), 'xlink:href')]));
    for (const [i, div] of documents.entries()) {
      const d = context.model.documents[i]!;
      expect(attr(div, 'TYPE')).toBe('correspondence');
      const pointed = all(div, NS.mets, 'fptr').map((f) => hrefOf.get(attr(f, 'FILEID')));
      expect(pointed).toEqual([`data/tei/${d.key}`, `data/site/${d.page}`]);
      const dmd = all(mets, NS.mets, 'dmdSec').find((s) => attr(s, 'ID') === attr(div, 'DMDID'))!;
      expect(attr(one(dmd, NS.mets, 'mdWrap'), 'MDTYPE')).toBe('TEIHDR');
    }
    // Every file the edition division and its documents point to exists in the file section, and every file is pointed to.
    const pointedAll = all(structMap, NS.mets, 'fptr').map((f) => attr(f, 'FILEID'));
    expect([...pointedAll].sort()).toEqual([...hrefOf.keys()].sort());
  });

  it('carries each document’s TEI header as it stands in its file', () => {
    const xml = fileNamed(metadata, 'mets.xml');
    for (const source of [context.edition!, ...context.documents]) {
      const original = source.text.slice(source.text.indexOf('<teiHeader'), source.text.indexOf('</teiHeader>') + '</teiHeader>'.length);
      const copy = original.replace('<teiHeader>', '<teiHeader xmlns="http://www.tei-c.org/ns/1.0">');
      expect(xml.includes(copy), source.path).toBe(true);
    }
    const headers = all(parseRecord(xml), TEI_NAMESPACE, 'teiHeader');
    expect(headers).toHaveLength(1 + context.documents.length);
  });

  it('states the licence as rights metadata, with the header’s words and URL', () => {
    const mets = parseRecord(fileNamed(metadata, 'mets.xml'));
    const rights = one(mets, NS.mets, 'rightsMD');
    const conditions = all(rights, NS.mods, 'accessCondition');
    expect(attr(conditions[0], 'xlink:href')).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(text(conditions[0])).toMatch(/^The encoding, the collation, the registers and the editorial notes are licensed under Creative Commons Attribution 4\.0 International\.$/);
    expect(attr(childElements(one(mets, NS.mets, 'structMap'))[0], 'ADMID')).toBe(attr(rights, 'ID'));
  });
});

describe(`mods.xml for the bundled edition${shared.title}`, () => {
  it.skipIf(shared.skip)('is valid MODS 3.8', async () => {
    const verdict = await validateXsd(fileNamed(metadata, 'mods.xml'), schemaUrls.mods);
    expect(verdict.errors).toEqual([]);
    expect(verdict.valid).toBe(true);
  });

  it('says what the edition header says, and nothing it does not', () => {
    const mods = parseRecord(fileNamed(metadata, 'mods.xml'));
    const titleInfo = childElements(mods).find((e) => e.localName === 'titleInfo')!;
    expect(text(one(titleInfo, NS.mods, 'title'))).toBe('Toward Kaesong');
    expect(text(one(titleInfo, NS.mods, 'subTitle'))).toBe('The armistice proposal, June–July 1951');
    const name = one(mods, NS.mods, 'name');
    expect(text(one(name, NS.mods, 'namePart'))).toBe('The editors of the tei-edition project');
    expect(all(name, NS.mods, 'roleTerm').map((r) => `${attr(r, 'type')}:${text(r)}`)).toEqual(['code:edt', 'text:Transcription, encoding, collation, registers and editorial notes']);
    const originInfo = childElements(mods).find((e) => e.localName === 'originInfo')!;
    expect(text(one(originInfo, NS.mods, 'publisher'))).toBe('The tei-edition project');
    expect(text(one(originInfo, NS.mods, 'edition'))).toBe('Demonstration edition, version 1');
    expect(all(mods, NS.mods, 'languageTerm').map(text)).toEqual(['en', 'English']);
    // The header gives no date of publication, no place and no abstract: MODS has none either.
    expect(all(mods, NS.mods, 'dateIssued')).toEqual([]);
    expect(all(mods, NS.mods, 'place')).toEqual([]);
    expect(all(mods, NS.mods, 'abstract')).toEqual([]);
    // The three sources of sourceDesc, by their titles.
    expect(all(mods, NS.mods, 'relatedItem').filter((r) => attr(r, 'type') === 'original').map((r) => text(one(r, NS.mods, 'title')))).toEqual([
      'Telegram No. 335/III, Filippov [Stalin] to Mao Zedong through Krasovsky, 30 June 1951',
      'Foreign Relations of the United States, 1951, vol. VII: Korea and China, part 1',
      'Foreign Relations of the United States, 1951, vol. VII: Korea and China',
    ]);
    expect(all(mods, NS.mods, 'identifier').map((i) => `${attr(i, 'type')}:${text(i)}`)).toEqual(['slug:toward-kaesong', 'urn:urn:uuid:938c7740-097e-4cf1-9ccf-27fc37733263']);
  });
});

describe(`datacite.xml for the bundled edition${shared.title}`, () => {
  it.skipIf(shared.skip)('is valid DataCite 4.7', async () => {
    const verdict = await validateXsd(fileNamed(metadata, 'datacite.xml'), schemaUrls.datacite);
    expect(verdict.errors).toEqual([]);
    expect(verdict.valid).toBe(true);
  });

  it('identifies the edition by the config’s identifier while it has no DOI, and dates it by the build', () => {
    const dc = parseRecord(fileNamed(metadata, 'datacite.xml'));
    const identifier = one(dc, NS.datacite, 'identifier');
    expect(attr(identifier, 'identifierType')).toBe('URN');
    expect(text(identifier)).toBe('urn:uuid:938c7740-097e-4cf1-9ccf-27fc37733263');
    expect(text(one(dc, NS.datacite, 'publicationYear'))).toBe(TEST_INSTANT.slice(0, 4));
    expect(all(dc, NS.datacite, 'date')).toEqual([]);
    const creator = one(dc, NS.datacite, 'creator');
    expect(text(one(creator, NS.datacite, 'creatorName'))).toBe('The editors of the tei-edition project');
    expect(attr(one(creator, NS.datacite, 'creatorName'), 'nameType')).toBe('Organizational');
    expect(attr(one(dc, NS.datacite, 'resourceType'), 'resourceTypeGeneral')).toBe('Text');
    const rights = all(dc, NS.datacite, 'rights')[0]!;
    expect(attr(rights, 'rightsIdentifier')).toBe('CC-BY-4.0');
    expect(attr(rights, 'rightsURI')).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(text(one(dc, NS.datacite, 'version'))).toBe('Demonstration edition, version 1');
  });
});

describe('zenodo.json for the bundled edition', () => {
  it('has every field Zenodo’s deposit API requires, in its form', () => {
    const body = JSON.parse(fileNamed(metadata, 'zenodo.json')) as { metadata: Record<string, unknown> };
    const m = body.metadata;
    expect(m.upload_type).toBe('publication');
    expect(m.publication_type).toBe('other');
    expect(m.publication_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(m.title).toBe('Toward Kaesong: The armistice proposal, June–July 1951');
    expect(m.creators).toEqual([{ name: 'The editors of the tei-edition project' }]);
    expect(typeof m.description).toBe('string');
    expect(m.description).toContain('A small documentary edition of the proposal');
    expect(m.access_right).toBe('open');
    expect(m.license).toBe('cc-by-4.0');
    expect(m.language).toBe('eng');
    expect(m.keywords).toEqual(['telegram', 'Korean War', 'armistice negotiations', 'radio message']);
    expect(m).not.toHaveProperty('doi');
  });
});

describe('CITATION.cff for the bundled edition', () => {
  it('parses as YAML with cff-version, message, title and authors', () => {
    const cff = parseYaml(fileNamed(metadata, 'CITATION.cff')) as Record<string, unknown>;
    expect(cff['cff-version']).toBe('1.2.0');
    expect(typeof cff.message).toBe('string');
    expect(cff.title).toBe('Toward Kaesong: The armistice proposal, June–July 1951');
    expect(cff.authors).toEqual([{ name: 'The editors of the tei-edition project' }]);
    expect(cff.type).toBe('dataset');
    expect(cff.license).toBe('CC-BY-4.0');
    expect(cff['date-released']).toBe(TEST_INSTANT.slice(0, 10));
    expect(cff).not.toHaveProperty('identifiers');
    expect(cff).not.toHaveProperty('url');
  });
});

/** The senders and recipients of each correspDesc, as "sent: A; B | received: C". */
function correspondents(correspDesc: XmlElement): string {
  return childElements(correspDesc)
    .filter((a) => a.localName === 'correspAction' && ['sent', 'received'].includes(attribute(a, 'type') ?? ''))
    .map((a) => `${attribute(a, 'type')}: ${childElements(a).filter((c) => c.localName === 'persName' || c.localName === 'orgName').map(text).join('; ')}`)
    .join(' | ');
}

describe(`cmif.xml for the bundled edition${jing.title}`, () => {
  it.skipIf(jing.skip || shared.skip)('is valid CMIF 1.1 (RelaxNG, with jing)', () => {
    const verdict = validateRng(fileNamed(metadata, 'cmif.xml'), schemaUrls.cmifRng);
    expect(verdict.errors).toEqual([]);
    expect(verdict.valid).toBe(true);
  });

  it.skipIf(shared.skip)('passes CMIF’s Schematron', async () => {
    expect(await cmifSchematron(fileNamed(metadata, 'cmif.xml'))).toEqual([]);
  });

  it('has one correspDesc per letter, with the senders, recipients and dates of its header, and no @ref to the edition’s own ids', () => {
    const cmif = parseRecord(fileNamed(metadata, 'cmif.xml'));
    const descs = all(cmif, TEI_NAMESPACE, 'correspDesc');
    expect(descs.map((d) => attr(d, 'ref'))).toEqual(context.model.documents.map((d) => d.page));
    expect(descs.map(correspondents)).toEqual(['sent: Filippov [Stalin] | received: Mao Zedong', 'sent: Kim Il Sung; Peng Dehuai | received: Ridgway']);
    expect(all(cmif, TEI_NAMESPACE, 'date').filter((d) => d.parent?.localName === 'correspAction').map((d) => attr(d, 'when'))).toEqual(['1951-06-30', '1951-07-01']);
    // The registers give no authority identifiers: no name has a @ref.
    for (const name of [...all(cmif, TEI_NAMESPACE, 'persName'), ...all(cmif, TEI_NAMESPACE, 'placeName')]) expect(attr(name, 'ref')).toBeUndefined();
    const bibl = one(cmif, TEI_NAMESPACE, 'bibl');
    for (const d of descs) expect(attr(d, 'source')).toBe(`#${attr(bibl, 'xml:id')}`);
    expect(attr(one(cmif, TEI_NAMESPACE, 'licence'), 'target')).toBe('https://creativecommons.org/licenses/by/4.0/');
  });

  it('points to the letters’ pages by their addresses when the edition has a base URL', async () => {
    const withBase = describeDeposit(await bundledContext({ baseUrl: 'https://example.org/kaesong/' }));
    const cmif = parseRecord(fileNamed(withBase, 'cmif.xml'));
    expect(all(cmif, TEI_NAMESPACE, 'correspDesc').map((d) => attr(d, 'ref'))).toEqual(context.model.documents.map((d) => `https://example.org/kaesong/${d.page}`));
    expect(withBase.diagnostics.map((d) => d.ruleId)).not.toContain('deposit/missing-base-url');
    const cff = parseYaml(fileNamed(withBase, 'CITATION.cff')) as Record<string, unknown>;
    expect(cff.url).toBe('https://example.org/kaesong/');
  });
});
