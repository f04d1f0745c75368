// The check stage as one step: read every file, then well-formedness → TEI root → RelaxNG
// (one call for all files) → Schematron → editorial rules. A file that fails an earlier layer
// is left out of the later ones, so each problem is reported once, by the layer that owns it.
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Report } from '../diagnostics/report.js';
import { applyRuleLevels, type RuleLevel } from '../diagnostics/rules.js';
import { loadXmlFile, type SourceFile } from '../read/load.js';
import { validateRelaxNg } from './rng/validate-rng.js';
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
  }

  if (plan.schema) diagnostics.push(...(await validateRelaxNg(sources, plan.schema.path, { schemaDisplay: plan.schema.display })));

  const schemas: SchematronSchema[] = [];
  for (const s of plan.schematron) {
    const loaded = loadSchematron(s.path, s.display);
    if (loaded.ok) schemas.push(loaded.schema);
    else diagnostics.push(loaded.diagnostic);
  }
  diagnostics.push(...(await runSchematron(schemas, sources)));

  const editionSource = sources.find((s) => roles.get(s) === 'edition');
  diagnostics.push(
    ...runEditorialRules({
      mode: plan.mode,
      sources,
      roleOf: (s) => roles.get(s) ?? 'file',
      ...(editionSource ? { editionSource } : {}),
      ids: new IdIndex(sources, plan.boundary ?? defaultBoundary(plan.files)),
    }),
  );

  return {
    report: { files: plan.files.map((f) => f.path), diagnostics: applyRuleLevels(diagnostics, plan.ruleLevels) },
    texts,
    sources,
  };
}
