// libxml2 (and so xmllint-wasm) compiles every content model made only of elements and text into a
// finite automaton when it loads a RelaxNG schema. For a TEI-sized schema that costs about 5 s per
// call, on every validation run. A reference to a define that is notAllowed makes libxml2 skip that
// compilation for the enclosing content model and validate it by derivation instead (0.6 s in all).
//
// The guard does not change the language: choice(p, notAllowed) accepts exactly what p accepts, so the
// schema still accepts nothing tei_all rejects. It is added after simplification, which would
// otherwise remove it again.
import { type Grammar, type Pattern, notAllowed, pattern } from './pattern.js';

export const GUARD_DEFINE = 'tei-edition.compileGuard';

function guard(p: Pattern): Pattern {
  // Attribute values (choices of value/data) are not content models: leave them as they are.
  if (p.tag === 'attribute') return p;
  const children = p.children.map(guard);
  if (p.tag === 'choice') children.push(pattern('ref', [], { name: GUARD_DEFINE }));
  return { ...p, children };
}

export function addCompileGuards(grammar: Grammar): Grammar {
  const defines = new Map<string, Pattern[]>();
  for (const [name, body] of grammar.defines) defines.set(name, body.map(guard));
  defines.set(GUARD_DEFINE, [notAllowed()]);
  return { ...grammar, start: grammar.start.map(guard), defines };
}
