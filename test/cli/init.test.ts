// `tei-edition init`: a new edition that validates at once; a folder holding an edition is left
// exactly as it was unless --force; the workflow it writes is the one docs/ci/ offers.
// Runs the compiled CLI (lib/, built by `npx tsc`), as a user would.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/paths.js';

const temp = mkdtempSync(path.join(tmpdir(), 'init-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const WRITTEN = [
  '.github/workflows/edition.yml',
  '.gitignore',
  'edition.config.json',
  'tei/documents/sample-letter.xml',
  'tei/edition.xml',
  'tei/registers/persons.xml',
  'tei/registers/places.xml',
];

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [path.join(projectRoot, 'bin/tei-edition.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Every file under a folder with its hash and modification time, node_modules aside. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.name === 'node_modules') continue;
      if (e.isDirectory()) walk(full);
      else out[path.relative(dir, full)] = `${createHash('sha256').update(readFileSync(full)).digest('hex')} ${statSync(full).mtimeMs}`;
    }
  };
  walk(dir);
  return out;
}

/** A folder as an editor's repository would be after `npm install --save-dev tei-edition`: the package in node_modules. */
function editionFolder(name: string): string {
  const dir = path.join(temp, name);
  mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
  symlinkSync(projectRoot, path.join(dir, 'node_modules', 'tei-edition'), 'dir');
  return dir;
}

