// The RelaxNG workers seen from the main thread: documents go into a queue shared by every worker
// (once the schema has been cut down to the elements they use, see validate-rng.ts), and more
// workers join while it pays. A worker costs one schema compile (a few hundred milliseconds for a
// cut-down schema) and then takes its share of the validation; so a second one starts only once
// the first has shown how long both take, when what is left to validate would last well beyond
// another compile, and only on a core the main thread leaves free (see validate-rng.ts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { CONTROL, PROGRESS, XMLLINT_WORKER_SOURCE, type DocumentOutput, type QueuedDocument, type WasmApi, type WasmModule, type WorkerInput, type WorkerMessage } from './xmllint-worker.js';

export interface PoolSchema {
  files: { fileName: string; contents: string }[];
  mainSchema: string;
}

export interface PoolOptions {
  /** The most documents there can be (one xmllint slot each). */
  capacity: number;
  /** Bytes of all documents there can be: sizes libxml2's memory. */
  expectedBytes: number;
  /** A fixed number of workers, all started with the first document; otherwise they join as they pay. */
  workers?: number;
  /** The most workers the scheduler may start. */
  maxWorkers: number;
  /** The workers' code; tests put a failing one here to see that a crash becomes a diagnostic. */
  workerSource?: string;
}

/** xmllint's messages about the schema, then about each document (by queue position). */
export type PoolResult = { ok: true; preamble: string; documents: DocumentOutput[] } | { ok: false; message: string };

const WASM_PAGE_MIB = 16;
const MAX_PAGES = 65536;
const INITIAL_PAGES = 256;

const modulePath = (): string => path.join(path.dirname(createRequire(import.meta.url).resolve('xmllint-wasm')), 'xmllint-node.js');
let bytes: Uint8Array | undefined;
let compiled: WasmModule | undefined;

/** xmllint's WebAssembly as it is on disk (it also names the validator in the result cache). */
export function xmllintBytes(): Uint8Array {
  bytes ??= readFileSync(path.join(path.dirname(modulePath()), 'xmllint.wasm'));
  return bytes;
}

/** xmllint's WebAssembly, compiled once per process and shared by every worker. */
function xmllintModule(): { modulePath: string; module: WasmModule } {
  if (!compiled) {
    const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
    compiled = new wasm.Module(xmllintBytes());
  }
  return { modulePath: modulePath(), module: compiled };
}

interface Running {
  worker: Worker;
  port: MessagePort;
  startedAt: number;
  result?: Extract<WorkerMessage, { kind: 'done' }>;
}

/**
 * Whether one xmllint call over all the documents would have ended with an exit code other than
 * 0 (valid), 3 (invalid) or 4 (a file it could not parse): xmllint-wasm reports those as failures.
 * The workers' own exit codes cannot say so, because a worker also reads slots left empty. xmllint
 * keeps the code of its last problem: after a schema that fails to compile (5) it goes on parsing
 * the documents, and a document it cannot parse turns the 5 into a 4.
 */
export function exitsAsFailure(results: readonly { exitCode: number; preamble: string; documents: readonly DocumentOutput[] }[]): boolean {
  const compileFailed = results.some((r) => r.exitCode === 5 || /^Relax-NG schema .* failed to compile$/m.test(r.preamble));
  if (compileFailed) return !results.some((r) => r.documents.some((d) => /^\S+:\d+: .*\berror\b/m.test(d.text)));
  return results.some((r) => ![0, 3, 4].includes(r.exitCode));
}

export class XmllintPool {
  private readonly control = new Int32Array(new SharedArrayBuffer(CONTROL.size * 4));
  private readonly progressBuffer: SharedArrayBuffer;
  private readonly progress: Float64Array;
  private readonly documents: QueuedDocument[] = [];
  private readonly running: Running[] = [];
  private failure: string | undefined;
  private settle: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastLook = 0;

  constructor(
    private readonly schema: PoolSchema,
    private readonly options: PoolOptions,
  ) {
    this.control[CONTROL.total] = -1;
    const most = Math.max(1, options.workers ?? options.maxWorkers);
    this.progressBuffer = new SharedArrayBuffer(most * PROGRESS.size * 8);
    this.progress = new Float64Array(this.progressBuffer);
  }

  /** Hands a document (its text as xmllint must read it) to the workers. */
  add(text: string): void {
    const length = Buffer.byteLength(text, 'utf8');
    const bytes = new Uint8Array(new SharedArrayBuffer(length));
    Buffer.from(bytes.buffer, 0, length).write(text, 'utf8');
    const doc: QueuedDocument = { position: this.documents.length, bytes };
    this.documents.push(doc);
    if (this.running.length === 0) {
      const first = this.options.workers ?? 1;
      for (let i = 0; i < first; i++) this.start();
    } else for (const r of this.running) r.port.postMessage(doc);
    Atomics.add(this.control, CONTROL.submitted, 1);
    Atomics.notify(this.control, CONTROL.submitted);
    this.look();
  }

