// Every transform result is output-neutral data, valid against schema/fragments.schema.json: fragments
// that link only by key, never by an address of the site, the book or the printed edition.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { commonFolder } from '../../src/read/files.js';
import { loadStylesheet, type CompiledStylesheet } from '../../src/transform/stylesheet.js';
import { transformFile } from '../../src/transform/transform-file.js';
import { hasShared, projectRoot, sharedDir, xmlFilesUnder } from '../helpers/paths.js';

const schema = JSON.parse(readFileSync(path.join(projectRoot, 'schema', 'fragments.schema.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

let stylesheet: CompiledStylesheet;
beforeAll(async () => {
  stylesheet = await loadStylesheet('html/page');
});

/** Transforms a set of files as a build of them would (keys from their common folder) and validates each result. */
function checkAll(files: string[]): void {
  const root = commonFolder(files);
  const base = `${pathToFileURL(root).href.replace(/\/$/, '')}/`;
  const keys = files.map((f) => path.relative(root, f).split(path.sep).join('/'));
  for (const file of files) {
    const outcome = transformFile(stylesheet, file, { base, files: keys, sigla: {}, witnessOrder: [], embeddedRegisters: ['listPerson', 'listPlace', 'listOrg'] });
    expect(outcome.ok, `${file}: ${outcome.ok ? '' : outcome.message}`).toBe(true);
    if (!outcome.ok) continue;
    const valid = validate(outcome.file);
    expect(valid ? [] : (validate.errors ?? []).slice(0, 5).map((e) => `${path.basename(file)} ${e.instancePath} ${e.message}`)).toEqual([]);
  }
}

describe('the fragments of the transform', () => {
  it('are valid against the fragment schema for every file of the bundled edition', () => {
    checkAll(xmlFilesUnder(path.join(projectRoot, 'tei')));
  });

  it('fail the schema when a fragment links to a page of an output', () => {
    const outcome = transformFile(stylesheet, path.join(projectRoot, 'tei', 'documents', '1951-06-30-filippov-to-mao.xml'), { base: `${pathToFileURL(path.join(projectRoot, 'tei')).href}/`, files: ['registers/persons.xml'], sigla: {}, witnessOrder: [] });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(validate(outcome.file)).toBe(true);
    expect(outcome.file.html.text).toContain('href="edition:registers/persons.xml#stalin"');
    const broken = { ...outcome.file, html: { ...outcome.file.html, text: outcome.file.html.text.replace('edition:registers/persons.xml#stalin', '../registers/persons.html#stalin') } };
    expect(validate(broken)).toBe(false);
  });

  for (const corpus of ['schnitzler-briefe', 'pta-critical-editions', 'tei-publisher-demo', 'frus']) {
    it.skipIf(!hasShared)(`are valid against the fragment schema for every file of ${corpus} (needs ../shared)`, () => {
      checkAll(xmlFilesUnder(path.join(sharedDir, 'corpora', corpus)));
    }, 600_000);
  }
});
