// edition.config.json is checked against its JSON Schema: each kind of mistake is one diagnostic
// that names the key as a JSON pointer, at the key's line and column, says what was expected and
// guesses the key a typo meant; the run ends with exit 2 and no stack trace, in every command.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, describe, expect, it } from 'vitest';
import { CONFIG_SCHEMA_PATH } from '../../src/config/config-schema.js';
import { loadConfig } from '../../src/config/load-config.js';
import { parseJsonWithPositions } from '../../src/config/json-positions.js';
import { projectRoot } from '../helpers/paths.js';
import { runInProcess } from '../hostile/support/cli.js';

const temp = mkdtempSync(path.join(tmpdir(), 'config-file-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const EDITION = path.join(projectRoot, 'test/fixtures/validate/edition/good');
const SCHEMA = path.join(projectRoot, 'test/fixtures/validate/schema/mini.rng');

/** A config file with exactly this text, in a folder of its own. */
let count = 0;
function configWith(text: string): string {
  const dir = path.join(temp, `c${++count}`);
  mkdirSync(dir);
  const file = path.join(dir, 'edition.config.json');
  writeFileSync(file, text);
  return file;
}

/** The good fixture's config, one key per line, with `extra` lines spliced in before the closing brace. */
function goodConfigLines(): string[] {
  return [
    '{',
    '  "title": "A small edition",',
    '  "slug": "small",',
    `  "edition": ${JSON.stringify(path.join(EDITION, 'edition.xml'))},`,
    `  "documents": [${JSON.stringify(path.join(EDITION, 'documents'))}],`,
    `  "registers": [${JSON.stringify(path.join(EDITION, 'registers'))}],`,
    `  "schema": ${JSON.stringify(SCHEMA)},`,
    '  "out": "dist"',
    '}',
  ];
}

const NO_STACK = /\n\s+at /;

interface Expected {
  rule: string;
  line: number;
  column: number;
  message: RegExp;
}

/** Both commands report the mistake the same way: the project's diagnostic line, exit 2. */
async function expectConfigError(file: string, expected: Expected): Promise<void> {
  const shown = path.relative(process.cwd(), file);
  for (const command of ['validate', 'build']) {
    const run = await runInProcess([command, '--config', file, ...(command === 'build' ? ['--out', path.join(temp, 'never')] : [])]);
    const output = run.stdout + run.stderr;
    expect(run.status, output).toBe(2);
    const line = output.split('\n').find((l) => l.endsWith(`  ${expected.rule}`) && expected.message.test(l));
    expect(line, output).toBeDefined();
    expect(line!.startsWith(`${shown}:${expected.line}:${expected.column}  error  `), line).toBe(true);
    expect(line).toMatch(expected.message);
    expect(output).not.toMatch(NO_STACK);
  }
}

describe('config errors from the JSON Schema', () => {
  it('a value of the wrong type: the pointer, what was expected, what was found', async () => {
    const lines = goodConfigLines();
    lines[7] = '  "out": 3';
    await expectConfigError(configWith(lines.join('\n')), { rule: 'config/wrong-type', line: 8, column: 10, message: /^.*error {2}\/out: expected a string in double quotes, got 3 — the output folder/ });
  });

  it('a list where a list of strings is wanted: the pointer of the entry', async () => {
    const lines = goodConfigLines();
    lines[4] = '  "documents": ["a", 7],';
    await expectConfigError(configWith(lines.join('\n')), { rule: 'config/wrong-type', line: 5, column: 22, message: /\/documents\/1: expected a string in double quotes, got 7/ });
  });

  it('an unknown key: an error at the key, with the keys allowed there', async () => {
    const lines = goodConfigLines();
    lines.splice(8, 0, '  , "colour": "blue"');
    await expectConfigError(configWith(lines.join('\n')), { rule: 'config/unknown-key', line: 9, column: 5, message: /\/colour: unknown key "colour" \(allowed: title, slug, edition, documents, registers, schema, schematron, (.+, )?out, identifier, epub, print, lang, labels, rules\)/ });
  });

  it('a misspelt key: did you mean …?', async () => {
    const lines = goodConfigLines();
    lines[1] = '  "titel": "A small edition",';
    const file = configWith(lines.join('\n'));
    await expectConfigError(file, { rule: 'config/unknown-key', line: 2, column: 3, message: /\/titel: unknown key "titel"; did you mean "title"\?/ });
    // …and the key it meant is missing, reported at the object that lacks it.
    await expectConfigError(file, { rule: 'config/missing-key', line: 1, column: 1, message: /\/title: the required key "title" is missing: add it — the edition's title/ });
  });

  it('a misspelt key inside an object: the keys allowed at that place', async () => {
    const lines = goodConfigLines();
    lines[7] = '  "out": "dist",\n  "print": {\n    "pageSzie": "A4"\n  }';
    await expectConfigError(configWith(lines.join('\n')), { rule: 'config/unknown-key', line: 10, column: 5, message: /\/print\/pageSzie: unknown key "pageSzie"; did you mean "pageSize"\? \(allowed in \/print: pageSize, fontSize, margins\)/ });
  });

  it('a value outside its set or range: the allowed values, and a guess', async () => {
    const lines = goodConfigLines();
    lines[7] = '  "out": "dist",\n  "epub": { "notes": "endnote" },\n  "print": { "fontSize": 30 }';
    const file = configWith(lines.join('\n'));
    await expectConfigError(file, { rule: 'config/wrong-type', line: 9, column: 22, message: /\/epub\/notes: expected one of "footnotes", "endnotes", got "endnote"; did you mean "endnotes"\?/ });
    await expectConfigError(file, { rule: 'config/wrong-type', line: 10, column: 26, message: /\/print\/fontSize: expected a number from 6 to 20, got 30/ });
  });

  it('a missing required key', async () => {
    const lines = goodConfigLines().filter((l) => !l.includes('"slug"'));
    await expectConfigError(configWith(lines.join('\n')), { rule: 'config/missing-key', line: 1, column: 1, message: /\/slug: the required key "slug" is missing/ });
  });

  it('a slug of the wrong form says what form', async () => {
    const lines = goodConfigLines();
    lines[2] = '  "slug": "Small Edition",';
    await expectConfigError(configWith(lines.join('\n')), { rule: 'config/wrong-type', line: 3, column: 11, message: /\/slug: "Small Edition" is not of the expected form — a short name of lowercase letters, digits and hyphens/ });
  });

  it('bad JSON: the line and column of the mistake and how to fix it', async () => {
    const lines = goodConfigLines();
    lines[2] = '  "slug": "small"';
    await expectConfigError(configWith(lines.join('\n')), { rule: 'config/invalid-json', line: 4, column: 3, message: /not valid JSON: a comma is missing before this key/ });
    const trailing = goodConfigLines();
    trailing[7] = '  "out": "dist",';
    await expectConfigError(configWith(trailing.join('\n')), { rule: 'config/invalid-json', line: 9, column: 1, message: /a comma before \} with nothing after it: remove the last comma/ });
    await expectConfigError(configWith('{\n  "title": "x",\n  // a comment\n}'), { rule: 'config/invalid-json', line: 3, column: 3, message: /JSON has no comments/ });
  });

  it('checks a schema cannot express: a rule id that does not exist, with a guess', async () => {
    const lines = goodConfigLines();
    lines[7] = '  "out": "dist",\n  "rules": { "tei/name-unlinkd": "off" }';
    await expectConfigError(configWith(lines.join('\n')), { rule: 'config/unknown-rule', line: 9, column: 14, message: /\/rules\/tei~1name-unlinkd: unknown rule id "tei\/name-unlinkd"; did you mean "tei\/name-unlinked"\?/ });
  });

  it('reports every problem of the file at once, in the order of the file', () => {
    const lines = goodConfigLines();
    lines[1] = '  "title": "",';
    lines[7] = '  "out": "dist",\n  "shema": "x.rng"';
    const loaded = loadConfig(configWith(lines.join('\n')));
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.diagnostics.map((d) => [d.ruleId, d.line])).toEqual([
      ['config/wrong-type', 2],
      ['config/unknown-key', 9],
    ]);
  });

  it('a hostile config (deep nesting, a huge file of brackets) is a diagnostic, not a crash', async () => {
    const deep = configWith('['.repeat(100_000));
    const run = await runInProcess(['validate', '--config', deep]);
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/config\/invalid-json/);
    expect(run.stdout + run.stderr).not.toMatch(NO_STACK);
  });
});

describe('the JSON position locator', () => {
  it('gives the place of every key and value by JSON pointer', () => {
    const parsed = parseJsonWithPositions('{\n  "a": [1, {"b/c": true}],\n  "d~": null\n}');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value).toEqual({ a: [1, { 'b/c': true }], 'd~': null });
    expect(parsed.placeOf('')).toEqual({ value: { line: 1, column: 1 } });
    expect(parsed.placeOf('/a')).toEqual({ key: { line: 2, column: 3 }, value: { line: 2, column: 8 } });
    expect(parsed.placeOf('/a/1/b~1c')).toEqual({ key: { line: 2, column: 13 }, value: { line: 2, column: 20 } });
    expect(parsed.placeOf('/d~0')?.value).toEqual({ line: 3, column: 9 });
  });

  it('reads what JSON.parse reads, and refuses what it refuses', () => {
    const good = ['{}', '[]', '"\\u00e9\\n"', '-0.5e+3', '{"__proto__": {"x": 1}}', ' [true, false, null] '];
    for (const text of good) {
      const parsed = parseJsonWithPositions(text);
      expect(parsed.ok, text).toBe(true);
      if (parsed.ok) expect(parsed.value).toEqual(JSON.parse(text));
    }
    for (const text of ['', '{', '[1,]', '{"a" 1}', "{'a': 1}", '{a: 1}', '01', '1.', '"a\\x"', '"tab\there"', 'nul', '{} {}']) {
      expect(parseJsonWithPositions(text).ok, text).toBe(false);
      expect(() => JSON.parse(text), text).toThrow();
    }
  });
});

