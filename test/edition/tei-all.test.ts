// The official TEI schema (tei_all) accepts every file of the bundled edition, checked with jing.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasShared, projectRoot, teiAllRng, xmlFilesUnder } from '../helpers/paths.js';
import { checkers } from '../helpers/tools.js';

describe.skipIf(!hasShared || !checkers.jing)('the bundled edition against tei_all (needs jing and ../shared beside the project)', () => {
  it('is valid in every file', () => {
    const files = xmlFilesUnder(join(projectRoot, 'tei'));
    expect(files.length).toBeGreaterThanOrEqual(7);
    const result = spawnSync('jing', [teiAllRng, ...files], { encoding: 'utf8' });
    expect(result.error, 'jing must be installed (bash scripts/setup-debian.sh)').toBeUndefined();
    const errors = result.stdout.split('\n').filter((l) => l.includes(': error:'));
    expect(errors).toEqual([]);
    expect(result.status).toBe(0);
  });
});
