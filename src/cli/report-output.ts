// What validate and build share between reading their options and running: the config, the
// --schema file, and the report in the chosen format. One implementation, so the same option
// gives the same diagnostic and the same output in every command.
import { existsSync, statSync } from 'node:fs';
import { loadConfig } from '../config/load-config.js';
import { CONFIG_FILE_NAME, type EditionConfig } from '../config/edition-config.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatGithub } from '../diagnostics/format-github.js';
import { formatHuman } from '../diagnostics/format-human.js';
import { formatJson } from '../diagnostics/format-json.js';
import { formatJunit } from '../diagnostics/format-junit.js';
import { formatSarif } from '../diagnostics/format-sarif.js';
import type { CheckedLayers, Report } from '../diagnostics/report.js';
import { displayPath } from '../read/files.js';
import { packageVersion } from './options.js';
import type { Format } from './specs.js';

export interface ReportStyle {
  format: Format;
  quiet: boolean;
  verbose: boolean;
  /** `tei-edition validate`: the JUnit suite and the GitHub notice are named after it. */
  title: string;
  checked?: CheckedLayers;
}

export function renderReport(report: Report, texts: ReadonlyMap<string, string>, style: ReportStyle, color: boolean): string {
  switch (style.format) {
    case 'json':
      return formatJson(report);
    case 'junit':
      return formatJunit(report, style.title);
    case 'github':
      return formatGithub(report, { title: style.title, ...(style.checked ? { checked: style.checked } : {}) });
    case 'sarif':
      return formatSarif(report, { name: 'tei-edition', version: packageVersion() });
    case 'human':
      return formatHuman(report, {
        color,
        sourceOf: (f) => texts.get(f),
        quiet: style.quiet,
        verbose: style.verbose,
        ...(style.checked ? { checked: style.checked } : {}),
      });
  }
}

export function colorFor(stream: NodeJS.WriteStream): boolean {
  return stream.isTTY === true && !process.env.NO_COLOR;
}

export type ConfigOutcome = { ok: true; config: EditionConfig } | { ok: false; diagnostics: Diagnostic[]; texts: Map<string, string> };

/**
 * The config named by --config, or ./edition.config.json when neither PATH nor --config is given.
 * `needed` is false with PATH and no --config: then no config is read at all.
 */
export function readConfig(configOption: string | undefined, havePaths: boolean, command: string): ConfigOutcome | undefined {
  if (configOption === undefined && havePaths) return undefined;
  const configPath = configOption ?? CONFIG_FILE_NAME;
  if (configOption === undefined && !existsSync(configPath)) {
    return {
      ok: false,
      texts: new Map(),
      diagnostics: [
        {
          file: CONFIG_FILE_NAME,
          severity: 'error',
          ruleId: 'config/not-found',
          message: `no PATH given and no ${CONFIG_FILE_NAME} here: name files or folders to ${command}, or run in an edition folder (or use --config FILE)`,
        },
      ],
    };
  }
  const shown = displayPath(configPath);
  const loaded = loadConfig(configPath, shown);
  if (loaded.ok) return loaded;
  return { ok: false, diagnostics: loaded.diagnostics, texts: new Map(loaded.text === undefined ? [] : [[shown, loaded.text]]) };
}

/** A --schema that names nothing usable: the same diagnostic (io/missing-file, exit 2) in every command. */
export function schemaOptionProblem(schema: string): Diagnostic | undefined {
  if (existsSync(schema) && statSync(schema).isFile()) return undefined;
  const what = existsSync(schema) ? 'is a folder, not a schema file' : 'does not exist';
  return { file: displayPath(schema), severity: 'error', ruleId: 'io/missing-file', message: `--schema: ${schema} ${what} (name a RelaxNG schema in XML syntax)` };
}

/** A path on the command line that is missing, or a folder without .xml files. */
export function pathProblems(expanded: { missing: string[]; emptyFolders: string[] }): Diagnostic[] {
  return [
    ...expanded.missing.map((m) => ({ file: displayPath(m), severity: 'error' as const, ruleId: 'io/missing-file', message: `file or folder not found: ${m} (check the path)` })),
    ...expanded.emptyFolders.map((f) => ({ file: displayPath(f), severity: 'error' as const, ruleId: 'io/no-files', message: `${displayPath(f)} holds no .xml files` })),
  ];
}
