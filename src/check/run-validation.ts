// The check stage as one step: read every file, then well-formedness → TEI root → RelaxNG
// (in worker threads, while the rest runs) → Schematron → editorial rules. A file that fails an earlier layer
// is left out of the later ones, so each problem is reported once, by the layer that owns it.
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Report } from '../diagnostics/report.js';
import { applyRuleLevels, type RuleLevel } from '../diagnostics/rules.js';
import { loadXmlFile, type SourceFile } from '../read/load.js';
import { RelaxNgRun } from './rng/validate-rng.js';
import { loadSchematron, runSchematron, type SchematronSchema } from './sch/schematron.js';
import { checkIsTei, IdIndex, runEditorialRules, type FileRole } from './tei/index.js';

export interface PlannedFile {
  /** As displayed in diagnostics. */
  path: string;
  role: FileRole;
}

export interface ValidationPlan {
  mode: 'edition' | 'paths';
  files: PlannedFile[];
  schema?: { path: string; display: string };
  schematron: { path: string; display: string }[];
  maxBytes?: number;
  ruleLevels: Record<string, RuleLevel>;
  /**
   * Folders that pointers may lead into (files outside are never read). Default: the working
   * directory and the folders of the planned files.
   */
  boundary?: string[];
}

function defaultBoundary(files: readonly PlannedFile[]): string[] {
  const folders = new Set<string>([process.cwd()]);
  for (const f of files) folders.add(path.dirname(path.resolve(f.path)));
  return [...folders];
}

export interface ValidationResult {
  report: Report;
  /** Decoded text of each file that could be decoded, for code frames. */
  texts: Map<string, string>;
  /** The parsed TEI sources, for stages that continue after checking. */
  sources: SourceFile[];
}

export async function runValidation(plan: ValidationPlan): Promise<ValidationResult> {
  const diagnostics: Diagnostic[] = [];
  const texts = new Map<string, string>();
  const sources: SourceFile[] = [];
  const roles = new Map<SourceFile, FileRole>();
  // The RelaxNG validator runs in worker threads: it gets the files once all are read (the schema is
  // first cut down to the elements they use), and the main thread runs Schematron and the editorial
  // rules meanwhile.
  const rng = plan.schema
    ? new RelaxNgRun(plan.schema.path, { schemaDisplay: plan.schema.display, capacity: plan.files.length, expectedBytes: plannedBytes(plan.files) })
    : undefined;
  try {
    for (const f of plan.files) {
      const loaded = loadXmlFile(f.path, plan.maxBytes === undefined ? {} : { maxBytes: plan.maxBytes });
      if (!loaded.ok) {
        diagnostics.push(loaded.diagnostic);
        if (loaded.text !== undefined) texts.set(f.path, loaded.text);
        continue;
      }
      texts.set(f.path, loaded.source.text);
      const notTei = checkIsTei(loaded.source);
      if (notTei) {
        diagnostics.push(notTei);
        continue;
      }
      sources.push(loaded.source);
      roles.set(loaded.source, f.role);
      rng?.add(loaded.source);
    }
    const rngDiagnostics = rng ? rng.finish() : Promise.resolve([]);
    // Settles even if a later step throws, so no rejection is left unhandled.
    rngDiagnostics.catch(() => undefined);

    const later: Diagnostic[] = [];
    const schemas: SchematronSchema[] = [];
    for (const s of plan.schematron) {
      const loaded = loadSchematron(s.path, s.display);
      if (loaded.ok) schemas.push(loaded.schema);
      else later.push(loaded.diagnostic);
    }
    later.push(...(await runSchematron(schemas, sources)));

    const editionSource = sources.find((s) => roles.get(s) === 'edition');
    later.push(
      ...runEditorialRules({
        mode: plan.mode,
        sources,
        roleOf: (s) => roles.get(s) ?? 'file',
        ...(editionSource ? { editionSource } : {}),
        ids: new IdIndex(sources, plan.boundary ?? defaultBoundary(plan.files)),
      }),
    );

    // Layers report in their fixed order, whichever finished first.
    diagnostics.push(...(await rngDiagnostics), ...later);
  } finally {
    rng?.dispose();
  }

  return {
    report: { files: plan.files.map((f) => f.path), diagnostics: applyRuleLevels(diagnostics, plan.ruleLevels) },
    texts,
    sources,
  };
}

/** Bytes of the planned files on disk (0 for one that cannot be read): an upper bound for the validator's memory. */
function plannedBytes(files: readonly PlannedFile[]): number {
  let sum = 0;
  for (const f of files) {
    try {
      sum += statSync(f.path).size;
    } catch {
      // Reported by the reader.
    }
  }
  return sum;
}
