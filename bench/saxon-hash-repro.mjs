// A standalone reproduction of a defect in SaxonJS 2.7's hash of xs:string values, which makes
// XDM maps with long string keys degrade to linear scans (see docs/performance.md, "A defect in
// SaxonJS's string hash"). Needs only the saxon-js package: `node bench/saxon-hash-repro.mjs`.
//
// SaxonJS2N.js (saxon-js 2.7.0) computes the hash of a string longer than 6 characters as
//
//   for(let h=0;h<b;h++)a=31*a+this.value.charCodeAt(h++);this.g=a&=16777215
//
// 1. `h` is stepped twice per turn (`h++` in the loop header and in `charCodeAt(h++)`): only the
//    characters at even positions count, so strings that differ only at odd positions collide.
// 2. `a` is a JavaScript number, not an int32: 31*a+c is exact only below 2^53, and the mask to
//    24 bits comes after the loop. From 2^76 on a double is a multiple of 2^24, so its low 24 bits
//    are 0: every string of 31 characters or more hashes to 0 (16 characters counted), and most of
//    29 or 30. And `0` means "not computed yet" for the cached this.g, so it is hashed again on
//    every call.
// Keys of an XDM map then share one bucket, and a lookup compares against every key: building a
// map of N such keys and looking each one up costs O(N²).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const SaxonJS = require('saxon-js');

/** The hash above, as SaxonJS computes it (before it turns the number into a bucket key). */
function saxonStringHash(value) {
  if (value.length <= 6) return value;
  let a = 0;
  for (let h = 0; h < value.length; h++) a = 31 * a + value.charCodeAt(h++);
  return (a &= 16777215);
}

console.log(`saxon-js ${require('saxon-js/package.json').version}, Node ${process.version}\n`);
console.log('The hash, as computed by SaxonJS:');
for (const s of ['abcdefg', 'aXcdefg', 'aYcZefg', 'abcdefgh', 'http://example.org/persons#p1', 'http://example.org/persons#p2', 'http://example.org/register/persons#p1', 'http://example.org/register/persons#p2', 'http://example.org/register/places#pl99']) {
  console.log(`  ${String(saxonStringHash(s)).padStart(9)}  ${JSON.stringify(s)} (${s.length} characters)`);
}

/** Builds a map of n keys `prefix + i` in XPath, then looks every key up; milliseconds for each. */
function time(prefix, n) {
  const params = { n, p: prefix };
  let start = performance.now();
  const [map] = SaxonJS.XPath.evaluate('map:merge((1 to xs:integer($n)) ! map{ $p || string(.) : . })', null, { params, resultForm: 'xdm' });
  const build = performance.now() - start;
  start = performance.now();
  const [sum] = SaxonJS.XPath.evaluate('sum((1 to xs:integer($n)) ! $m($p || string(.)))', null, { params: { ...params, m: map }, resultForm: 'xdm' });
  const lookup = performance.now() - start;
  if (Number(sum.value) !== (n * (n + 1)) / 2) throw new Error(`wrong sum for ${prefix}: ${sum.value}`);
  return { build, lookup };
}

const kinds = [
  // 8 to 11 characters: hashed, and spread over the buckets.
  ['short keys', 'key-'],
  // 39 to 42 characters: every one hashes to 0.
  ['long keys', 'http://example.org/register/persons#p-'],
];
time('warm-up-', 200);
time('http://example.org/register/persons#warm-up-', 200);
console.log('\nAn XDM map of N distinct string keys, built with map:merge, then every key looked up once:');
console.log(`${'keys'.padEnd(12)}${'N'.padStart(6)}${'build'.padStart(12)}${'lookups'.padStart(12)}${'per lookup'.padStart(13)}`);
for (const [label, prefix] of kinds) {
  let previous;
  for (const n of [1000, 2000, 4000]) {
    const t = time(prefix, n);
    const growth = previous ? `  ×${(t.lookup / previous.lookup).toFixed(1)} for ×2 keys` : '';
    console.log(`${label.padEnd(12)}${String(n).padStart(6)}${`${t.build.toFixed(0)} ms`.padStart(12)}${`${t.lookup.toFixed(0)} ms`.padStart(12)}${`${((t.lookup / n) * 1000).toFixed(1)} µs`.padStart(13)}${growth}`);
    previous = t;
  }
}
console.log('\nShort keys: time per lookup stays flat. Long keys: it doubles with N (all keys in one bucket), so the total grows fourfold.');
