// The command line in a worker thread, with a time bound per command: a command that does not
// answer in time is reported as a hang, and its worker is replaced.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { projectRoot } from '../helpers/paths.js';
import type { CliRun } from '../hostile/support/cli.js';

const SCRIPT = path.join(projectRoot, 'test', 'fuzz', 'cli-worker.mjs');

export class BoundedCli {
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;
  private next = 0;

  constructor() {
    if (!existsSync(path.join(projectRoot, 'lib', 'cli', 'main.js'))) throw new Error('lib/ is missing: run `npx tsc -p tsconfig.json` first');
  }

  private start(): Promise<void> {
    const worker = new Worker(SCRIPT, { stdout: true, stderr: true });
    this.worker = worker;
    this.ready = new Promise((resolve, reject) => {
      const onMessage = (m: { ready?: boolean }): void => {
        if (m.ready) {
          worker.off('message', onMessage);
          resolve();
        }
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
    return this.ready;
  }

  async run(args: string[], boundMs: number): Promise<CliRun & { ms: number }> {
    if (!this.worker) await this.start();
    await this.ready;
    const worker = this.worker!;
    const id = this.next++;
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const settle = (): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
      };
      const timer = setTimeout(() => {
        settle();
        this.worker = undefined;
        void worker.terminate();
        reject(new Error(`no answer within ${boundMs} ms (a hang?): tei-edition ${args.join(' ')}`));
      }, boundMs);
      const onMessage = (m: { id?: number; status: number; stdout: string; stderr: string }): void => {
        if (m.id !== id) return;
        settle();
        resolve({ status: m.status, stdout: m.stdout, stderr: m.stderr, ms: performance.now() - started });
      };
      const onError = (error: Error): void => {
        settle();
        this.worker = undefined;
        reject(error);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage({ id, args });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }
}
