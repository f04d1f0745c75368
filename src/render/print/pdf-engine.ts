// Lays out the print HTML of a whole book into a PDF: Paged.js paginates it inside Debian's Chromium (driven by
// playwright-core), Chromium prints the pages, and the bytes are made reproducible and given their metadata.
// Nothing is fetched from the network: the page is served from a made-up origin whose every request is answered
// from local files or refused.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bookFonts } from './fonts.js';
import { finishPdf, type PdfMetadata } from './pdf-metadata.js';
import { withRenditions } from '../renditions-css.js';

export type PageSize = 'A4' | 'Letter';

/** Margins in millimetres. Inner is the binding side (left on rectos), outer the other. */
export interface PageMargins {
  top: number;
  bottom: number;
  inner: number;
  outer: number;
}

export interface LayoutPdfOptions {
  /** The print HTML of the whole book (see docs/print.md for the contract). */
  html: string;
  /** Folder that relative URLs in the HTML (images) are served from; nothing outside it is served. */
  assetsDir?: string;
  outFile: string;
  metadata: PdfMetadata;
  /** The date the PDF states (creation and modification), e.g. from SOURCE_DATE_EPOCH. */
  date: Date;
  pageSize: PageSize;
  margins?: Partial<PageMargins>;
  /** Base font size in points. */
  fontSize?: number;
  /** Chromium executable; Debian's by default. */
  chromiumPath?: string;
  /** Gives up on the layout, and then on the printing, after this long each (ms); 5 minutes by default. */
  timeoutMs?: number;
  /** Also writes the paginated DOM here, to see what Paged.js made of the book. */
  debugHtmlFile?: string;
}

/** An edition line wider than the text block: wrapped, its continuation indented and unnumbered; reported so it can be fixed. */
export interface OverflowingLine {
  /** id of the section.document ("doc-<stem>"). */
  document: string;
  line: string;
  page: number;
  /** How far the line reaches past the text block, in points. */
  overflowPt: number;
}

export interface LayoutPdfSuccess {
  ok: true;
  pages: number;
  overflowingLines: OverflowingLine[];
  /**
   * Notes that did not fit below their marker's line, so that line went to the next page with the note (the
   * page before ends short). Normal; listed so a short page can be explained.
   */
  notesMovedWithTheirLine: Array<{ label: string; fromPage: number }>;
  /** Problems that did not stop the book: each a sentence. */
  warnings: string[];
  /** Milliseconds: Paged.js layout, and the whole run including Chromium's start and the print. */
  timings: { layoutMs: number; totalMs: number };
}

export type LayoutPdfResult = LayoutPdfSuccess | { ok: false; message: string };

export const DEFAULT_MARGINS: PageMargins = { top: 24, bottom: 26, inner: 25, outer: 33 };
export const DEFAULT_FONT_SIZE = 11;
const DEFAULT_CHROMIUM = '/usr/bin/chromium';
const ORIGIN = 'http://print.invalid';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const templatesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'src', 'templates', 'print');

function pagedJsFile(): string {
  // pagedjs exports no ./package.json; its CommonJS entry is lib/index.cjs, one folder below the package root.
  return path.join(path.dirname(createRequire(import.meta.url).resolve('pagedjs')), '..', 'dist', 'paged.js');
}

/** The @page rule and base size from the options; checked values only. */
export function pageSetupCss(pageSize: PageSize, margins: PageMargins, fontSize: number): string {
  const mm = (n: number): string => `${n}mm`;
  return [
    `@page { size: ${pageSize === 'A4' ? 'A4' : 'letter'}; margin: ${mm(margins.top)} ${mm(margins.outer)} ${mm(margins.bottom)} ${mm(margins.inner)}; }`,
    `@page :left { margin-left: ${mm(margins.outer)}; margin-right: ${mm(margins.inner)}; }`,
    `@page :right { margin-left: ${mm(margins.inner)}; margin-right: ${mm(margins.outer)}; }`,
    `:root { --print-font-size: ${fontSize}pt; }`,
    '',
  ].join('\n');
}