describe('the config JSON Schema', () => {
  const schema = JSON.parse(readFileSync(CONFIG_SCHEMA_PATH, 'utf8'));

  it('compiles in ajv’s strict mode and accepts the bundled edition’s config', () => {
    const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);
    expect(validate(JSON.parse(readFileSync(path.join(projectRoot, 'edition.config.json'), 'utf8'))), JSON.stringify(validate.errors)).toBe(true);
    expect(loadConfig(path.join(projectRoot, 'edition.config.json')).ok).toBe(true);
  });

  it('allows no unknown key anywhere, and describes every key for editors', () => {
    const objects: [string, Record<string, unknown>][] = [];
    const visit = (node: Record<string, unknown>, at: string): void => {
      if (node.type === 'object') objects.push([at, node]);
      for (const [key, child] of Object.entries((node.properties as Record<string, Record<string, unknown>>) ?? {})) {
        expect(typeof child.description, `${at}/${key} has no description`).toBe('string');
        visit(child, `${at}/${key}`);
      }
    };
    visit(schema, '');
    // The labels' counted forms ({"one", "other"}) are objects of their own, closed like the rest.
    expect(objects.map(([at]) => at).filter((at) => !at.startsWith('/labels/'))).toEqual(['', '/epub', '/print', '/print/margins', '/labels', '/rules']);
    for (const [at, node] of objects) {
      // "rules" is a map from rule ids to levels: its values, not its keys, are constrained.
      if (at === '/rules') expect(node.additionalProperties).toMatchObject({ enum: ['error', 'warning', 'info', 'off'] });
      else expect(node.additionalProperties, at).toBe(false);
    }
  });

  it('ships in the package, where a config’s "$schema" can point', () => {
    const pkg = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { files: string[]; dependencies: Record<string, string> };
    expect(pkg.files.some((f) => f.replace(/\/$/, '') === 'schema' || f === 'schema/edition.config.schema.json')).toBe(true);
    // The schema is checked at run time, so its validator is a dependency, not a dev tool.
    expect(pkg.dependencies.ajv).toBeDefined();
  });
});