  /** No more documents: waits for every worker, and gives xmllint's output in document order. */
  async finish(): Promise<PoolResult> {
    Atomics.store(this.control, CONTROL.total, this.documents.length);
    Atomics.notify(this.control, CONTROL.submitted);
    if (this.documents.length === 0) return { ok: true, preamble: '', documents: [] };
    this.look(true);
    try {
      await new Promise<void>((resolve) => {
        this.settle = resolve;
        this.timer = setInterval(() => this.look(), 50);
        this.check();
      });
    } finally {
      this.dispose();
    }
    if (this.failure !== undefined) return { ok: false, message: this.failure };
    const results = this.running.map((r) => r.result!);
    const documents = new Array<DocumentOutput>(this.documents.length);
    for (const result of results) for (const d of result.documents) documents[d.position] = d;
    for (let i = 0; i < documents.length; i++) documents[i] ??= { position: i, slot: '', text: '' };
    // The schema's own messages come first, once, as from a single call.
    const preamble = results[0]!.preamble;
    if (exitsAsFailure(results)) return { ok: false, message: preamble + documents.map((d) => d.text).join('') };
    return { ok: true, preamble, documents };
  }

  /** Stops every worker (also when the caller gives up half-way). */
  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    Atomics.store(this.control, CONTROL.abort, 1);
    Atomics.notify(this.control, CONTROL.submitted);
    Atomics.notify(this.control, CONTROL.abort);
    for (const r of this.running) {
      r.port.close();
      void r.worker.terminate();
    }
  }

  /** Number of workers started so far. */
  get workerCount(): number {
    return this.running.length;
  }

  private start(): void {
    const index = this.running.length;
    const { modulePath, module } = xmllintModule();
    const channel = new MessageChannel();
    // libxml2 keeps one document's tree at a time, but memory it has grown never shrinks.
    const maxMemory = Math.min(MAX_PAGES, 512 * WASM_PAGE_MIB + Math.ceil((this.options.expectedBytes * 40) / 65536));
    const input: WorkerInput = {
      modulePath,
      wasmModule: module,
      control: this.control.buffer as SharedArrayBuffer,
      progress: this.progressBuffer,
      index,
      port: channel.port2,
      schemaFiles: this.schema.files,
      mainSchema: this.schema.mainSchema,
      slots: this.options.capacity,
      initialMemory: INITIAL_PAGES,
      maxMemory: Math.max(INITIAL_PAGES, maxMemory),
    };
    const worker = new Worker(this.options.workerSource ?? XMLLINT_WORKER_SOURCE, { eval: true, workerData: input, transferList: [channel.port2] });
    const running: Running = { worker, port: channel.port1, startedAt: performance.timeOrigin + performance.now() };
    this.running.push(running);
    // Documents this worker may still take: every one no worker has taken yet.
    const from = Math.min(Atomics.load(this.control, CONTROL.next), this.documents.length);
    for (const doc of this.documents.slice(from)) running.port.postMessage(doc);
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'done') running.result = message;
      else this.fail(message.message);
      this.check();
    });
    worker.on('error', (error) => {
      this.fail(error instanceof Error ? error.message : String(error));
      this.check();
    });
    worker.on('exit', (code) => {
      if (!running.result && this.failure === undefined) this.fail(`a validator worker stopped (exit code ${code}) before it had validated its files`);
      this.check();
    });
  }

  private fail(message: string): void {
    if (this.failure === undefined) this.failure = message;
  }

  private check(): void {
    if (!this.settle) return;
    if (this.failure !== undefined || this.running.every((r) => r.result)) {
      const settle = this.settle;
      this.settle = undefined;
      settle();
    }
  }

  /**
   * Starts another worker when the work left, at the pace seen so far, would outlast another
   * schema compile by far. Needs the first worker to have compiled and finished a document.
   */
  private look(force = false): void {
    if (this.options.workers !== undefined || this.failure !== undefined) return;
    const now = performance.timeOrigin + performance.now();
    if (!force && now - this.lastLook < 20) return;
    this.lastLook = now;
    if (this.running.length === 0 || this.running.length >= this.options.maxWorkers) return;
    const first = this.running[0]!;
    const firstClaim = this.progress[PROGRESS.firstClaim]!;
    const doneBytes = this.progress[PROGRESS.doneBytes]!;
    const busy = this.progress[PROGRESS.lastClaim]! - firstClaim;
    if (firstClaim === 0 || doneBytes === 0 || busy <= 0) return;
    const compile = firstClaim - first.startedAt;
    const next = Math.min(Atomics.load(this.control, CONTROL.next), this.documents.length);
    if (this.documents.length - next < 2) return;
    let left = 0;
    for (let i = next; i < this.documents.length; i++) left += this.documents[i]!.bytes.length;
    const remaining = left / (doneBytes / busy) / this.running.length;
    if (remaining > 2 * compile + 200) this.start();
  }
}

