// Headers that give much and headers that lack a field (small fixtures in test/deposit/fixtures): every
// field the header gives reaches the records in their forms (split names, ORCID, DOI, authority URIs from
// the registers), and every required field it lacks is a `deposit/…` diagnostic naming the TEI element to
// add, with the value absent from every record rather than made up.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { describeDeposit } from '../../src/package/deposit/metadata/describe.js';
import type { DepositMetadata } from '../../src/package/deposit/deposit-model.js';
import { yamlString } from '../../src/package/deposit/metadata/citation-cff.js';
import { knownLicence } from '../../src/package/deposit/metadata/licences.js';
import { copyElement } from '../../src/package/deposit/metadata/xml-writer.js';
import { parseXml } from '../../src/read/parse-xml.js';
import { childElements, TEI_NAMESPACE } from '../../src/read/tree.js';
import { rules } from '../../src/diagnostics/rules.js';
import { projectRoot, xmlFilesUnder } from '../helpers/paths.js';
import { checkers, skipReason } from '../helpers/tools.js';
import { cmifSchematron } from './support/cmif-schematron.js';
import { schemaUrls, validateRng, validateXsd } from './support/deposit-schemas.js';
import { depositContext } from './support/metadata-context.js';
import { all, attr, fileNamed, fileOf, NS, one, parseRecord, text } from './support/records.js';

const shared = skipReason(!checkers.shared, '../shared (the deposit schemas)');
const fixtures = path.join(projectRoot, 'test', 'deposit', 'fixtures');
const IDENTIFIER = 'urn:uuid:5f0c1a2e-8d4b-4f6e-9a3c-7b1d2e3f4a5b';

type Zenodo = { metadata: Record<string, unknown> };

