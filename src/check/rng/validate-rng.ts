// The RelaxNG layer: xmllint-wasm over every checked file, errors mapped back to file:line, and a
// column taken from our own tree when the element can be found on that line. Files are collected
// as the reader accepts them (`RelaxNgRun.add`); the schema is then cut down to the elements those
// files use (reduce-schema.ts: same verdicts, same messages, a fraction of libxml2's compile time)
// and the files go to the validator; workers share them out (see pool.ts), and the output is read
// as if a single xmllint call had validated them all, in order. A file whose answer is kept from an
// earlier run against the same schema (result-cache.ts) is not handed over at all, and its
// elements do not count.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { asUtf8Source } from '../../read/decode.js';
import type { SourceFile } from '../../read/load.js';
import { descendantsOrSelf, type XmlElement } from '../../read/tree.js';
import { xmllintBytes, XmllintPool, type PoolResult, type PoolSchema } from './pool.js';
import { collectElementNames, reduceSchema, REDUCER_VERSION } from './reduce-schema.js';
import { ReducedSchemaCache, reducedKey } from './reduced-cache.js';
import { cacheRoot, RngResultCache, STORED_NAME } from './result-cache.js';
import { collectSchemaFiles, schemaLayout, type SchemaFile } from './schema-files.js';
import { parseXmllintOutput } from './xmllint-output.js';

export interface RngOptions {
  /** Schema path as displayed in diagnostics. */
  schemaDisplay: string;
  /** How many files may be added at most (default: the files given to validateRelaxNg). */
  capacity?: number;
  /** Their bytes in all, at most: sizes the validator's memory. */
  expectedBytes?: number;
  /** A fixed number of validator workers; by default they join while it pays, up to one per core. */
  workers?: number;
  /** The workers' code (tests only: a worker that fails). */
  workerSource?: string;
  /** The result cache's folder, or false for none; by default as TEI_EDITION_RNG_CACHE says (see result-cache.ts). */
  cache?: string | false;
  /** Whether the schema is cut down to the elements of the files validated (default: unless TEI_EDITION_RNG_REDUCE=off). */
  reduce?: boolean;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function toolError(file: string, message: string): Diagnostic {
  return { file, severity: 'error', ruleId: 'rng/schema-error', message };
}

/** `TEI_EDITION_RNG_WORKERS=N` fixes the number of validator workers (a positive integer), e.g. to spare cores. */
export function workersFromEnvironment(value: string | undefined = process.env.TEI_EDITION_RNG_WORKERS): number | undefined {
  if (value === undefined || !/^\s*[1-9][0-9]?\s*$/.test(value)) return undefined;
  return Number(value);
}

/** `TEI_EDITION_RNG_REDUCE=off` validates against the schema as it is, e.g. to compare the two. */
export function reduceFromEnvironment(value: string | undefined = process.env.TEI_EDITION_RNG_REDUCE): boolean {
  return value === undefined || !/^\s*(off|0|false|no)\s*$/i.test(value);
}

export async function validateRelaxNg(sources: readonly SourceFile[], schemaPath: string, options: RngOptions): Promise<Diagnostic[]> {
  const run = new RelaxNgRun(schemaPath, {
    capacity: sources.length,
    expectedBytes: sources.reduce((sum, s) => sum + s.text.length, 0),
    ...options,
  });
  try {
    for (const s of sources) run.add(s);
    return await run.finish();
  } finally {
    run.dispose();
  }
}

/** The name xmllint knows the document at `index` by: as if one call had validated them all, in order. */
const documentName = (index: number): string => `doc/${index + 1}.xml`;

/** One validation of many files against one schema; files are added in order, then `finish`. */
export class RelaxNgRun {
  private readonly sources: SourceFile[] = [];
  private readonly texts: string[] = [];
  /** Per source: xmllint's stored answer (named STORED_NAME), when the cache had one. */
  private readonly stored: (string | undefined)[] = [];
  /** Per queue position of the workers: the source it is. */
  private readonly queued: number[] = [];
  private started = false;
  private schemaFailure: Diagnostic | undefined;
  private schema: PoolSchema | undefined;
  private pool: XmllintPool | undefined;
  private cache: RngResultCache | undefined;
  private storedPreamble: string | undefined;
  private layoutNames = new Set<string>();
  /** With reduction: the schema as read (trees included) until it is cut down, and the names of the elements to keep. */
  private reducing = false;
  private schemaFiles: SchemaFile[] | undefined;
  private readonly used = new Set<string>();
  private pendingBytes = 0;
  private poolResult: PoolResult | undefined;

  constructor(
    private readonly schemaPath: string,
    private readonly options: RngOptions,
  ) {}

