// The package as an editor gets it: `npm pack` (which compiles, stylesheets included, at prepack),
// installed from the tarball into a new npm project as a devDependency, then
// `npx tei-edition init`, `validate` and `build` there — once as installed, once with the installed
// package made read-only. The tool must find its dependencies wherever npm put them, compile
// nothing at run time, and write nothing into the package or the temporary folder.
//
// Slow (a pack and an install, two builds): it belongs to the full suite, not the quick tier.
//
// Offline: a cache filled by `npm ci` holds the dependencies' tarballs but not the registry's
// metadata, so a plain `npm install --offline <tarball>` stops at the first version range it has to
// resolve (ENOTCACHED). The project is therefore given a package-lock.json that pins the tool's
// dependencies as the repository's own lock does; npm then installs the tarball against those
// entries with `--offline`, taking every dependency from the cache. If the cache lacks one, the
// install is retried with `--prefer-offline` (the network, for what is missing); if that fails too,
// the tests are skipped and say why.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/paths.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const ONLY = hasChromium ? [] : ['--only', 'site,apparatus,epub'];

const temp = mkdtempSync(path.join(tmpdir(), 'install-'));
const project = path.join(temp, 'edition');
const installed = path.join(project, 'node_modules', 'tei-edition');
/** The runs' own home, cache and temporary folders: what the tool writes outside the project shows there. */
const home = path.join(temp, 'home');
const xdg = path.join(temp, 'xdg-cache');
const scratch = path.join(temp, 'tmp');

let skipReason: string | undefined;
let npmCache = '';
let installedWith = '';

afterAll(() => {
  // Read-only folders must be writable again to be removed (by anyone but root).
  spawnSync('chmod', ['-R', 'u+w', temp]);
  rmSync(temp, { recursive: true, force: true });
});

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', ...env },
  });
}

const said = (r: SpawnSyncReturns<string>): string => `exit ${r.status}\n${r.stdout}\n${r.stderr}`.trim();