describe('an edition whose header gives much', () => {
  let metadata: DepositMetadata;
  beforeAll(async () => {
    const dir = path.join(fixtures, 'full');
    metadata = describeDeposit(
      await depositContext({ mode: 'edition', edition: path.join(dir, 'edition.xml'), documents: xmlFilesUnder(path.join(dir, 'documents')), registers: xmlFilesUnder(path.join(dir, 'registers')), slug: 'letters', identifier: IDENTIFIER }),
    );
  }, 300_000);

  it('reports only the letter CMIF cannot take and the missing public address', () => {
    expect(metadata.diagnostics.map((d) => `${d.severity} ${d.ruleId}`)).toEqual(['info deposit/missing-base-url', 'warning deposit/cmif-letter']);
    const letter = metadata.diagnostics.find((d) => d.ruleId === 'deposit/cmif-letter')!;
    expect(letter.file).toMatch(/1890-02-03-a-draft\.xml$/);
    expect(letter.line).toBe(16);
    expect(letter.message).toContain("correspAction[@type='received']");
  });

  it.skipIf(shared.skip)(`gives DataCite the DOI, the author as creator in parts, the editor with ORCID and affiliation, the year and the sources${shared.title}`, async () => {
    const xml = fileNamed(metadata, 'datacite.xml');
    expect((await validateXsd(xml, schemaUrls.datacite)).errors).toEqual([]);
    const dc = parseRecord(xml);
    expect(attr(one(dc, NS.datacite, 'identifier'), 'identifierType')).toBe('DOI');
    expect(text(one(dc, NS.datacite, 'identifier'))).toBe('10.5281/zenodo.1234567');
    const creator = one(dc, NS.datacite, 'creator');
    expect(text(one(creator, NS.datacite, 'creatorName'))).toBe('Autorin, Anna');
    expect(attr(one(creator, NS.datacite, 'creatorName'), 'nameType')).toBe('Personal');
    expect(text(one(creator, NS.datacite, 'givenName'))).toBe('Anna');
    expect(text(one(creator, NS.datacite, 'familyName'))).toBe('Autorin');
    const editor = one(dc, NS.datacite, 'contributor');
    expect(attr(editor, 'contributorType')).toBe('Editor');
    expect(text(one(editor, NS.datacite, 'nameIdentifier'))).toBe('https://orcid.org/0000-0002-1825-0097');
    expect(text(one(editor, NS.datacite, 'affiliation'))).toBe('Example University');
    expect(text(one(dc, NS.datacite, 'publicationYear'))).toBe('2020');
    expect(text(one(dc, NS.datacite, 'date'))).toBe('2020-03-04');
    expect(text(one(dc, NS.datacite, 'version'))).toBe('2.1');
    expect(text(one(dc, NS.datacite, 'language'))).toBe('de');
    expect(all(dc, NS.datacite, 'alternateIdentifier').map((a) => `${attr(a, 'alternateIdentifierType')} ${text(a)}`)).toEqual([`URN ${IDENTIFIER}`, 'URL https://example.org/edition/']);
    expect(all(dc, NS.datacite, 'relatedIdentifier').map((r) => `${attr(r, 'relationType')} ${attr(r, 'relatedIdentifierType')} ${text(r)}`)).toEqual([
      'IsDerivedFrom ISBN 978-3-16-148410-0',
      'IsDerivedFrom URL https://example.org/source',
      'HasPart Handle 21.11115/0000-0000-0001-1',
    ]);
    expect(text(all(dc, NS.datacite, 'description').find((d) => attr(d, 'descriptionType') === 'Abstract'))).toBe('Two letters, edited for a test.');
  });

  it.skipIf(shared.skip)(`gives MODS the names with their roles, the manuscript and its shelfmark, the full date${shared.title}`, async () => {
    const xml = fileNamed(metadata, 'mods.xml');
    expect((await validateXsd(xml, schemaUrls.mods)).errors).toEqual([]);
    expect((await validateXsd(fileNamed(metadata, 'mets.xml'), schemaUrls.metsBundle)).errors).toEqual([]);
    const mods = parseRecord(xml);
    const names = childElements(mods).filter((e) => e.localName === 'name');
    expect(names.map((n) => `${attr(n, 'type')}: ${all(n, NS.mods, 'namePart').map(text).join(' / ')} [${all(n, NS.mods, 'roleTerm').map(text).join(', ')}]`)).toEqual([
      'personal: Autorin / Anna [aut]',
      'personal: Mustermann / Erika [edt]',
      'personal: Max Beispiel [Encoding]',
    ]);
    expect(text(one(names[1]!, NS.mods, 'nameIdentifier'))).toBe('https://orcid.org/0000-0002-1825-0097');
    const manuscript = all(mods, NS.mods, 'relatedItem')[0]!;
    expect(text(one(manuscript, NS.mods, 'physicalLocation'))).toBe('Example Library, Wien');
    expect(text(one(manuscript, NS.mods, 'shelfLocator'))).toBe('Cod. 123');
    expect(text(one(mods, NS.mods, 'dateIssued'))).toBe('2020-03-04');
    expect(text(one(mods, NS.mods, 'abstract'))).toBe('Two letters, edited for a test.');
  });

  it('keeps the title’s ampersand, quotes and angle brackets through every record', () => {
    const title = 'Letters & papers: "selected" <1900>';
    expect(attr(parseRecord(fileNamed(metadata, 'mets.xml')), 'LABEL')).toBe(title);
    expect(text(all(parseRecord(fileNamed(metadata, 'mods.xml')), NS.mods, 'title')[0])).toBe(title);
    expect((JSON.parse(fileNamed(metadata, 'zenodo.json')) as Zenodo).metadata.title).toBe(`${title}: A test edition`);
    expect((parseYaml(fileNamed(metadata, 'CITATION.cff')) as { title: string }).title).toBe(`${title}: A test edition`);
    expect(text(all(one(parseRecord(fileNamed(metadata, 'cmif.xml')), TEI_NAMESPACE, 'titleStmt'), TEI_NAMESPACE, 'title')[0])).toBe(`${title}: A test edition`);
  });

  it('gives Zenodo the DOI, the author in the registries’ form, the editor with ORCID, the day of publication and the abstract', () => {
    const m = (JSON.parse(fileNamed(metadata, 'zenodo.json')) as Zenodo).metadata;
    expect(m.doi).toBe('10.5281/zenodo.1234567');
    expect(m.creators).toEqual([{ name: 'Autorin, Anna' }]);
    expect(m.contributors).toEqual([{ name: 'Mustermann, Erika', affiliation: 'Example University', orcid: '0000-0002-1825-0097', type: 'Editor' }]);
    expect(m.publication_date).toBe('2020-03-04');
    expect(m.version).toBe('2.1');
    expect(m.language).toBe('deu');
    expect(String(m.description)).toMatch(/^<p>Two letters, edited for a test\.<\/p>/);
    expect(m.license).toBe('cc-by-4.0');
    expect(m.access_right).toBe('open');
  });

  it('gives CITATION.cff the author in parts, the DOI, version, day and licence', () => {
    const cff = parseYaml(fileNamed(metadata, 'CITATION.cff')) as Record<string, unknown>;
    expect(cff.authors).toEqual([{ 'family-names': 'Autorin', 'given-names': 'Anna' }]);
    expect(cff.identifiers).toEqual([{ type: 'doi', value: '10.5281/zenodo.1234567' }]);
    expect(cff.version).toBe('2.1');
    expect(cff['date-released']).toBe('2020-03-04');
    expect(cff.license).toBe('CC-BY-4.0');
  });

  it('gives CMIF the editor with email, and each name the authority URI its register entry (or its own @ref) gives', () => {
    const cmif = parseRecord(fileNamed(metadata, 'cmif.xml'));
    const editor = one(cmif, TEI_NAMESPACE, 'editor');
    expect(text(editor)).toBe('Mustermann, Erika erika@example.org');
    expect(text(one(editor, TEI_NAMESPACE, 'email'))).toBe('erika@example.org');
    const descs = all(cmif, TEI_NAMESPACE, 'correspDesc');
    expect(descs).toHaveLength(1);
    const names = [...all(cmif, TEI_NAMESPACE, 'persName'), ...all(cmif, TEI_NAMESPACE, 'placeName')].map((n) => `${text(n)} ${attr(n, 'ref')}`);
    // GND before VIAF, and never the Wikipedia address or the project's own idno.
    expect(names).toEqual(['Anna Autorin https://d-nb.info/gnd/000000003', 'Berta Empfängerin http://d-nb.info/gnd/000000001', 'Wien https://www.geonames.org/2761369']);
    const received = all(cmif, TEI_NAMESPACE, 'date')[2]!;
    expect([attr(received, 'notBefore'), attr(received, 'notAfter'), attr(received, 'cert'), attr(received, 'evidence')]).toEqual(['1890-01-03', '1890-01-05', 'low', 'conjecture']);
  });

  it.skipIf(shared.skip || !checkers.jing)(`gives a CMIF file that jing and CMIF’s Schematron accept${skipReason(shared.skip || !checkers.jing, '../shared and jing').title}`, async () => {
    const xml = fileNamed(metadata, 'cmif.xml');
    expect(validateRng(xml, schemaUrls.cmifRng).errors).toEqual([]);
    expect(await cmifSchematron(xml)).toEqual([]);
  });
});

