// The build thread from the server's side: a result as a value whatever the thread does, a new thread
// after one dies, what a dead thread's build left (its lock, its staging folder, an output folder caught
// between the two renames of the swap) put right, and a stop that ends a thread that will not.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BuildPlan } from '../../src/package/build-edition.js';
import { lockPathFor } from '../../src/package/build-lock.js';
import { stagingFolder } from '../../src/package/write-outputs.js';
import { BuildRunner, cleanUpAfterThread } from '../../src/serve/build-runner.js';
import { temporaryFolder } from '../build/support/build.js';

const THREAD = new URL('./fixtures/build-thread.mjs', import.meta.url);
const folders: string[] = [];
afterEach(() => {
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});

function planFor(title: string): { plan: BuildPlan; outDir: string } {
  const dir = temporaryFolder('tei-edition-runner-');
  folders.push(dir);
  const outDir = path.join(dir, 'out');
  return { outDir, plan: { mode: 'paths', title, documents: [], registers: [], siteDir: path.join(outDir, 'site'), schematron: [], ruleLevels: {}, strict: false, dateFrom: dir } };
}

/** What a build killed between the two renames of its swap leaves: the lock, and the old output inside the staging folder. */
function interruptedSwap(outDir: string): void {
  const previous = path.join(stagingFolder(outDir), '.previous');
  mkdirSync(path.join(previous, 'site'), { recursive: true });
  writeFileSync(path.join(previous, 'site', 'index.html'), 'the last good site');
  mkdirSync(path.join(stagingFolder(outDir), 'out', 'site'), { recursive: true });
  writeFileSync(lockPathFor(outDir), `${process.pid}\n`);
}

describe('the build thread', () => {
  it('hands back the result of a build, and of the next in the same thread', async () => {
    const runner = new BuildRunner(THREAD);
    try {
      const first = await runner.build(planFor('good').plan);
      expect(first).toMatchObject({ kind: 'result', result: { status: 'built', written: ['index.html'] } });
      if (first.kind === 'result') expect(first.result.texts.get('a.xml')).toBe('text');
      expect(await runner.build(planFor('good').plan)).toMatchObject({ kind: 'result' });
    } finally {
      await runner.stop();
    }
  });

  it('turns an error thrown in the thread into a value, puts right what the build left, and builds again in a new thread', async () => {
    const runner = new BuildRunner(THREAD);
    try {
      const { plan, outDir } = planFor('throws');
      interruptedSwap(outDir);
      const crashed = await runner.build(plan);
      expect(crashed).toMatchObject({ kind: 'crashed', message: expect.stringContaining('a stray error in the build thread') });
      expect(readFileSync(path.join(outDir, 'site', 'index.html'), 'utf8')).toBe('the last good site');
      expect(existsSync(stagingFolder(outDir))).toBe(false);
      expect(existsSync(lockPathFor(outDir))).toBe(false);
      expect(await runner.build(planFor('good').plan)).toMatchObject({ kind: 'result' });
    } finally {
      await runner.stop();
    }
  });

  it('stops a thread in the middle of a build, and ends one that never yields when told to stop at once', async () => {
    const waiting = new BuildRunner(THREAD);
    const pending = waiting.build(planFor('never answers').plan);
    await waiting.stop();
    expect(await pending).toEqual({ kind: 'stopped' });
    expect(await waiting.build(planFor('good').plan)).toEqual({ kind: 'stopped' });

    const busy = new BuildRunner(THREAD);
    const stuck = busy.build(planFor('never yields').plan);
    await busy.stop(0);
    expect(await stuck).toEqual({ kind: 'stopped' });
  });

  it('leaves another process’s lock alone', () => {
    const { outDir } = planFor('x');
    mkdirSync(path.dirname(outDir), { recursive: true });
    writeFileSync(lockPathFor(outDir), '1\n');
    cleanUpAfterThread(outDir);
    expect(readFileSync(lockPathFor(outDir), 'utf8')).toBe('1\n');
  });
});
