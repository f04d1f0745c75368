// `tei-edition build [PATH...]`: validate, then write the HTML edition into <out>/site.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../config/load-config.js';
import { CONFIG_FILE_NAME } from '../../config/edition-config.js';
import { ExitCode, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { exitCodeOfBuild } from '../exit-code.js';
import { formatHuman } from '../../diagnostics/format-human.js';
import type { Report } from '../../diagnostics/report.js';
import { displayPath, expandPaths } from '../../read/files.js';
import { BUILD_OUTPUTS, DEFAULT_OUTPUTS, buildEdition, type BuildOutput, type BuildPlan } from '../../package/build-edition.js';
import { parseMegabytes, scanArgs } from '../scan-args.js';

export const BUILD_HELP = `Usage: tei-edition build [options] [PATH...]

Validates the edition and writes its outputs into <out> (default dist): the HTML edition (site/), the
apparatus (apparatus/) and the EPUB (epub/). Errors stop the build before anything is written; the
new outputs replace the old ones only when they are complete.
Without PATH, builds the edition named by ${CONFIG_FILE_NAME}. With PATH (files or folders), builds
those files without a config: the title is the series all documents name, else the first header's
title; registers are recognised by their lists, the persons, places … lists that documents carry in
back or standOff become registers too, and only unreadable files stop the build (other findings are
warnings).

Options:
  --config FILE     the edition config (default: ./${CONFIG_FILE_NAME})
  --out DIR         output folder (default: the config's "out", else dist); the site goes to DIR/site
  --base-url URL    public address of the site, for canonical links and citations
  --schema FILE     with PATH: also check against this RelaxNG schema (findings are warnings)
  --strict          warnings stop the build too
  --max-size MB     largest source file accepted (default: 16)
  --only LIST       build only these outputs, comma-separated: site, apparatus, epub, print
                    (DIR/epub: the bundle and the .epub; DIR/print: the PDF and the HTML it was laid out from)
  --quiet           print nothing but problems
  --debug           print stack traces of internal errors
  -h, --help        show this help

Dates in the output come from SOURCE_DATE_EPOCH, else the last commit: two builds of the same
sources are byte-identical.
Exit codes: 0 built, 1 content errors, 2 usage or config error, 3 internal or tool error.
`;

interface Options {
  only?: BuildOutput[];
  maxBytes?: number;
  config?: string;
  out?: string;
  baseUrl?: string;
  schema?: string;
  strict: boolean;
  quiet: boolean;
  help: boolean;
  paths: string[];
}

function parseArgs(args: readonly string[]): { ok: true; options: Options } | { ok: false; message: string } {
  const options: Options = { strict: false, quiet: false, help: false, paths: [] };
  const scanned = scanArgs(args, (name, takeValue) => {
    switch (name) {
      case '--strict':
        options.strict = true;
        return undefined;
      case '--quiet':
        options.quiet = true;
        return undefined;
      case '--max-size': {
        const bytes = parseMegabytes(takeValue());
        if (typeof bytes === 'string') return bytes;
        options.maxBytes = bytes;
        return undefined;
      }
      case '--only': {
        const list = (takeValue() ?? '').split(',').map((o) => o.trim()).filter(Boolean);
        const unknown = list.filter((o) => !(BUILD_OUTPUTS as readonly string[]).includes(o));
        if (list.length === 0 || unknown.length > 0) return `--only needs one or more of ${BUILD_OUTPUTS.join(', ')}, separated by commas`;
        options.only = list as BuildOutput[];
        return undefined;
      }
      case '--config':
      case '--out':
      case '--schema':
      case '--base-url': {
        const v = takeValue();
        if (!v) return `${name} needs a value`;
        if (name === '--config') options.config = v;
        else if (name === '--out') options.out = v;
        else if (name === '--schema') options.schema = v;
        else {
          if (!/^https?:\/\/[^\s]+$/.test(v)) return '--base-url needs an http or https address, e.g. https://example.org/edition/';
          options.baseUrl = v;
        }
        return undefined;
      }
      default:
        return 'unknown';
    }
  });
  if (!scanned.ok) return scanned;
  return { ok: true, options: { ...options, ...scanned.scanned } };
}

function printReport(report: Report, texts: ReadonlyMap<string, string>): void {
  if (report.diagnostics.length === 0) return;
  const color = process.stderr.isTTY === true && !process.env.NO_COLOR;
  process.stderr.write(formatHuman(report, { color, sourceOf: (f) => texts.get(f) }));
}

function usageError(diagnostics: Diagnostic[]): number {
  printReport({ files: [], diagnostics }, new Map());
  return ExitCode.usage;
}

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
  const parsed = parseArgs(args);
  if (!parsed.ok) {
    process.stderr.write(`tei-edition build: ${parsed.message}\n\n${BUILD_HELP}`);
    return ExitCode.usage;
  }
  const o = parsed.options;
  if (o.help) {
    process.stdout.write(BUILD_HELP);
    return ExitCode.ok;
  }

  let plan: BuildPlan;
  if (o.paths.length === 0 || o.config !== undefined) {
    const configPath = o.config ?? CONFIG_FILE_NAME;
    if (!existsSync(configPath)) {
      return usageError([{ file: displayPath(configPath), severity: 'error', ruleId: 'config/not-found', message: `no PATH given and no ${CONFIG_FILE_NAME} here: name files or folders to build, or run in an edition folder (or use --config FILE)` }]);
    }
    const loaded = loadConfig(configPath, displayPath(configPath));
    if (!loaded.ok) return usageError(loaded.diagnostics);
    const c = loaded.config;
    const documents = expandPaths(c.documents);
    const registers = expandPaths(c.registers);
    const empty = [...documents.emptyFolders, ...registers.emptyFolders];
    if (empty.length) return usageError(empty.map((f) => ({ file: c.file, severity: 'error' as const, ruleId: 'io/no-files', message: `${displayPath(f)} holds no .xml files` })));
    const outDir = o.out ?? path.resolve(c.root, c.out || 'dist');
    plan = {
      mode: 'edition',
      title: c.title,
      slug: c.slug,
      edition: c.edition,
      documents: documents.files.filter((f) => path.resolve(f) !== path.resolve(c.edition)),
      registers: registers.files,
      siteDir: path.join(outDir, 'site'),
      ...(c.schema ? { schema: c.schema } : {}),
      schematron: c.schematron,
      ruleLevels: c.rules,
      ...(o.baseUrl ? { baseUrl: o.baseUrl } : {}),
      strict: o.strict,
      dateFrom: c.root,
      ...(o.only ? { only: o.only } : {}),
      epub: { ...(c.identifier ? { identifier: c.identifier } : {}), ...(c.epub ? { notes: c.epub.notes } : {}) },
      ...(c.print ? { print: c.print } : {}),
      ...(o.maxBytes === undefined ? {} : { maxBytes: o.maxBytes }),
      // Pointers may lead anywhere in the edition's folder, never outside it.
      boundary: [c.root],
    };
  } else {
    const expanded = expandPaths(o.paths);
    const problems: Diagnostic[] = [
      ...expanded.missing.map((m) => ({ file: displayPath(m), severity: 'error' as const, ruleId: 'io/missing-file', message: `file or folder not found: ${m} (check the path)` })),
      ...expanded.emptyFolders.map((f) => ({ file: displayPath(f), severity: 'error' as const, ruleId: 'io/no-files', message: `${f} holds no .xml files` })),
    ];
    if (problems.length) return usageError(problems);
    if (o.schema !== undefined && (!existsSync(o.schema) || !statSync(o.schema).isFile())) {
      return usageError([{ file: displayPath(o.schema), severity: 'error', ruleId: 'io/missing-file', message: `--schema: ${o.schema} does not exist` }]);
    }
    const first = o.paths[0]!;
    plan = {
      mode: 'paths',
      documents: expanded.files,
      registers: [],
      siteDir: path.join(path.resolve(o.out ?? 'dist'), 'site'),
      ...(o.schema ? { schema: path.resolve(o.schema) } : {}),
      schematron: [],
      ruleLevels: {},
      ...(o.baseUrl ? { baseUrl: o.baseUrl } : {}),
      strict: o.strict,
      dateFrom: existsSync(first) && statSync(first).isDirectory() ? first : path.dirname(path.resolve(first)),
      ...(o.only ? { only: o.only } : {}),
      ...(o.maxBytes === undefined ? {} : { maxBytes: o.maxBytes }),
      boundary: [process.cwd(), ...o.paths.map((p) => (existsSync(p) && statSync(p).isDirectory() ? path.resolve(p) : path.dirname(path.resolve(p))))],
    };
  }

  const started = performance.now();
  const stopSignals = exitOnSignals(plan.siteDir);
  const bar = !o.quiet && process.stderr.isTTY === true ? progressBar(process.stderr) : undefined;
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
  if (!o.quiet) {
    const pages = result.written.filter((p) => p.endsWith('.html') && !p.startsWith('../')).length;
    const documents = result.written.filter((p) => p.startsWith('documents/') && p.endsWith('.html')).length;
    const warnings = result.report.diagnostics.filter((d) => d.severity === 'warning').length;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const outputs = (o.only ?? DEFAULT_OUTPUTS).join(', ');
    const site = pages > 0 ? `${documents} document${documents === 1 ? '' : 's'}, ${pages} page${pages === 1 ? '' : 's'}, ` : '';
    process.stdout.write(
      `Built ${outputs} into ${displayPath(path.dirname(plan.siteDir))}: ${site}${warnings} warning${warnings === 1 ? '' : 's'}, ${seconds} s\n`,
    );
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