/** A folder build of one fixture file of test/deposit/fixtures/lacking. */
async function lacking(name: string): Promise<DepositMetadata> {
  return describeDeposit(await depositContext({ mode: 'paths', documents: [path.join(fixtures, 'lacking', name)], slug: 'letter', identifier: IDENTIFIER }));
}

/** Every record's text, to show that a value the header lacks appears nowhere. */
const everything = (m: DepositMetadata): string => m.files.map((f) => f.content).join('\n');

describe('a header without a publisher', () => {
  let metadata: DepositMetadata;
  beforeAll(async () => {
    metadata = await lacking('no-publisher.xml');
  }, 300_000);

  it('gives deposit/missing-publisher at its publicationStmt, naming publicationStmt/publisher', () => {
    const found = metadata.diagnostics.filter((d) => d.ruleId === 'deposit/missing-publisher');
    expect(found).toHaveLength(1);
    expect(found[0]!).toMatchObject({ severity: 'warning', line: 9, column: 7 });
    expect(found[0]!.file).toMatch(/no-publisher\.xml$/);
    expect(found[0]!.message).toContain('add publicationStmt/publisher');
    expect(metadata.diagnostics.filter((d) => d.severity === 'warning')).toHaveLength(1);
  });

  it('leaves out the records that require one, and names no publisher in the others', () => {
    expect(metadata.files.map((f) => f.name)).toEqual(['mets.xml', 'mods.xml', 'zenodo.json', 'CITATION.cff']);
    expect(all(parseRecord(fileNamed(metadata, 'mods.xml')), NS.mods, 'publisher')).toEqual([]);
    expect((JSON.parse(fileNamed(metadata, 'zenodo.json')) as Zenodo).metadata).not.toHaveProperty('imprint_publisher');
    expect(everything(metadata)).not.toMatch(/publisher>|Example Press/);
  });
});

