// The whole generation as one pure function: texts in, schema text (or errors) out.
import { addCompileGuards } from './compile-guard.js';
import { customise } from './customise.js';
import { readOdd } from './odd.js';
import type { Grammar } from './pattern.js';
import { readGrammar } from './read-grammar.js';
import { serialiseGrammar } from './serialise.js';
import { declaredElements, pruneUnreachable, simplifyGrammar } from './simplify.js';
import { parseXml } from './xml-tree.js';

export interface GenerateInput {
  teiAllText: string;
  oddText: string;
  /** How the inputs and the command are named in the header comment (project-relative, no absolute paths). */
  teiAllLabel: string;
  oddLabel: string;
}

export type GenerateResult =
  | { ok: true; text: string; elements: string[]; grammar: Grammar }
  | { ok: false; errors: string[] };

export function generateSchema(input: GenerateInput): GenerateResult {
  const teiAllXml = parseXml(input.teiAllText);
  if (!teiAllXml.ok) return { ok: false, errors: [`${input.teiAllLabel}: not well-formed: ${teiAllXml.message}`] };
  const teiAll = readGrammar(teiAllXml.root);
  if (!teiAll.ok) return { ok: false, errors: [`${input.teiAllLabel}: ${teiAll.message}`] };

  const oddXml = parseXml(input.oddText);
  if (!oddXml.ok) return { ok: false, errors: [`${input.oddLabel}: not well-formed: ${oddXml.message}`] };
  const odd = readOdd(oddXml.root);
  if (!odd.ok) return { ok: false, errors: odd.errors.map((e) => `${input.oddLabel}: ${e}`) };

  const customised = customise(teiAll.grammar, odd.customisation);
  if (!customised.ok) return { ok: false, errors: customised.errors.map((e) => `${input.oddLabel}: ${e}`) };

  const grammar = pruneUnreachable(simplifyGrammar(customised.grammar));
  if (grammar.start.some((p) => p.tag === 'notAllowed')) {
    return { ok: false, errors: [`${input.oddLabel}: the customisation leaves no valid document (start is notAllowed)`] };
  }
  const elements = declaredElements(grammar);
  const version = teiAllVersion(teiAll.comments);
  const header = [
    `${odd.customisation.ident}.rng: RelaxNG schema (XML syntax) generated from ${input.oddLabel}`,
    `and ${input.teiAllLabel}${version ? ` (${version})` : ''}.`,
    'Do not edit: change the ODD and run `npm run schema` (tei-edition schema).',
    `It declares ${elements.length} elements and accepts only documents that tei_all accepts.`,
  ];
  const text = serialiseGrammar(addCompileGuards(grammar), { header, documentation: true });
  return { ok: true, text, elements, grammar };
}

/** "TEI P5 Version 4.12.0" from tei_all's leading comment, if present. */
function teiAllVersion(comments: readonly string[]): string | undefined {
  for (const comment of comments) {
    const match = /P5 Version ([0-9][0-9A-Za-z.-]*)/.exec(comment);
    if (match) return `TEI P5 ${match[1]}`;
  }
  return undefined;
}
