import { describe, expect, it } from 'vitest';
import { customise } from '../../src/schema/customise.js';
import { readOdd } from '../../src/schema/odd.js';
import { type Grammar, type Pattern, pattern } from '../../src/schema/pattern.js';
import { serialiseGrammar } from '../../src/schema/serialise.js';
import { pruneUnreachable, simplifyGrammar } from '../../src/schema/simplify.js';
import { parseXml } from '../../src/schema/xml-tree.js';

function odd(specs: string, start = 'TEI'): string {
  return `<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><schemaSpec ident="t" start="${start}">${specs}</schemaSpec></body></text></TEI>`;
}

function read(text: string) {
  const xml = parseXml(text);
  if (!xml.ok) throw new Error(xml.message);
  return readOdd(xml.root);
}

const p = (tag: string, ...children: Pattern[]): Pattern => pattern(tag, children);
const ref = (name: string): Pattern => pattern('ref', [], { name });
const el = (name: string, ...children: Pattern[]): Pattern => pattern('element', children, { name });
const attr = (name: string, ...children: Pattern[]): Pattern => pattern('attribute', children, { name });
const token = (regex: string): Pattern => pattern('data', [{ ...pattern('param', [], { name: 'pattern' }), text: regex }], { type: 'token' });

/** A miniature tei_all: TEI > (p | sp)*, with a shared attribute class. */
function miniTeiAll(): Grammar {
  return {
    attrs: {},
    start: [p('choice', ref('TEI'), ref('teiCorpus'))],
    defines: new Map<string, Pattern[]>([
      ['TEI', [el('TEI', p('zeroOrMore', p('choice', ref('p'), ref('sp'), ref('gap'))), ref('att.global.attributes'))]],
      ['teiCorpus', [el('teiCorpus', p('oneOrMore', ref('TEI')))]],
      ['p', [el('p', p('text'), ref('att.global.attributes'))]],
      ['sp', [el('sp', p('text'), ref('att.global.attributes'))]],
      ['gap', [el('gap', ref('att.global.attributes'), ref('att.editLike.attributes'))]],
      ['att.global.attributes', [ref('att.global.attribute.n'), ref('att.global.attribute.rend')]],
      ['att.global.attribute.n', [p('optional', attr('n', pattern('data', [], { type: 'string' })))]],
      ['att.global.attribute.rend', [p('optional', attr('rend', token('[a-z]+')))]],
      ['att.editLike.attributes', [p('optional', attr('reason', token('[^\\p{C}\\p{Z}]+')))]],
    ]),
  };
}

function generate(specs: string, start = 'TEI') {
  const o = read(odd(specs, start));
  if (!o.ok) return { ok: false as const, errors: o.errors };
  const c = customise(miniTeiAll(), o.customisation);
  if (!c.ok) return c;
  return { ok: true as const, grammar: pruneUnreachable(simplifyGrammar(c.grammar)) };
}

describe('reading the ODD subset', () => {
  it('reads moduleRef includes, deletions and attribute changes', () => {
    const result = read(
      odd(`<moduleRef key="tei"/><moduleRef key="core" include="p gap"/><elementSpec ident="p" mode="delete"/>
        <elementSpec ident="gap" mode="change"><attList><attDef ident="reason" mode="change" usage="req"/></attList></elementSpec>
        <classSpec ident="att.global" type="atts" mode="change"><attList><attDef ident="rend" mode="delete"/></attList></classSpec>`),
    );
    expect(result.ok && result.customisation).toMatchObject({
      start: ['TEI'],
      modules: [{ key: 'tei', include: [] }, { key: 'core', include: ['p', 'gap'] }],
      deletedElements: ['p'],
      elementChanges: [{ ident: 'gap', changes: [{ kind: 'require', attribute: 'reason' }] }],
      classChanges: [{ ident: 'att.global', changes: [{ kind: 'delete', attribute: 'rend' }] }],
    });
  });

  it('refuses moduleRef/@except with a message saying what to do instead', () => {
    const result = read(odd('<moduleRef key="core" except="sp"/>'));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.join()).toMatch(/@except is not supported; list the wanted elements in @include/);
  });

  it('refuses additions and replacements, which are not restrictions', () => {
    for (const spec of ['<elementSpec ident="foo"/>', '<elementSpec ident="p" mode="replace"/>',
      '<elementSpec ident="p" mode="change"><attList><attDef ident="new" mode="add"/></attList></elementSpec>',
      '<elementSpec ident="p" mode="change"><attList><attDef ident="n" mode="change" usage="opt"/></attList></elementSpec>']) {
      expect(read(odd(spec)).ok).toBe(false);
    }
  });

  it('refuses an unknown module name', () => {
    expect(read(odd('<moduleRef key="cor" include="p"/>')).ok).toBe(false);
  });
});

describe('customising a miniature tei_all', () => {
  it('removes elements that are not included, and refs to them', () => {
    const result = generate('<moduleRef key="textstructure" include="TEI"/><moduleRef key="core" include="p"/>');
    if (!result.ok) throw new Error(result.errors.join());
    expect([...result.grammar.defines.keys()]).not.toContain('sp');
    expect(result.grammar.start).toEqual([ref('TEI')]);
  });

  it('refuses to include an element tei_all does not have', () => {
    const result = generate('<moduleRef key="core" include="TEI p letter"/>');
    expect(!result.ok && result.errors.join()).toMatch(/no element <letter>/);
  });

  it('refuses a root element tei_all does not allow as root', () => {
    expect(generate('<moduleRef key="core" include="TEI p"/>', 'p').ok).toBe(false);
  });

  it('makes an attribute required on one element without touching the shared class', () => {
    const result = generate(`<moduleRef key="core" include="TEI p gap"/>
      <elementSpec ident="gap" mode="change"><attList><attDef ident="n" mode="change" usage="req"/></attList></elementSpec>`);
    if (!result.ok) throw new Error(result.errors.join());
    const text = serialiseGrammar(result.grammar, { header: [], documentation: false });
    // gap has its own required @n; p still refers to the untouched class with an optional @n.
    expect(text).toMatch(/<element name="gap">\s*<attribute name="n">/);
    expect(result.grammar.defines.get('att.global.attribute.n')).toEqual([p('optional', attr('n', pattern('data', [], { type: 'string' })))]);
  });

  it('deletes an attribute from a class for every member', () => {
    const result = generate(`<moduleRef key="core" include="TEI p"/>
      <classSpec ident="att.global" type="atts" mode="change"><attList><attDef ident="rend" mode="delete"/></attList></classSpec>`);
    if (!result.ok) throw new Error(result.errors.join());
    expect(result.grammar.defines.has('att.global.attribute.rend')).toBe(false);
  });

  it('closes a value list only with values the original datatype accepts', () => {
    const close = (values: string) => generate(`<moduleRef key="core" include="TEI p gap"/>
      <elementSpec ident="gap" mode="change"><attList><attDef ident="reason" mode="change"><valList type="closed">${values}</valList></attDef></attList></elementSpec>`);
    const ok = close('<valItem ident="illegible"/><valItem ident="damage"/>');
    if (!ok.ok) throw new Error(ok.errors.join());
    const text = serialiseGrammar(ok.grammar, { header: [], documentation: false });
    expect(text).toContain('<value type="string">illegible</value>');
    // "two words" contains a space, which the token pattern of tei_all forbids.
    const bad = close('<valItem ident="two words"/>');
    expect(!bad.ok && bad.errors.join()).toMatch(/does not \(provably\) accept the value\(s\) two words/);
  });
});