function checkOptions(o: LayoutPdfOptions): { margins: PageMargins; fontSize: number } | string {
  if (typeof o.html !== 'string' || o.html.trim() === '') return 'the print HTML is empty';
  if (o.pageSize !== 'A4' && o.pageSize !== 'Letter') return `page size must be "A4" or "Letter", not ${JSON.stringify(o.pageSize)}`;
  const margins = { ...DEFAULT_MARGINS, ...(o.margins ?? {}) };
  for (const [side, value] of Object.entries(margins)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 5 || value > 80) {
      return `the ${side} margin must be a number of millimetres from 5 to 80, not ${JSON.stringify(value)}`;
    }
  }
  const fontSize = o.fontSize ?? DEFAULT_FONT_SIZE;
  if (typeof fontSize !== 'number' || !Number.isFinite(fontSize) || fontSize < 6 || fontSize > 20) {
    return `the base font size must be a number of points from 6 to 20, not ${JSON.stringify(fontSize)}`;
  }
  if (!(o.date instanceof Date) || Number.isNaN(o.date.getTime())) return 'the PDF date is not a valid date';
  if (!o.metadata || typeof o.metadata.title !== 'string' || o.metadata.title.trim() === '') return 'the PDF needs a title';
  if (typeof o.metadata.author !== 'string') return 'the PDF author must be a string';
  if (typeof o.metadata.lang !== 'string' || !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(o.metadata.lang)) {
    return `the PDF language must be a BCP 47 tag such as "en", not ${JSON.stringify(o.metadata.lang)}`;
  }
  if (o.assetsDir !== undefined && !existsSync(o.assetsDir)) return `the assets folder ${o.assetsDir} does not exist`;
  return { margins, fontSize };
}

const CONTENT_TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
};

/** The file behind a URL path under assetsDir, or undefined if the path leaves it. */
function assetFile(assetsDir: string, urlPath: string): string | undefined {
  const root = path.resolve(assetsDir);
  const file = path.resolve(root, `.${decodeURIComponent(urlPath)}`);
  return file.startsWith(root + path.sep) ? file : undefined;
}

interface PageReport {
  pages: number;
  /** Whether the pages reached the end of the book with all of it (Paged.js stops at, or skips, content it cannot place). */
  complete: boolean;
  /** The first text left out, described, or null. */
  lost: string | null;
  /** Style sheets of the book itself, taken out before the layout. */
  ignoredStyles: number;
  headings: string[];
  layoutMs: number;
  splitNotes: Array<{ label: string; page: number }>;
  movedLines: Array<{ label: string; page: number }>;
  missingTargets: string[];
  overflowingLines: OverflowingLine[];
}

/**
 * Lays out `html` into `outFile`. Never throws for bad input or a missing tool: the result says what went wrong.
 * The file is written only when everything succeeded.
 */