  add(source: SourceFile): void {
    if (!this.started) this.begin();
    const index = this.sources.length;
    this.sources.push(source);
    if (this.schemaFailure) return;
    const text = asUtf8Source(source.text);
    this.texts.push(text);
    const stored = this.storedPreamble === undefined ? undefined : this.cache?.get(text);
    this.stored.push(stored);
    if (stored !== undefined) return;
    this.queued.push(index);
    if (this.reducing) {
      // The schema depends on every file's elements: validation starts in finish().
      collectElementNames(source.document.root, this.used);
      this.pendingBytes += text.length;
      return;
    }
    this.pool ??= this.startPool(this.schema!);
    this.pool.add(text);
  }

  /** The schema is read on the first file: with no file to validate, nothing is said about it. */
  private begin(): void {
    this.started = true;
    const schema = collectSchemaFiles(this.schemaPath);
    if (!schema.ok) {
      this.schemaFailure = toolError(this.options.schemaDisplay, schema.message);
      return;
    }
    const layout = schemaLayout(schema.files);
    this.layoutNames = new Set(layout.values());
    this.schema = {
      mainSchema: layout.get(schema.main.absolutePath)!,
      files: [schema.main, ...schema.files.filter((f) => f !== schema.main)].map((f) => ({ fileName: layout.get(f.absolutePath)!, contents: f.text })),
    };
    this.reducing = this.options.reduce ?? reduceFromEnvironment();
    if (this.reducing) this.schemaFiles = schema.files;
    this.root = this.options.cache === false ? undefined : (this.options.cache ?? cacheRoot());
    if (this.root !== undefined) {
      // Keyed on the schema as given, reduced or not: a file's answer is the same against both.
      this.cache = new RngResultCache(this.root, { validator: xmllintBytes(), mainSchema: this.schema.mainSchema, schemaFiles: this.schema.files });
      this.storedPreamble = this.cache.preamble();
    }
  }

  private root: string | undefined;

  /**
   * The schema cut down to the elements of the files to validate, from the cache when it was cut so
   * before; undefined when it cannot be cut (then the full schema is used: slower, never wrong).
   */
  private reducedSchema(): PoolSchema | undefined {
    const full = this.schema!;
    const files = this.schemaFiles!;
    this.schemaFiles = undefined; // the trees are no longer needed
    const key = reducedKey(REDUCER_VERSION, full.files, this.used);
    const store = this.root === undefined ? undefined : new ReducedSchemaCache(this.root);
    const stored = store?.get(key);
    const layout = new Map(full.files.map((f) => [f.fileName, f]));
    if (stored && stored.length === full.files.length && stored.every((f) => layout.has(f.fileName))) {
      return { mainSchema: full.mainSchema, files: stored };
    }
    let reduced: ReturnType<typeof reduceSchema>;
    try {
      reduced = reduceSchema(files, this.used);
    } catch {
      return undefined;
    }
    const names = schemaLayout(files);
    const out = reduced.files.map((f) => ({ fileName: names.get(f.absolutePath)!, contents: f.text }));
    // The main schema first, as in the full schema.
    out.sort((a, b) => (a.fileName === full.mainSchema ? -1 : b.fileName === full.mainSchema ? 1 : 0));
    store?.put(key, out);
    return { mainSchema: full.mainSchema, files: out };
  }

  /** Workers start with the first file the cache cannot answer (with reduction: once every file is in). */
  private startPool(schema: PoolSchema): XmllintPool {
    const workers = this.options.workers ?? workersFromEnvironment();
    return new XmllintPool(schema, {
      capacity: Math.max(1, this.reducing ? this.queued.length : (this.options.capacity ?? 1)),
      expectedBytes: this.reducing ? this.pendingBytes : (this.options.expectedBytes ?? 0),
      // The main thread reads and runs the editorial rules while the workers validate: a worker
      // beyond the cores left competes with it, and with the schema cut down a compile is too cheap
      // for the extra parallelism to make up for that (docs/performance.md).
      maxWorkers: Math.max(1, availableParallelism() - 1),
      ...(workers === undefined ? {} : { workers }),
      ...(this.options.workerSource === undefined ? {} : { workerSource: this.options.workerSource }),
    });
  }

