import { describe, expect, it } from 'vitest';
import { type Grammar, type Pattern, pattern } from '../../src/schema/pattern.js';
import { pruneUnreachable, simplifyGrammar, simplifyPattern } from '../../src/schema/simplify.js';

const p = (tag: string, ...children: Pattern[]): Pattern => pattern(tag, children);
const ref = (name: string): Pattern => pattern('ref', [], { name });
const el = (name: string, ...children: Pattern[]): Pattern => pattern('element', children, { name });
const attr = (name: string, ...children: Pattern[]): Pattern => pattern('attribute', children, { name });
const NA = () => p('notAllowed');
const EMPTY = () => p('empty');
const TEXT = () => p('text');
const none = { notAllowed: new Set<string>(), empty: new Set<string>() };

function grammar(start: Pattern[], defines: Record<string, Pattern[]>): Grammar {
  return { attrs: {}, start, defines: new Map(Object.entries(defines)) };
}

describe('simplifyPattern', () => {
  it('drops notAllowed branches from a choice', () => {
    expect(simplifyPattern(p('choice', ref('a'), NA(), ref('b')), none)).toEqual(p('choice', ref('a'), ref('b')));
  });

  it('replaces a choice left with one branch by that branch', () => {
    expect(simplifyPattern(p('choice', NA(), ref('a')), none)).toEqual(ref('a'));
  });

  it('turns a choice of nothing but notAllowed into notAllowed', () => {
    expect(simplifyPattern(p('choice', NA(), NA()), none)).toEqual(NA());
  });

  it('turns group and interleave with a notAllowed member into notAllowed', () => {
    expect(simplifyPattern(p('group', ref('a'), NA()), none)).toEqual(NA());
    expect(simplifyPattern(p('interleave', NA(), TEXT()), none)).toEqual(NA());
  });

  it('turns oneOrMore, list, element and attribute with notAllowed content into notAllowed', () => {
    for (const outer of [p('oneOrMore', NA()), p('list', NA()), el('x', NA()), attr('y', NA())]) {
      expect(simplifyPattern(outer, none)).toEqual(NA());
    }
  });

  it('turns optional and zeroOrMore of notAllowed into empty', () => {
    expect(simplifyPattern(p('optional', NA()), none)).toEqual(EMPTY());
    expect(simplifyPattern(p('zeroOrMore', p('choice', NA(), NA())), none)).toEqual(EMPTY());
  });

  it('removes empty members from a group', () => {
    expect(simplifyPattern(p('group', EMPTY(), ref('a'), p('optional', NA())), none)).toEqual(ref('a'));
  });

  it('replaces refs to notAllowed and empty defines', () => {
    const status = { notAllowed: new Set(['gone']), empty: new Set(['nothing']) };
    expect(simplifyPattern(p('choice', ref('gone'), ref('kept')), status)).toEqual(ref('kept'));
    expect(simplifyPattern(el('x', ref('nothing'), TEXT()), status)).toEqual(el('x', TEXT()));
  });

  it('leaves name classes alone', () => {
    const anyElement = pattern('element', [p('anyName', p('except', pattern('nsName', [], { ns: 'urn:x' }))), TEXT()]);
    expect(simplifyPattern(anyElement, none)).toEqual(anyElement);
  });

  it('does not modify its input', () => {
    const input = p('choice', NA(), ref('a'));
    const copy = structuredClone(input);
    simplifyPattern(input, none);
    expect(input).toEqual(copy);
  });
});

describe('simplifyGrammar and pruneUnreachable', () => {
  it('propagates a removed element through the defines that mention it', () => {
    const g = grammar([ref('root')], {
      root: [el('root', ref('model.block'))],
      'model.block': [p('choice', ref('sp'), ref('p'))],
      sp: [NA()],
      p: [el('p', TEXT())],
    });
    const result = pruneUnreachable(simplifyGrammar(g));
    expect(result.defines.get('model.block')).toEqual([ref('p')]);
    expect([...result.defines.keys()]).toEqual(['root', 'model.block', 'p']);
  });

  it('makes an element that requires a removed element notAllowed, and its parents lose it', () => {
    const g = grammar([ref('root')], {
      root: [el('root', p('zeroOrMore', p('choice', ref('castList'), ref('p'))))],
      castList: [el('castList', p('oneOrMore', ref('castItem')))],
      castItem: [NA()],
      p: [el('p', TEXT())],
    });
    const result = pruneUnreachable(simplifyGrammar(g));
    expect(result.defines.get('root')).toEqual([el('root', p('zeroOrMore', ref('p')))]);
    expect(result.defines.has('castList')).toBe(false);
  });

  it('inlines attribute classes whose attributes were all removed', () => {
    const g = grammar([ref('root')], {
      root: [el('root', TEXT(), ref('att.cmc.attributes'))],
      'att.cmc.attributes': [ref('att.cmc.attribute.generatedBy')],
      'att.cmc.attribute.generatedBy': [p('optional', NA())],
    });
    const result = pruneUnreachable(simplifyGrammar(g));
    expect(result.defines.get('root')).toEqual([el('root', TEXT())]);
    expect(result.defines.size).toBe(1);
  });

  it('reaches a fixpoint through chains and cycles of defines', () => {
    const g = grammar([ref('root')], {
      root: [el('root', p('optional', ref('a')), p('zeroOrMore', ref('loop')))],
      a: [ref('b')],
      b: [ref('c')],
      c: [NA()],
      loop: [el('loop', p('zeroOrMore', ref('loop')))],
    });
    const result = pruneUnreachable(simplifyGrammar(g));
    expect(result.defines.get('root')).toEqual([el('root', p('zeroOrMore', ref('loop')))]);
    expect([...result.defines.keys()]).toEqual(['root', 'loop']);
  });

  it('reports a start that can match nothing as notAllowed', () => {
    const g = grammar([ref('gone')], { gone: [NA()] });
    expect(simplifyGrammar(g).start).toEqual([NA()]);
  });
});