describe('a header without a licence', () => {
  let metadata: DepositMetadata;
  beforeAll(async () => {
    metadata = await lacking('no-licence.xml');
  }, 300_000);

  it('gives deposit/missing-licence, naming publicationStmt/availability/licence', () => {
    const found = metadata.diagnostics.filter((d) => d.ruleId === 'deposit/missing-licence');
    expect(found).toHaveLength(1);
    expect(found[0]!).toMatchObject({ severity: 'warning', line: 9 });
    expect(found[0]!.message).toContain('add publicationStmt/availability/licence with @target');
  });

  it('states no rights anywhere, closes the Zenodo record and leaves out CMIF', async () => {
    expect(metadata.files.map((f) => f.name)).toEqual(['mets.xml', 'mods.xml', 'datacite.xml', 'zenodo.json', 'CITATION.cff']);
    const m = (JSON.parse(fileNamed(metadata, 'zenodo.json')) as Zenodo).metadata;
    expect(m.access_right).toBe('closed');
    expect(m).not.toHaveProperty('license');
    expect(parseYaml(fileNamed(metadata, 'CITATION.cff'))).not.toHaveProperty('license');
    expect(all(parseRecord(fileNamed(metadata, 'datacite.xml')), NS.datacite, 'rightsList')).toEqual([]);
    expect(all(parseRecord(fileNamed(metadata, 'mets.xml')), NS.mets, 'amdSec')).toEqual([]);
    expect(everything(metadata)).not.toMatch(/accessCondition|creativecommons|cc-by|CC-BY/);
    if (!shared.skip) expect((await validateXsd(fileNamed(metadata, 'datacite.xml'), schemaUrls.datacite)).errors).toEqual([]);
  });
});

describe('a header without an editor or author', () => {
  let metadata: DepositMetadata;
  beforeAll(async () => {
    metadata = await lacking('no-editor.xml');
  }, 300_000);

  it('gives deposit/missing-editor at its titleStmt, naming titleStmt/editor', () => {
    const found = metadata.diagnostics.filter((d) => d.ruleId === 'deposit/missing-editor');
    expect(found).toHaveLength(1);
    expect(found[0]!).toMatchObject({ severity: 'warning', line: 5, column: 7 });
    expect(found[0]!.message).toContain('add titleStmt/editor');
  });

  it('writes only the records that need no one named, and names no one in them', async () => {
    expect(metadata.files.map((f) => f.name)).toEqual(['mets.xml', 'mods.xml']);
    expect(all(parseRecord(fileNamed(metadata, 'mods.xml')), NS.mods, 'name')).toEqual([]);
    if (!shared.skip) expect((await validateXsd(fileNamed(metadata, 'mets.xml'), schemaUrls.metsBundle)).errors).toEqual([]);
  });
});

describe('a header whose licence the registries cannot name', () => {
  let metadata: DepositMetadata;
  beforeAll(async () => {
    metadata = await lacking('unknown-licence.xml');
  }, 300_000);

  it('gives deposit/unknown-licence with the licence’s URL, and deposit/cmif-licence', () => {
    const found = metadata.diagnostics.find((d) => d.ruleId === 'deposit/unknown-licence')!;
    expect(found.severity).toBe('warning');
    expect(found.message).toContain('https://example.org/our-licence');
    expect(metadata.diagnostics.find((d) => d.ruleId === 'deposit/cmif-licence')?.message).toContain('https://example.org/our-licence');
  });

  it('keeps the licence’s words and URL, never an SPDX id, and closes the Zenodo record', () => {
    const rights = one(parseRecord(fileNamed(metadata, 'datacite.xml')), NS.datacite, 'rights');
    expect(text(rights)).toBe('Our own licence');
    expect(attr(rights, 'rightsURI')).toBe('https://example.org/our-licence');
    expect(attr(rights, 'rightsIdentifier')).toBeUndefined();
    expect((JSON.parse(fileNamed(metadata, 'zenodo.json')) as Zenodo).metadata.access_right).toBe('closed');
    expect(parseYaml(fileNamed(metadata, 'CITATION.cff'))).not.toHaveProperty('license');
    expect(attr(one(parseRecord(fileNamed(metadata, 'cmif.xml')), TEI_NAMESPACE, 'licence'), 'target')).toBe('https://example.org/our-licence');
  });
});

describe('a document without a header', () => {
  it('still gives valid METS and MODS, and says what is missing instead of failing', async () => {
    const metadata = await lacking('no-header.xml');
    expect(metadata.files.map((f) => f.name)).toEqual(['mets.xml', 'mods.xml']);
    expect(metadata.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.ruleId)).toEqual(['deposit/missing-editor', 'deposit/missing-publisher', 'deposit/missing-licence']);
    const mets = parseRecord(fileNamed(metadata, 'mets.xml'));
    // No header to carry: the document's division has no DMDID, and no TEIHDR section is made up.
    expect(all(mets, NS.mets, 'mdWrap').map((w) => attr(w, 'MDTYPE'))).toEqual(['MODS']);
    if (!shared.skip) expect((await validateXsd(fileNamed(metadata, 'mets.xml'), schemaUrls.metsBundle)).errors).toEqual([]);
  }, 300_000);
});

