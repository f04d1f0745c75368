// The server's side of the build thread (src/serve/build-worker.ts): one build at a time, its result as a
// value whatever happens in the thread. A thread that dies (an error no build catches, a thread killed
// after it would not stop) is replaced at the next build, and what its build left is cleaned up here: the
// lock and the staging folder carry this process's id, so they are this server's own to remove.
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { lockPathFor } from '../package/build-lock.js';
import { outDirOf, type BuildPlan, type BuildResult } from '../package/build-edition.js';
import { stagingFolder } from '../package/write-outputs.js';
import type { BuildReply, BuildRequest } from './build-worker.js';

export type RunOutcome = { kind: 'result'; result: BuildResult } | { kind: 'crashed'; message: string; stack?: string } | { kind: 'stopped' };

/** How long a thread asked to stop may take to reach the end of the step it is in, before it is ended. */
const GRACE_MS = 30_000;

/**
 * What a build of `outDir` by this process can have left when its thread ended without its exit
 * handlers: a staging folder (after the first rename of the swap, the previous output inside it) and the lock.
 */
export function cleanUpAfterThread(outDir: string): void {
  const target = path.resolve(outDir);
  const temporary = stagingFolder(target);
  const previous = path.join(temporary, '.previous');
  try {
    if (existsSync(previous) && !existsSync(target)) renameSync(previous, target);
  } catch {
    // Left as it is: the next build of this folder removes the staging folder.
  }
  rmSync(temporary, { recursive: true, force: true });
  const lock = lockPathFor(target);
  try {
    if (readFileSync(lock, 'utf8').trim() === String(process.pid)) rmSync(lock, { force: true });
  } catch {
    // No lock: nothing to release.
  }
}

export class BuildRunner {
  private worker: Worker | undefined;
  private waiting: { id: number; outDir: string; worker: Worker; done: (outcome: RunOutcome) => void } | undefined;
  private nextId = 1;
  private stopping = false;
  /** Threads asked to stop that have not ended yet. */
  private readonly ending = new Set<Worker>();

  constructor(private readonly script: URL = new URL('./build-worker.js', import.meta.url)) {}

  /** Builds in the thread; never rejects. Only one build at a time (the scheduler sees to it). */
  build(plan: BuildPlan): Promise<RunOutcome> {
    if (this.stopping) return Promise.resolve({ kind: 'stopped' });
    if (this.waiting) return Promise.resolve({ kind: 'crashed', message: 'a build is already running' });
    let worker: Worker;
    try {
      worker = this.worker ?? this.start();
    } catch (error) {
      return Promise.resolve({ kind: 'crashed', message: `the build thread did not start: ${(error as Error).message}` });
    }
    const id = this.nextId++;
    return new Promise((done) => {
      this.waiting = { id, outDir: outDirOf(plan), worker, done };
      worker.postMessage({ kind: 'build', id, plan } satisfies BuildRequest);
    });
  }

  /** The next build starts a new thread, which reads the stylesheets and templates afresh. */
  async renew(): Promise<void> {
    await this.end();
  }

  /**
   * Ends the thread: a build under way ends between two steps, as with Ctrl-C in `build`; after `graceMs`
   * (0: now, for a second Ctrl-C) the thread is ended wherever it is, and what its build left is cleaned up.
   */
  async stop(graceMs = GRACE_MS): Promise<void> {
    this.stopping = true;
    if (graceMs === 0) for (const worker of this.ending) void worker.terminate();
    await this.end(graceMs);
  }

  private start(): Worker {
    const worker = new Worker(this.script);
    worker.on('message', (reply: BuildReply) => {
      const waiting = this.waiting;
      if (!waiting || waiting.id !== reply.id) return;
      this.waiting = undefined;
      waiting.done(reply.kind === 'done' ? { kind: 'result', result: reply.result } : { kind: 'crashed', message: reply.message, ...(reply.stack ? { stack: reply.stack } : {}) });
    });
    worker.on('error', (error) => this.lost(worker, { kind: 'crashed', message: error.message, ...(error.stack ? { stack: error.stack } : {}) }));
    worker.on('exit', (code) => this.lost(worker, this.stopping ? { kind: 'stopped' } : { kind: 'crashed', message: `the build thread ended (exit code ${code})` }));
    this.worker = worker;
    return worker;
  }

  private lost(worker: Worker, outcome: RunOutcome): void {
    if (this.worker === worker) this.worker = undefined;
    // A thread's 'error' is followed by its 'exit', maybe once the next build runs in a new thread.
    const waiting = this.waiting;
    if (!waiting || waiting.worker !== worker) return;
    this.waiting = undefined;
    cleanUpAfterThread(waiting.outDir);
    waiting.done(outcome);
  }

  private async end(graceMs = GRACE_MS): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    this.ending.add(worker);
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage({ kind: 'stop' } satisfies BuildRequest);
    const timer = setTimeout(() => void worker.terminate(), graceMs);
    await exited;
    clearTimeout(timer);
    this.ending.delete(worker);
  }
}
