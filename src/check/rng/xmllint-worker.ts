// The code of one RelaxNG worker thread: xmllint (libxml2 compiled to WebAssembly) started at
// once, so it compiles the schema while the main thread is still reading and parsing files.
// Its document files are slots: a slot is a device whose first read takes the next document from
// a queue shared by all workers (waiting, if need be, until the main thread has checked it), so
// the work spreads over the workers by itself and a worker never sees a file the reader refused.
// Whatever xmllint prints is cut into one piece per document, for the main thread to put back in
// document order under the documents' own names: the output is then what one xmllint call over all
// documents would print.
//
// This function runs in the worker, from its source text (see XMLLINT_WORKER_SOURCE): it may use
// nothing from this module but what it receives, and it reaches xmllint-wasm by its file path.

/** Indices into the shared Int32Array that drives the queue. */
export const CONTROL = {
  /** The next queue position a worker will take (Atomics.add). */
  next: 0,
  /** How many documents the main thread has handed over so far. */
  submitted: 1,
  /** How many documents there are in all: -1 while the main thread may still add some. */
  total: 2,
  /** Set to 1 when the run is abandoned: waiting workers stop. */
  abort: 3,
  size: 4,
} as const;

/** Per worker, in a shared Float64Array (PROGRESS_SLOTS numbers each): what the scheduler reads. */
export const PROGRESS = {
  /** When xmllint asked for its first document, i.e. when the schema was compiled (ms since 1970). */
  firstClaim: 0,
  /** When it last asked for a document. */
  lastClaim: 1,
  /** Bytes of the documents it has finished. */
  doneBytes: 2,
  size: 3,
} as const;

/** The few WebAssembly entry points used here (the project's TypeScript libs do not declare them). */
export interface WasmApi {
  Module: new (bytes: Uint8Array) => WasmModule;
  Memory: new (descriptor: { initial: number; maximum: number }) => object;
  instantiate(module: WasmModule, imports: object): Promise<object>;
}
/** A compiled WebAssembly module: shared by the workers, never looked into. */
export type WasmModule = object;

export interface WorkerInput {
  /** Path of xmllint-wasm's xmllint-node.js, whose export is the Emscripten module factory. */
  modulePath: string;
  wasmModule: WasmModule;
  control: SharedArrayBuffer;
  progress: SharedArrayBuffer;
  /** This worker's place in `progress`. */
  index: number;
  port: import('node:worker_threads').MessagePort;
  schemaFiles: { fileName: string; contents: string }[];
  mainSchema: string;
  /** As many slots as there can be documents; the ones left when the queue is empty read as empty. */
  slots: number;
  initialMemory: number;
  maxMemory: number;
}

/** A document handed to the workers: its position in the queue and its UTF-8 bytes in shared memory. */
export interface QueuedDocument {
  position: number;
  bytes: Uint8Array;
}

/** What xmllint printed about one document, which it knew by the name of the slot it read it from. */
export interface DocumentOutput {
  position: number;
  slot: string;
  text: string;
}

export type WorkerMessage =
  | { kind: 'done'; exitCode: number; preamble: string; documents: DocumentOutput[] }
  | { kind: 'aborted'; message: string };