export async function layoutPdf(options: LayoutPdfOptions): Promise<LayoutPdfResult> {
  const started = Date.now();
  const checked = checkOptions(options);
  if (typeof checked === 'string') return { ok: false, message: checked };
  const chromiumPath = options.chromiumPath ?? DEFAULT_CHROMIUM;
  if (!existsSync(chromiumPath)) {
    return {
      ok: false,
      message: `Chromium was not found at ${chromiumPath}. The PDF is laid out in Debian's Chromium: install it with "apt-get install chromium".`,
    };
  }
  let playwright: typeof import('playwright-core');
  try {
    playwright = await import('playwright-core');
  } catch {
    return { ok: false, message: 'the npm package playwright-core is missing: run "npm install"' };
  }

  // TEI_EDITION_PRINT_DEBUG=<folder> keeps the book as given and as Paged.js paginated it, even when the layout fails.
  const debugDir = process.env.TEI_EDITION_PRINT_DEBUG;
  const debugHtmlFile = options.debugHtmlFile ?? (debugDir ? path.join(debugDir, 'paged.html') : undefined);
  if (debugDir) {
    mkdirSync(debugDir, { recursive: true });
    writeFileSync(path.join(debugDir, 'book.html'), options.html);
  }
  const fonts = bookFonts(options.html);
  const served = new Map<string, { file?: string; body?: string; type: string }>();
  served.set('/book.html', { body: options.html, type: 'text/html; charset=utf-8' });
  served.set('/print/paged.js', { file: pagedJsFile(), type: CONTENT_TYPES['.js'] ?? '' });
  served.set('/print/hooks.js', { file: path.join(templatesDir, 'hooks.js'), type: CONTENT_TYPES['.js'] ?? '' });
  for (const f of fonts.files) served.set(f.urlPath, { file: f.file, type: 'font/woff2' });
  for (const entry of served.values()) {
    if (entry.file && !existsSync(entry.file)) return { ok: false, message: `a file the layout needs is missing: ${entry.file}` };
  }
  // The configured page comes after print.css, so that it wins over the sheet's defaults.
  const css = `${withRenditions(readFileSync(path.join(templatesDir, 'print.css'), 'utf8'))}\n${pageSetupCss(options.pageSize, checked.margins, checked.fontSize)}`;

  const warnings: string[] = [];
  if (fonts.uncovered.length > 0) {
    const sample = fonts.uncovered.slice(0, 12).map((c) => `${c} (U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`);
    warnings.push(`no bundled font covers ${fonts.uncovered.length} character(s) of the text, e.g. ${sample.join(', ')}; Chromium will use a system font for them`);
  }
  const blocked = new Set<string>();
  let browser: import('playwright-core').Browser | undefined;
  try {
    try {
      // launch() gives Chromium a fresh temporary profile of its own and removes it on close.
      browser = await playwright.chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS, headless: true, timeout: 60_000 });
    } catch (error) {
      return { ok: false, message: `Chromium at ${chromiumPath} did not start: ${firstLine(error)}. Reinstall it with "apt-get install chromium".` };
    }
    // The book carries a Content-Security-Policy for whoever opens it in a browser; the engine's own scripts
    // (Paged.js and its hooks) are added by the engine, so the policy is set aside while laying it out.
    const context = await browser.newContext({ serviceWorkers: 'block', acceptDownloads: false, bypassCSP: true });
    const page = await context.newPage();
    page.setDefaultTimeout(options.timeoutMs ?? 300_000);
    const pageErrors: string[] = [];
    const layoutErrors: Array<Promise<string>> = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // Paged.js reports what it could not lay out only on the console.
    page.on('console', (message) => {
      const text = message.text();
      if (process.env.TEI_EDITION_PRINT_TRACE) process.stderr.write(`[page] ${text}\n`);
      if (!/Unable to layout|Layout repeated|Failed to preload font/.test(text)) return;
      // The element Paged.js names is a handle: describe it by its text, so the message says where the book stopped.
      const handle = message.args()[1];
      const described = handle
        ? handle
            .evaluate((node: unknown) => {
              const n = node as { textContent?: string | null; nodeName?: string; parentElement?: { closest?: (s: string) => { id?: string } | null } | null; closest?: (s: string) => { id?: string } | null } | null;
              if (!n) return '';
              const within = (n.closest ?? n.parentElement?.closest)?.call(n.closest ? n : n.parentElement, 'section[id]');
              const words = (n.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80);
              return `${String(n.nodeName ?? '').toLowerCase()}${words ? ` "${words}"` : ''}${within?.id ? ` in #${within.id}` : ''}`;
            })
            .catch(() => '')
        : Promise.resolve('');
      layoutErrors.push(described.then((d) => (d ? `${text.replace(/JSHandle@\w+/, '').trim()} ${d}` : text)));
    });
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== ORIGIN) {
        blocked.add(route.request().url());
        return route.abort('blockedbyclient');
      }
      const entry = served.get(url.pathname);
      if (entry) {
        return route.fulfill({ status: 200, contentType: entry.type, body: entry.body ?? readFileSync(entry.file ?? '') });
      }
      const asset = options.assetsDir ? assetFile(options.assetsDir, url.pathname) : undefined;
      if (asset && existsSync(asset)) {
        return route.fulfill({ status: 200, contentType: CONTENT_TYPES[path.extname(asset).toLowerCase()] ?? 'application/octet-stream', body: readFileSync(asset) });
      }
      blocked.add(url.pathname);
      return route.fulfill({ status: 404, body: '' });
    });

    await page.goto(`${ORIGIN}/book.html`, { waitUntil: 'load' });
    await page.addScriptTag({ url: `${ORIGIN}/print/paged.js` });
    await page.addScriptTag({ url: `${ORIGIN}/print/hooks.js` });
    if (pageErrors.length > 0) return { ok: false, message: `the layout scripts failed to load: ${pageErrors[0]}` };

    // The in-page side lives in hooks.js (window.__printBook), which has the DOM types this module does not.
    const timeoutMs = options.timeoutMs ?? 300_000;
    const report = await withTimeout(
      page.evaluate(
        async ([sheet, href, fontCss]) => {
          const run = (globalThis as unknown as { __printBook: (sheet: string, href: string, fontCss: string) => Promise<PageReport> }).__printBook;
          return run(sheet, href, fontCss);
        },
        [css, `${ORIGIN}/print/print.css`, fonts.css] as const,
      ),
      timeoutMs,
    );
    if (report === undefined) {
      // Paged.js yields between pages, so the page still answers: how far it got says how long the book is.
      const sofar = await withTimeout(page.evaluate(() => (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll('.pagedjs_page').length), 10_000).catch(() => undefined);
      const where = sofar ? ` after ${sofar} pages` : '';
      return {
        ok: false,
        message: `the layout took longer than ${Math.round(timeoutMs / 1000)} s and was stopped${where}; a book this long needs more time (timeoutMs) or should be printed in parts`,
      };
    }
    if (debugHtmlFile) writeFileSync(debugHtmlFile, await page.content());
    if (pageErrors.length > 0) return { ok: false, message: `the layout failed: ${pageErrors[0]}` };
    const layoutMessages = await Promise.all(layoutErrors);
    if (!report.complete) {
      const why = layoutMessages[0] ? ` (Paged.js: ${layoutMessages[0].split('\n')[0]})` : '';
      if (report.lost) {
        return { ok: false, message: `the layout left out text it could not place on any page: ${report.lost}${why}; nothing was written` };
      }
      return { ok: false, message: `the layout stopped at page ${report.pages}, before the end of the book${why}` };
    }

    // Printing takes about as long again as the layout on a long book (some 2.5 minutes for 800 pages).
    const raw = await withTimeout(
      page.pdf({
        preferCSSPageSize: true,
        printBackground: true,
        outline: true,
        tagged: true,
        displayHeaderFooter: false,
      }),
      timeoutMs,
    );
    if (raw === undefined) {
      return { ok: false, message: `printing the ${report.pages} laid-out pages to PDF took longer than ${Math.round(timeoutMs / 1000)} s and was stopped` };
    }
    await context.close();

    const finished = finishPdf(new Uint8Array(raw), options.metadata, options.date, report.headings);
    if (!finished.ok) return finished;
    mkdirSync(path.dirname(path.resolve(options.outFile)), { recursive: true });
    const temporary = `${options.outFile}.tmp-${process.pid}`;
    try {
      writeFileSync(temporary, finished.bytes);
      renameSync(temporary, options.outFile);
    } catch (error) {
      // A full disk leaves a partial file: never leave it behind.
      rmSync(temporary, { force: true });
      throw error;
    }

    if (report.ignoredStyles > 0) {
      warnings.push(`the book's own style sheets (${report.ignoredStyles}) were left out: the page design is print.css, applied by the engine`);
    }
    for (const url of [...blocked].sort()) warnings.push(`the book asked for ${url}, which was not served (no network, and no such local file)`);
    for (const id of [...new Set(report.missingTargets)].sort()) warnings.push(`a reference points to #${id}, which is not in the book`);
    for (const text of [...new Set(layoutMessages)]) warnings.push(`Paged.js: ${text.split('\n')[0]}`);
    for (const note of report.splitNotes) {
      warnings.push(`note ${note.label} on page ${note.page} is taller than the space left below its marker even on a fresh page, and was split across pages`);
    }
    return {
      ok: true,
      pages: report.pages,
      overflowingLines: report.overflowingLines,
      notesMovedWithTheirLine: report.movedLines.map((m) => ({ label: m.label, fromPage: m.page })),
      warnings,
      timings: { layoutMs: report.layoutMs, totalMs: Date.now() - started },
    };
  } catch (error) {
    return { ok: false, message: `the PDF layout failed: ${firstLine(error)}` };
  } finally {
    await browser?.close().catch(() => undefined);
  }
}

/** The promise's value, or undefined if it takes longer than `ms` (page.evaluate has no time limit of its own). */
async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]?.trim() ?? text;
}
