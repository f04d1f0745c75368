// Options and paths → the BuildPlan that `build` and `serve` hand to buildEdition: which config is read,
// which files are the edition, where the site goes. One implementation, so `serve` previews exactly what
// `build` would write.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE_NAME, type EditionConfig } from '../config/edition-config.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Report } from '../diagnostics/report.js';
import type { BuildOutput, BuildPlan } from '../package/build-edition.js';
import { displayPath, expandPaths } from '../read/files.js';
import type { OptionValue } from './options.js';
import { pathProblems, readConfig, schemaOptionProblem } from './report-output.js';

export type PlanOutcome =
  | {
      ok: true;
      plan: BuildPlan;
      /** The config read (absent in a folder build without --config). */
      config?: EditionConfig;
      /** The config file read, absolute: `serve` watches it. */
      configFile?: string;
    }
  | { ok: false; report: Report; texts: Map<string, string> };

/**
 * The plan for `paths` (empty: the config's edition) under the command's options (read with its spec:
 * config, schema, out, title, lang, base-url, only, max-size, strict; an option the command lacks is absent).
 * A config or a path that cannot be used is a report to print, with exit 2.
 */
export function makeBuildPlan(o: Readonly<Record<string, OptionValue | undefined>>, paths: readonly string[], command: string): PlanOutcome {
  const stop = (diagnostics: Diagnostic[], texts: Map<string, string> = new Map(), files: string[] = []): PlanOutcome => ({ ok: false, report: { files, diagnostics }, texts });
  const only = o.only as BuildOutput[] | undefined;
  const baseUrl = o['base-url'] as string | undefined;
  const maxBytes = o['max-size'] as number | undefined;
  const out = o.out as string | undefined;
  const title = o.title as string | undefined;
  const lang = o.lang as string | undefined;

  let config: EditionConfig | undefined;
  const configOption = o.config as string | undefined;
  const loaded = readConfig(configOption, paths.length > 0, command);
  if (loaded && !loaded.ok) return stop(loaded.diagnostics, loaded.texts);
  if (loaded) config = loaded.config;
  const configFile = loaded ? path.resolve(configOption ?? CONFIG_FILE_NAME) : undefined;

  // --schema replaces the config's schema, in every mode and every command.
  let schema = config?.schema;
  if (typeof o.schema === 'string') {
    const problem = schemaOptionProblem(o.schema);
    if (problem) return stop([problem]);
    schema = path.resolve(o.schema);
  }
  const common = {
    ...(schema ? { schema } : {}),
    schematron: config?.schematron ?? [],
    ruleLevels: config?.rules ?? {},
    ...(baseUrl ? { baseUrl } : {}),
    strict: o.strict === true,
    ...(only ? { only } : {}),
    ...(maxBytes === undefined ? {} : { maxBytes }),
    ...(config?.print ? { print: config.print } : {}),
    // What one document is (the config's "document"), which a folder build borrows too; else each file, and in a
    // folder build a file of two or more div type="document" is cut into them (src/transform/parts.ts).
    ...(config?.document ? { documentPattern: config.document } : {}),
    // The interface's language and the edition's own labels: --lang, else the config's (which a folder build borrows too).
    ...(lang ?? config?.lang ? { lang: lang ?? config?.lang } : {}),
    ...(config?.labels ? { labels: config.labels } : {}),
  };
  const found = (plan: BuildPlan): PlanOutcome => ({ ok: true, plan, ...(config ? { config } : {}), ...(configFile ? { configFile } : {}) });

  if (paths.length === 0) {
    const c = config!;
    const documents = expandPaths(c.documents);
    const registers = expandPaths(c.registers);
    const empty = [...documents.emptyFolders, ...registers.emptyFolders];
    if (empty.length) return stop(empty.map((f) => ({ file: c.file, severity: 'error' as const, ruleId: 'io/no-files', message: `${displayPath(f)} holds no .xml files` })));
    const outDir = out ?? path.resolve(c.root, c.out || 'dist');
    return found({
      ...common,
      mode: 'edition',
      title: title ?? c.title,
      slug: c.slug,
      edition: c.edition,
      documents: documents.files.filter((f) => path.resolve(f) !== path.resolve(c.edition)),
      registers: registers.files,
      siteDir: path.join(outDir, 'site'),
      dateFrom: c.root,
      epub: { ...(c.identifier ? { identifier: c.identifier } : {}), ...(c.epub ? { notes: c.epub.notes } : {}) },
      // Pointers may lead anywhere in the edition's folder, never outside it.
      boundary: [c.root],
    });
  }
  // The files named, built as a folder build; a config named with --config lends its schema,
  // Schematron, rule levels and output folder, as it does to `validate PATH`.
  const expanded = expandPaths(paths);
  const problems: Diagnostic[] = pathProblems(expanded);
  if (problems.length) return stop(problems, new Map(), expanded.missing.map((m) => displayPath(m)));
  const first = paths[0]!;
  const isFolder = (p: string): boolean => existsSync(p) && statSync(p).isDirectory();
  return found({
    ...common,
    mode: 'paths',
    ...(title ? { title } : {}),
    // One folder named: the edition is called by it when its documents share no title.
    ...(paths.length === 1 && isFolder(first) ? { folderName: path.basename(path.resolve(first)) } : {}),
    documents: expanded.files,
    registers: [],
    siteDir: path.join(path.resolve(out ?? config?.out ?? 'dist'), 'site'),
    dateFrom: isFolder(first) ? first : path.dirname(path.resolve(first)),
    ...(config?.epub ? { epub: { notes: config.epub.notes } } : {}),
    boundary: [process.cwd(), ...paths.map((p) => (isFolder(p) ? path.resolve(p) : path.dirname(path.resolve(p))))],
  });
}
