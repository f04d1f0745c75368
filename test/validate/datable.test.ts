// The elements whose @when/@from/@to… are dates (src/check/tei/datable.ts) are att.datable's
// members in tei_all.rng: recomputed here from the schema, when ../shared holds it.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABLE_ELEMENTS, ISO_DATE_ATTRIBUTES, W3C_DATE_ATTRIBUTES } from '../../src/check/tei/datable.js';
import { parseXml, type XmlElement } from '../../src/schema/xml-tree.js';
import { SHARED } from './cli.js';

const RNG = 'http://relaxng.org/ns/structure/1.0';
const schema = path.join(SHARED, 'schemas/tei_all.rng');
const haveSchema = existsSync(schema);
if (!haveSchema) console.warn(`Skipping the att.datable membership check: ${schema} is missing.`);

const kids = (e: XmlElement): XmlElement[] => e.children.filter((c): c is XmlElement => c.kind === 'element');

describe.skipIf(!haveSchema)('att.datable in tei_all.rng', () => {
  it('has exactly the members listed in datable.ts, each with all ten date attributes', { timeout: 60_000 }, () => {
    const parsed = parseXml(readFileSync(schema, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.message);
    const defines = new Map<string, XmlElement[]>();
    for (const d of kids(parsed.root)) if (d.ns === RNG && d.local === 'define') defines.set(d.attrs.name!, [...(defines.get(d.attrs.name!) ?? []), d]);
    const elementOf = (d: XmlElement): XmlElement | undefined => {
      const k = kids(d);
      return k.length === 1 && k[0]!.ns === RNG && k[0]!.local === 'element' ? k[0] : undefined;
    };
    // The refs a pattern makes, not looking into nested elements (their attributes are theirs).
    const refsIn = (p: XmlElement, out: Set<string>): void => {
      for (const c of kids(p)) {
        if (c.ns !== RNG || c.local === 'element') continue;
        if (c.local === 'ref') out.add(c.attrs.name!);
        refsIn(c, out);
      }
    };
    const reach = new Map<string, Set<string>>();
    const reached = (name: string, seen: Set<string>): Set<string> => {
      const known = reach.get(name);
      if (known) return known;
      const all = new Set([name]);
      if (seen.has(name)) return all;
      seen.add(name);
      for (const d of defines.get(name) ?? []) {
        const refs = new Set<string>();
        refsIn(d, refs);
        for (const r of refs) if (!(defines.get(r) ?? []).some(elementOf)) for (const x of reached(r, seen)) all.add(x);
      }
      reach.set(name, all);
      return all;
    };
    const targets = [...[...W3C_DATE_ATTRIBUTES].map((a) => `att.datable.w3c.attribute.${a}`), ...[...ISO_DATE_ATTRIBUTES].map((a) => `att.datable.iso.attribute.${a}`)];
    const members = new Map<string, number>();
    for (const ds of defines.values()) {
      for (const d of ds) {
        const element = elementOf(d);
        if (!element) continue;
        const refs = new Set<string>();
        refsIn(element, refs);
        const all = new Set<string>();
        for (const r of refs) for (const x of reached(r, new Set())) all.add(x);
        const n = targets.filter((t) => all.has(t)).length;
        if (n > 0) members.set(element.attrs.name ?? '', n);
      }
    }
    expect([...members.keys()].sort()).toEqual([...DATABLE_ELEMENTS].sort());
    expect(new Set(members.values())).toEqual(new Set([10]));
    // The elements where these names are not dates.
    for (const e of ['biblScope', 'citedRange', 'locus', 'span']) expect(members.has(e)).toBe(false);
  });
});
