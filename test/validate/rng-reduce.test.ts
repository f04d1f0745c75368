// The schema is cut down to the elements of the documents checked (src/check/rng/reduce-schema.ts)
// before libxml2 compiles it. On small hand-written schemas: what becomes a stub and what stays,
// which content models are pruned and which are kept whole, and that every verdict and message is
// the one the full schema gives. The set of names always comes from the documents validated, so
// a document using an element no other document uses is still judged by that element's pattern.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectElementNames, nameKey, reduceSchema } from '../../src/check/rng/reduce-schema.js';
import { collectSchemaFiles } from '../../src/check/rng/schema-files.js';
import { validateRelaxNg, type RngOptions } from '../../src/check/rng/validate-rng.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { loadXmlFile, type SourceFile } from '../../src/read/load.js';

const temp = mkdtempSync(path.join(tmpdir(), 'rng-reduce-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const RNG = 'http://relaxng.org/ns/structure/1.0';
const X = 'urn:example:x';

function write(name: string, text: string): string {
  const file = path.join(temp, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

/** A schema with a root `doc`, elements a, b, c, and a content model libxml2 cannot make deterministic. */
const SCHEMA = write(
  'schema/letters.rng',
  `<?xml version="1.0" encoding="UTF-8"?>
<!-- A comment, and annotations below, that the reduced schema leaves out. -->
<grammar xmlns="${RNG}" xmlns:a="http://relaxng.org/ns/compatibility/annotations/1.0" ns="${X}"
         datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
  <start><ref name="doc"/></start>
  <define name="doc">
    <element name="doc">
      <a:documentation>The root: any number of blocks.</a:documentation>
      <zeroOrMore><ref name="model.block"/></zeroOrMore>
      <optional><ref name="list"/></optional>
      <optional><ref name="nest"/></optional>
    </element>
  </define>
  <define name="model.block">
    <choice><ref name="a"/><ref name="b"/><group><ref name="c"/><ref name="b"/></group></choice>
  </define>
  <define name="a"><element name="a"><attribute name="n"><data type="integer"/></attribute><text/></element></define>
  <define name="b"><element name="b"><zeroOrMore><choice><text/><ref name="c"/></choice></zeroOrMore></element></define>
  <define name="c"><element name="c"><empty/></element></define>
  <!-- (c+, b?)+ : the same name in two places of one follow set, so libxml2 validates it by derivation. -->
  <define name="list">
    <element name="list">
      <oneOrMore><oneOrMore><choice><ref name="item"/><ref name="c"/></choice></oneOrMore><optional><ref name="b"/></optional></oneOrMore>
    </element>
  </define>
  <define name="item"><element name="item"><text/></element></define>
  <!-- Recursive, and its group loses a part when c is not used: libxml2 must not be left a group of one. -->
  <define name="nest">
    <element name="nest">
      <group><zeroOrMore><ref name="c"/></zeroOrMore><oneOrMore><choice><ref name="item"/><ref name="nest"/></choice></oneOrMore></group>
      <ref name="att.n"/>
      <empty/>
    </element>
  </define>
  <define name="att.n"><optional><attribute name="n"/></optional></define>
</grammar>
`,
);

const doc = (body: string): string => `<?xml version="1.0"?>\n<doc xmlns="${X}">\n${body}\n</doc>\n`;

function load(name: string, text: string): SourceFile {
  const l = loadXmlFile(path.relative(process.cwd(), write(name, text)));
  if (!l.ok) throw new Error(l.diagnostic.message);
  return l.source;
}

const names = (sources: readonly SourceFile[]): Set<string> => {
  const set = new Set<string>();
  for (const s of sources) collectElementNames(s.document.root, set);
  return set;
};

function reduced(schema: string, used: ReadonlySet<string>, options: { prune?: boolean } = {}) {
  const files = collectSchemaFiles(schema);
  if (!files.ok) throw new Error(files.message);
  return reduceSchema(files.files, used, options);
}

const validate = (sources: SourceFile[], schema: string, options: Partial<RngOptions> = {}): Promise<Diagnostic[]> =>
  validateRelaxNg(sources, schema, { schemaDisplay: path.basename(schema), cache: false, workers: 1, ...options });

/** Full schema and reduced schema: the same diagnostics, in the same order. */
async function expectSameAsFull(sources: SourceFile[], schema = SCHEMA): Promise<Diagnostic[]> {
  const full = await validate(sources, schema, { reduce: false });
  expect(await validate(sources, schema, { reduce: true })).toEqual(full);
  return full;
}

describe('cutting a schema down to the elements used', () => {
  it('turns an element no document uses into a stub that keeps its name, and leaves out what only stubs reach', () => {
    // Without pruning, to see every stub the used elements refer to.
    const out = reduced(SCHEMA, new Set([nameKey(X, 'doc'), nameKey(X, 'a')]), { prune: false });
    const text = out.files[0]!.text;
    expect(text).toContain('<element name="c"><notAllowed/></element>');
    expect(text).toContain('<element name="b"><notAllowed/></element>');
    expect(text).toContain('<element name="list"><notAllowed/></element>');
    // item is reached only through list's content, att.n only through nest's: neither is written.
    expect(text).not.toContain('name="item"');
    expect(text).not.toContain('att.n');
    // Used elements keep their content, attributes included; annotations and comments go.
    expect(text).toMatch(/<element name="a"><attribute name="n"><data type="integer"\/><\/attribute><text\/><\/element>/);
    expect(text).not.toContain('documentation');
    expect(text).not.toContain('<!--');
    expect(out).toMatchObject({ kept: 2, stubbed: 4, compiled: 0, pruned: 0 });
  });

  it('prunes stub-only branches where libxml2 uses an automaton, and keeps derivation models whole', () => {
    const out = reduced(SCHEMA, new Set([nameKey(X, 'doc'), nameKey(X, 'a'), nameKey(X, 'list'), nameKey(X, 'item')]));
    const text = out.files[0]!.text;
    // doc's content is deterministic: the pruned copy of model.block leaves b and (c, b) out.
    expect(text).toContain('<define name="model.block.pruned"><ref name="a"/></define>');
    expect(text).toMatch(/<element name="doc"><zeroOrMore><ref name="model\.block\.pruned"\/><\/zeroOrMore>/);
    // list's content is not (libxml2 builds c+ as c, c*): it stays as written, with its stubs.
    expect(text).toContain(
      '<element name="list"><oneOrMore><oneOrMore><choice><ref name="item"/><ref name="c"/></choice></oneOrMore><optional><ref name="b"/></optional></oneOrMore></element>',
    );
    // No content model refers to model.block whole: only its pruned copy is written.
    expect(text).not.toContain('<define name="model.block">');
    expect(out.compiled).toBeGreaterThanOrEqual(2);
    expect(out.pruned).toBeGreaterThanOrEqual(2);
  });

  it('leaves libxml2 no group of one part to simplify (its simplification never ends inside a recursive element)', async () => {
    const sources = [load('nest/ok.xml', doc('<nest n="1"><item>1</item><nest><item>2</item></nest></nest>')), load('nest/bad.xml', doc('<nest><a n="1"/></nest>'))];
    const text = reduced(SCHEMA, names(sources)).files[0]!.text;
    expect(text).toContain('<element name="nest"><oneOrMore><choice><ref name="item"/><ref name="nest"/></choice></oneOrMore><ref name="att.n"/><empty/></element>');
    await expectSameAsFull(sources);
  });

  it('reads element names in every form RelaxNG has, and keeps what it cannot rule out', () => {
    const schema = write(
      'schema/names.rng',
      `<grammar xmlns="${RNG}" xmlns:y="urn:example:y" ns="${X}">
  <start><element name="root"><zeroOrMore><choice>
    <element name="y:pre"><text/></element>
    <element><name ns="urn:example:y">named</name><text/></element>
    <element><choice><name>one</name><name>two</name></choice><empty/></element>
    <element><nsName ns="urn:example:z"/><empty/></element>
    <element><anyName><except><nsName/></except></anyName><empty/></element>
    <element name="plain" ns=""><empty/></element>
  </choice></zeroOrMore></element></start>
</grammar>`,
    );
    const stubbed = (used: string[]): string[] =>
      [...reduced(schema, new Set(used)).files[0]!.text.matchAll(/<element[^>]*>(?:<(?:name|choice|nsName|anyName)[^]*?)?<notAllowed\/>/g)].map((m) => m[0]);
    const root = nameKey(X, 'root');
    const none = stubbed([root]);
    // Everything but anyName (which may match anything) is a stub when nothing of it is used.
    expect(none).toHaveLength(5);
    expect(stubbed([root, nameKey('urn:example:y', 'pre')])).toHaveLength(4);
    expect(stubbed([root, nameKey('urn:example:y', 'named')])).toHaveLength(4);
    expect(stubbed([root, nameKey(X, 'two')])).toHaveLength(4);
    expect(stubbed([root, nameKey('urn:example:z', 'anything')])).toHaveLength(4);
    expect(stubbed([root, nameKey('', 'plain')])).toHaveLength(4);
    // The same local name in another namespace is another element.
    expect(stubbed([root, nameKey(X, 'pre'), nameKey(X, 'plain')])).toHaveLength(5);
  });

  it('gives the verdicts and messages of the full schema, valid and invalid, automaton and derivation alike', async () => {
    const sources = [
      load('same/valid.xml', doc('<a n="1">one</a><a n="2"/>')),
      load('same/unknown.xml', doc('<a n="1"/><zz/>')),
      load('same/bad-attribute.xml', doc('<a n="x">text</a>')),
      load('same/misplaced.xml', doc('<a n="1"/><item>not here</item>')),
      load('same/list-bad.xml', doc('<a n="1"/><list><item>1</item><item><a n="2"/></item></list>')),
      load('same/list-empty.xml', doc('<list/>')),
      load('same/wrong-ns.xml', `<doc xmlns="${X}"><a xmlns="urn:other" n="1"/></doc>`),
      load('same/no-ns.xml', '<doc><a n="1"/></doc>'),
    ];
    const full = await expectSameAsFull(sources);
    // Not the same nothing: every file but the first is refused, with messages of both kinds.
    const invalid = new Set(full.filter((d) => d.ruleId === 'rng/invalid').map((d) => path.basename(d.file)));
    expect([...invalid].sort()).toEqual(['bad-attribute.xml', 'list-bad.xml', 'list-empty.xml', 'misplaced.xml', 'no-ns.xml', 'unknown.xml', 'wrong-ns.xml']);
    const messages = full.map((d) => d.message).join('\n');
    // From doc's automaton, which was pruned ...
    expect(messages).toMatch(/Did not expect element zz there/);
    // ... and from list's derivation, naming item, which list-empty.xml does not use: kept whole, it is still named.
    expect(messages).toMatch(/element list: Expecting an element item, got nothing/);
    // One file at a time too: each run's set is that file's own.
    for (const s of sources) await expectSameAsFull([s]);
  });

  it('judges a document by its own elements: what another run left out is still there for it', async () => {
    const withC = load('own/with-c.xml', doc('<b>text <c/> more</b><c/><b/>'));
    const withoutC = load('own/without-c.xml', doc('<a n="1"/>'));
    // The schema cut for the other document alone has no c and no b: it refuses this one ...
    const forOther = reduced(SCHEMA, names([withoutC]));
    const cut = write('schema/cut-for-other.rng', forOther.files[0]!.text);
    const refused = await validate([withC], cut, { reduce: false });
    expect(refused.some((d) => d.ruleId === 'rng/invalid')).toBe(true);
    // ... but a run always cuts the schema for the documents it validates: accepted, as by the full schema.
    expect(await validate([withC], SCHEMA)).toEqual([]);
    expect(await validate([withC, withoutC], SCHEMA)).toEqual([]);
    expect(await expectSameAsFull([withC, withoutC])).toEqual([]);
    // An element the schema does not have at all is refused as before.
    const unknown = load('own/unknown.xml', doc('<b>text <nowhere/></b>'));
    const diagnostics = await expectSameAsFull([unknown]);
    expect(diagnostics.some((d) => d.ruleId === 'rng/invalid')).toBe(true);
  });

  it('cuts every file of a schema that includes others, as each file is read', async () => {
    const main = write(
      'multi/main.rng',
      `<grammar xmlns="${RNG}" ns="${X}">
  <include href="parts/blocks.rng"/>
  <start><element name="doc"><zeroOrMore><choice><ref name="block"/><externalRef href="parts/note.rng"/></choice></zeroOrMore></element></start>
</grammar>`,
    );
    write(
      'multi/parts/blocks.rng',
      `<grammar xmlns="${RNG}"><define name="block"><choice><element name="a"><text/></element><element name="b"><text/></element></choice></define></grammar>`,
    );
    write('multi/parts/note.rng', `<element xmlns="${RNG}" name="note"><text/></element>`);
    const files = reduced(main, new Set([nameKey(X, 'doc'), nameKey(X, 'a')])).files;
    expect(files.map((f) => path.basename(f.absolutePath))).toEqual(['main.rng', 'blocks.rng', 'note.rng']);
    expect(files[1]!.text).toContain('<element name="b"><notAllowed/></element>');
    // The included grammar has no ns of its own: the include's (inherited) one applies.
    expect(files[1]!.text).toContain('<element name="a"><text/></element>');
    expect(files[2]!.text).toContain('<notAllowed/>');
    await expectSameAsFull([
      load('multi/ok.xml', doc('<a>x</a>')),
      load('multi/note.xml', doc('<note>n</note><b>y</b>')),
      load('multi/bad.xml', doc('<a>x</a><c/>')),
    ], main);
  });

  it('keeps the reduced schema in the private cache, found again by the schema and the set of names', async () => {
    const cache = path.join(temp, 'cache');
    const one = [load('cached/one.xml', doc('<a n="1">x</a>'))];
    const two = [load('cached/two.xml', doc('<b>y</b>'))];
    const stored = (): string[] => readdirSync(path.join(cache, 'reduced')).filter((f) => f.endsWith('.json')).sort();
    expect(await validate(one, SCHEMA, { cache })).toEqual([]);
    expect(stored()).toHaveLength(1);
    // What is stored is what the reducer makes for that set.
    const entry = JSON.parse(readFileSync(path.join(cache, 'reduced', stored()[0]!), 'utf8')) as { fileName: string; contents: string }[];
    expect(entry).toEqual([{ fileName: 'schema/letters.rng', contents: reduced(SCHEMA, names(one)).files[0]!.text }]);
    // Another set of names is another entry; the same set finds the first one again: a stored
    // schema that accepts nothing shows that it is read (the stored verdicts are removed first).
    expect(await validate(two, SCHEMA, { cache })).toEqual([]);
    expect(stored()).toHaveLength(2);
    const first = path.join(cache, 'reduced', stored().find((f) => readFileSync(path.join(cache, 'reduced', f), 'utf8').includes('<element name=\\"a\\"><attribute'))!);
    writeFileSync(first, JSON.stringify([{ fileName: 'schema/letters.rng', contents: `<grammar xmlns="${RNG}"><start><notAllowed/></start></grammar>` }]));
    for (const f of readdirSync(cache)) if (/^[0-9a-f]{64}$/.test(f)) rmSync(path.join(cache, f), { recursive: true });
    const fromCache = await validateRelaxNg(one, SCHEMA, { schemaDisplay: 'letters.rng', cache, workers: 1, reduce: true });
    expect(fromCache.some((d) => d.ruleId === 'rng/invalid')).toBe(true);
  });

  it('validates against the full schema when libxml2 cannot compile the reduced one', async () => {
    const cache = path.join(temp, 'cache-broken');
    const one = [load('broken/one.xml', doc('<a n="1">x</a><zz/>'))];
    const expected = await validate(one, SCHEMA, { reduce: false });
    expect(expected.some((d) => d.ruleId === 'rng/invalid')).toBe(true);
    await validate(one, SCHEMA, { cache });
    // A stored reduced schema that refers to a define it lacks: libxml2 refuses it, the full schema answers.
    const [entry] = readdirSync(path.join(cache, 'reduced')).filter((f) => f.endsWith('.json'));
    writeFileSync(path.join(cache, 'reduced', entry!), JSON.stringify([{ fileName: 'schema/letters.rng', contents: `<grammar xmlns="${RNG}"><start><ref name="gone"/></start></grammar>` }]));
    for (const f of readdirSync(cache)) if (/^[0-9a-f]{64}$/.test(f)) rmSync(path.join(cache, f), { recursive: true });
    expect(await validate(one, SCHEMA, { cache })).toEqual(expected);
  });
});
