import { cpSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/paths.js';
import { buildBundled, bundledPlan, temporaryFolder } from './support/build.js';
import { first, normalise, parsePage, textOf } from './support/html.js';

function snapshot(dir: string, base = dir, out = new Map<string, Buffer>()): Map<string, Buffer> {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) snapshot(full, base, out);
    else out.set(path.relative(base, full), readFileSync(full));
  }
  return out;
}

describe('a build', () => {
  it('writes byte-identical output when run twice on the same sources', async () => {
    // Every output: the site, the apparatus and the EPUB.
    const one = snapshot(path.dirname((await buildBundled()).siteDir));
    const two = snapshot(path.dirname((await buildBundled()).siteDir));
    expect([...one.keys()].some((f) => f.startsWith('apparatus'))).toBe(true);
    expect([...one.keys()].some((f) => f.startsWith('epub'))).toBe(true);
    expect([...two.keys()]).toEqual([...one.keys()]);
    for (const [file, bytes] of one) expect(two.get(file)!.equals(bytes), file).toBe(true);
  });

  it('writes the same bytes when the same sources are built from another folder', async () => {
    const previous = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = '1700000000';
    try {
      const copy = path.join(temporaryFolder('tei-edition-moved-'), 'sources');
      cpSync(path.join(projectRoot, 'tei'), copy, { recursive: true });
      const moved = (f: string): string => path.join(copy, path.relative(path.join(projectRoot, 'tei'), path.resolve(projectRoot, f)));
      const plan = bundledPlan('unused');
      const here = snapshot(path.dirname((await buildBundled()).siteDir));
      const elsewhere = snapshot(path.dirname((await buildBundled({
        edition: moved(plan.edition!), documents: plan.documents.map(moved), registers: plan.registers.map(moved), dateFrom: copy,
      })).siteDir));
      expect([...elsewhere.keys()]).toEqual([...here.keys()]);
      for (const [file, bytes] of here) expect(elsewhere.get(file)!.equals(bytes), file).toBe(true);
    } finally {
      if (previous === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = previous;
    }
  });

  it('takes its date from SOURCE_DATE_EPOCH and never from the clock', async () => {
    const previous = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = '0';
    try {
      const { siteDir } = await buildBundled();
      const { document } = parsePage(readFileSync(path.join(siteDir, 'index.html'), 'utf8'));
      const footer = first(document, (el) => el.tagName === 'footer')!;
      expect(normalise(textOf(footer))).toMatch(/Version of 1 January 1970$/);
    } finally {
      if (previous === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = previous;
    }
  });

  it('writes no absolute path of the machine it ran on, in any output', async () => {
    const { siteDir } = await buildBundled();
    for (const [file, bytes] of snapshot(path.dirname(siteDir))) {
      if (!/\.(html|xhtml|json|opf|css|js|ncx|xml|txt)$/.test(file)) continue;
      const text = bytes.toString('utf8');
      expect(text.includes('file://'), file).toBe(false);
      expect(text.includes(process.cwd()), file).toBe(false);
    }
  });
});
