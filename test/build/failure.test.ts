import { cpSync, mkdirSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { buildCommand } from '../../src/cli/commands/build.js';
import { projectRoot } from '../helpers/paths.js';
import { temporaryFolder } from './support/build.js';

/** A copy of the bundled edition in a temporary folder, with its config. */
function copyEdition(): string {
  const dir = temporaryFolder('tei-edition-copy-');
  cpSync(path.join(projectRoot, 'tei'), path.join(dir, 'tei'), { recursive: true });
  cpSync(path.join(projectRoot, 'schema'), path.join(dir, 'schema'), { recursive: true });
  cpSync(path.join(projectRoot, 'edition.config.json'), path.join(dir, 'edition.config.json'));
  return dir;
}

async function quietly(run: () => Promise<number>): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    return { code: await run(), stderr };
  } finally {
    err.mockRestore();
    out.mockRestore();
  }
}

describe('the build command', () => {
  it('leaves the previous site untouched when a document is malformed', async () => {
    const dir = copyEdition();
    const out = path.join(dir, 'out');
    mkdirSync(path.join(out, 'site'), { recursive: true });
    writeFileSync(path.join(out, 'site', 'index.html'), 'previous build');
    const telegram = path.join(dir, 'tei/documents/1951-06-30-filippov-to-mao.xml');
    writeFileSync(telegram, readFileSync(telegram, 'utf8').replace('</closer>', '</closr>'));
    const { code, stderr } = await quietly(() => buildCommand(['--config', path.join(dir, 'edition.config.json'), '--out', out]));
    expect(code).toBe(1);
    expect(stderr).toMatch(/wf\//);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(path.join(out, 'site', 'index.html'), 'utf8')).toBe('previous build');
    expect(readdirSync(out)).toEqual(['site']);
  });

  it('replaces the previous site when the build succeeds', async () => {
    const dir = copyEdition();
    const out = path.join(dir, 'out');
    mkdirSync(path.join(out, 'site'), { recursive: true });
    writeFileSync(path.join(out, 'site', 'stale.html'), 'stale');
    const { code } = await quietly(() => buildCommand(['--config', path.join(dir, 'edition.config.json'), '--out', out]));
    expect(code).toBe(0);
    expect(existsSync(path.join(out, 'site', 'stale.html'))).toBe(false);
    expect(existsSync(path.join(out, 'site', 'documents', '1951-06-30-filippov-to-mao.html'))).toBe(true);
    // The outputs, and nothing left over (no temporary folders).
    expect(readdirSync(out).filter((name) => !['apparatus', 'deposit', 'epub', 'print', 'site'].includes(name))).toEqual([]);
  });

  it('exits with 2 on an unknown option or a missing path, without a stack trace', async () => {
    const unknown = await quietly(() => buildCommand(['--frobnicate']));
    expect(unknown.code).toBe(2);
    const missing = await quietly(() => buildCommand([path.join(temporaryFolder(), 'nothing-here')]));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/not found/);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits with 2 when the config is missing', async () => {
    const { code } = await quietly(() => buildCommand(['--config', path.join(temporaryFolder(), 'edition.config.json')]));
    expect(code).toBe(2);
  });
});
