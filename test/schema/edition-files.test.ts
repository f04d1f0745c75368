import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_SCHEMA, ROOT, validateWithXmllint, xmlFiles } from './support.js';

describe("the edition's own TEI files", () => {
  it('every file in tei/ is valid against schema/tei-edition.rng', async () => {
    const files = xmlFiles(join(ROOT, 'tei'));
    expect(files.length, 'tei/ holds no XML files').toBeGreaterThan(0);
    const verdicts = await validateWithXmllint(PROJECT_SCHEMA, files);
    const failures = [...verdicts]
      .filter(([, v]) => !v.valid)
      .map(([file, v]) => `${relative(ROOT, file)}:\n  ${v.errors.join('\n  ') || basename(file) + ' fails to validate'}`);
    expect(failures).toEqual([]);
  });
});
