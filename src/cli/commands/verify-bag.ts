// `tei-edition verify-bag DIR|ZIP`: reads a bag from a folder or a zip (in memory, nothing extracted),
// checks it (src/package/deposit/verify-bag.ts) and reports every finding in the chosen format.
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ExitCode, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Report } from '../../diagnostics/report.js';
import { displayPath } from '../../read/files.js';
import { humanSize } from '../../package/deposit/bagit.js';
import { bagViewOfZip, verifyBag, type BagView, type BagVerdict } from '../../package/deposit/verify-bag.js';
import { exitCodeFor } from '../exit-code.js';
import { readCommandLine, reportUsageError } from '../options.js';
import { colorFor, renderReport, type ReportStyle } from '../report-output.js';
import { VERIFY_BAG_SPEC, type Format } from '../specs.js';

/**
 * A bag folder: its regular files, found without following symbolic links (a link could lead anywhere on
 * the machine: it is reported, never read), and anything else that is neither file nor folder.
 */
function folderView(dir: string): { view: BagView; diagnostics: Diagnostic[] } {
  const shown = displayPath(dir);
  const display = (p: string): string => `${shown === '.' ? '' : `${shown}/`}${p}`;
  const files = new Map<string, number>();
  const diagnostics: Diagnostic[] = [];
  const walk = (folder: string, prefix: string): void => {
    for (const name of readdirSync(folder).sort()) {
      const full = path.join(folder, name);
      const rel = `${prefix}${name}`;
      const stat = lstatSync(full);
      if (stat.isDirectory()) walk(full, `${rel}/`);
      else if (stat.isFile()) files.set(rel, stat.size);
      else diagnostics.push({ file: display(rel), severity: 'error', ruleId: 'bag/unsafe-path', message: `${stat.isSymbolicLink() ? 'a symbolic link' : 'not a regular file'}: a bag holds files only; not followed, not read` });
    }
  };
  walk(dir, '');
  const data = path.join(dir, 'data');
  return {
    view: {
      files,
      read: (p) => {
        if (!files.has(p)) throw new Error(`not a file of the bag: ${p}`);
        return readFileSync(path.join(dir, ...p.split('/')));
      },
      hasPayloadFolder: existsSync(data) && lstatSync(data).isDirectory(),
      display,
    },
    diagnostics,
  };
}

function closingLine(target: string, verdict: BagVerdict, valid: boolean): string {
  if (!valid) return `${target} is not a valid bag\n`;
  const algorithms = verdict.algorithms.length ? `, checked with ${verdict.algorithms.join(' and ')}` : '';
  return `${target}: a valid BagIt ${verdict.version ?? ''} bag, ${verdict.payloadFiles} payload file${verdict.payloadFiles === 1 ? '' : 's'} (${humanSize(verdict.payloadOctets)})${algorithms}\n`;
}

export async function verifyBagCommand(args: string[]): Promise<number> {
  const line = readCommandLine(VERIFY_BAG_SPEC, args);
  if (line.exit !== undefined) return line.exit;
  const { options: o, paths } = line.parsed;
  if (paths.length !== 1) return reportUsageError('verify-bag', 'name the bag to check: a folder or a .zip, e.g. tei-edition verify-bag dist/deposit/edition-bag.zip');
  const style: ReportStyle = { format: (o.format as Format | undefined) ?? 'human', quiet: o.quiet === true, verbose: true, title: 'tei-edition verify-bag' };
  const target = paths[0]!;
  const shown = displayPath(target);
  const finish = (report: Report, verdict?: BagVerdict): number => {
    process.stdout.write(renderReport(report, new Map(), style, colorFor(process.stdout)));
    const code = exitCodeFor(report.diagnostics, false);
    // The human closing line says what kind of bag was checked; the machine formats are complete as they are.
    if (style.format === 'human' && verdict && code !== ExitCode.usage) process.stdout.write(closingLine(shown, verdict, code === ExitCode.ok));
    return code;
  };

  if (!existsSync(target)) {
    return finish({ files: [shown], diagnostics: [{ file: shown, severity: 'error', ruleId: 'io/missing-file', message: `file or folder not found: ${target} (name a bag folder or a .zip)` }] });
  }
  let view: BagView | undefined;
  const early: Diagnostic[] = [];
  let verdict: BagVerdict;
  try {
    if (statSync(target).isDirectory()) {
      const folder = folderView(target);
      view = folder.view;
      early.push(...folder.diagnostics);
    } else {
      const zipped = bagViewOfZip(readFileSync(target), shown);
      view = zipped.view;
      early.push(...zipped.diagnostics);
    }
    if (!view) return finish({ files: [shown], diagnostics: early });
    verdict = verifyBag(view);
  } catch (error) {
    // A file of the bag that cannot be read (permissions, a file removed while it was checked).
    const e = error as NodeJS.ErrnoException;
    if (!e.code) throw error;
    return finish({ files: [shown], diagnostics: [...early, { file: e.path ? displayPath(e.path) : shown, severity: 'error', ruleId: 'io/missing-file', message: `cannot read ${e.path ? displayPath(e.path) : target}: ${e.code}` }] });
  }
  return finish({ files: verdict.files, diagnostics: [...early, ...verdict.diagnostics] }, verdict);
}
