// What the deposit tests share: the compiled CLI, bags written to temporary folders, file trees read back.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeBag, type BagFile, type BagInfoField } from '../../../src/package/deposit/bagit.js';
import { payloadFiles, type PayloadItem } from '../../../src/package/deposit/payload.js';
import { projectRoot } from '../../helpers/paths.js';

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** `tei-edition ARGS` from the compiled lib/, as a user runs it. */
export function cli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const r = spawnSync(process.execPath, [path.join(projectRoot, 'bin/tei-edition.js'), ...args], {
    cwd: options.cwd ?? projectRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export interface Finding {
  file: string;
  severity: string;
  ruleId: string;
  message: string;
}

/** `verify-bag --format json`: the exit code and every finding. */
export function verifyJson(target: string, cwd?: string): { status: number; findings: Finding[]; run: CliRun } {
  const run = cli(['verify-bag', '--format', 'json', target], cwd ? { cwd } : {});
  const report = JSON.parse(run.stdout) as { files: { diagnostics: Finding[] }[] };
  return { status: run.status, findings: report.files.flatMap((f) => f.diagnostics), run };
}

export function temporary(prefix = 'tei-edition-deposit-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Every file under `dir`: path from it ('/'-separated) → bytes. */
export function tree(dir: string, base = dir, out = new Map<string, Buffer>()): Map<string, Buffer> {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) tree(full, base, out);
    else out.set(path.relative(base, full).split(path.sep).join('/'), readFileSync(full));
  }
  return out;
}

export function writeTree(dir: string, files: readonly BagFile[]): void {
  for (const f of files) {
    const target = path.join(dir, ...f.path.split('/'));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, f.bytes);
  }
}

const encoder = new TextEncoder();

/** A small bag made by the bag writer: a few payload files of each kind, and bag-info.txt with its oxum. */
export function smallBag(extra: readonly PayloadItem[] = []): BagFile[] {
  const payload = payloadFiles([
    { path: 'data/tei/letter.xml', bytes: encoder.encode('<TEI xmlns="http://www.tei-c.org/ns/1.0"/>\n'), group: 'tei' },
    { path: 'data/site/index.html', bytes: encoder.encode('<!doctype html><title>x</title>\n'), group: 'site' },
    { path: 'data/site/assets/edition.css', bytes: encoder.encode('body { margin: 0 }\n'), group: 'site' },
    ...extra,
  ]);
  const octets = payload.reduce((sum, f) => sum + f.bytes.length, 0);
  const info: BagInfoField[] = [
    { name: 'Bagging-Date', value: '2024-01-02' },
    { name: 'Payload-Oxum', value: `${octets}.${payload.length}` },
  ];
  return writeBag({ payload, info, tagFiles: [{ path: 'metadata/record.json', bytes: encoder.encode('{"title":"x"}\n') }] });
}
