// The cache folders: the package's own when it may be written to, else the user's own cache, and
// never a folder anyone else could have written into.
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheFolder, isPrivateFolder, userCacheHome } from '../../src/cache/private-folder.js';

const temp = mkdtempSync(path.join(tmpdir(), 'private-folder-'));
// The read-only folders left here are empty, so they go with the rest.
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function place(name: string): { pkg: string; xdg: string } {
  const pkg = path.join(temp, name, 'package');
  const xdg = path.join(temp, name, 'xdg');
  mkdirSync(pkg, { recursive: true });
  mkdirSync(xdg, { recursive: true, mode: 0o700 });
  chmodSync(xdg, 0o700);
  return { pkg, xdg };
}

describe('cacheFolder', () => {
  it("uses the package's own .cache when the package may be written to", () => {
    const { pkg, xdg } = place('writable');
    expect(cacheFolder('rng', { packageRoot: pkg, env: { XDG_CACHE_HOME: xdg } })).toBe(path.join(pkg, '.cache', 'rng'));
  });

  it("uses the user's cache, made private, when the package is read-only (even for root)", () => {
    const pkg = path.join(temp, 'read-only-package');
    mkdirSync(pkg);
    chmodSync(pkg, 0o555);
    const xdg = path.join(temp, 'ro-xdg');
    mkdirSync(xdg, { mode: 0o700 });
    const folder = cacheFolder('xslt', { packageRoot: pkg, env: { XDG_CACHE_HOME: xdg } });
    expect(folder).toBe(path.join(xdg, 'tei-edition', 'xslt'));
    expect(statSync(folder!).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(xdg, 'tei-edition')).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(pkg)).mode & 0o777).toBe(0o555);
  });

  it('ignores a relative XDG_CACHE_HOME and falls back to ~/.cache', () => {
    expect(userCacheHome({ XDG_CACHE_HOME: 'relative/cache' }, '/home/someone')).toBe('/home/someone/.cache');
    expect(userCacheHome({}, '/home/someone')).toBe('/home/someone/.cache');
    expect(userCacheHome({ XDG_CACHE_HOME: '/var/cache/me' }, '/home/someone')).toBe('/var/cache/me');
  });

  it('keeps nothing in a folder the group or others may write to', () => {
    const { xdg } = place('open');
    const pkg = path.join(temp, 'open', 'ro');
    mkdirSync(pkg, { mode: 0o555 });
    chmodSync(pkg, 0o555);
    const folder = cacheFolder('rng', { packageRoot: pkg, env: { XDG_CACHE_HOME: xdg } })!;
    expect(folder).toBeDefined();
    chmodSync(folder, 0o777);
    expect(isPrivateFolder(folder)).toBe(false);
    expect(cacheFolder('rng', { packageRoot: pkg, env: { XDG_CACHE_HOME: xdg } })).toBeUndefined();
    chmodSync(folder, 0o700);
    chmodSync(path.join(xdg, 'tei-edition'), 0o775);
    expect(cacheFolder('rng', { packageRoot: pkg, env: { XDG_CACHE_HOME: xdg } })).toBeUndefined();
    chmodSync(path.join(xdg, 'tei-edition'), 0o700);
    // Where tei-edition/ sits: writable by others only with the sticky bit (as /tmp is).
    chmodSync(xdg, 0o777);
    expect(cacheFolder('rng', { packageRoot: pkg, env: { XDG_CACHE_HOME: xdg } })).toBeUndefined();
    chmodSync(xdg, 0o1777);
    expect(cacheFolder('rng', { packageRoot: pkg, env: { XDG_CACHE_HOME: xdg } })).toBe(folder);
    chmodSync(xdg, 0o700);
    chmodSync(pkg, 0o755);
  });

  it.skipIf(process.getuid?.() !== 0)('keeps nothing in a folder another user owns (run as root to check)', () => {
    const { xdg } = place('foreign');
    const pkg = path.join(temp, 'foreign', 'ro');
    mkdirSync(pkg, { mode: 0o555 });
    chmodSync(pkg, 0o555);
    mkdirSync(path.join(xdg, 'tei-edition', 'rng'), { recursive: true, mode: 0o700 });
    chownSync(path.join(xdg, 'tei-edition', 'rng'), 65534, 65534);
    expect(cacheFolder('rng', { packageRoot: pkg, env: { XDG_CACHE_HOME: xdg } })).toBeUndefined();
    chmodSync(pkg, 0o755);
  });
});