function xmllintWorkerMain(require: NodeRequire): void {
  const threads = require('node:worker_threads') as typeof import('node:worker_threads');
  const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
  const input = threads.workerData as WorkerInput;
  const control = new Int32Array(input.control);
  const progress = new Float64Array(input.progress);
  const base = input.index * 3;
  const [NEXT, SUBMITTED, TOTAL, ABORT] = [0, 1, 2, 3];
  const queued = new Map<number, Uint8Array>();

  class Abandoned extends Error {}

  // Output pieces, in the order xmllint printed them. Lines before the first document are about
  // the schema; lines after the queue ran dry are about empty slots and are dropped.
  let preamble = '';
  const documents: { position: number; slot: string; text: string }[] = [];
  let current: { position: number; slot: string; text: string } | undefined;
  let finishedBytes = 0;
  let currentBytes = 0;

  const close = (): void => {
    if (current && current.position >= 0) documents.push({ position: current.position, slot: current.slot, text: current.text });
    current = undefined;
  };

  const claim = (): number => {
    const position = Atomics.add(control, NEXT, 1);
    for (;;) {
      if (Atomics.load(control, ABORT) !== 0) throw new Abandoned('abandoned');
      const submitted = Atomics.load(control, SUBMITTED);
      if (position < submitted) break;
      const total = Atomics.load(control, TOTAL);
      if (total >= 0 && position >= total) return -1;
      Atomics.wait(control, SUBMITTED, submitted, 100);
    }
    // The main thread posts a document before it counts it as submitted, so it is on the port.
    while (!queued.has(position)) {
      const received = threads.receiveMessageOnPort(input.port);
      if (received === undefined) {
        if (Atomics.load(control, ABORT) !== 0) throw new Abandoned('abandoned');
        Atomics.wait(control, ABORT, 0, 5);
        continue;
      }
      const doc = received.message as QueuedDocument;
      queued.set(doc.position, doc.bytes);
    }
    // Positions are taken in increasing order, so every smaller one went to another worker.
    for (const p of queued.keys()) if (p < position) queued.delete(p);
    return position;
  };

  const slot = (name: string): (() => number | null) => {
    let bytes: Uint8Array | undefined;
    let offset = 0;
    let started = false;
    return () => {
      if (!started) {
        started = true;
        close();
        finishedBytes += currentBytes;
        currentBytes = 0;
        const now = performance.timeOrigin + performance.now();
        const position = claim();
        if (progress[base] === 0) progress[base] = now;
        progress[base + 1] = now;
        progress[base + 2] = finishedBytes;
        current = { position, slot: name, text: '' };
        if (position >= 0) {
          bytes = queued.get(position)!;
          queued.delete(position);
          currentBytes = bytes.length;
        }
      }
      if (bytes === undefined || offset >= bytes.length) return null;
      return bytes[offset++]!;
    };
  };

  const print = (text: string): void => {
    if (current) current.text += text + '\n';
    else if (documents.length === 0) preamble += text + '\n';
  };

  const slotNames = Array.from({ length: input.slots }, (_, i) => `doc/slot-${i + 1}.xml`);
  const factory = require(input.modulePath) as (options: Record<string, unknown>) => Promise<unknown>;
  const options: Record<string, unknown> = {
    arguments: ['--relaxng', input.mainSchema, '--noout', ...slotNames],
    // xmllint-wasm writes `inputFiles` into the in-memory file system before main() runs; the
    // documents are added here as devices instead, read when xmllint gets to them.
    inputFiles: {
      forEach(write: (file: { fileName: string; contents: string }) => void): void {
        for (const f of input.schemaFiles) write(f);
        const createPath = options.FS_createPath as (parent: string, path: string, read: boolean, write: boolean) => void;
        const createDevice = options.FS_createDevice as (parent: string, name: string, input: () => number | null, output: null) => void;
        createPath('/', 'doc', true, true);
        for (const name of slotNames) createDevice('/doc', name.slice('doc/'.length), slot(name), null);
      },
    },
    print() {},
    printErr: print,
    wasmMemory: new wasm.Memory({ initial: input.initialMemory, maximum: input.maxMemory }),
    instantiateWasm(imports: object, receive: (instance: object, module: WasmModule) => void) {
      void wasm.instantiate(input.wasmModule, imports).then((instance) => receive(instance, input.wasmModule));
      return {};
    },
    onExit(exitCode: number) {
      close();
      const message = { kind: 'done', exitCode, preamble, documents };
      threads.parentPort!.postMessage(message);
    },
    onAbort(reason: unknown) {
      threads.parentPort!.postMessage({ kind: 'aborted', message: `WASM Abort: ${String(reason)}` });
    },
  };
  factory(options).catch((error: unknown) => {
    if (error instanceof Abandoned) return;
    threads.parentPort!.postMessage({ kind: 'aborted', message: error instanceof Error ? error.message : String(error) });
  });
}

/**
 * Source text for `new Worker(…, { eval: true })`: the function above, compiled by tsc (or by the
 * test runner, whose transform may wrap functions in `__name`, defined here as a no-op).
 */
export const XMLLINT_WORKER_SOURCE = `const __name = (target) => target;\n(${xmllintWorkerMain.toString()})(require);\n`;