/** The project's lock: the tool's dependencies pinned as in the repository's own package-lock.json. */
function seedLock(registry: string): void {
  const lock = JSON.parse(readFileSync(path.join(projectRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, Record<string, unknown>> };
  const packages: Record<string, Record<string, unknown>> = { '': { name: 'edition' } };
  for (const [where, entry] of Object.entries(lock.packages)) {
    if (where === '' || entry.dev === true || entry.link === true) continue;
    const copy = { ...entry };
    // Some locks leave out "resolved"; npm needs an address for what is not already in node_modules.
    if (copy.resolved === undefined && typeof copy.version === 'string') {
      const name = (copy.name as string | undefined) ?? where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length);
      copy.resolved = `${registry.replace(/\/?$/, '/')}${name}/-/${name.split('/').pop()}-${copy.version}.tgz`;
    }
    packages[where] = copy;
  }
  writeFileSync(path.join(project, 'package-lock.json'), `${JSON.stringify({ name: 'edition', lockfileVersion: 3, requires: true, packages }, null, 2)}\n`);
}

/** Packs a copy of the package's sources (no lib/: prepack must build it, stylesheets included) and returns the tarball. */
function pack(): string | SpawnSyncReturns<string> {
  const copy = path.join(temp, 'source');
  mkdirSync(copy);
  // Everything a clone has; not what building or testing made.
  const made = new Set(['node_modules', '.git', 'lib', 'dist', 'test-output', '.cache']);
  for (const item of readdirSync(projectRoot)) {
    if (made.has(item) || item.startsWith('.dist')) continue;
    cpSync(path.join(projectRoot, item), path.join(copy, item), { recursive: true });
  }
  // The compiler and the type definitions prepack needs, without installing them again.
  symlinkSync(path.join(projectRoot, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  const out = path.join(temp, 'tarball');
  mkdirSync(out);
  const r = run('npm', ['pack', '--pack-destination', out], copy);
  if (r.status !== 0) return r;
  const tgz = readdirSync(out).find((n) => n.endsWith('.tgz'));
  return tgz ? path.join(out, tgz) : r;
}

beforeAll(() => {
  const version = run('npm', ['--version'], projectRoot);
  if (version.status !== 0) {
    skipReason = `npm is not available (${version.error?.message ?? said(version)})`;
    return;
  }
  npmCache = run('npm', ['config', 'get', 'cache'], projectRoot).stdout.trim();
  if (!npmCache || !existsSync(path.join(npmCache, '_cacache', 'content-v2'))) {
    skipReason = `the npm cache (${npmCache || 'unknown'}) holds no packages: run \`npm ci\` in the repository first`;
    return;
  }
  const tarball = pack();
  if (typeof tarball !== 'string') throw new Error(`npm pack failed: ${said(tarball)}`);

  for (const dir of [project, home, xdg, scratch]) mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(path.join(project, 'package.json'), `${JSON.stringify({ name: 'edition', private: true }, null, 2)}\n`);
  seedLock(run('npm', ['config', 'get', 'registry'], projectRoot).stdout.trim() || 'https://registry.npmjs.org/');
  const args = ['install', '--no-audit', '--no-fund', '--save-dev', tarball];
  let install = run('npm', ['--offline', ...args], project);
  installedWith = '--offline';
  if (install.status !== 0 && /ENOTCACHED/.test(install.stderr)) {
    install = run('npm', ['--prefer-offline', ...args], project);
    installedWith = '--prefer-offline';
  }
  if (install.status !== 0) {
    skipReason = `the tarball could not be installed from the npm cache (${npmCache}) nor the registry: ${install.stderr.trim().split('\n').slice(0, 2).join(' ')}`;
  }
}, 600_000);

/** Runs the installed tool the way an editor does, with the runs' own home, cache and temporary folders. */
function tool(...args: string[]): SpawnSyncReturns<string> {
  return run('npx', ['--no', 'tei-edition', ...args], project, { HOME: home, XDG_CACHE_HOME: xdg, TMPDIR: scratch, npm_config_cache: npmCache });
}

/** Every file under a folder with its size and modification time. */
function listing(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .map((name) => {
      const s = statSync(path.join(dir, name));
      return `${name} ${s.isDirectory() ? 'dir' : s.size} ${s.mtimeMs}`;
    })
    .sort();
}

function initValidateBuild(): void {
  const init = tool('init');
  expect(init.status, said(init)).toBe(0);
  const validate = tool('validate');
  expect(validate.status, said(validate)).toBe(0);
  const build = tool('build', ...ONLY);
  expect(build.status, said(build)).toBe(0);
  expect(build.stderr).not.toMatch(/\n\s+at /);

  const slug = (JSON.parse(readFileSync(path.join(project, 'edition.config.json'), 'utf8')) as { slug: string }).slug;
  const dist = path.join(project, 'dist');
  expect(existsSync(path.join(dist, 'site', 'index.html'))).toBe(true);
  expect(readFileSync(path.join(dist, 'site', 'documents', 'sample-letter.html'), 'utf8')).toContain('Exampleton');
  expect(readdirSync(path.join(dist, 'site', 'registers')).sort()).toEqual(['persons.html', 'places.html']);
  expect(statSync(path.join(dist, 'epub', `${slug}.epub`)).size).toBeGreaterThan(1000);
  expect(existsSync(path.join(dist, 'apparatus', 'apparatus.json'))).toBe(true);
  if (hasChromium) expect(readFileSync(path.join(dist, 'print', `${slug}.pdf`)).subarray(0, 5).toString()).toBe('%PDF-');
}

/** What init wrote and build made, so that the next pass starts from an empty edition. */
function resetEdition(): void {
  for (const name of ['edition.config.json', 'tei', 'dist', '.gitignore', '.github']) rmSync(path.join(project, name), { recursive: true, force: true });
}

describe(`tei-edition installed from its tarball${hasChromium ? '' : ' (no Chromium: print is not built)'}`, () => {
  it('ships compiled stylesheets and no build-time paths', (ctx) => {
    if (skipReason) {
      console.warn(`skipped: ${skipReason}`);
      ctx.skip(skipReason);
    }
    expect(readdirSync(path.join(installed, 'lib', 'xslt')).filter((n) => n.endsWith('.sef.json'))).toHaveLength(1);
    expect(existsSync(path.join(installed, 'src', 'templates', 'init', 'gitignore'))).toBe(true);
    // npm placed the dependencies beside the package, not inside it.
    expect(existsSync(path.join(installed, 'node_modules', 'xslt3'))).toBe(false);
    expect(existsSync(path.join(project, 'node_modules', 'xslt3', 'xslt3.js'))).toBe(true);
    console.info(`installed with npm install ${installedWith}`);
  });

  it('init, validate and build succeed in a new npm project, compiling nothing', (ctx) => {
    if (skipReason) ctx.skip(skipReason);
    initValidateBuild();
    // The shipped stylesheets matched: nothing was compiled, anywhere.
    expect(existsSync(path.join(installed, '.cache', 'xslt'))).toBe(false);
    expect(existsSync(path.join(xdg, 'tei-edition', 'xslt'))).toBe(false);
    expect(readdirSync(scratch)).toEqual([]);
  }, 600_000);

  it('compiles an edited stylesheet with the xslt3 npm placed beside it, into its own cache; a broken one is one line', (ctx) => {
    if (skipReason) ctx.skip(skipReason);
    const page = path.join(installed, 'xslt', 'html', 'page.xsl');
    const original = readFileSync(page, 'utf8');
    try {
      writeFileSync(page, `${original}<!-- edited -->\n`);
      const edited = tool('build', '--only', 'site');
      expect(edited.status, said(edited)).toBe(0);
      expect(readdirSync(path.join(installed, '.cache', 'xslt')).filter((n) => n.endsWith('.sef.json'))).toHaveLength(1);

      writeFileSync(page, original.replace('</xsl:stylesheet>', '<xsl:template name="broken"><xsl:value-of select="concat(("/></xsl:template></xsl:stylesheet>'));
      const broken = tool('build', '--only', 'site');
      expect(broken.status, said(broken)).toBe(3);
      const lines = broken.stderr.trim().split('\n').filter((l) => l.includes('tei-edition build:'));
      expect(lines[0]).toMatch(/^tei-edition build: the stylesheet xslt\/html\/page\.xsl does not compile: .*XPST0003/);
      expect(broken.stderr).not.toMatch(/\n\s+at /);
    } finally {
      writeFileSync(page, original);
    }
    rmSync(path.join(installed, '.cache', 'xslt'), { recursive: true, force: true });
  }, 600_000);

  it('the same with the installed package read-only: nothing written into it or the temporary folder', (ctx) => {
    if (skipReason) ctx.skip(skipReason);
    resetEdition();
    rmSync(xdg, { recursive: true, force: true });
    mkdirSync(xdg, { mode: 0o700 });
    const chmod = run('chmod', ['-R', 'a-w', installed], project);
    expect(chmod.status, said(chmod)).toBe(0);
    const before = listing(installed);

    initValidateBuild();

    expect(listing(installed)).toEqual(before);
    // The RelaxNG verdicts and the transformations' results went to the user's own cache, private to the
    // user; no stylesheet was compiled.
    expect(readdirSync(path.join(xdg, 'tei-edition')).sort()).toEqual(['rng', 'transform']);
    for (const kind of ['rng', 'transform']) expect(statSync(path.join(xdg, 'tei-edition', kind)).mode & 0o777).toBe(0o700);
    expect(readdirSync(scratch)).toEqual([]);
  }, 600_000);
});
