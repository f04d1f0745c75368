// The official TEI schema (tei_all) accepts every file of the bundled edition, checked with jing.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasShared, projectRoot, teiAllRng, xmlFilesUnder } from '../helpers/paths.js';

describe.skipIf(!hasShared)('the bundled edition against tei_all (jing; needs ../shared beside the project)', () => {
  it('is valid in every file', () => {
    const files = xmlFilesUnder(join(projectRoot, 'tei'));
    expect(files.length).toBeGreaterThanOrEqual(7);
    const result = spawnSync('jing', [teiAllRng, ...files], { encoding: 'utf8' });
    expect(result.error, 'jing must be installed (npm test installs it on Debian)').toBeUndefined();
    const errors = result.stdout.split('\n').filter((l) => l.includes(': error:'));
    expect(errors).toEqual([]);
    expect(result.status).toBe(0);
  });
});
