// Runs the compiled command line (lib/) in a worker thread, one command per message, with its
// output captured. A worker can be terminated from outside, so a case that hangs is stopped
// and reported instead of blocking the test run.
import { parentPort } from 'node:worker_threads';

const { run } = await import(new URL('../../lib/cli/main.js', import.meta.url).href);
let stdout = '';
let stderr = '';
process.stdout.write = (chunk) => ((stdout += String(chunk)), true);
process.stderr.write = (chunk) => ((stderr += String(chunk)), true);

parentPort.on('message', async ({ id, args }) => {
  stdout = '';
  stderr = '';
  let status;
  try {
    status = await run(args);
  } catch (error) {
    status = -1;
    stderr += `uncaught: ${error instanceof Error ? error.stack : String(error)}`;
  }
  parentPort.postMessage({ id, status, stdout, stderr });
});
parentPort.postMessage({ ready: true });
