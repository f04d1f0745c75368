// Loads edition.config.json strictly. Its form is checked against the JSON Schema
// (schema/edition.config.schema.json, the one description of the keys); what a schema cannot say
// is checked here: that paths exist, that rule ids are real, that the output folder is usable.
// Every problem is a diagnostic (config/…) at the key's line and column, and the caller exits with 2.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { findRule, rules as registeredRules, type RuleLevel } from '../diagnostics/rules.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { checkAgainstSchema } from './config-schema.js';
import type { EditionConfig, PrintOptions } from './edition-config.js';
import { childPointer, parseJsonWithPositions, type TextPosition } from './json-positions.js';
import { outputFolderProblem } from './output-folder.js';
import { parseDocumentPattern } from '../transform/parts.js';
import { overrideProblem, type LabelValue } from '../labels/labels.js';

export type ConfigResult =
  | { ok: true; config: EditionConfig }
  /** `text` is the config's text when it could be read, for code frames under the diagnostics. */
  | { ok: false; diagnostics: Diagnostic[]; text?: string };

/** Keys that name files or folders, and whether each entry must be a file. */
const PATH_KEYS: Record<string, 'file' | 'any'> = { edition: 'file', documents: 'any', registers: 'any', schema: 'file', schematron: 'file' };

/** What is wrong with the "print" options, or undefined: the schema's verdict on {"print": value}. */
export function printOptionsProblem(value: unknown): string | undefined {
  const problems = checkAgainstSchema({ title: 't', slug: 't', edition: 'e', documents: ['d'], print: value });
  return problems[0]?.message;
}

export function loadConfig(configPath: string, displayName: string = configPath): ConfigResult {
  const file = displayName;
  const at = (ruleId: string, message: string, position?: TextPosition): Diagnostic => ({
    file,
    ...(position === undefined ? {} : { line: position.line, column: position.column }),
    severity: 'error',
    ruleId,
    message,
  });
  let text: string;
  try {
    if (statSync(configPath).isDirectory()) {
      return { ok: false, diagnostics: [at('config/not-found', `${file} is a folder, not a config file: name the file itself, e.g. --config ${path.join(file, 'edition.config.json')}`)] };
    }
    // Editors on some systems save JSON with a byte-order mark, which JSON does not allow.
    text = readFileSync(configPath, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' || code === 'ENOTDIR' ? 'not found' : `cannot be read (${code ?? 'unknown error'})`;
    return { ok: false, diagnostics: [at('config/not-found', `config file ${why}: ${file} (create it, or name another with --config FILE)`)] };
  }
  const parsed = parseJsonWithPositions(text);
  if (!parsed.ok) return { ok: false, text, diagnostics: [at('config/invalid-json', `the config is not valid JSON: ${parsed.message}`, parsed.position)] };

  const placeOf = (pointer: string, atKey = false): TextPosition | undefined => {
    const place = parsed.placeOf(pointer);
    return atKey ? (place?.key ?? place?.value) : place?.value;
  };
  const diagnostics: Diagnostic[] = [];
  const problems = checkAgainstSchema(parsed.value);
  for (const p of problems) diagnostics.push(at(p.ruleId, p.message, placeOf(p.pointer, p.atKey) ?? placeOf('')));
  // A key with a schema problem gets no further checks: one finding per mistake.
  const flawed = (pointer: string): boolean => problems.some((p) => p.pointer === pointer || p.pointer.startsWith(`${pointer}/`));
  if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) return { ok: false, text, diagnostics };
  const obj = parsed.value as Record<string, unknown>;
  const root = path.dirname(path.resolve(configPath));

  for (const [key, kind] of Object.entries(PATH_KEYS)) {
    const value = obj[key];
    if (value === undefined || flawed(`/${key}`)) continue;
    const list = Array.isArray(value) ? (value as string[]) : [value as string];
    list.forEach((p, index) => {
      const pointer = Array.isArray(value) ? childPointer(`/${key}`, index) : `/${key}`;
      const full = path.resolve(root, p);
      if (!existsSync(full)) {
        const fix = key === 'schema' ? 'generate it with `npm run schema`, or fix the path' : 'fix the path; paths are relative to the config file';
        diagnostics.push(at('config/missing-path', `${pointer}: ${p} does not exist (${fix})`, placeOf(pointer)));
      } else if (kind === 'file' && !statSync(full).isFile()) {
        diagnostics.push(at('config/missing-path', `${pointer}: ${p} is a folder, not a file: name the file`, placeOf(pointer)));
      }
    });
  }
  if (obj.rules !== undefined && !flawed('/rules') && typeof obj.rules === 'object' && obj.rules !== null) {
    for (const id of Object.keys(obj.rules)) {
      if (findRule(id) || id === 'sch/*') continue;
      const pointer = childPointer('/rules', id);
      diagnostics.push(at('config/unknown-rule', `${pointer}: unknown rule id "${id}"${didYouMean(id, registeredRules.keys())} (the ids are listed in docs/rules.md)`, placeOf(pointer, true)));
    }
  }
  if (obj.labels !== undefined && !flawed('/labels') && typeof obj.labels === 'object' && obj.labels !== null) {
    for (const [key, value] of Object.entries(obj.labels as Record<string, LabelValue>)) {
      const problem = overrideProblem(key, value);
      const pointer = childPointer('/labels', key);
      if (problem) diagnostics.push(at('config/wrong-type', `${pointer}: ${problem}`, placeOf(pointer)));
    }
  }
  // The schema checks the pattern's form; what it says is read here (src/transform/parts.ts).
  const documentPattern = typeof obj.document === 'string' && !flawed('/document') ? parseDocumentPattern(obj.document) : {};
  if (documentPattern.error) diagnostics.push(at('config/wrong-type', `/document: ${documentPattern.error}`, placeOf('/document')));
  if (typeof obj.out === 'string' && !flawed('/out')) {
    const problem = outputFolderProblem(path.resolve(root, obj.out));
    if (problem) diagnostics.push(at('config/output-folder', `/out: ${problem}`, placeOf('/out')));
  }
  if (diagnostics.length > 0) return { ok: false, text, diagnostics: diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)) };

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
    ...(documentPattern.pattern ? { document: documentPattern.pattern } : {}),
    ...(obj.epub === undefined ? {} : { epub: { notes: (obj.epub as { notes?: 'footnotes' | 'endnotes' }).notes ?? 'footnotes' } }),
    rules: (obj.rules as Record<string, RuleLevel> | undefined) ?? {},
    ...(obj.lang === undefined ? {} : { lang: obj.lang as string }),
    ...(obj.labels === undefined ? {} : { labels: obj.labels as Record<string, LabelValue> }),
  };
  return { ok: true, config };
}
