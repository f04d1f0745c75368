// Many files through the stylesheet at once: worker threads take jobs from one queue, each with its own
// SaxonJS and its own copy of the compiled stylesheet, so an edition of many documents uses every core.
// A transformation is a pure function of the file's text, its URI, the parameters and the stylesheet
// (the stylesheets read no other file), so where it runs changes nothing in what it returns; results come
// back in the order of the jobs. Few jobs, or one core, run here in the calling thread: a worker costs
// a load of SaxonJS and of the stylesheet before its first job.
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { CompiledStylesheet } from './stylesheet.js';
import type { ShardResults } from './shards.js';
import { TransformCache, resultKeys, transformCacheRoot } from './transform-cache.js';
import { failureMessage, runTransform, type TransformedFile, type TransformOutcome, type TransformSource } from './transform-file.js';

/** Below this many jobs a worker does not pay for its start. */
const MIN_JOBS_PER_WORKER = 16;

type WorkerReply = { index: number; ok: true; json: string; messages: string[] } | { index: number; ok: false; error: { message?: string; code?: string; xsltLineNr?: string; xsltModule?: string }; messages: string[] };

// This function runs in each worker, from its source text: it may use nothing from this module but
// what it receives (SaxonJS by its file path, the stylesheet as JSON text).
function transformWorkerMain(load: (id: string) => unknown): void {
  const { parentPort, workerData } = load('node:worker_threads') as typeof import('node:worker_threads');
  const { saxonPath, sefText, params } = workerData as { saxonPath: string; sefText: string; params: Record<string, unknown> };
  const saxon = load(saxonPath) as { transform: (options: Record<string, unknown>, mode: string) => { principalResult: unknown } };
  const sef: unknown = JSON.parse(sefText);
  parentPort!.on('message', (message: { index: number; source: TransformSource } | null) => {
    if (message === null) {
      parentPort!.close();
      return;
    }
    const messages: string[] = [];
    try {
      const result = saxon.transform(
        {
          stylesheetInternal: sef,
          ...message.source,
          destination: 'serialized',
          deliverMessage: (m: unknown) => {
            const node = m as { textContent?: unknown } | null;
            messages.push(typeof node?.textContent === 'string' ? node.textContent : String(m));
          },
          stylesheetParams: params,
        },
        'sync',
      );
      parentPort!.postMessage({ index: message.index, ok: true, json: String(result.principalResult), messages });
    } catch (error) {
      const e = error as { message?: string; code?: string; xsltLineNr?: unknown; xsltModule?: unknown };
      const plain = { message: String(e?.message ?? error), ...(e?.code ? { code: String(e.code) } : {}), ...(e?.xsltLineNr !== undefined ? { xsltLineNr: String(e.xsltLineNr) } : {}), ...(e?.xsltModule ? { xsltModule: String(e.xsltModule) } : {}) };
      parentPort!.postMessage({ index: message.index, ok: false, error: plain, messages });
    }
  });
}

const WORKER_SOURCE = `const __name = (target) => target;\n(${transformWorkerMain.toString()})(require);\n`;

/** How many workers a run of `jobs` transformations gets: TEI_EDITION_TRANSFORM_WORKERS, else one per core while each has enough jobs. */
export function workerCount(jobs: number, setting: string | undefined = process.env.TEI_EDITION_TRANSFORM_WORKERS, cores: number = availableParallelism()): number {
  const byJobs = Math.floor(jobs / MIN_JOBS_PER_WORKER);
  if (setting !== undefined && setting.trim() !== '') {
    const n = Number(setting);
    if (Number.isInteger(n) && n >= 0) return Math.min(n, jobs);
  }
  const n = Math.min(cores, byJobs);
  return n >= 2 ? n : 0;
}

function outcomeOf(reply: WorkerReply): TransformOutcome {
  if (!reply.ok) return { ok: false, message: failureMessage(reply.error), messages: reply.messages };
  return { ok: true, file: JSON.parse(reply.json) as TransformedFile, messages: reply.messages };
}

function runHere(stylesheet: CompiledStylesheet, source: TransformSource, params: Record<string, unknown>): TransformOutcome {
  const messages: string[] = [];
  try {
    return { ok: true, file: JSON.parse(runTransform(stylesheet.sef, source, params, messages)) as TransformedFile, messages };
  } catch (error) {
    return { ok: false, message: failureMessage(error), messages };
  }
}

