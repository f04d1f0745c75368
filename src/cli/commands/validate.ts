// `tei-edition validate [PATH...]`: argv → plan → checks → formatted report → exit code.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { runValidation, type PlannedFile, type ValidationPlan } from '../../check/run-validation.js';
import type { EditionConfig } from '../../config/edition-config.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Report } from '../../diagnostics/report.js';
import { exitCodeFor } from '../exit-code.js';
import { displayPath, expandPaths } from '../../read/files.js';
import { readCommandLine } from '../options.js';
import { colorFor, pathProblems, readConfig, renderReport, schemaOptionProblem, type ReportStyle } from '../report-output.js';
import { VALIDATE_SPEC, type Format } from '../specs.js';

function editionFiles(config: EditionConfig): { files: PlannedFile[]; problems: Diagnostic[] } {
  const files: PlannedFile[] = [{ path: displayPath(config.edition), role: 'edition' }];
  const problems: Diagnostic[] = [];
  const add = (paths: string[], role: 'document' | 'register'): void => {
    const expanded = expandPaths(paths);
    for (const f of expanded.files) files.push({ path: displayPath(f), role });
    for (const folder of expanded.emptyFolders) {
      problems.push({ file: config.file, severity: 'error', ruleId: 'io/no-files', message: `${displayPath(folder)} holds no .xml files (named under "${role === 'document' ? 'documents' : 'registers'}")` });
    }
  };
  add(config.documents, 'document');
  add(config.registers, 'register');
  // edition.xml may also sit inside a listed folder: keep its edition role, once.
  const seen = new Set<string>();
  return { files: files.filter((f) => (seen.has(f.path) ? false : (seen.add(f.path), true))), problems };
}

function boundaryFor(config: EditionConfig | undefined, paths: readonly string[]): string[] {
  if (paths.length === 0 && config) return [config.root];
  const folders = [process.cwd()];
  for (const p of paths) {
    const abs = path.resolve(p);
    folders.push(existsSync(abs) && statSync(abs).isDirectory() ? abs : path.dirname(abs));
  }
  return folders;
}

export async function validateCommand(args: string[]): Promise<number> {
  const line = readCommandLine(VALIDATE_SPEC, args);
  if (line.exit !== undefined) return line.exit;
  const { options: o, paths } = line.parsed;
  const strict = o.strict === true;
  const style: ReportStyle = { format: (o.format as Format | undefined) ?? 'human', quiet: o.quiet === true, verbose: o.verbose === true, title: 'tei-edition validate' };
  const finish = (report: Report, texts: ReadonlyMap<string, string> = new Map()): number => {
    process.stdout.write(renderReport(report, texts, style, colorFor(process.stdout)));
    return exitCodeFor(report.diagnostics, strict);
  };

  let config: EditionConfig | undefined;
  const loaded = readConfig(o.config as string | undefined, paths.length > 0, 'validate');
  if (loaded && !loaded.ok) return finish({ files: [], diagnostics: loaded.diagnostics }, loaded.texts);
  if (loaded) config = loaded.config;

  let schema: ValidationPlan['schema'];
  if (typeof o.schema === 'string') {
    const problem = schemaOptionProblem(o.schema);
    if (problem) return finish({ files: [], diagnostics: [problem] });
    schema = { path: path.resolve(o.schema), display: displayPath(o.schema) };
  } else if (config?.schema) schema = { path: config.schema, display: displayPath(config.schema) };

  const early: Diagnostic[] = [];
  let files: PlannedFile[];
  if (paths.length > 0) {
    const expanded = expandPaths(paths);
    early.push(...pathProblems(expanded));
    files = expanded.files.map((f) => ({ path: displayPath(f), role: 'file' as const }));
  } else {
    const planned = editionFiles(config!);
    files = planned.files;
    early.push(...planned.problems);
  }

  const plan: ValidationPlan = {
    mode: paths.length > 0 ? 'paths' : 'edition',
    files,
    ...(schema ? { schema } : {}),
    schematron: (config?.schematron ?? []).map((s) => ({ path: s, display: displayPath(s) })),
    ...(typeof o['max-size'] === 'number' ? { maxBytes: o['max-size'] } : {}),
    ruleLevels: config?.rules ?? {},
    // Pointers may lead into the edition's folder (with PATH: the working directory and the named
    // folders), never outside it.
    boundary: boundaryFor(config, paths),
  };
  style.checked = { ...(schema ? { schema: schema.display } : {}), schematron: plan.schematron.length };
  const result = await runValidation(plan);
  const report: Report = {
    files: [...early.filter((d) => d.ruleId === 'io/missing-file').map((d) => d.file), ...result.report.files],
    diagnostics: [...early, ...result.report.diagnostics],
  };
  return finish(report, result.texts);
}
