// `tei-edition build [PATH...]`: validate, then write the edition's outputs into <out>.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { EditionConfig } from '../../config/edition-config.js';
import { ExitCode, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Report } from '../../diagnostics/report.js';
import { exitCodeOfBuild } from '../exit-code.js';
import { displayPath, expandPaths } from '../../read/files.js';
import { DEFAULT_OUTPUTS, buildEdition, type BuildOutput, type BuildPlan } from '../../package/build-edition.js';
import { readCommandLine } from '../options.js';
import { colorFor, pathProblems, readConfig, renderReport, schemaOptionProblem, type ReportStyle } from '../report-output.js';
import { BUILD_SPEC, type Format } from '../specs.js';

/**
 * SIGINT and SIGTERM end the build through process.exit, so the exit handlers run: they remove the
 * temporary folder and release the lock. Node runs these handlers between synchronous steps, so a
 * swap already under way completes first: the output is the old build or the new one, never a mix.
 */
function exitOnSignals(siteDir: string): () => void {
  const handler = (signal: NodeJS.Signals): void => {
    process.stderr.write(`tei-edition build: interrupted by ${signal}; ${displayPath(path.dirname(siteDir))} holds the last complete build\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}

export async function buildCommand(args: string[]): Promise<number> {
  const line = readCommandLine(BUILD_SPEC, args);
  if (line.exit !== undefined) return line.exit;
  const { options: o, paths } = line.parsed;
  const strict = o.strict === true;
  const quiet = o.quiet === true;
  const style: ReportStyle = { format: (o.format as Format | undefined) ?? 'human', quiet, verbose: o.verbose === true, title: 'tei-edition build' };
  // Human findings go to stderr, beside the progress bar; stdout keeps the one line saying what was
  // built. A machine format owns stdout, whole.
  const reportStream = style.format === 'human' ? process.stderr : process.stdout;
  const printReport = (report: Report, texts: ReadonlyMap<string, string>): void => {
    reportStream.write(renderReport(report, texts, style, colorFor(reportStream)));
  };
  const stopWith = (report: Report, texts: ReadonlyMap<string, string> = new Map()): number => {
    printReport(report, texts);
    return ExitCode.usage;
  };
  const only = o.only as BuildOutput[] | undefined;
  const baseUrl = o['base-url'] as string | undefined;
  const maxBytes = o['max-size'] as number | undefined;
  const out = o.out as string | undefined;
  const title = o.title as string | undefined;

  let config: EditionConfig | undefined;
  const loaded = readConfig(o.config as string | undefined, paths.length > 0, 'build');
  if (loaded && !loaded.ok) return stopWith({ files: [], diagnostics: loaded.diagnostics }, loaded.texts);
  if (loaded) config = loaded.config;

  // --schema replaces the config's schema, in every mode and every command.
  let schema = config?.schema;
  if (typeof o.schema === 'string') {
    const problem = schemaOptionProblem(o.schema);
    if (problem) return stopWith({ files: [], diagnostics: [problem] });
    schema = path.resolve(o.schema);
  }
  const common = {
    ...(schema ? { schema } : {}),
    schematron: config?.schematron ?? [],
    ruleLevels: config?.rules ?? {},
    ...(baseUrl ? { baseUrl } : {}),
    strict,
    ...(only ? { only } : {}),
    ...(maxBytes === undefined ? {} : { maxBytes }),
    ...(config?.print ? { print: config.print } : {}),
  };

  let plan: BuildPlan;
  if (paths.length === 0) {
    const c = config!;
    const documents = expandPaths(c.documents);
    const registers = expandPaths(c.registers);
    const empty = [...documents.emptyFolders, ...registers.emptyFolders];
    if (empty.length) return stopWith({ files: [], diagnostics: empty.map((f) => ({ file: c.file, severity: 'error' as const, ruleId: 'io/no-files', message: `${displayPath(f)} holds no .xml files` })) });
    const outDir = out ?? path.resolve(c.root, c.out || 'dist');
    plan = {
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
    };
  } else {
    // The files named, built as a folder build; a config named with --config lends its schema,
    // Schematron, rule levels and output folder, as it does to `validate PATH`.
    const expanded = expandPaths(paths);
    const problems: Diagnostic[] = pathProblems(expanded);
    if (problems.length) return stopWith({ files: expanded.missing.map((m) => displayPath(m)), diagnostics: problems });
    const first = paths[0]!;
    const isFolder = (p: string): boolean => existsSync(p) && statSync(p).isDirectory();
    plan = {
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
    };
  }
  style.checked = { ...(plan.schema ? { schema: displayPath(plan.schema) } : {}), schematron: plan.schematron.length };

  const started = performance.now();
  const stopSignals = exitOnSignals(plan.siteDir);
  const bar = !quiet && process.stderr.isTTY === true ? progressBar(process.stderr) : undefined;
  if (bar) plan = { ...plan, onProgress: bar.update };
  let result;
  try {
    result = await buildEdition(plan);
  } finally {
    bar?.clear();
    stopSignals();
  }
  printReport(result.report, result.texts);
  if (result.failure) process.stderr.write(`tei-edition build: ${result.failure}\n`);
  if (result.status !== 'built') {
    if (!result.failure) process.stderr.write(`tei-edition build: nothing written (${displayPath(path.dirname(plan.siteDir))} is unchanged)\n`);
    return exitCodeOfBuild(result.status);
  }
  if (!quiet) {
    const pages = result.written.filter((p) => p.endsWith('.html') && !p.startsWith('../')).length;
    const documents = result.written.filter((p) => p.startsWith('documents/') && p.endsWith('.html')).length;
    const warnings = result.report.diagnostics.filter((d) => d.severity === 'warning').length;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const outputs = (only ?? DEFAULT_OUTPUTS).join(', ');
    const site = pages > 0 ? `${documents} document${documents === 1 ? '' : 's'}, ${pages} page${pages === 1 ? '' : 's'}, ` : '';
    // With a machine format on stdout, this line is for the person watching: stderr.
    const stream = style.format === 'human' ? process.stdout : process.stderr;
    stream.write(`Built ${outputs} into ${displayPath(path.dirname(plan.siteDir))}: ${site}${warnings} warning${warnings === 1 ? '' : 's'}, ${seconds} s\n`);
  }
  return ExitCode.ok;
}

/** A one-line bar redrawn in place on a terminal; never written to a pipe or a log. */
function progressBar(stream: NodeJS.WriteStream): { update: (done: number, total: number) => void; clear: () => void } {
  let drawn = false;
  return {
    update(done, total) {
      const width = 30;
      const filled = total === 0 ? width : Math.round((done / total) * width);
      stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} files`);
      drawn = true;
    },
    clear() {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}