describe('the deposit rules', () => {
  it('are registered as content rules, each documented in docs/rules.md and docs/deposit.md', async () => {
    const { readFileSync } = await import('node:fs');
    const rulesPage = readFileSync(path.join(projectRoot, 'docs', 'rules.md'), 'utf8');
    const depositPage = readFileSync(path.join(projectRoot, 'docs', 'deposit.md'), 'utf8');
    for (const id of ['deposit/missing-editor', 'deposit/missing-publisher', 'deposit/missing-licence', 'deposit/unknown-licence', 'deposit/missing-date', 'deposit/missing-doi', 'deposit/missing-abstract', 'deposit/missing-base-url', 'deposit/cmif-licence', 'deposit/cmif-letter']) {
      expect(rules.get(id)?.kind, id).toBe('content');
      expect(rulesPage, id).toContain(`\`${id}\``);
      expect(depositPage, id).toContain(`\`${id}\``);
    }
  });
});

describe('the writers', () => {
  it('quote any string so that YAML reads it back unchanged', () => {
    const strings = ['plain', 'yes', 'no', '1.10', '2020-03-04', 'null', '~', '- dash', '# hash', 'key: value', '"quoted"', 'back\\slash', 'tab\there', 'line\nbreak', '\u0007bell', 'nel\u0085', 'ls\u2028ps\u2029', '\ufeffbom', 'ümlaut 漢字 😀', '', ' spaced '];
    for (const s of strings) expect(parseYaml(`value: ${yamlString(s)}`), JSON.stringify(s)).toEqual({ value: s });
  });

  it('copy a TEI element with its namespaces, comments and escaped text', () => {
    const source = '<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:x="urn:x"><teiHeader><x:a x:b="1 &amp; &quot;2&quot;">a &lt; b &amp; c<!-- kept --></x:a><p xml:lang="de">Ä<?pi data?></p></teiHeader></TEI>';
    const parsed = parseXml(source);
    if (!parsed.ok) throw new Error(parsed.problem.message);
    const header = childElements(parsed.document.root)[0]!;
    const copy = copyElement(header).xml;
    expect(copy).toBe('<teiHeader xmlns="http://www.tei-c.org/ns/1.0"><x:a xmlns:x="urn:x" x:b="1 &amp; &quot;2&quot;">a &lt; b &amp; c<!-- kept --></x:a><p xml:lang="de">Ä<?pi data?></p></teiHeader>');
    const again = parseXml(`<wrap xmlns:m="urn:m">${copy}</wrap>`);
    expect(again.ok).toBe(true);
  });

  it('name licences only by URLs that name one: Creative Commons, CC0, SPDX', () => {
    expect(knownLicence('https://creativecommons.org/licenses/by/4.0/deed.de')?.spdx).toBe('CC-BY-4.0');
    expect(knownLicence('http://creativecommons.org/licenses/by-nc-sa/3.0/')?.spdx).toBe('CC-BY-NC-SA-3.0');
    expect(knownLicence('https://creativecommons.org/publicdomain/zero/1.0/')?.zenodo).toBe('cc0-1.0');
    expect(knownLicence('https://spdx.org/licenses/MIT.html')?.spdx).toBe('MIT');
    // A jurisdiction port, a licence that never existed, and what is not a licence URL at all.
    expect(knownLicence('https://creativecommons.org/licenses/by/3.0/de/')).toBeUndefined();
    expect(knownLicence('https://creativecommons.org/licenses/by-nc-nd/1.0/')).toBeUndefined();
    expect(knownLicence('https://example.org/licence')).toBeUndefined();
    expect(knownLicence(undefined)).toBeUndefined();
  });
});

describe.skipIf(shared.skip)(`the schemas the records are checked against${shared.title}`, () => {
  it('refuse a DataCite record without its publication year', async () => {
    const metadata = await lacking('no-licence.xml');
    const broken = fileNamed(metadata, 'datacite.xml').replace(/<publicationYear>\d{4}<\/publicationYear>/, '');
    expect(broken).not.toBe(fileNamed(metadata, 'datacite.xml'));
    expect((await validateXsd(broken, schemaUrls.datacite)).valid).toBe(false);
  }, 300_000);

  it.skipIf(!checkers.jing)('refuse a CMIF file with an action CMIF does not know', async () => {
    const metadata = await lacking('unknown-licence.xml');
    const cmif = fileOf(metadata, 'cmif.xml')!;
    expect(validateRng(cmif, schemaUrls.cmifRng).valid).toBe(true);
    expect(validateRng(cmif.replace('type="received"', 'type="transmitted"'), schemaUrls.cmifRng).valid).toBe(false);
  }, 300_000);
});
