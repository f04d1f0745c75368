// Builds for the tests, into temporary folders (never the project's dist/).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../src/config/load-config.js';
import { expandPaths } from '../../../src/read/files.js';
import { buildEdition, type BuildPlan, type BuildResult } from '../../../src/package/build-edition.js';
import { projectRoot } from '../../helpers/paths.js';

export function temporaryFolder(prefix = 'tei-edition-build-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export function bundledPlan(siteDir: string, extra: Partial<BuildPlan> = {}): BuildPlan {
  const loaded = loadConfig(path.join(projectRoot, 'edition.config.json'));
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('; '));
  const c = loaded.config;
  return {
    mode: 'edition',
    title: c.title,
    slug: c.slug,
    edition: c.edition,
    documents: expandPaths(c.documents).files,
    registers: expandPaths(c.registers).files,
    siteDir,
    ...(c.schema ? { schema: c.schema } : {}),
    schematron: c.schematron,
    ruleLevels: c.rules,
    strict: false,
    dateFrom: c.root,
    // The quick tier (TEI_EDITION_TIER=quick) builds the site alone: the EPUB, the apparatus and the
    // printed edition (Chromium) have their own tests in the full suite.
    ...(process.env.TEI_EDITION_TIER === 'quick' ? { only: ['site'] as const } : {}),
    ...extra,
  };
}

export async function buildBundled(extra: Partial<BuildPlan> = {}): Promise<{ siteDir: string; result: BuildResult }> {
  const siteDir = path.join(temporaryFolder(), 'site');
  const result = await buildEdition(bundledPlan(siteDir, extra));
  if (result.status !== 'built') throw new Error(`the bundled edition did not build: ${result.failure ?? JSON.stringify(result.report.diagnostics.slice(0, 5))}`);
  return { siteDir, result };
}
