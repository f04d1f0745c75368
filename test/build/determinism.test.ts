import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBundled } from './support/build.js';
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
    const one = snapshot((await buildBundled()).siteDir);
    const two = snapshot((await buildBundled()).siteDir);
    expect([...two.keys()]).toEqual([...one.keys()]);
    for (const [file, bytes] of one) expect(two.get(file)!.equals(bytes), file).toBe(true);
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

  it('writes no absolute path of the machine it ran on', async () => {
    const { siteDir } = await buildBundled();
    for (const [file, bytes] of snapshot(siteDir)) {
      const text = bytes.toString('utf8');
      expect(text.includes('file://'), file).toBe(false);
      expect(text.includes(process.cwd()), file).toBe(false);
    }
  });
});
