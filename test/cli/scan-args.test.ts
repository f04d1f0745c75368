import { describe, expect, it } from 'vitest';
import { parseMegabytes, scanArgs } from '../../src/cli/scan-args.js';

describe('the command-line grammar shared by the commands', () => {
  const seen: Array<[string, string | undefined]> = [];
  const handler = (name: string, take: () => string | undefined) => {
    if (name === '--out' || name === '--only') {
      seen.push([name, take()]);
      return undefined;
    }
    return name === '--bad' ? 'bad needs nothing' : 'unknown';
  };

  it('reads --name value, --name=value, paths, -- and --help', () => {
    seen.length = 0;
    const r = scanArgs(['a.xml', '--out', 'dist', '--only=site,epub', '--debug', '-h', '--', '--not-an-option'], handler);
    expect(r).toEqual({ ok: true, scanned: { help: true, paths: ['a.xml', '--not-an-option'] } });
    expect(seen).toEqual([['--out', 'dist'], ['--only', 'site,epub']]);
  });

  it('reports an unknown option and a command’s own error as messages', () => {
    expect(scanArgs(['--nope'], handler)).toEqual({ ok: false, message: 'unknown option --nope' });
    expect(scanArgs(['--bad'], handler)).toEqual({ ok: false, message: 'bad needs nothing' });
  });

  it('reads sizes in MB and refuses what is not a positive number', () => {
    expect(parseMegabytes('2')).toBe(2 * 1024 * 1024);
    for (const bad of ['0', 'x', undefined]) expect(parseMegabytes(bad)).toMatch(/--max-size needs a size in MB/);
  });
});
