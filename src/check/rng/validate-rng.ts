// The RelaxNG layer: every file in ONE xmllint-wasm call (each call starts a worker and
// compiles the schema, which for tei_all costs seconds), errors mapped back to file:line, and
// a column taken from our own tree when the element can be found on that line.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { memoryPages, validateXML } from 'xmllint-wasm';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { asUtf8Source } from '../../read/decode.js';
import type { SourceFile } from '../../read/load.js';
import { descendantsOrSelf, type XmlElement } from '../../read/tree.js';
import { collectSchemaFiles, schemaLayout } from './schema-files.js';
import { parseXmllintOutput } from './xmllint-output.js';

export interface RngOptions {
  /** Schema path as displayed in diagnostics. */
  schemaDisplay: string;
}

function toolError(file: string, message: string): Diagnostic {
  return { file, severity: 'error', ruleId: 'rng/schema-error', message };
}

export async function validateRelaxNg(sources: readonly SourceFile[], schemaPath: string, options: RngOptions): Promise<Diagnostic[]> {
  if (sources.length === 0) return [];
  const schema = collectSchemaFiles(schemaPath);
  if (!schema.ok) return [toolError(options.schemaDisplay, schema.message)];
  const layout = schemaLayout(schema.files);
  const mainName = layout.get(schema.main.absolutePath)!;
  const names = sources.map((_, i) => `doc/${i + 1}.xml`);
  const byName = new Map(names.map((n, i) => [n, sources[i]!]));

  // One call compiles the schema once; with many files, a second call on the other core halves the
  // wall time (validation dominates there, about 8 ms a document with the project schema).
  const batches = batchesFor(sources.length, BATCH_THRESHOLD, Math.min(2, availableParallelism()));
  let raw: string;
  try {
    const outputs = await Promise.all(
      batches.map(async ([from, to]) => {
        const batch = sources.slice(from, to);
        const bytes = batch.reduce((sum, s) => sum + s.text.length, 0);
        // libxml2 holds every document's tree at once; give it room for big FRUS volumes.
        const maxPages = Math.min(memoryPages.max, 512 * memoryPages.MiB + Math.ceil((bytes * 40) / 65536));
        const result = await validateXML({
          xml: batch.map((s, i) => ({ fileName: names[from + i]!, contents: asUtf8Source(s.text) })),
          schema: [{ fileName: mainName, contents: schema.main.text }],
          preload: schema.files.filter((f) => f !== schema.main).map((f) => ({ fileName: layout.get(f.absolutePath)!, contents: f.text })),
          extension: 'relaxng',
          maxMemoryPages: maxPages,
        });
        return result.rawOutput;
      }),
    );
    raw = outputs.join('\n');
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n').filter((l) => l.trim()).slice(0, 3).join(' / ') : String(error);
    return [toolError(options.schemaDisplay, `the RelaxNG validator (xmllint-wasm) failed on schema ${path.basename(schemaPath)}: ${detail || 'no message'}; no file was validated`)];
  }

  const parsed = parseXmllintOutput(raw, new Set(names), new Set(layout.values()));
  if (parsed.schemaFailures.length > 0) {
    const first = parsed.schemaFailures.slice(0, 3).map((l) => l.replace(/^schema\//, '')).join(' / ');
    return [
      toolError(
        options.schemaDisplay,
        `the RelaxNG validator (libxml2) cannot compile schema ${path.basename(schemaPath)}, so no file was validated: ${first}. Try another schema, or check this one with jing`,
      ),
    ];
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
  for (const name of names) {
    const source = byName.get(name)!;
    const verdict = parsed.verdicts.get(name);
    if (verdict === undefined) {
      diagnostics.push(toolError(source.path, 'the RelaxNG validator gave no verdict for this file; its output could not be read'));
    } else if (verdict === 'invalid' && !diagnostics.some((d) => d.file === source.path)) {
      diagnostics.push({ file: source.path, line: 1, column: 1, severity: 'error', ruleId: 'rng/invalid', message: 'the document does not match the schema' });
    }
  }
  return diagnostics;
}

/** Below this many files a second validator call costs more (its own start and schema compile) than it saves. */
const BATCH_THRESHOLD = 200;

/** [from, to) ranges: one batch for few files, else `parallel` batches of nearly equal size. */
export function batchesFor(count: number, threshold: number, parallel: number): Array<[number, number]> {
  if (count < threshold || parallel < 2) return [[0, count]];
  const size = Math.ceil(count / parallel);
  const out: Array<[number, number]> = [];
  for (let from = 0; from < count; from += size) out.push([from, Math.min(count, from + size)]);
  return out;
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
