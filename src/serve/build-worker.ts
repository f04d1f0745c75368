// The thread `serve` builds in (src/serve/build-runner.ts). It stays between builds, so what a build
// keeps in memory (the compiled stylesheet, the templates) is loaded once; the server's thread stays
// free to answer the browser while a build runs; and an error no build catches ends this thread, never
// the server. Asked to stop, it ends between two steps of a build (never inside the final swap, which is
// synchronous), through process.exit, so the build's exit handlers remove its staging folder and lock.
import { parentPort } from 'node:worker_threads';
import { buildEdition, type BuildPlan, type BuildResult } from '../package/build-edition.js';

export type BuildRequest = { kind: 'build'; id: number; plan: BuildPlan } | { kind: 'stop' };
export type BuildReply = { kind: 'done'; id: number; result: BuildResult } | { kind: 'crashed'; id: number; message: string; stack?: string };

const port = parentPort;
if (port) {
  port.on('message', (request: BuildRequest) => {
    if (request.kind === 'stop') process.exit(0);
    const crashed = (error: unknown): void => {
      const e = error instanceof Error ? error : new Error(String(error));
      port.postMessage({ kind: 'crashed', id: request.id, message: e.message, ...(e.stack ? { stack: e.stack } : {}) } satisfies BuildReply);
    };
    buildEdition(request.plan).then((result) => {
      try {
        port.postMessage({ kind: 'done', id: request.id, result } satisfies BuildReply);
      } catch (error) {
        crashed(error);
      }
    }, crashed);
  });
}
