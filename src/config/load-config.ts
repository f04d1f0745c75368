// Loads edition.config.json strictly: unknown keys, wrong types and missing paths are
// diagnostics (config/…) that say how to fix them, and the caller exits with 2.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { findRule, type RuleLevel } from '../diagnostics/rules.js';
import type { EditionConfig, PrintOptions } from './edition-config.js';
import { outputFolderProblem } from './output-folder.js';

export type ConfigResult = { ok: true; config: EditionConfig } | { ok: false; diagnostics: Diagnostic[] };

type Kind = 'string' | 'string[]' | 'rules' | 'epub' | 'print';
interface KeySpec {
  kind: Kind;
  required: boolean;
  /** Paths that must exist: 'file', 'folder-or-file'. */
  path?: 'file' | 'any';
  help: string;
}

const KEYS: Record<string, KeySpec> = {
  $schema: { kind: 'string', required: false, help: 'the JSON Schema of this file (for editors)' },
  title: { kind: 'string', required: true, help: 'the edition’s title' },
  slug: { kind: 'string', required: true, help: 'a short name in lowercase letters, digits and hyphens' },
  edition: { kind: 'string', required: true, path: 'file', help: 'the edition-level TEI file, e.g. "tei/edition.xml"' },
  documents: { kind: 'string[]', required: true, path: 'any', help: 'files or folders of documents, e.g. ["tei/documents"]' },
  registers: { kind: 'string[]', required: false, path: 'any', help: 'files or folders of registers, e.g. ["tei/registers"]' },
  schema: { kind: 'string', required: false, path: 'file', help: 'a RelaxNG schema in XML syntax, e.g. "schema/tei-edition.rng"' },
  schematron: { kind: 'string[]', required: false, path: 'file', help: 'ISO Schematron files, e.g. ["schema/edition.sch"]' },
  out: { kind: 'string', required: false, help: 'the output folder, e.g. "dist"' },
  identifier: { kind: 'string', required: false, help: 'the book\u2019s identifier, a URI fixed once, e.g. "urn:uuid:…"' },
  epub: { kind: 'epub', required: false, help: 'EPUB options, e.g. {"notes": "endnotes"}' },
  print: { kind: 'print', required: false, help: 'printed edition options, e.g. {"pageSize": "Letter", "fontSize": 10.5, "margins": {"inner": 25}}' },
  rules: { kind: 'rules', required: false, help: 'rule levels, e.g. {"tei/name-unlinked": "off"}' },
};

const LEVELS = new Set(['error', 'warning', 'info', 'off']);

/** The line on which `"key":` first appears, so a diagnostic can point at it. */
function lineOfKey(text: string, key: string): number | undefined {
  const escaped = key.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const m = new RegExp(`"${escaped}"\\s*:`).exec(text);
  return m ? text.slice(0, m.index).split('\n').length : undefined;
}

function closest(word: string, options: string[]): string | undefined {
  const distance = (a: string, b: string): number => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0]![j] = j;
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++)
        d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    return d[a.length]![b.length]!;
  };
  let best: string | undefined;
  let bestD = 3;
  for (const o of options) {
    const dd = distance(word.toLowerCase(), o.toLowerCase());
    if (dd < bestD) (best = o), (bestD = dd);
  }
  return best;
}

/** What is wrong with the "print" options, or undefined. Sizes: margins in millimetres, the font size in points. */
export function printOptionsProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'must be an object like {"pageSize": "A4"}';
  const v = value as Record<string, unknown>;
  const unknown = Object.keys(v).find((k) => !['pageSize', 'fontSize', 'margins'].includes(k));
  if (unknown) return `has an unknown key "${unknown}" (known: pageSize, fontSize, margins)`;
  if (v.pageSize !== undefined && v.pageSize !== 'A4' && v.pageSize !== 'Letter') return 'pageSize must be "A4" or "Letter"';
  if (v.fontSize !== undefined && (typeof v.fontSize !== 'number' || v.fontSize < 6 || v.fontSize > 20)) return 'fontSize must be a number of points from 6 to 20';
  if (v.margins !== undefined) {
    if (typeof v.margins !== 'object' || v.margins === null || Array.isArray(v.margins)) return 'margins must be an object like {"top": 24, "inner": 28}';
    for (const [k, m] of Object.entries(v.margins as Record<string, unknown>)) {
      if (!['top', 'bottom', 'inner', 'outer'].includes(k)) return `margins has an unknown side "${k}" (known: top, bottom, inner, outer)`;
      if (typeof m !== 'number' || m < 5 || m > 80) return `margins.${k} must be a number of millimetres from 5 to 80`;
    }
  }
  return undefined;
}

