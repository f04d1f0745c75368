// The reader and the XSLT processor must agree on what is well-formed: a file the checks accept
// but the processor refuses would fail the build as a tool error (exit 3) instead of getting a
// diagnostic. Parsing only, so this runs many more cases than the full fuzz test.
import fc from 'fast-check';
import SaxonJS from 'saxon-js';
import { expect, it } from 'vitest';
import { asUtf8Source, decodeXml } from '../../src/read/decode.js';
import { parseXml } from '../../src/read/parse-xml.js';
import { fuzzCase } from './generators.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300) * 10;
const SEED = Number(process.env.FUZZ_SEED ?? 20260701);

const saxon = SaxonJS as unknown as { XPath: { evaluate(expr: string, context: null, options: { params: Record<string, unknown> }): unknown } };

function processorRefuses(text: string): string | undefined {
  try {
    saxon.XPath.evaluate('parse-xml($s)', null, { params: { s: text } });
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

it(`${RUNS} documents: whatever the reader accepts, the XSLT processor parses`, () => {
  fc.assert(
    fc.property(fuzzCase, (bytes) => {
      const decoded = decodeXml(bytes);
      if (!decoded.ok) return;
      if (!parseXml(decoded.text).ok) return;
      expect(processorRefuses(asUtf8Source(decoded.text))).toBeUndefined();
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  );
}, 300_000);
