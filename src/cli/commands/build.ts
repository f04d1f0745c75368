// `tei-edition build [PATH...]`: validate, then write the edition's outputs into <out>.
import path from 'node:path';
import { ExitCode } from '../../diagnostics/diagnostic.js';
import type { Report } from '../../diagnostics/report.js';
import { exitCodeOfBuild } from '../exit-code.js';
import { displayPath } from '../../read/files.js';
import { DEFAULT_OUTPUTS, buildEdition, type BuildOutput, type BuildPlan } from '../../package/build-edition.js';
import { withDepositInputs } from '../../package/deposit-output.js';
import { makeBuildPlan } from '../build-plan.js';
import { readCommandLine } from '../options.js';
import { colorFor, renderReport, type ReportStyle } from '../report-output.js';
import { BUILD_SPEC, type Format } from '../specs.js';
import { parseShard, readShards, type Shard, type ShardResults } from '../../transform/shards.js';

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
  // --merge: the operands are shard folders, and the edition is the config's.
  const merge = o.merge === true;
  const shardText = o.shard as string | undefined;
  if (merge && shardText) return stopWith({ files: [], diagnostics: [{ file: '', severity: 'error', ruleId: 'cli/usage', message: '--shard and --merge are two steps: make the shards with --shard K/N, then join them with --merge SHARD...' }] });
  let shardResults: ShardResults | undefined;
  if (merge) {
    if (paths.length === 0) return stopWith({ files: [], diagnostics: [{ file: '', severity: 'error', ruleId: 'cli/usage', message: '--merge needs the shard folders, e.g. build --merge shards/*' }] });
    const read = readShards(paths.map((p) => path.resolve(p)));
    if ('error' in read) return stopWith({ files: [], diagnostics: [{ file: '', severity: 'error', ruleId: 'cli/usage', message: read.error }] });
    shardResults = read.results;
  }
  const shard = shardText === undefined ? undefined : (parseShard(shardText) as { value: Shard }).value;
  const planOptions = shard && o.out === undefined ? { ...o, out: `shard-${shard.index}-of-${shard.count}` } : o;
  const made = makeBuildPlan(planOptions, merge ? [] : paths, 'build');
  if (!made.ok) return stopWith(made.report, made.texts);
  let plan: BuildPlan = { ...made.plan, ...(shardResults ? { shardResults } : {}), ...(shard ? { shard } : {}) };
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
  if (!quiet && shard) {
    const stream = style.format === 'human' ? process.stdout : process.stderr;
    const n = result.written.length;
    stream.write(`Transformed shard ${shard.index}/${shard.count} (${n} document file${n === 1 ? '' : 's'}) into ${displayPath(path.dirname(plan.siteDir))}; join the shards with build --merge\n`);
  } else if (!quiet) {
    const pages = result.written.filter((p) => p.endsWith('.html') && !p.startsWith('../')).length;
    const documents = result.documents ?? result.written.filter((p) => p.startsWith('documents/') && p.endsWith('.html')).length;
    const warnings = result.report.diagnostics.filter((d) => d.severity === 'warning').length;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const outputs = withDepositInputs(only ?? DEFAULT_OUTPUTS).join(', ');
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