/**
 * The outcome for every source, in their order; `params` are the stylesheet parameters they share
 * (stylesheetParams in transform-file.ts), sent once to each worker. `onDone` is told as each finishes
 * (in any order). A worker that dies fails the one file it held, with the reason; the others go on.
 */
export async function transformMany(stylesheet: CompiledStylesheet, params: Record<string, unknown>, jobs: readonly TransformSource[], onDone?: (index: number) => void, workers: number = workerCount(jobs.length)): Promise<TransformOutcome[]> {
  const outcomes: TransformOutcome[] = new Array(jobs.length);
  if (workers === 0) {
    for (let i = 0; i < jobs.length; i++) {
      outcomes[i] = runHere(stylesheet, jobs[i]!, params);
      onDone?.(i);
      // Lets signals be handled between files: the transformations are synchronous.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return outcomes;
  }
  const saxonPath = createRequire(import.meta.url).resolve('saxon-js');
  const sefText = stylesheet.text;
  let next = 0;
  const runWorker = (): Promise<void> =>
    new Promise((resolve) => {
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { saxonPath, sefText, params } });
      let current = -1;
      const give = (): void => {
        if (next >= jobs.length) {
          current = -1;
          worker.postMessage(null);
          return;
        }
        current = next++;
        worker.postMessage({ index: current, source: jobs[current] });
      };
      worker.on('message', (reply: WorkerReply) => {
        outcomes[reply.index] = outcomeOf(reply);
        onDone?.(reply.index);
        give();
      });
      const settle = (reason: string): void => {
        if (current >= 0 && outcomes[current] === undefined) {
          outcomes[current] = { ok: false, message: reason, messages: [] };
          onDone?.(current);
        }
        current = -1;
        resolve();
      };
      worker.on('error', (error) => settle(`the transformation's worker failed: ${error.message}`));
      worker.on('exit', (code) => settle(`the transformation's worker stopped (exit code ${code})`));
      give();
    });
  await Promise.all(Array.from({ length: Math.min(workers, jobs.length) }, runWorker));
  // Jobs no worker lived to take (every worker died): run here, so that each gets an outcome.
  for (let i = 0; i < jobs.length; i++) {
    if (outcomes[i] !== undefined) continue;
    outcomes[i] = runHere(stylesheet, jobs[i]!, params);
    onDone?.(i);
  }
  return outcomes;
}

export interface TransformAllOptions {
  /** Told as each source is done (in any order). */
  onDone?: (index: number) => void;
  /** Results made elsewhere (shard folders: shards.ts), by resultKeys: taken before the cache. */
  given?: ShardResults;
  /** Told every result by its key, whether made here or found (to write a shard). */
  onResult?: (key: string, outcome: TransformOutcome) => void;
}

/**
 * Every source through the stylesheet, as transformMany, but a result made before from the same text,
 * URI, parameters and stylesheets is taken as it is: from `given` (shards), else from the cache of
 * earlier builds (transform-cache.ts). Only what neither holds is transformed.
 */
export async function transformAll(stylesheet: CompiledStylesheet, params: Record<string, unknown>, sources: readonly TransformSource[], options: TransformAllOptions = {}): Promise<TransformOutcome[]> {
  const { onDone, given, onResult } = options;
  const root = transformCacheRoot();
  const cache = root === undefined ? undefined : new TransformCache(root, stylesheet.hash);
  const keyOf = resultKeys(stylesheet.hash, params);
  const keys = sources.map(keyOf);
  const outcomes: (TransformOutcome | undefined)[] = keys.map((k) => given?.get(k) ?? cache?.get(k));
  const missing = outcomes.flatMap((o, i) => (o === undefined ? [i] : []));
  for (let i = 0; i < sources.length; i++) if (outcomes[i] !== undefined) onDone?.(i);
  const made = await transformMany(stylesheet, params, missing.map((i) => sources[i]!), (k) => onDone?.(missing[k]!));
  missing.forEach((i, k) => {
    outcomes[i] = made[k]!;
    cache?.put(keys[i]!, made[k]!);
  });
  cache?.save();
  if (onResult) outcomes.forEach((o, i) => onResult(keys[i]!, o!));
  return outcomes as TransformOutcome[];
}