describe('tei-edition init', () => {
  it('makes an edition in an empty folder that validates with no error and no warning', () => {
    const dir = editionFolder('empty');
    const made = cli(['init'], dir);
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    expect(Object.keys(snapshot(dir)).sort()).toEqual(WRITTEN);
    for (const file of WRITTEN) expect(made.stdout).toContain(file);

    const config = JSON.parse(readFileSync(path.join(dir, 'edition.config.json'), 'utf8')) as Record<string, unknown>;
    expect(config.$schema).toBe('./node_modules/tei-edition/schema/edition.config.schema.json');
    // The reference resolves to the schema the package ships.
    expect(statSync(path.join(dir, config.$schema as string)).isFile()).toBe(true);
    expect(config.slug).toBe('empty');
    expect(config.identifier).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);

    const checked = cli(['validate', '--strict', '--format', 'json'], dir);
    expect(checked.status).toBe(0);
    const report = JSON.parse(checked.stdout) as { files: { diagnostics: unknown[] }[] };
    expect(report.files).toHaveLength(4);
    expect(report.files.flatMap((f) => f.diagnostics)).toEqual([]);
  });

  it('writes into a folder it is given, creating it', () => {
    const made = cli(['init', 'new/edition'], temp);
    expect(made.status).toBe(0);
    expect(made.stdout).toContain('cd new/edition');
    expect(Object.keys(snapshot(path.join(temp, 'new/edition'))).sort()).toEqual(WRITTEN);
  });

  it('refuses a folder that holds an edition: exit 2, the files named, nothing changed', () => {
    const dir = editionFolder('existing');
    expect(cli(['init'], dir).status).toBe(0);
    writeFileSync(path.join(dir, 'edition.config.json'), '{"title": "Mine"}\n');
    writeFileSync(path.join(dir, 'tei', 'documents', 'letter-2.xml'), '<TEI/>\n');
    const before = snapshot(dir);
    const again = cli(['init'], dir);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('edition.config.json');
    expect(again.stderr).toContain('tei/documents/sample-letter.xml');
    expect(again.stderr).toContain('nothing was written');
    expect(again.stderr).toContain('--force');
    expect(again.stderr).not.toMatch(/\n\s+at /);
    expect(snapshot(dir)).toEqual(before);
  });

  it('writes nothing at all when a single file is in the way', () => {
    const dir = path.join(temp, 'one-file');
    mkdirSync(dir);
    writeFileSync(path.join(dir, '.gitignore'), 'build/\n');
    const before = snapshot(dir);
    const r = cli(['init'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('.gitignore');
    expect(snapshot(dir)).toEqual(before);
    expect(readdirSync(dir)).toEqual(['.gitignore']);
  });

  it('overwrites with --force, leaving no temporary file, and keeps the other files', () => {
    const dir = editionFolder('forced');
    expect(cli(['init'], dir).status).toBe(0);
    writeFileSync(path.join(dir, 'edition.config.json'), '{"title": "Mine"}\n');
    writeFileSync(path.join(dir, 'tei', 'documents', 'letter-2.xml'), 'mine\n');
    const r = cli(['init', '--force'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('overwritten');
    expect(JSON.parse(readFileSync(path.join(dir, 'edition.config.json'), 'utf8')).title).toBe('A sample edition');
    expect(readFileSync(path.join(dir, 'tei', 'documents', 'letter-2.xml'), 'utf8')).toBe('mine\n');
    expect(Object.keys(snapshot(dir)).sort()).toEqual([...WRITTEN, 'tei/documents/letter-2.xml'].sort());
  });

  it('never replaces a file where a folder must be, even with --force', () => {
    const dir = path.join(temp, 'blocked');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'tei'), 'not a folder\n');
    const r = cli(['init', '--force'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('tei (not a folder)');
    expect(readdirSync(dir)).toEqual(['tei']);
  });

  describe('on a small or read-only disk (a tmpfs, as root)', () => {
    const mount = path.join(temp, 'small-disk');
    let mounted = false;
    beforeAll(() => {
      mkdirSync(mount);
      try {
        // Room for two or three of the files, not for all.
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=12k', 'tmpfs', mount], { stdio: 'ignore' });
        mounted = true;
      } catch {
        mounted = false;
      }
    });
    afterAll(() => {
      if (mounted) execFileSync('umount', [mount]);
    });

    it('a disk that fills up: exit 3, says so, and leaves the folder empty', (ctx) => {
      if (!mounted) ctx.skip('needs a small file system: a tmpfs, mounted as root');
      const r = cli(['init', 'edition'], mount);
      expect(r.status, r.stderr).toBe(3);
      expect(r.stderr).toContain('the disk is full');
      expect(r.stderr).toContain('nothing was written');
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(readdirSync(mount)).toEqual([]);
    });

    it('a read-only disk: exit 2, nothing written', (ctx) => {
      if (!mounted) ctx.skip('needs a small file system: a tmpfs, mounted as root');
      execFileSync('mount', ['-o', 'remount,ro', mount]);
      try {
        const r = cli(['init'], mount);
        expect(r.status, r.stderr).toBe(2);
        expect(r.stderr).toContain('read-only');
        expect(readdirSync(mount)).toEqual([]);
      } finally {
        execFileSync('mount', ['-o', 'remount,rw', mount]);
      }
    });
  });

  it('answers bad arguments with usage and exit 2', () => {
    expect(cli(['init', '--bogus'], temp).status).toBe(2);
    expect(cli(['init', 'a', 'b'], temp).status).toBe(2);
    writeFileSync(path.join(temp, 'a-file'), 'x');
    const onFile = cli(['init', 'a-file'], temp);
    expect(onFile.status).toBe(2);
    expect(onFile.stderr).toContain('not a folder');
    const help = cli(['init', '--help'], temp);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--force');
  });

  it('writes the workflow docs/ci/github-actions.yml offers, which validates and builds', () => {
    const template = readFileSync(path.join(projectRoot, 'src/templates/init/github/workflows/edition.yml'), 'utf8');
    expect(template).toBe(readFileSync(path.join(projectRoot, 'docs/ci/github-actions.yml'), 'utf8'));
    expect(template).toMatch(/on:\n\s+push:\n\s+pull_request:/);
    expect(template).toContain('node-version: 20');
    expect(template).toContain('npm ci');
    expect(template).toContain('npx tei-edition validate --format github');
    expect(template).toContain('npx tei-edition build');
  });
});
