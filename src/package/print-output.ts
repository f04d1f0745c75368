// The build's print step: the printed edition's HTML (src/render/print/book-html.ts) laid out into a PDF
// by the page engine (src/render/print/pdf-engine.ts), as files for dist/print: <slug>.pdf and the
// print-ready <slug>.html it was laid out from. The PDF is written beside the output folder, under the
// staging prefix (so a crashed build's leftover is removed by the next), and moved in by the one swap.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { PrintOptions } from '../config/edition-config.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { printBookHtml } from '../render/print/book-html.js';
import { layoutPdf } from '../render/print/pdf-engine.js';
import type { SiteModel } from '../render/site-model.js';
import type { DocumentApparatus } from '../transform/apparatus/model.js';
import { packageRoot } from '../transform/package-root.js';
import { displayPath } from '../read/files.js';
import { onExit } from './exit-cleanup.js';
import { describeWriteError } from './write-error.js';
import type { Output } from './write-outputs.js';
import { stagingFolder } from './write-outputs.js';

export interface PrintResult {
  output?: Output;
  diagnostics: Diagnostic[];
  /** Link keys the book could not resolve. */
  unresolved: string[];
  /** A file-system failure, as a sentence for the user (then there is no output and no diagnostic). */
  failure?: string;
  /** The PDF file laid out but not yet moved in; the caller removes it if the build stops before the swap. */
  pending?: string;
}

function toolName(): string {
  const pkg = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { name?: string; version?: string };
  return `${pkg.name ?? 'tei-edition'} ${pkg.version ?? ''}`.trim();
}

export async function renderPrint(model: SiteModel, apparatus: readonly DocumentApparatus[], options: PrintOptions | undefined, instant: string, outDir: string): Promise<PrintResult> {
  const book = printBookHtml(model, apparatus, { tool: toolName() });
  const pdfFile = `${stagingFolder(outDir)}.print.pdf`;
  const forget = onExit(() => rmSync(pdfFile, { force: true }));
  const front = model.front?.front;
  const laid = await layoutPdf({
    html: book.html,
    outFile: pdfFile,
    metadata: { title: model.title, author: (front?.editors ?? []).join(', ') || front?.publisher || model.title, subject: model.subtitle || model.title, lang: model.lang || 'en' },
    date: new Date(instant),
    pageSize: options?.pageSize ?? 'A4',
    // A guard against a hang, not a limit on books: five minutes, and two more per megabyte of print HTML
    // (FRUS 1951 vol. VII part 2, 786 pages, takes about four and a half minutes on two cores).
    timeoutMs: 300_000 + Math.ceil(book.html.length / 1_000_000) * 120_000,
    ...(options?.margins ? { margins: options.margins } : {}),
    ...(options?.fontSize ? { fontSize: options.fontSize } : {}),
  });
  forget();
  if (!laid.ok) {
    rmSync(pdfFile, { force: true });
    // The file system failing (a full disk) is said as for every other output, not as a layout fault.
    const code = /\b(ENOSPC|EDQUOT|EACCES|EPERM|EROFS|ENAMETOOLONG|EMFILE|ENFILE)\b/.exec(laid.message)?.[1];
    if (code) return { diagnostics: [], unresolved: book.unresolved, failure: describeWriteError({ code, message: laid.message }, displayPath(outDir)) };
    return { diagnostics: [{ file: `${model.slug}.pdf`, severity: 'error', ruleId: 'package/print-failed', message: laid.message }], unresolved: book.unresolved };
  }
  const diagnostics: Diagnostic[] = [];
  // One warning per document, listing its lines too wide for the page (a FRUS volume has hundreds).
  const byDocument = new Map<string, typeof laid.overflowingLines>();
  for (const o of laid.overflowingLines) byDocument.set(o.document, [...(byDocument.get(o.document) ?? []), o]);
  for (const [document, lines] of byDocument) {
    const list = lines.map((o) => `${o.line} (page ${o.page})`);
    const shown = list.length > 12 ? `${list.slice(0, 12).join(', ')} and ${list.length - 12} more` : list.join(', ');
    diagnostics.push({
      file: book.documents[document] ?? document,
      severity: 'warning',
      ruleId: 'print/line-overflow',
      message: `${lines.length === 1 ? 'line' : `${lines.length} lines`} wider than the printed text block, printed wrapped with an indented continuation: ${shown}; a smaller "fontSize" or narrower "margins" under "print" in the config make them fit`,
    });
  }
  for (const w of laid.warnings) diagnostics.push({ file: `${model.slug}.pdf`, severity: 'warning', ruleId: 'print/layout', message: w });
  const slug = model.slug || 'edition';
  return {
    output: { folder: 'print', files: [{ path: `${slug}.html`, content: book.html }], move: [{ from: pdfFile, to: `${slug}.pdf` }] },
    diagnostics,
    unresolved: book.unresolved,
    pending: pdfFile,
  };
}