export function loadConfig(configPath: string, displayName: string = configPath): ConfigResult {
  const file = displayName;
  const at = (ruleId: string, message: string, line?: number): Diagnostic => ({
    file,
    ...(line === undefined ? {} : { line, column: 1 }),
    severity: 'error',
    ruleId,
    message,
  });
  let text: string;
  try {
    if (statSync(configPath).isDirectory()) {
      return { ok: false, diagnostics: [at('config/not-found', `${file} is a folder, not a config file: name the file itself, e.g. --config ${path.join(file, 'edition.config.json')}`)] };
    }
    // Editors on some systems save JSON with a byte-order mark, which JSON.parse refuses.
    text = readFileSync(configPath, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' || code === 'ENOTDIR' ? 'not found' : `cannot be read (${code ?? 'unknown error'})`;
    return { ok: false, diagnostics: [at('config/not-found', `config file ${why}: ${file} (create it, or name another with --config FILE)`)] };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const pos = /position (\d+)/.exec(detail);
    const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : undefined;
    return { ok: false, diagnostics: [at('config/invalid-json', `the config is not valid JSON (${detail}): fix the syntax`, line)] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, diagnostics: [at('config/wrong-type', 'the config must be a JSON object, like {"title": …, "documents": […]}')] };
  }
  const obj = raw as Record<string, unknown>;
  const diagnostics: Diagnostic[] = [];
  const root = path.dirname(path.resolve(configPath));

  for (const key of Object.keys(obj)) {
    if (!(key in KEYS)) {
      const guess = closest(key, Object.keys(KEYS));
      diagnostics.push(
        at('config/unknown-key', `unknown key "${key}"${guess ? `: did you mean "${guess}"?` : ''} (known keys: ${Object.keys(KEYS).filter((k) => k !== '$schema').join(', ')})`, lineOfKey(text, key)),
      );
    }
  }
  for (const [key, spec] of Object.entries(KEYS)) {
    const value = obj[key];
    const line = lineOfKey(text, key);
    if (value === undefined) {
      if (spec.required) diagnostics.push(at('config/missing-key', `missing key "${key}": add ${spec.help}`));
      continue;
    }
    if (spec.kind === 'string' && (typeof value !== 'string' || value === '')) {
      diagnostics.push(at('config/wrong-type', `"${key}" must be a non-empty string: ${spec.help}`, line));
      continue;
    }
    if (spec.kind === 'string[]' && (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v === ''))) {
      diagnostics.push(at('config/wrong-type', `"${key}" must be a list of non-empty strings: ${spec.help}`, line));
      continue;
    }
    if (spec.kind === 'rules') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        diagnostics.push(at('config/wrong-type', `"rules" must be an object mapping rule ids to "error", "warning", "info" or "off"`, line));
        continue;
      }
      for (const [id, level] of Object.entries(value as Record<string, unknown>)) {
        if (!findRule(id) && id !== 'sch/*') {
          diagnostics.push(at('config/unknown-rule', `unknown rule id "${id}" in "rules" (the ids are listed in docs/rules.md)`, lineOfKey(text, id)));
        } else if (typeof level !== 'string' || !LEVELS.has(level)) {
          diagnostics.push(at('config/wrong-type', `the level of rule "${id}" must be "error", "warning", "info" or "off"`, lineOfKey(text, id)));
        }
      }
    }
    if (spec.kind === 'epub') {
      const v = value as Record<string, unknown>;
      if (typeof value !== 'object' || value === null || Array.isArray(value) || Object.keys(v).some((k) => k !== 'notes') || (v.notes !== undefined && v.notes !== 'footnotes' && v.notes !== 'endnotes')) {
        diagnostics.push(at('config/wrong-type', `"epub" must be an object like {"notes": "footnotes"} or {"notes": "endnotes"}`, line));
      }
      continue;
    }
    if (spec.kind === 'print') {
      const problem = printOptionsProblem(value);
      if (problem) diagnostics.push(at('config/wrong-type', `"print" ${problem}`, line));
      continue;
    }
    if (key === 'identifier' && typeof value === 'string' && !/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(value)) {
      diagnostics.push(at('config/wrong-type', `"identifier" must be a URI, e.g. "urn:uuid:…" (got "${value}")`, line));
    }
    if (key === 'slug' && typeof value === 'string' && !/^[a-z0-9][a-z0-9-]*$/.test(value)) {
      diagnostics.push(at('config/wrong-type', `"slug" must use lowercase letters, digits and hyphens only (got "${value}")`, line));
    }
    if (key === 'out' && typeof value === 'string') {
      const problem = outputFolderProblem(path.resolve(root, value));
      if (problem) diagnostics.push(at('config/output-folder', `"out": ${problem}`, line));
    }
    if (key === 'documents' && Array.isArray(value) && value.length === 0) {
      diagnostics.push(at('config/wrong-type', `"documents" must name at least one file or folder: ${spec.help}`, line));
    }
    if (spec.path) {
      const list = Array.isArray(value) ? (value as string[]) : [value as string];
      for (const p of list) {
        const full = path.resolve(root, p);
        if (!existsSync(full)) {
          const hint = key === 'schema' ? ' (generate it with `npm run schema`, or fix the path)' : ' (fix the path; paths are relative to the config file)';
          diagnostics.push(at('config/missing-path', `"${key}": ${p} does not exist${hint}`, line));
        } else if (spec.path === 'file' && !statSync(full).isFile()) {
          diagnostics.push(at('config/missing-path', `"${key}": ${p} is a folder, not a file: name the file`, line));
        }
      }
    }
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics };

  const abs = (p: string): string => path.resolve(root, p);
  const config: EditionConfig = {
    file,
    root,
    title: obj.title as string,
    slug: obj.slug as string,
    edition: abs(obj.edition as string),
    documents: (obj.documents as string[]).map(abs),
    registers: ((obj.registers as string[] | undefined) ?? []).map(abs),
    ...(obj.schema === undefined ? {} : { schema: abs(obj.schema as string) }),
    schematron: ((obj.schematron as string[] | undefined) ?? []).map(abs),
    out: abs((obj.out as string | undefined) ?? 'dist'),
    ...(obj.identifier === undefined ? {} : { identifier: obj.identifier as string }),
    ...(obj.print === undefined ? {} : { print: obj.print as PrintOptions }),
    ...(obj.epub === undefined ? {} : { epub: { notes: ((obj.epub as { notes?: 'footnotes' | 'endnotes' }).notes ?? 'footnotes') } }),
    rules: (obj.rules as Record<string, RuleLevel> | undefined) ?? {},
  };
  return { ok: true, config };
}
