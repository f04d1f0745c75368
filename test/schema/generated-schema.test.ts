import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateSchema } from '../../src/schema/generate.js';
import { hasJing, hasTeiAll, ODD, PROJECT_SCHEMA, TEI_ALL, validateWithJing, validateWithXmllint, FIXTURES } from './support.js';
import { join } from 'node:path';

describe.skipIf(!hasTeiAll)('the committed schema (needs ../shared/schemas/tei_all.rng)', () => {
  const generate = () =>
    generateSchema({
      teiAllText: readFileSync(TEI_ALL, 'utf8'),
      oddText: readFileSync(ODD, 'utf8'),
      teiAllLabel: '../shared/schemas/tei_all.rng',
      oddLabel: 'schema/source/tei-edition.odd',
    });

  it('is exactly what the generator makes from the ODD and tei_all now', () => {
    const result = generate();
    if (!result.ok) throw new Error(result.errors.join('\n'));
    // If this fails, run `npm run schema` and commit schema/tei-edition.rng.
    expect(readFileSync(PROJECT_SCHEMA, 'utf8') === result.text).toBe(true);
  });

  it('is generated the same way twice (no dates, stable order)', () => {
    const first = generate();
    const second = generate();
    expect(first.ok && second.ok && first.text === second.text).toBe(true);
  });

  it('declares the elements editions need and none of the excluded modules', () => {
    const result = generate();
    if (!result.ok) throw new Error(result.errors.join('\n'));
    for (const needed of ['correspDesc', 'app', 'lem', 'rdg', 'listWit', 'choice', 'supplied', 'gap', 'note', 'listPerson', 'listPlace', 'listOrg', 'listObject']) {
      expect(result.elements).toContain(needed);
    }
    for (const excluded of ['sp', 'speaker', 'castList', 'egXML', 'elementSpec', 'entry', 'fs', 'u', 'post', 'div1', 'teiCorpus']) {
      expect(result.elements).not.toContain(excluded);
    }
  });

  it('header comment names its sources and the command, without absolute paths', () => {
    const text = readFileSync(PROJECT_SCHEMA, 'utf8');
    const header = text.slice(0, text.indexOf('<grammar'));
    expect(header).toContain('schema/source/tei-edition.odd');
    expect(header).toContain('tei_all.rng');
    expect(header).toContain('npm run schema');
    expect(header).not.toMatch(/\/work\/|\/home\/|[A-Z]:\\/);
  });
});

describe.skipIf(!hasTeiAll || !hasJing)('the ODD source (needs tei_all.rng and jing)', () => {
  it('is itself a valid TEI document according to tei_all', () => {
    const verdict = validateWithJing(TEI_ALL, ODD);
    expect(verdict.errors).toEqual([]);
  });
});

describe('the committed schema in xmllint-wasm', () => {
  it('compiles in libxml2 and validates a document', async () => {
    // libxml2's RelaxNG is known to fail on some TEI schemas; validateWithXmllint throws if it cannot compile.
    const verdicts = await validateWithXmllint(PROJECT_SCHEMA, [join(FIXTURES, 'valid', 'registers.xml')]);
    expect([...verdicts.values()].every((v) => v.valid)).toBe(true);
  });
});
