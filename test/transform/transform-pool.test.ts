// Files through the stylesheet in worker threads give exactly what they give in the calling thread;
// a result kept from an earlier run, or made by a shard, is taken instead of transforming again, and
// only when the text, the URI, the parameters and the stylesheets are the same.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inShard, parseShard, readShards, writeShard, type ShardResults } from '../../src/transform/shards.js';
import { loadStylesheet, type CompiledStylesheet } from '../../src/transform/stylesheet.js';
import { TransformCache, resultKeys } from '../../src/transform/transform-cache.js';
import { fileUri, stylesheetParams, transformSource, type TransformSource } from '../../src/transform/transform-file.js';
import { transformAll, transformMany, workerCount } from '../../src/transform/transform-pool.js';
import { projectRoot } from '../helpers/paths.js';

const tei = path.join(projectRoot, 'tei');
const files = [path.join(tei, 'edition.xml'), ...readdirSync(path.join(tei, 'documents')).map((f) => path.join(tei, 'documents', f)), ...readdirSync(path.join(tei, 'registers')).map((f) => path.join(tei, 'registers', f))].sort();
const params = stylesheetParams({ base: `${fileUri(tei)}/`, files: files.map((f) => path.relative(tei, f)), sigla: {}, witnessOrder: [] });
const sources: TransformSource[] = files.map((f) => transformSource(f, readFileSync(f, 'utf8')));
let stylesheet: CompiledStylesheet;
let temp: string;

beforeAll(async () => {
  stylesheet = await loadStylesheet('html/page');
  temp = mkdtempSync(path.join(tmpdir(), 'tei-edition-pool-'));
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('transformMany', () => {
  it('gives the same outcomes, in the same order, in two workers as in this thread', async () => {
    const here = await transformMany(stylesheet, params, sources, undefined, 0);
    const done: number[] = [];
    const there = await transformMany(stylesheet, params, sources, (i) => done.push(i), 2);
    expect(here.every((o) => o.ok)).toBe(true);
    expect(there).toEqual(here);
    expect(done.sort()).toEqual(sources.map((_, i) => i));
  }, 120_000);

  it('turns a source the processor cannot read into a failed outcome, and the others still succeed', async () => {
    const broken: TransformSource = { sourceText: '<TEI xmlns="http://www.tei-c.org/ns/1.0"><unclosed></TEI>', sourceBaseURI: fileUri(path.join(tei, 'broken.xml')) };
    const outcomes = await transformMany(stylesheet, params, [sources[0]!, broken, sources[1]!], undefined, 2);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    expect(outcomes[1]!.ok ? '' : outcomes[1]!.message).toMatch(/\S/);
  }, 120_000);

  it('uses workers only when each would have enough files, and as many as asked', () => {
    expect(workerCount(5, undefined, 2)).toBe(0);
    expect(workerCount(1000, undefined, 2)).toBe(2);
    expect(workerCount(1000, undefined, 1)).toBe(0);
    expect(workerCount(1000, '3', 2)).toBe(3);
    expect(workerCount(2, '3', 2)).toBe(2);
    expect(workerCount(1000, '0', 8)).toBe(0);
  });
});

describe('the cache of results', () => {
  it('finds a result by text, URI, parameters and stylesheets, and by nothing less', () => {
    const keyOf = resultKeys('stylesheets-1', params);
    const a = sources[0]!;
    const key = keyOf(a);
    expect(keyOf({ ...a })).toBe(key);
    if (!('sourceText' in a)) throw new Error('sources are given as text');
    expect(keyOf({ ...a, sourceText: `${a.sourceText} ` })).not.toBe(key);
    expect(keyOf({ ...a, sourceBaseURI: `${a.sourceBaseURI}x` })).not.toBe(key);
    expect(resultKeys('stylesheets-2', params)(a)).not.toBe(key);
    expect(resultKeys('stylesheets-1', { ...params, outputs: ['site', 'epub'] })(a)).not.toBe(key);
  });

  it('keeps successful results only, and reads back exactly what was kept', () => {
    const root = path.join(temp, 'cache');
    const cache = new TransformCache(root, 'stylesheets-1');
    const ok = { ok: true as const, file: { title: 'T' } as never, messages: ['m'] };
    cache.put('a'.repeat(64), ok);
    cache.put('b'.repeat(64), { ok: false, message: 'failed', messages: [] });
    cache.save();
    const again = new TransformCache(root, 'stylesheets-1');
    expect(again.get('a'.repeat(64))).toEqual(ok);
    expect(again.get('b'.repeat(64))).toBeUndefined();
    expect(new TransformCache(root, 'stylesheets-2').get('a'.repeat(64))).toBeUndefined();
  });

  it('transforms only what it does not hold, and the results are the same', async () => {
    const before = process.env.TEI_EDITION_TRANSFORM_CACHE;
    process.env.TEI_EDITION_TRANSFORM_CACHE = path.join(temp, 'build-cache');
    try {
      const first = await transformAll(stylesheet, params, sources);
      const changed = sources.map((s, i) => (i === 1 && 'sourceText' in s ? { ...s, sourceText: s.sourceText.replace('</TEI>', '<!-- edited --></TEI>') } : s));
      const second = await transformAll(stylesheet, params, changed);
      expect(second.filter((_, i) => i !== 1)).toEqual(first.filter((_, i) => i !== 1));
      expect(second[1]!.ok).toBe(true);
      // Only the edited file was missing from the cache: the folder now holds one entry more.
      const folder = readdirSync(path.join(temp, 'build-cache'))[0]!;
      expect(readdirSync(path.join(temp, 'build-cache', folder)).length).toBe(sources.length + 1);
    } finally {
      if (before === undefined) delete process.env.TEI_EDITION_TRANSFORM_CACHE;
      else process.env.TEI_EDITION_TRANSFORM_CACHE = before;
    }
  }, 120_000);
});

describe('shards', () => {
  it('reads K/N and refuses anything else', () => {
    expect(parseShard('2/4')).toEqual({ value: { index: 2, count: 4 } });
    expect(parseShard('0/4')).toHaveProperty('error');
    expect(parseShard('5/4')).toHaveProperty('error');
    expect(parseShard('two')).toHaveProperty('error');
  });

  it('gives every file to exactly one shard, and shares them out evenly', () => {
    const keys = Array.from({ length: 1000 }, (_, i) => `documents/letter-${i}.xml`);
    const counts = [1, 2, 3, 4].map((index) => keys.filter((k) => inShard(k, { index, count: 4 })).length);
    expect(counts.reduce((a, b) => a + b)).toBe(1000);
    for (const c of counts) expect(c).toBeGreaterThan(200);
    for (const k of keys) expect([1, 2, 3].filter((index) => inShard(k, { index, count: 3 })).length).toBe(1);
  });

  it('writes what it is given and reads it back; a folder that is not a shard is refused', async () => {
    const results: ShardResults = new Map();
    await transformAll(stylesheet, params, sources.slice(0, 2), { onResult: (k, o) => results.set(k, o) });
    writeShard(path.join(temp, 'shard-1'), { index: 1, count: 2 }, results);
    const read = readShards([path.join(temp, 'shard-1')]);
    expect('results' in read && [...read.results.entries()]).toEqual([...results.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
    expect(readShards([temp])).toHaveProperty('error');
  }, 120_000);
});
