// `tei-edition validate [PATH...]`: argv → plan → checks → formatted report → exit code.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { runValidation, type PlannedFile, type ValidationPlan } from '../../check/run-validation.js';
import { loadConfig } from '../../config/load-config.js';
import { CONFIG_FILE_NAME, type EditionConfig } from '../../config/edition-config.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { formatGithub } from '../../diagnostics/format-github.js';
import { formatHuman } from '../../diagnostics/format-human.js';
import { formatJson } from '../../diagnostics/format-json.js';
import { formatJunit } from '../../diagnostics/format-junit.js';
import type { Report } from '../../diagnostics/report.js';
import { exitCodeFor } from '../exit-code.js';
import { displayPath, expandPaths } from '../../read/files.js';
import { DEFAULT_MAX_FILE_BYTES } from '../../read/load.js';
import { parseMegabytes, scanArgs } from '../scan-args.js';

const FORMATS = ['human', 'json', 'junit', 'github'] as const;
type Format = (typeof FORMATS)[number];

export const VALIDATE_HELP = `Usage: tei-edition validate [options] [PATH...]

Checks TEI files: well-formedness, the RelaxNG schema, Schematron, and editorial rules.
Without PATH, validates the edition named by ${CONFIG_FILE_NAME} (documents, registers and
edition.xml together, so references across files are checked). PATH may be files or folders
(folders contribute their *.xml files); with PATH, a config is only read if --config names it.

Options:
  --format FORMAT   human (default), json, junit or github
  --config FILE     the edition config (default: ./${CONFIG_FILE_NAME})
  --schema FILE     validate against this RelaxNG schema (XML syntax) instead of the config's
  --strict          warnings fail the run too (exit 1)
  --max-size MB     largest file accepted (default: ${DEFAULT_MAX_FILE_BYTES / 1024 / 1024})
  --debug           print stack traces of internal errors
  -h, --help        show this help

Exit codes: 0 valid (warnings allowed unless --strict), 1 content errors,
2 usage or config error (including a missing file), 3 internal or tool error.
Rules and how to fix them: docs/rules.md
`;

interface Options {
  format: Format;
  config?: string;
  schema?: string;
  strict: boolean;
  maxBytes?: number;
  help: boolean;
  paths: string[];
}

function parseArgs(args: readonly string[]): { ok: true; options: Options } | { ok: false; message: string } {
  const options: Options = { format: 'human', strict: false, help: false, paths: [] };
  const scanned = scanArgs(args, (name, takeValue) => {
    switch (name) {
      case '--strict':
        options.strict = true;
        return undefined;
      case '--format': {
        const v = takeValue();
        if (!v || !(FORMATS as readonly string[]).includes(v)) return `--format needs one of ${FORMATS.join(', ')}`;
        options.format = v as Format;
        return undefined;
      }
      case '--config':
      case '--schema': {
        const v = takeValue();
        if (!v) return `${name} needs a file`;
        options[name === '--config' ? 'config' : 'schema'] = v;
        return undefined;
      }
      case '--max-size': {
        const bytes = parseMegabytes(takeValue());
        if (typeof bytes === 'string') return bytes;
        options.maxBytes = bytes;
        return undefined;
      }
      default:
        return 'unknown';
    }
  });
  if (!scanned.ok) return scanned;
  return { ok: true, options: { ...options, ...scanned.scanned } };
}

function render(format: Format, report: Report, texts: ReadonlyMap<string, string>): string {
  switch (format) {
    case 'json':
      return formatJson(report);
    case 'junit':
      return formatJunit(report);
    case 'github':
      return formatGithub(report);
    case 'human': {
      const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
      return formatHuman(report, { color, sourceOf: (f) => texts.get(f) });
    }
  }
}

function finish(format: Format, report: Report, strict: boolean, texts: ReadonlyMap<string, string> = new Map()): number {
  process.stdout.write(render(format, report, texts));
  return exitCodeFor(report.diagnostics, strict);
}

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
  const parsed = parseArgs(args);
  if (!parsed.ok) {
    process.stderr.write(`tei-edition validate: ${parsed.message}\n\n${VALIDATE_HELP}`);
    return 2;
  }
  const o = parsed.options;
  if (o.help) {
    process.stdout.write(VALIDATE_HELP);
    return 0;
  }

  let config: EditionConfig | undefined;
  if (o.config !== undefined || o.paths.length === 0) {
    const configPath = o.config ?? CONFIG_FILE_NAME;
    if (o.config === undefined && !existsSync(configPath)) {
      return finish(o.format, {
        files: [],
        diagnostics: [{ file: CONFIG_FILE_NAME, severity: 'error', ruleId: 'config/not-found', message: `no PATH given and no ${CONFIG_FILE_NAME} here: name files or folders to validate, or run in an edition folder (or use --config FILE)` }],
      }, o.strict);
    }
    const loaded = loadConfig(configPath, displayPath(configPath));
    if (!loaded.ok) return finish(o.format, { files: [], diagnostics: loaded.diagnostics }, o.strict);
    config = loaded.config;
  }

  let schema: ValidationPlan['schema'];
  if (o.schema !== undefined) {
    if (!existsSync(o.schema) || !statSync(o.schema).isFile()) {
      return finish(o.format, { files: [], diagnostics: [{ file: displayPath(o.schema), severity: 'error', ruleId: 'cli/usage', message: `--schema: ${o.schema} does not exist` }] }, o.strict);
    }
    schema = { path: path.resolve(o.schema), display: displayPath(o.schema) };
  } else if (config?.schema) schema = { path: config.schema, display: displayPath(config.schema) };

  const early: Diagnostic[] = [];
  let files: PlannedFile[];
  if (o.paths.length > 0) {
    const expanded = expandPaths(o.paths);
    for (const m of expanded.missing) early.push({ file: displayPath(m), severity: 'error', ruleId: 'io/missing-file', message: `file or folder not found: ${m} (check the path)` });
    for (const f of expanded.emptyFolders) early.push({ file: displayPath(f), severity: 'error', ruleId: 'io/no-files', message: `${f} holds no .xml files` });
    files = expanded.files.map((f) => ({ path: displayPath(f), role: 'file' as const }));
  } else {
    const planned = editionFiles(config!);
    files = planned.files;
    early.push(...planned.problems);
  }

  if (!schema && o.format === 'human') {
    process.stderr.write('note: no schema given, so the RelaxNG layer did not run (use --schema FILE or "schema" in the config)\n');
  }

  const plan: ValidationPlan = {
    mode: o.paths.length > 0 ? 'paths' : 'edition',
    files,
    ...(schema ? { schema } : {}),
    schematron: (config?.schematron ?? []).map((s) => ({ path: s, display: displayPath(s) })),
    ...(o.maxBytes === undefined ? {} : { maxBytes: o.maxBytes }),
    ruleLevels: config?.rules ?? {},
    // Pointers may lead into the edition's folder (with PATH: the working directory and the named
    // folders), never outside it.
    boundary: boundaryFor(config, o.paths),
  };
  const result = await runValidation(plan);
  const report: Report = {
    files: [...early.filter((d) => d.ruleId === 'io/missing-file').map((d) => d.file), ...result.report.files],
    diagnostics: [...early, ...result.report.diagnostics],
  };
  return finish(o.format, report, o.strict, result.texts);
}
