import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, type FileVerdict, hasJing, hasTeiAll, PROJECT_SCHEMA, TEI_ALL, validateWithJing, validateWithXmllint, xmlFiles } from './support.js';

const validFiles = xmlFiles(join(FIXTURES, 'valid'));
const invalidFiles = xmlFiles(join(FIXTURES, 'invalid'));

/** Each invalid fixture says in its leading comment whether tei_all rejects it too. */
function rejectedByTeiAllToo(file: string): boolean {
  const comment = /<!--([\s\S]*?)-->/.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
  if (comment.includes('Rejected by both schemas')) return true;
  if (comment.includes('Rejected by the project schema only')) return false;
  throw new Error(`${basename(file)}: its comment must say "Rejected by both schemas" or "Rejected by the project schema only"`);
}

describe('hand-written fixtures against the project schema (xmllint-wasm)', () => {
  let verdicts: Map<string, FileVerdict>;
  beforeAll(async () => {
    verdicts = await validateWithXmllint(PROJECT_SCHEMA, [...validFiles, ...invalidFiles]);
  });

  it('there are valid and invalid fixtures to test', () => {
    expect(validFiles.length).toBeGreaterThanOrEqual(4);
    expect(invalidFiles.length).toBeGreaterThanOrEqual(8);
  });

  it.each(validFiles.map((f) => [basename(f), f]))('%s is accepted', (_name, file) => {
    expect(verdicts.get(file)?.errors).toEqual([]);
    expect(verdicts.get(file)?.valid).toBe(true);
  });

  it.each(invalidFiles.map((f) => [basename(f), f]))('%s is rejected', (_name, file) => {
    expect(verdicts.get(file)?.valid).toBe(false);
  });
});

describe.skipIf(!hasTeiAll || !hasJing)('the same fixtures against tei_all (needs ../shared/schemas/tei_all.rng and jing)', () => {
  it.each(validFiles.map((f) => [basename(f), f]))('%s is accepted by tei_all too', (_name, file) => {
    expect(validateWithJing(TEI_ALL, file).errors).toEqual([]);
  });

  it.each(invalidFiles.map((f) => [basename(f), f]))('%s is judged by tei_all as its comment says', (_name, file) => {
    expect(validateWithJing(TEI_ALL, file).valid).toBe(!rejectedByTeiAllToo(file));
  });

  it('some invalid fixtures are rejected by tei_all as well, and several by the project schema only', () => {
    const both = invalidFiles.filter(rejectedByTeiAllToo);
    expect(both.length).toBeGreaterThanOrEqual(1);
    expect(invalidFiles.length - both.length).toBeGreaterThanOrEqual(3);
  });
});
