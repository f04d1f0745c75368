// A rebuild takes what earlier builds transformed and transforms only what changed, and a build split
// into shards and merged again: either way the outputs are those of one clean build, byte for byte. The
// edition is 30 generated letters (bench/generate-edition.js), built with the CLI as a user would.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEdition } from '../../bench/generate-edition.js';
import { projectRoot } from '../helpers/paths.js';
import { temporaryFolder } from './support/build.js';

const cli = path.join(projectRoot, 'bin', 'tei-edition.js');
const OUTPUTS = ['--only', 'site,apparatus,epub', '--quiet'];
let folder: string;
let made: { documents: string[]; registers: string[] };

function build(args: string[], cache: string): void {
  const r = spawnSync(process.execPath, [cli, 'build', ...OUTPUTS, ...args], {
    cwd: folder,
    encoding: 'utf8',
    env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000', TEI_EDITION_TRANSFORM_CACHE: cache, TEI_EDITION_RNG_CACHE: 'off' },
  });
  if (r.status !== 0) throw new Error(`build ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
}

/** Every file under `dir`, by path, with its bytes. */
function tree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.set(path.relative(dir, full), readFileSync(full));
    }
  };
  walk(dir);
  return out;
}

function expectSameTree(a: string, b: string): void {
  const ta = tree(a);
  const tb = tree(b);
  expect([...tb.keys()]).toEqual([...ta.keys()]);
  const differing = [...ta.keys()].filter((k) => !ta.get(k)!.equals(tb.get(k)!));
  expect(differing).toEqual([]);
}

/** Entries of a transformation cache folder (one folder per stylesheets inside). */
function cacheEntries(cache: string): number {
  return readdirSync(cache).reduce((n, d) => n + readdirSync(path.join(cache, d)).length, 0);
}

beforeAll(() => {
  folder = temporaryFolder('tei-edition-incremental-');
  made = generateEdition(30, folder, 7);
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('a rebuild after a change', () => {
  it('transforms only the changed letter, and writes what a clean build writes', () => {
    const cache = path.join(folder, 'cache');
    build(['--out', 'incremental'], cache);
    const entries = cacheEntries(cache);
    expect(entries).toBe(made.documents.length + made.registers.length + 1);
    const letter = made.documents[12]!;
    writeFileSync(letter, readFileSync(letter, 'utf8').replace(/(<p xml:id="[^"]+">)/, '$1A corrected word. '));
    build(['--out', 'incremental'], cache);
    // One new entry: the changed letter's; everything else was found.
    expect(cacheEntries(cache)).toBe(entries + 1);
    build(['--out', 'clean'], 'off');
    expectSameTree(path.join(folder, 'clean'), path.join(folder, 'incremental'));
    expect(readFileSync(path.join(folder, 'incremental', 'site', 'documents', `${path.basename(letter, '.xml')}.html`), 'utf8')).toContain('A corrected word.');
  }, 300_000);

  it('after a register changes, shows the change on the register page as a clean build does', () => {
    const cache = path.join(folder, 'cache');
    const persons = made.registers[0]!;
    writeFileSync(persons, readFileSync(persons, 'utf8').replace('<note>A correspondent of the generated letters.</note>', '<note>An edited register note.</note>'));
    build(['--out', 'incremental'], cache);
    build(['--out', 'clean'], 'off');
    expectSameTree(path.join(folder, 'clean'), path.join(folder, 'incremental'));
    expect(readFileSync(path.join(folder, 'incremental', 'site', 'registers', 'persons.html'), 'utf8')).toContain('An edited register note.');
  }, 300_000);
});

describe('shards', () => {
  it('three shards merged give the one-machine build, and the merge takes the shards\u2019 results', () => {
    for (const k of [1, 2, 3]) build(['--shard', `${k}/3`, '--out', `shards/${k}`], 'off');
    // Together the shards hold every letter once.
    const held = [1, 2, 3].map((k) => readdirSync(path.join(folder, 'shards', String(k), 'results')).length);
    expect(held.reduce((a, b) => a + b)).toBe(made.documents.length);
    build(['--merge', 'shards/1', 'shards/2', 'shards/3', '--out', 'merged'], 'off');
    build(['--out', 'one'], 'off');
    expectSameTree(path.join(folder, 'one'), path.join(folder, 'merged'));

    // A result in a shard is used as it is: change one and the merged site shows the change.
    const dir = path.join(folder, 'shards', '1', 'results');
    const file = path.join(dir, readdirSync(dir)[0]!);
    const result = JSON.parse(readFileSync(file, 'utf8')) as { file: { title: string } };
    result.file.title = 'A title only the shard has';
    writeFileSync(file, JSON.stringify(result));
    build(['--merge', 'shards/1', 'shards/2', 'shards/3', '--out', 'merged'], 'off');
    expect(readFileSync(path.join(folder, 'merged', 'site', 'documents.html'), 'utf8')).toContain('A title only the shard has');
  }, 300_000);

  it('refuses a folder that is not a shard, and --shard with --merge', () => {
    const run = (args: string[]) => spawnSync(process.execPath, [cli, 'build', ...args], { cwd: folder, encoding: 'utf8' });
    const notShard = run(['--merge', 'tei']);
    expect(notShard.status).toBe(2);
    expect(notShard.stderr).toMatch(/not a shard folder/);
    expect(run(['--merge', 'shards/1', '--shard', '1/2']).status).toBe(2);
    expect(run(['--shard', '3/2']).status).toBe(2);
  });
});
