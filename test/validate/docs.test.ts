// The rules page documents every registered rule, and the CI workflow it links to exists. (The
// config's JSON Schema is tested for what it does in test/config/config-file.test.ts.)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/diagnostics/rules.js';
import { ROOT } from './cli.js';

const page = readFileSync(path.join(ROOT, 'docs/rules.md'), 'utf8');

describe('docs/rules.md', () => {
  for (const id of rules.keys()) {
    it(`documents ${id} in a table row`, () => {
      const row = page.split('\n').find((l) => l.split('|')[1]?.includes(`\`${id}\``));
      expect(row, `no row for ${id}`).toBeDefined();
      expect(row!.split('|').filter((c) => c.trim() !== '').length).toBeGreaterThanOrEqual(4);
    });
  }

  it('links to a workflow that validates with --format github and uploads the JUnit report', () => {
    expect(page).toContain('ci/github-actions.yml');
    const workflow = readFileSync(path.join(ROOT, 'docs/ci/github-actions.yml'), 'utf8');
    expect(workflow).toContain('--format github');
    expect(workflow).toContain('--format junit');
    expect(workflow).toContain('actions/upload-artifact');
  });

  it('links to the GitLab CI equivalent, which keeps the JUnit report', () => {
    expect(page).toContain('ci/gitlab-ci.yml');
    const pipeline = readFileSync(path.join(ROOT, 'docs/ci/gitlab-ci.yml'), 'utf8');
    expect(pipeline).toContain('npx tei-edition validate');
    expect(pipeline).toContain('npx tei-edition build');
    expect(pipeline).toMatch(/junit: validate-report\.xml/);
  });
});
