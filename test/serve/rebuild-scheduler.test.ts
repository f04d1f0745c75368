// When serve rebuilds: changes close together make one build, builds never overlap, and what changes
// during a build makes exactly one more. Driven by vitest's fake timers and builds that end when told.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RebuildScheduler } from '../../src/serve/rebuild-scheduler.js';

/** A build the test ends when it chooses, recording what each was given and how many ran at once. */
function controlledBuilds() {
  const calls: string[][] = [];
  const finishers: (() => void)[] = [];
  const failers: ((e: Error) => void)[] = [];
  let running = 0;
  let mostAtOnce = 0;
  const build = (changes: string[]): Promise<void> => {
    calls.push(changes);
    running++;
    mostAtOnce = Math.max(mostAtOnce, running);
    return new Promise<void>((resolve, reject) => {
      finishers.push(() => {
        running--;
        resolve();
      });
      failers.push((e) => {
        running--;
        reject(e);
      });
    });
  };
  return {
    build,
    calls,
    /** Ends the oldest build still running, and lets the scheduler see it. */
    async finish(): Promise<void> {
      failers.shift();
      finishers.shift()!();
      await vi.advanceTimersByTimeAsync(0);
    },
    async fail(): Promise<void> {
      finishers.shift();
      failers.shift()!(new Error('a build that threw'));
      await vi.advanceTimersByTimeAsync(0);
    },
    get mostAtOnce() {
      return mostAtOnce;
    },
  };
}

describe('the rebuild scheduler', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits for the changes to stop for the quiet time, then builds once with all of them', async () => {
    const b = controlledBuilds();
    const s = new RebuildScheduler<string>(b.build, 150);
    s.notify('a.xml');
    await vi.advanceTimersByTimeAsync(100);
    s.notify('b.xml');
    await vi.advanceTimersByTimeAsync(100);
    s.notify('a.xml');
    // 200 ms since the first change, 100 since the last: still waiting.
    await vi.advanceTimersByTimeAsync(100);
    expect(b.calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(50);
    expect(b.calls).toEqual([['a.xml', 'b.xml']]);
    expect(s.building).toBe(true);
    await b.finish();
    expect(s.building).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(b.calls).toHaveLength(1);
  });

  it('never runs two builds at once: the changes made during a build make exactly one more', async () => {
    const b = controlledBuilds();
    const s = new RebuildScheduler<string>(b.build, 150);
    s.notify('a.xml');
    await vi.advanceTimersByTimeAsync(150);
    expect(b.calls).toHaveLength(1);
    for (const name of ['b.xml', 'c.xml', 'b.xml', 'd.xml']) {
      s.notify(name);
      await vi.advanceTimersByTimeAsync(400);
    }
    // However long the build takes, nothing else starts.
    expect(b.calls).toHaveLength(1);
    expect(s.pending).toBe(3);
    await b.finish();
    // The next build waits the quiet time after the first ends.
    expect(b.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(150);
    expect(b.calls).toEqual([['a.xml'], ['b.xml', 'c.xml', 'd.xml']]);
    await b.finish();
    await vi.advanceTimersByTimeAsync(1000);
    expect(b.calls).toHaveLength(2);
    expect(b.mostAtOnce).toBe(1);
  });

  it('goes on after a build that throws', async () => {
    const b = controlledBuilds();
    const s = new RebuildScheduler<string>(b.build, 150);
    s.notify('a.xml');
    await vi.advanceTimersByTimeAsync(150);
    s.notify('b.xml');
    await b.fail();
    await vi.advanceTimersByTimeAsync(150);
    expect(b.calls).toEqual([['a.xml'], ['b.xml']]);
    await b.finish();
    s.notify('c.xml');
    await vi.advanceTimersByTimeAsync(150);
    expect(b.calls).toEqual([['a.xml'], ['b.xml'], ['c.xml']]);
  });

  it('starts at once when asked (the first build), and a change meanwhile still waits for it', async () => {
    const b = controlledBuilds();
    const s = new RebuildScheduler<string>(b.build, 150);
    s.notify('start', true);
    expect(b.calls).toEqual([['start']]);
    s.notify('a.xml', true);
    expect(b.calls).toHaveLength(1);
    await b.finish();
    await vi.advanceTimersByTimeAsync(150);
    expect(b.calls).toEqual([['start'], ['a.xml']]);
  });

  it('keys changes as told: one entry per key, the first one kept', async () => {
    const b = controlledBuilds();
    const seen: { path: string; role: string }[][] = [];
    const s = new RebuildScheduler<{ path: string; role: string }>(
      (changes) => {
        seen.push(changes);
        return b.build(changes.map((c) => c.path));
      },
      150,
      (c) => c.path,
    );
    s.notify({ path: 'a.xml', role: 'source' });
    s.notify({ path: 'a.xml', role: 'config' });
    s.notify({ path: 'b.xml', role: 'tool' });
    await vi.advanceTimersByTimeAsync(150);
    expect(seen).toEqual([[{ path: 'a.xml', role: 'source' }, { path: 'b.xml', role: 'tool' }]]);
  });

  it('stops: the waiting changes are dropped, the build under way is waited for, nothing starts after', async () => {
    const b = controlledBuilds();
    const s = new RebuildScheduler<string>(b.build, 150);
    s.notify('a.xml');
    await vi.advanceTimersByTimeAsync(150);
    s.notify('b.xml');
    let stopped = false;
    const stopping = s.stop().then(() => {
      stopped = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    await b.finish();
    await stopping;
    expect(stopped).toBe(true);
    s.notify('c.xml');
    await vi.advanceTimersByTimeAsync(1000);
    expect(b.calls).toEqual([['a.xml']]);
  });
});
