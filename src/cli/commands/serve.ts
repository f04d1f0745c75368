// `tei-edition serve [PATH...]`: build the site as `build` does, serve it on localhost, and build again
// whenever a source, the config or (in a checkout) a stylesheet or template changes; open pages reload
// after a good build and show the errors of a bad one. A build that fails, or throws, never ends the
// server: the last good site stays served. Ctrl-C stops it: the server, the watches and the build thread
// end, a build under way stops between two steps (so nothing is left half-written), and the exit code is 0.
import type { AddressInfo } from 'node:net';
import { existsSync, statSync } from 'node:fs';
import { ExitCode } from '../../diagnostics/diagnostic.js';
import type { Report } from '../../diagnostics/report.js';
import { outDirOf, type BuildOutput } from '../../package/build-edition.js';
import { displayPath } from '../../read/files.js';
import { BuildRunner } from '../../serve/build-runner.js';
import { addressToOpen, buildLine, clockTime, describeChanges, failureOf } from '../../serve/build-report.js';
import { PreviewServer } from '../../serve/preview-server.js';
import { RebuildScheduler } from '../../serve/rebuild-scheduler.js';
import { ReloadHub } from '../../serve/reload-hub.js';
import { SourceWatcher } from '../../serve/source-watcher.js';
import { toolFolders, watchTargets, type Change } from '../../serve/watch-targets.js';
import { packageRoot } from '../../transform/package-root.js';
import { makeBuildPlan, type PlanOutcome } from '../build-plan.js';
import { readCommandLine, reportUsageError, type OptionValue } from '../options.js';
import { colorFor, renderReport, type ReportStyle } from '../report-output.js';
import { DEFAULT_SERVE_HOST, DEFAULT_SERVE_PORT, SERVE_SPEC } from '../specs.js';

/** Changes closer together than this make one build (an editor's save is often several events). */
const QUIET_MS = 150;

type Made = Extract<PlanOutcome, { ok: true }>;
type Status = 'built' | 'invalid' | 'usage' | 'failed' | 'stopped';

/** Why the server could not listen, as the person running it can act on it. */
function listenProblem(error: unknown, host: string, port: number): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return `port ${port} on ${host} is in use by another program: choose another with --port N, or --port 0 for any free port`;
  if (code === 'EACCES') return `port ${port} on ${host} needs privileges this user does not have: choose a port above 1023, e.g. --port ${DEFAULT_SERVE_PORT}`;
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `cannot listen on ${host}: it is not an address of this computer (the default is --host ${DEFAULT_SERVE_HOST})`;
  return `cannot listen on ${host}:${port}: ${code ?? (error as Error).message}`;
}

const isFolder = (p: string): boolean => statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;

