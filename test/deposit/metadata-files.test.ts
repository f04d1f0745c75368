// What the deposit does with the metadata records the mappings give (src/package/deposit/metadata/): each
// is written beside the bag and carried in it under metadata/, covered by the tag manifests and the zip;
// their findings join the build's, at the config's rule levels. The mappings are replaced here by a
// stand-in that records what it was given, so this holds whatever records the real mappings make.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import type { DepositContext, DepositMetadata } from '../../src/package/deposit/deposit-model.js';
import { digest } from '../../src/package/deposit/checksums.js';
import { buildBundled } from '../build/support/build.js';
import { projectRoot } from '../helpers/paths.js';
import { checkers, skipReason } from '../helpers/tools.js';
import { tree, verifyJson } from './support/bags.js';

const seen: DepositContext[] = [];
vi.mock('../../src/package/deposit/metadata/describe.js', () => ({
  describeDeposit: (context: DepositContext): DepositMetadata => {
    seen.push(context);
    return {
      files: [
        { name: 'record.json', content: `${JSON.stringify({ slug: context.slug, files: context.payload.map((f) => [f.path, f.mime, f.group, f.document ?? null]) }, null, 1)}\n` },
        { name: 'CITATION.cff', content: 'cff-version: 1.2.0\n' },
      ],
      diagnostics: [{ file: 'tei/edition.xml', severity: 'warning', ruleId: 'deposit/bag-info', message: 'a finding of the metadata mappings' }],
    };
  },
}));

const needs = skipReason(!checkers.chromium, 'Chromium (/usr/bin/chromium): the deposit carries the printed edition');

describe.skipIf(needs.skip)(`the deposit's metadata records${needs.title}`, () => {
  it('are written beside the bag and into it under metadata/, in the tag manifests and the zip; their findings take the rule levels', async () => {
    const previous = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = '1700000000';
    let built;
    try {
      // The CLI gives the config's identifier to the plan with the EPUB's options (src/cli/commands/build.ts).
      const identifier = (JSON.parse(readFileSync(path.join(projectRoot, 'edition.config.json'), 'utf8')) as { identifier: string }).identifier;
      built = await buildBundled({ only: ['deposit'], ruleLevels: { 'deposit/bag-info': 'error' }, epub: { identifier } });
    } finally {
      if (previous === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = previous;
    }
    const deposit = path.join(path.dirname(built.siteDir), 'deposit');
    const bag = path.join(deposit, 'toward-kaesong-bag');

    // What the mappings were given: the sorted payload, as it stands in the bag, with types and documents.
    expect(seen).toHaveLength(1);
    const context = seen[0]!;
    expect(context.instant).toBe('2023-11-14T22:13:20Z');
    expect(context.identifier).toBe('urn:uuid:938c7740-097e-4cf1-9ccf-27fc37733263');
    expect(context.edition?.path).toBe('tei/edition.xml');
    const payload = tree(path.join(bag, 'data'));
    expect(context.payload.map((f) => f.path)).toEqual([...payload.keys()].map((p) => `data/${p}`).sort());
    for (const f of context.payload) {
      expect(Buffer.from(f.bytes).equals(payload.get(f.path.slice('data/'.length))!), f.path).toBe(true);
      expect(f.sha256).toBe(digest('sha256', f.bytes));
      expect(f.sha512).toBe(digest('sha512', f.bytes));
    }
    const byPath = new Map(context.payload.map((f) => [f.path, f]));
    expect(byPath.get('data/tei/edition.xml')).toMatchObject({ mime: 'application/tei+xml', group: 'tei' });
    expect(byPath.get('data/tei/documents/1951-06-30-filippov-to-mao.xml')).toMatchObject({ group: 'tei', document: 'documents/1951-06-30-filippov-to-mao.xml' });
    expect(byPath.get('data/site/documents/1951-06-30-filippov-to-mao.html')).toMatchObject({ mime: 'text/html', group: 'site', document: 'documents/1951-06-30-filippov-to-mao.xml' });
    expect(byPath.get('data/epub/toward-kaesong.epub')).toMatchObject({ mime: 'application/epub+zip', group: 'epub' });
    expect(byPath.get('data/print/toward-kaesong.pdf')).toMatchObject({ mime: 'application/pdf', group: 'print' });
    expect(byPath.get('data/schema/tei-edition.rng')).toMatchObject({ mime: 'application/xml', group: 'schema' });
    expect(byPath.get('data/apparatus/apparatus.json')).toMatchObject({ mime: 'application/json', group: 'apparatus' });

    for (const name of ['record.json', 'CITATION.cff']) {
      const beside = readFileSync(path.join(deposit, name));
      expect(readFileSync(path.join(bag, 'metadata', name)).equals(beside), name).toBe(true);
      for (const algorithm of ['sha256', 'sha512'] as const) {
        expect(readFileSync(path.join(bag, `tagmanifest-${algorithm}.txt`), 'utf8')).toContain(`${digest(algorithm, beside)}  metadata/${name}\n`);
      }
      expect(Buffer.from(unzipSync(readFileSync(path.join(deposit, 'toward-kaesong-bag.zip')))[`toward-kaesong-bag/metadata/${name}`]!).equals(beside)).toBe(true);
    }
    // Tag files, not payload: the payload manifests do not list them.
    expect(readFileSync(path.join(bag, 'manifest-sha256.txt'), 'utf8')).not.toContain('metadata/');
    const verified = verifyJson(bag);
    expect(verified.findings).toEqual([]);
    expect(verified.status).toBe(0);

    const finding = built.result.report.diagnostics.find((d) => d.message === 'a finding of the metadata mappings');
    expect(finding?.severity).toBe('error');
  });
});
