// The command line is declared as data (src/cli/specs.ts): the help is made from it, every command
// reads a shared option the same way, and every usage error has one form and exit code 2.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCommandLine, type CommandSpec } from '../../src/cli/options.js';
import { BUILD_SPEC, INIT_SPEC, SCHEMA_SPEC, VALIDATE_SPEC } from '../../src/cli/specs.js';
import { projectRoot } from '../helpers/paths.js';
import { runInProcess } from '../hostile/support/cli.js';

const SPECS: CommandSpec[] = [INIT_SPEC, VALIDATE_SPEC, BUILD_SPEC, SCHEMA_SPEC];
const F = path.join(projectRoot, 'test/fixtures/validate');
const GOOD = path.join(F, 'clean/good.xml');
const temp = mkdtempSync(path.join(tmpdir(), 'cli-options-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const VERSION = (JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;

describe('reading a command line against a table', () => {
  const parse = (args: string[]) => parseCommandLine(BUILD_SPEC, args);

  it('reads --name value, --name=value, flags, paths and --', () => {
    expect(parse(['a.xml', '--out', 'dist', '--only=site,epub', '--strict', '--max-size', '2', '--', '--not-an-option'])).toEqual({
      ok: true,
      parsed: { options: { out: 'dist', only: ['site', 'epub'], strict: true, 'max-size': 2 * 1024 * 1024 }, paths: ['a.xml', '--not-an-option'] },
    });
  });

  it('says what is wrong, and guesses the option or value a typo meant', () => {
    expect(parse(['--stirct'])).toEqual({ ok: false, message: 'unknown option --stirct; did you mean --strict?' });
    expect(parse(['--frobnicate'])).toEqual({ ok: false, message: 'unknown option --frobnicate' });
    expect(parse(['--check'])).toEqual({ ok: false, message: 'unknown option --check: it is an option of schema, not of build' });
    expect(parse(['--config'])).toEqual({ ok: false, message: '--config needs a value: --config FILE' });
    expect(parse(['--config', '--strict'])).toEqual({ ok: false, message: '--config needs a value: --config FILE' });
    expect(parse(['--strict=yes'])).toEqual({ ok: false, message: '--strict takes no value (got "--strict=yes")' });
    expect(parse(['--format', 'sarf'])).toEqual({ ok: false, message: '--format needs one of human, json, junit, github, sarif (got "sarf"; did you mean "sarif"?)' });
    expect(parse(['--only', 'site,pdf'])).toMatchObject({ ok: false, message: expect.stringMatching(/^--only needs one or more of site, apparatus, epub, print/) });
    for (const bad of ['0', 'x', '-1']) expect(parse(['--max-size', bad])).toEqual({ ok: false, message: '--max-size needs a size in MB, e.g. --max-size 64' });
    expect(parseCommandLine(SCHEMA_SPEC, ['x.odd'])).toMatchObject({ ok: false, message: expect.stringContaining('schema takes no paths') });
    expect(parseCommandLine(INIT_SPEC, ['a', 'b'])).toMatchObject({ ok: false, message: expect.stringContaining('one at most') });
  });

  it('shares one definition of each common option between the commands', () => {
    const byName = new Map<string, unknown>();
    for (const spec of SPECS) {
      for (const option of spec.options) {
        // --out is a folder for build and a file for schema: the one name that means two things.
        if (option.name === 'out') continue;
        if (byName.has(option.name)) expect(option, `--${option.name} in ${spec.name}`).toBe(byName.get(option.name));
        else byName.set(option.name, option);
      }
    }
  });
});

describe('help and version, from the same table', () => {
  it('lists every command and every option of each in `tei-edition --help`', async () => {
    const run = await runInProcess(['--help']);
    expect(run.status).toBe(0);
    for (const spec of SPECS) {
      expect(run.stdout).toContain(`  ${spec.name} `);
      for (const option of spec.options) expect(run.stdout).toContain(`--${option.name}`);
    }
  });

  for (const spec of SPECS) {
    it(`documents every option of ${spec.name} in its --help`, async () => {
      for (const args of [[spec.name, '--help'], [spec.name, '-h'], ['help', spec.name]]) {
        const run = await runInProcess(args);
        expect(run.status, args.join(' ')).toBe(0);
        expect(run.stdout).toContain(`Usage: tei-edition ${spec.name} [options]`);
        for (const option of spec.options) expect(run.stdout).toMatch(new RegExp(`^  (-\\w, )?--${option.name}( [A-Z]+)? +\\S`, 'm'));
      }
    });
  }

  it('prints the version, alone or after any command', async () => {
    for (const args of [['--version'], ['validate', '--version'], ['build', '--version'], ['schema', '--version']]) {
      const run = await runInProcess(args);
      expect(run.status, args.join(' ')).toBe(0);
      expect(run.stdout).toBe(`${VERSION}\n`);
    }
  });
});

describe('usage errors: one form, exit 2, in every command', () => {
  const FORM = (command: string): RegExp => new RegExp(`^tei-edition ${command}: error: .+  cli/usage\\nRun \`tei-edition ${command} --help\` for its options\\.\\n$`);

  for (const spec of SPECS) {
    it(`${spec.name}: an unknown option, a missing value`, async () => {
      for (const args of [['--bogus'], ['--debug', '--bogus']]) {
        const run = await runInProcess([spec.name, ...args]);
        expect(run.status).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(FORM(spec.name));
        expect(run.stderr).toContain('unknown option --bogus');
      }
    });
  }

  it('says which command an option belongs to', async () => {
    const run = await runInProcess(['validate', '--only', 'site', GOOD]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown option --only: it is an option of build and serve, not of validate');
  });

  it('a misspelt command: did you mean …?', async () => {
    const run = await runInProcess(['vaildate', GOOD]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^tei-edition: error: unknown command 'vaildate'; did you mean 'validate'\?.*  cli\/usage\n/);
    expect((await runInProcess(['biuld'])).stderr).toContain("did you mean 'build'?");
    expect((await runInProcess(['frobnicate'])).stderr).not.toContain('did you mean');
  });

  it('no command at all: the commands, exit 2', async () => {
    const run = await runInProcess([]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Commands:');
  });
});

describe('the same option means the same in every command', () => {
  it('a --schema that does not exist is io/missing-file, exit 2, in validate and build', async () => {
    const absent = path.join(temp, 'absent.rng');
    for (const command of ['validate', 'build']) {
      const run = await runInProcess([command, GOOD, '--schema', absent, '--format', 'json', ...(command === 'build' ? ['--out', path.join(temp, 'never')] : [])]);
      expect(run.status, command).toBe(2);
      const report = JSON.parse(run.stdout) as { files: { diagnostics: { ruleId: string; message: string }[] }[] };
      expect(report.files.flatMap((f) => f.diagnostics).map((d) => [d.ruleId, d.message])).toEqual([['io/missing-file', expect.stringContaining(`--schema: ${absent} does not exist`)]]);
    }
    expect(existsSync(path.join(temp, 'never'))).toBe(false);
  });

  it('build --config FILE PATH builds PATH with that config’s schema and output folder', async () => {
    const dir = path.join(temp, 'with-config');
    mkdirSync(dir);
    const config = path.join(dir, 'edition.config.json');
    writeFileSync(
      config,
      JSON.stringify({ title: 'T', slug: 't', edition: path.join(F, 'edition/good/edition.xml'), documents: [path.join(F, 'edition/good/documents')], schema: path.join(F, 'schema/mini.rng'), out: 'out' }),
    );
    const run = await runInProcess(['build', '--config', config, path.join(F, 'rng/bad.xml'), '--only', 'site']);
    expect(run.status, run.stderr).toBe(0);
    // The config's schema ran (its findings are warnings in a build of named files)…
    expect(run.stderr).toContain('rng/invalid');
    expect(run.stderr).toMatch(/checked against .*mini\.rng/);
    // …and the config's output folder took the site, of the file named rather than the config's documents.
    expect(existsSync(path.join(dir, 'out/site/documents/bad.html'))).toBe(true);
    expect(existsSync(path.join(dir, 'out/site/documents/letter.html'))).toBe(false);
  });
});