export async function serveCommand(args: string[]): Promise<number> {
  const line = readCommandLine(SERVE_SPEC, args);
  if (line.exit !== undefined) return line.exit;
  const { options, paths } = line.parsed;
  const only = (options.only as BuildOutput[] | undefined) ?? ['site'];
  if (!only.includes('site')) return reportUsageError('serve', `--only needs site among the outputs, since serve shows the site (e.g. --only site,${only.join(',')})`);
  const o: Record<string, OptionValue | undefined> = { ...options, only };
  const debug = o.debug === true;
  const style: ReportStyle = { format: 'human', quiet: o.quiet === true, verbose: o.verbose === true, title: 'tei-edition serve' };
  const printReport = (report: Report, texts: ReadonlyMap<string, string>): void => {
    process.stderr.write(renderReport(report, texts, style, colorFor(process.stderr)));
  };
  const say = (text: string): void => {
    process.stdout.write(`${text}\n`);
  };

  const planned = makeBuildPlan(o, paths, 'serve');
  if (!planned.ok) {
    printReport(planned.report, planned.texts);
    return ExitCode.usage;
  }
  // The last plan that could be made: a config broken while serving leaves it in force.
  let made: Made = planned;

  const port = (o.port as number | undefined) ?? DEFAULT_SERVE_PORT;
  const host = (o.host as string | undefined) ?? DEFAULT_SERVE_HOST;
  // Tells pages served by an earlier run from this one's; never written anywhere.
  const hub = new ReloadHub(`${process.pid}-${Date.now().toString(36)}`);
  const server = new PreviewServer({ siteDir: () => made.plan.siteDir, hub });
  let address: AddressInfo;
  try {
    address = await server.listen(port, host);
  } catch (error) {
    hub.close();
    return reportUsageError('serve', listenProblem(error, host, port));
  }

  const runner = new BuildRunner();
  const tools = toolFolders(packageRoot);
  let scheduler: RebuildScheduler<Change> | undefined;
  const watcher = new SourceWatcher(
    (change) => scheduler?.notify(change),
    (message) => process.stderr.write(`tei-edition serve: ${message}\n`),
  );
  const watch = (m: Made): void => {
    const c = m.config;
    watcher.update(
      watchTargets({
        sources: paths.length > 0 ? paths : [...(c?.documents ?? []), ...(c?.registers ?? [])],
        ...(m.plan.edition ? { edition: m.plan.edition } : {}),
        ...(m.plan.schema ? { schema: m.plan.schema } : {}),
        schematron: m.plan.schematron,
        ...(m.configFile ? { configFile: m.configFile } : {}),
        toolFolders: tools,
        isFolder,
      }),
      [outDirOf(m.plan)],
    );
  };

  let builds = 0;
  /** What the open pages show meanwhile. */
  const meanwhile = (): string => (existsSync(made.plan.siteDir) ? 'the preview shows the last good site' : 'the preview has no site to show until a build succeeds');
  const internal = (at: Date, what: string, error: { message: string; stack?: string }): Status => {
    process.stderr.write(`tei-edition serve: internal error in the build: ${error.message}\n`);
    if (debug && error.stack) process.stderr.write(`${error.stack}\n`);
    hub.failed(failureOf('crashed', { files: [], diagnostics: [] }, error.message));
    say(buildLine(at, what, { built: false, errors: 0, reason: `an internal error${debug ? '' : ' (--debug shows where)'}; ${meanwhile()}` }));
    return 'failed';
  };

  const rebuild = async (changes: Change[]): Promise<Status> => {
    const at = new Date();
    const started = performance.now();
    const what = builds++ === 0 ? 'first build' : describeChanges(changes.map((c) => c.path));
    try {
      // Planned again each time: the config may have changed, and files come and go in the source folders.
      const next = makeBuildPlan(o, paths, 'serve');
      if (!next.ok) {
        printReport(next.report, next.texts);
        hub.failed(failureOf('usage', next.report));
        const errors = next.report.diagnostics.filter((d) => d.severity === 'error').length;
        say(buildLine(at, what, { built: false, errors, reason: `the config or the paths cannot be used; ${meanwhile()}` }));
        return 'usage';
      }
      made = next;
      watch(made);
      // A stylesheet or template changed: a new build thread reads them afresh.
      if (changes.some((c) => c.role === 'tool')) await runner.renew();
      const outcome = await runner.build(made.plan);
      if (outcome.kind === 'stopped') return 'stopped';
      if (outcome.kind === 'crashed') return internal(at, what, outcome);
      const result = outcome.result;
      const diagnostics = result.report.diagnostics;
      if (result.status === 'built') {
        // The first build's findings in full, as build prints them; after that, one line per build.
        if (builds === 1 && diagnostics.length > 0) printReport(result.report, result.texts);
        hub.built();
        const pages = result.written.filter((p) => p.endsWith('.html') && !p.startsWith('../')).length;
        say(buildLine(at, what, { built: true, seconds: (performance.now() - started) / 1000, warnings: diagnostics.filter((d) => d.severity === 'warning').length, pages }));
        return 'built';
      }
      printReport(result.report, result.texts);
      if (result.failure) process.stderr.write(`tei-edition serve: ${result.failure}\n`);
      hub.failed(failureOf(result.status, result.report, result.failure));
      const errors = diagnostics.filter((d) => d.severity === 'error').length;
      // A build that cannot run at all (an output folder that holds the sources, another build's lock): at
      // the start, serve ends with exit 2; later, the pages say why.
      const reason = result.status === 'usage' ? (builds === 1 ? 'serve stops' : `the build cannot run as configured; ${meanwhile()}`) : meanwhile();
      say(buildLine(at, what, { built: false, errors, reason }));
      return result.status;
    } catch (error) {
      return internal(at, what, error instanceof Error ? error : { message: String(error) });
    }
  };

  let firstDone: (status: Status) => void = () => undefined;
  const firstBuild = new Promise<Status>((resolve) => (firstDone = resolve));
  scheduler = new RebuildScheduler<Change>(
    async (changes) => {
      const status = await rebuild(changes);
      firstDone(status);
    },
    QUIET_MS,
    (c) => c.path,
  );

  let signals = 0;
  let stopRequested: (signal: NodeJS.Signals) => void = () => undefined;
  const stopped = new Promise<NodeJS.Signals>((resolve) => (stopRequested = resolve));
  const onSignal = (signal: NodeJS.Signals): void => {
    // A second Ctrl-C does not wait for the build to reach the end of its step.
    if (++signals > 1) void runner.stop(0);
    stopRequested(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const url = addressToOpen(host, address.port);
  say(`tei-edition serve: building ${displayPath(made.plan.siteDir)} for ${url}`);
  watch(made);
  scheduler.notify({ path: '', role: 'source' }, true);
  const first = await Promise.race([firstBuild, stopped.then(() => undefined)]);

  if (first !== undefined && first !== 'usage') {
    say(`Serving ${displayPath(made.plan.siteDir)} at ${url} (watching ${watcher.folders} folder${watcher.folders === 1 ? '' : 's'}; Ctrl-C stops)`);
    if (host === '0.0.0.0' || host === '::') say('tei-edition serve: listening on every network interface: anyone who can reach this computer can read the preview');
    await stopped;
  }

  watcher.close();
  const idle = scheduler.stop();
  await runner.stop();
  await idle;
  hub.close();
  await server.close();
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  if (first === 'usage') return ExitCode.usage;
  say(`${clockTime(new Date())}  stopped`);
  return ExitCode.ok;
}
