// Atomic builds with real processes: a kill mid-build, a crash, two builds at once and a full disk
// all leave the previous output folder as it was and no temporary folder behind (or the next build
// removes it).
import { execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChild, startChild, strayEntries, treeDigest } from './support/cli.js';

const temp = mkdtempSync(path.join(tmpdir(), 'hostile-atomic-'));
const many = path.join(temp, 'many');
const clean = path.resolve('test/fixtures/validate/clean/good.xml');
afterAll(() => rmSync(temp, { recursive: true, force: true }));

beforeAll(() => {
  // Enough documents that a build lasts long enough to be interrupted.
  mkdirSync(many);
  const text = readFileSync(clean, 'utf8');
  for (let i = 0; i < 300; i++) writeFileSync(path.join(many, `doc-${String(i).padStart(3, '0')}.xml`), text.replace('Nothing wrong here.', `Document ${i}.`));
});

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout?.resume();
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr })));
}

function previousBuild(name: string): string {
  const out = path.join(temp, name, 'dist');
  const run = runChild(['build', clean, '--out', out, '--quiet']);
  expect(run.status, run.stderr).toBe(0);
  return out;
}

async function waitFor(test: () => boolean, child: ChildProcess, what: string): Promise<void> {
  const started = Date.now();
  while (!test()) {
    if (child.exitCode !== null) throw new Error(`the build ended before ${what}`);
    if (Date.now() - started > 60_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('interrupted builds', () => {
  for (const [signal, code] of [['SIGTERM', 143], ['SIGINT', 130]] as const) {
    it(`${signal} mid-build: exit ${code}, the previous output unchanged, nothing left behind`, async () => {
      const out = previousBuild(signal);
      const before = treeDigest(out);
      const child = startChild(['build', many, '--out', out]);
      const done = exited(child);
      await waitFor(() => existsSync(path.join(path.dirname(out), '.dist.lock')), child, 'the build started');
      await new Promise((r) => setTimeout(r, 300));
      child.kill(signal);
      const result = await done;
      expect(result.code, result.stderr).toBe(code);
      expect(result.stderr).toMatch(/interrupted/);
      expect(treeDigest(out)).toBe(before);
      expect(strayEntries(out)).toEqual([]);
    });
  }

  it('a build killed while writing (kill -9) leaves a temporary folder that the next build removes', async () => {
    const out = previousBuild('killed');
    const before = treeDigest(out);
    const child = startChild(['build', many, '--out', out]);
    const done = exited(child);
    const isTemporary = (n: string): boolean => n.startsWith('.dist.building-');
    // Poll from this process: the child's writing is one synchronous stretch.
    const started = Date.now();
    while (!readdirSync(path.dirname(out)).some(isTemporary)) {
      if (child.exitCode !== null || Date.now() - started > 60_000) break;
      if (Date.now() % 20 === 0) await new Promise((r) => setImmediate(r));
    }
    child.kill('SIGKILL');
    await done;
    // Whatever the moment, the output is either the previous build or the new one, never a mix.
    const after = treeDigest(out);
    if (after !== before) expect(readdirSync(path.join(out, 'site', 'documents'))).toHaveLength(300);
    const next = runChild(['build', clean, '--out', out, '--quiet']);
    expect(next.status, next.stderr).toBe(0);
    expect(strayEntries(out)).toEqual([]);
    expect(treeDigest(out)).toBe(before);
  });
});

describe('two builds of one output folder', () => {
  it('a build finds the lock of a running build: exit 2, a clear message, the output unchanged', () => {
    const out = previousBuild('locked');
    const before = treeDigest(out);
    // This test process is alive, so its id makes a lock that is held.
    const lock = path.join(path.dirname(out), '.dist.lock');
    writeFileSync(lock, `${process.pid}\n`);
    const run = runChild(['build', clean, '--out', out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('package/locked');
    expect(run.stderr).toContain(`another build (process ${process.pid})`);
    expect(treeDigest(out)).toBe(before);
    expect(readFileSync(lock, 'utf8')).toBe(`${process.pid}\n`);
    rmSync(lock);
  });

  it('a lock left by a process that is gone is taken over', () => {
    const out = previousBuild('stale');
    writeFileSync(path.join(path.dirname(out), '.dist.lock'), '2147483646\n');
    const run = runChild(['build', clean, '--out', out, '--quiet']);
    expect(run.status, run.stderr).toBe(0);
    expect(strayEntries(out)).toEqual([]);
  });

  it('two builds started at once: one builds, the other stops or builds after it; the output is complete', async () => {
    const out = previousBuild('concurrent');
    const a = exited(startChild(['build', many, '--out', out, '--quiet']));
    const b = exited(startChild(['build', many, '--out', out, '--quiet']));
    const results = await Promise.all([a, b]);
    const codes = results.map((r) => r.code).sort();
    expect([[0, 0], [0, 2]]).toContainEqual(codes);
    if (codes[1] === 2) expect(results.map((r) => r.stderr).join('')).toContain('another build');
    expect(readdirSync(path.join(out, 'site', 'documents'))).toHaveLength(300);
    expect(strayEntries(out)).toEqual([]);
  });
});

describe('a full or read-only disk', () => {
  const mount = path.join(temp, 'small-disk');
  let mounted = false;
  beforeAll(() => {
    mkdirSync(mount);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mount], { stdio: 'ignore' });
      mounted = true;
    } catch {
      mounted = false;
    }
  });
  afterAll(() => {
    if (mounted) execFileSync('umount', [mount]);
  });

  it('ENOSPC while writing: exit 3, says the disk is full, the previous output unchanged (needs a small tmpfs, mounted as root)', (context) => {
    if (!mounted) context.skip(); // needs a small file system (tmpfs, as root)
    const out = path.join(mount, 'dist');
    // The printed edition is left out: it adds a minute of layout and nothing to what a full disk tests. The
    // time limits leave room for a loaded machine.
    const first = runChild(['build', clean, '--out', out, '--quiet', '--only', 'site,apparatus,epub'], undefined, 180_000);
    expect(first.status, first.stderr).toBe(0);
    const before = treeDigest(out);
    const run = runChild(['build', many, '--out', out, '--only', 'site,apparatus,epub'], undefined, 180_000);
    expect(run.status, run.stderr).toBe(3);
    expect(run.stderr).toMatch(/disk is full/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(treeDigest(out)).toBe(before);
    expect(strayEntries(out)).toEqual([]);
  }, 420_000);

  it('a read-only output folder: config/output-folder, exit 2, before any work (needs a small tmpfs, mounted as root)', (context) => {
    if (!mounted) context.skip();
    execFileSync('mount', ['-o', 'remount,ro', mount]);
    try {
      const out = path.join(mount, 'dist');
      const before = treeDigest(out);
      const run = runChild(['build', clean, '--out', out]);
      expect(run.status, run.stderr).toBe(2);
      expect(run.stderr).toContain('config/output-folder');
      expect(run.stderr).toMatch(/not writable/);
      expect(treeDigest(out)).toBe(before);
    } finally {
      execFileSync('mount', ['-o', 'remount,rw', mount]);
    }
  });
});

describe('one swap for every output', () => {
  it('a build killed once its site is written leaves all of the output folder as it was, and the next build cleans up', async () => {
    const out = previousBuild('killed-after-site');
    const before = treeDigest(out);
    const script = `
      import { buildEdition } from ${JSON.stringify(path.resolve('lib/package/build-edition.js'))};
      await buildEdition({ mode: 'paths', documents: [${JSON.stringify(clean)}], registers: [], siteDir: ${JSON.stringify(path.join(out, 'site'))},
        schematron: [], ruleLevels: {}, strict: false, dateFrom: ${JSON.stringify(path.dirname(clean))},
        onStaged: (output) => { if (output === 'site') process.kill(process.pid, 'SIGKILL'); } });`;
    let signal = '';
    try {
      execFileSync(process.execPath, ['--input-type=module', '-e', script], { stdio: 'pipe' });
    } catch (error) {
      signal = String((error as { signal?: string }).signal);
    }
    expect(signal).toBe('SIGKILL');
    expect(treeDigest(out)).toBe(before);
    // The staging folder of the killed build is still there; the next build removes it.
    expect(strayEntries(out).length).toBeGreaterThan(0);
    const again = runChild(['build', clean, '--out', out, '--quiet']);
    expect(again.status, again.stderr).toBe(0);
    expect(strayEntries(out)).toEqual([]);
  });
});
