// The RelaxNG layer: xmllint-wasm over every checked file, errors mapped back to file:line, and a
// column taken from our own tree when the element can be found on that line. Files are handed over
// one by one as the reader accepts them (`RelaxNgRun.add`), so the schema compiles while the rest
// is still being read; workers share the files out (see pool.ts), and the output is read as if a
// single xmllint call had validated them all, in order. A file whose answer is kept from an earlier
// run against the same schema (result-cache.ts) is not handed over at all.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { asUtf8Source } from '../../read/decode.js';
import type { SourceFile } from '../../read/load.js';
import { descendantsOrSelf, type XmlElement } from '../../read/tree.js';
import { xmllintBytes, XmllintPool, type PoolSchema } from './pool.js';
import { cacheRoot, RngResultCache, STORED_NAME } from './result-cache.js';
import { collectSchemaFiles, schemaLayout } from './schema-files.js';
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
    this.pool ??= this.startPool();
    this.queued.push(index);
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
    const root = this.options.cache === false ? undefined : (this.options.cache ?? cacheRoot());
    if (root !== undefined) {
      this.cache = new RngResultCache(root, { validator: xmllintBytes(), mainSchema: this.schema.mainSchema, schemaFiles: this.schema.files });
      this.storedPreamble = this.cache.preamble();
    }
  }

  /** Workers start with the first file the cache cannot answer. */
  private startPool(): XmllintPool {
    const workers = this.options.workers ?? workersFromEnvironment();
    return new XmllintPool(this.schema!, {
      capacity: Math.max(1, this.options.capacity ?? 1),
      expectedBytes: this.options.expectedBytes ?? 0,
      maxWorkers: Math.max(1, availableParallelism()),
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
    if (this.pool) {
      const result = await this.pool.finish();
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