  async finish(): Promise<Diagnostic[]> {
    const sources = this.sources;
    if (sources.length === 0) return [];
    if (this.schemaFailure) return [this.schemaFailure];
    const schemaName = path.basename(this.schemaPath);
    const names = sources.map((_, i) => documentName(i));
    const outputs = this.stored.map((s, i) => (s === undefined ? '' : s.split(STORED_NAME).join(names[i]!)));
    let preamble = this.storedPreamble ?? '';
    const fresh: { index: number; slot: string; text: string }[] = [];
    if (this.reducing && this.queued.length > 0) {
      const reduced = this.reducedSchema();
      this.pool = this.startPool(reduced ?? this.schema!);
      for (const index of this.queued) this.pool.add(this.texts[index]!);
      if (reduced) {
        const result = await this.pool.finish();
        // A schema libxml2 cannot compile is reported as it is, with the lines of the file the user
        // wrote, not those of its reduced copy: validate against the full schema to say so.
        const said = result.ok ? result.preamble : result.message;
        const failed = parseXmllintOutput(said, new Set(), this.layoutNames).schemaFailures.length > 0;
        if (!failed) this.poolResult = result;
        else {
          this.pool.dispose();
          this.pool = this.startPool(this.schema!);
          for (const index of this.queued) this.pool.add(this.texts[index]!);
        }
      }
    }
    if (this.pool) {
      const result = this.poolResult ?? (await this.pool.finish());
      if (!result.ok) {
        const detail = result.message.split('\n').filter((l) => l.trim()).slice(0, 3).join(' / ');
        return [toolError(this.options.schemaDisplay, `the RelaxNG validator (xmllint-wasm) failed on schema ${schemaName}: ${detail || 'no message'}; no file was validated`)];
      }
      preamble = result.preamble;
      for (const d of result.documents) {
        const index = this.queued[d.position]!;
        outputs[index] = d.slot === '' ? d.text : d.text.split(d.slot).join(names[index]!);
        fresh.push({ index, slot: d.slot, text: d.text });
      }
    }
    const byName = new Map(names.map((n, i) => [n, sources[i]!]));
    const parsed = parseXmllintOutput(preamble + outputs.join(''), new Set(names), this.layoutNames);
    if (parsed.schemaFailures.length > 0) {
      const first = parsed.schemaFailures.slice(0, 3).map((l) => l.replace(/^schema\//, '')).join(' / ');
      return [
        toolError(
          this.options.schemaDisplay,
          `the RelaxNG validator (libxml2) cannot compile schema ${schemaName}, so no file was validated: ${first}. Try another schema, or check this one with jing`,
        ),
      ];
    }
    if (this.cache && fresh.length > 0) {
      // Only answers that end in a verdict: anything else is validated again next time.
      for (const f of fresh) {
        if (f.slot === '' || !new RegExp(`^${escapeRegExp(f.slot)} (?:validates|fails to validate)$`, 'm').test(f.text)) continue;
        this.cache.put(this.texts[f.index]!, f.text.split(f.slot).join(STORED_NAME));
      }
      this.cache.save(preamble);
    }

    const diagnostics: Diagnostic[] = [];
    const finder = new ElementFinder();
    const reported = new Set<string>();
    for (const e of parsed.errors) {
      const source = byName.get(e.fileName)!;
      const found = e.element ? finder.find(source, e.element, e.line) : undefined;
      const line = found?.line ?? e.line;
      const column = found?.column ?? 1;
      const message = e.element && !e.message.includes(e.element) ? `element ${e.element}: ${e.message}` : e.message;
      const key = `${e.fileName}:${line}:${message}`;
      if (reported.has(key)) continue;
      reported.add(key);
      diagnostics.push({ file: source.path, line, column, severity: 'error', ruleId: 'rng/invalid', message });
    }
    const withErrors = new Set(diagnostics.map((d) => d.file));
    for (const name of names) {
      const source = byName.get(name)!;
      const verdict = parsed.verdicts.get(name);
      if (verdict === undefined) {
        diagnostics.push(toolError(source.path, 'the RelaxNG validator gave no verdict for this file; its output could not be read'));
        withErrors.add(source.path);
      } else if (verdict === 'invalid' && !withErrors.has(source.path)) {
        diagnostics.push({ file: source.path, line: 1, column: 1, severity: 'error', ruleId: 'rng/invalid', message: 'the document does not match the schema' });
        withErrors.add(source.path);
      }
    }
    return diagnostics;
  }

  /** Stops the workers; safe to call at any time, and more than once. */
  dispose(): void {
    this.pool?.dispose();
  }
}

/** Finds the element xmllint means: same name, starting on the reported line or shortly before. */
class ElementFinder {
  private readonly index = new WeakMap<SourceFile, Map<string, XmlElement[]>>();

  find(source: SourceFile, qname: string, line: number): XmlElement | undefined {
    let byName = this.index.get(source);
    if (!byName) {
      byName = new Map();
      for (const e of descendantsOrSelf(source.document.root)) {
        const list = byName.get(e.localName);
        if (list) list.push(e);
        else byName.set(e.localName, [e]);
      }
      this.index.set(source, byName);
    }
    const local = qname.includes(':') ? qname.slice(qname.indexOf(':') + 1) : qname;
    const list = byName.get(local);
    if (!list) return undefined;
    // Elements are in document order, so lines ascend: binary search for the last start ≤ line.
    let lo = 0;
    let hi = list.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.line <= line) (best = mid), (lo = mid + 1);
      else hi = mid - 1;
    }
    const e = best >= 0 ? list[best] : undefined;
    return e && line - e.line <= 20 ? e : undefined;
  }
}
