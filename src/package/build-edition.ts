// The whole build, in one place: check → transform → render → package. Checking ends it when there are
// errors, before anything is written; every output is then rendered from the same transform results and
// written in one swap (write-outputs.ts). What a result means for the exit code is the CLI's to decide.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { runValidation, type PlannedFile } from '../check/run-validation.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Report } from '../diagnostics/report.js';
import { applyRuleLevels, blockingKind, findRule, type RuleLevel } from '../diagnostics/rules.js';
import { diagnosticOfMessage } from '../transform/xslt-messages.js';
import { behaviours, safeId } from '../read/behaviours.js';
import { resolveSiteLinks } from '../render/site-links.js';
import { commonFolder, displayPath } from '../read/files.js';
import type { SourceFile } from '../read/load.js';
import type { XmlElement } from '../read/tree.js';
import { renderSite } from '../render/pages.js';
import { EMBEDDED_REGISTERS, embeddedRegisters } from '../render/embedded-registers.js';
import { collectMentions, folderTitle, indexEntries, sortDocuments, type SiteDocument, type SiteModel, type SiteRegister } from '../render/site-model.js';
import { sourceDate, sourceInstant } from '../render/source-date.js';
import { documentApparatus } from '../transform/apparatus/from-transform.js';
import type { DocumentApparatus } from '../transform/apparatus/model.js';
import type { PrintOptions } from '../config/edition-config.js';
import { renderPrint } from './print-output.js';
import { packageRoot } from '../transform/package-root.js';
import { loadStylesheet } from '../transform/stylesheet.js';
import { fileUri, transformFile, type TransformedFile, type TransformParams } from '../transform/transform-file.js';
import { outputFolderProblem } from '../config/output-folder.js';
import { acquireBuildLock } from './build-lock.js';
import { onExit } from './exit-cleanup.js';
import { describeWriteError } from './write-error.js';
import { renderEpub, type EpubPlan } from './epub-output.js';
import { apparatusFiles } from './apparatus-files.js';
import { removeStaleTemporaries, writeOutputsAtomically, type Output } from './write-outputs.js';

export interface BuildPlan {
  mode: 'edition' | 'paths';
  /** The edition's title: the config's, or given on the command line (--title). A folder build without one is
   * named by its documents' common series or title, else by its folder (folderName). */
  title?: string;
  /** The name of the folder a folder build was given (default: the folder that holds every source). */
  folderName?: string;
  slug?: string;
  edition?: string;
  documents: string[];
  registers: string[];
  /** The site folder, e.g. dist/site; every output is written beside it (dist/epub, dist/apparatus …). */
  siteDir: string;
  schema?: string;
  schematron: string[];
  ruleLevels: Record<string, RuleLevel>;
  baseUrl?: string;
  strict: boolean;
  /** Largest source file accepted, in bytes (default: the read stage's). */
  maxBytes?: number;
  /** Folders pointers may lead into (default: the working directory and the files' folders). */
  boundary?: string[];
  /** Folder whose last commit dates the build when SOURCE_DATE_EPOCH is unset. */
  dateFrom: string;
  /** Build only these outputs (default: all). */
  only?: readonly BuildOutput[];
  /** The EPUB's identifier and note placement (from the config). */
  epub?: EpubPlan;
  /** The printed edition's page size, margins and font size (from the config). */
  print?: PrintOptions;
  /** Told after each file is transformed (the CLI draws a progress bar on a terminal). */
  onProgress?: (done: number, total: number) => void;
  /** Told when an output is fully written into the staging folder, before the swap (tests kill a build there). */
  onStaged?: (output: string) => void;
}

export type BuildOutput = 'site' | 'apparatus' | 'epub' | 'print';
export const BUILD_OUTPUTS: readonly BuildOutput[] = ['site', 'apparatus', 'epub', 'print'];
/** What a build makes when not told (--only): every output. */
export const DEFAULT_OUTPUTS: readonly BuildOutput[] = BUILD_OUTPUTS;

/**
 * How a build ended: `built` (everything written), `invalid` (the sources have errors; nothing written),
 * `usage` (the plan cannot be carried out: a wrong output folder, a locked one), `failed` (a tool or
 * the file system failed; nothing written).
 */
export type BuildStatus = 'built' | 'invalid' | 'usage' | 'failed';

export interface BuildResult {
  status: BuildStatus;
  report: Report;
  texts: Map<string, string>;
  /** Pages and files written, from the site root; empty when nothing was written. */
  written: string[];
  /** A tool failure, as text for the user. */
  failure?: string;
}

const REGISTER_LISTS = new Set(behaviours().registerLists.filter((r) => r.entity).map((r) => r.list));

/**
 * Without a config, a file is a register when the body of its text is made of entry lists rather than
 * prose, or when it has no text at all and its standOff holds entry lists.
 */
export function looksLikeRegister(source: SourceFile): boolean {
  let lists = 0;
  let prose = 0;
  let standOffLists = 0;
  let text = false;
  const walk = (el: XmlElement, inBody: boolean, inList: boolean, inStandOff: boolean): void => {
    const body = inBody || el.localName === 'body';
    const standOff = inStandOff || el.localName === 'standOff';
    const list = inList || REGISTER_LISTS.has(el.localName);
    if (el.localName === 'text') text = true;
    if (body && REGISTER_LISTS.has(el.localName)) lists++;
    if (standOff && REGISTER_LISTS.has(el.localName)) standOffLists++;
    if (body && !list && el.localName === 'p') prose++;
    if (el.localName === 'teiHeader') return;
    for (const c of el.children) if (c.kind === 'element') walk(c, body, list, standOff);
  };
  walk(source.document.root, false, false, false);
  return (lists > 0 && prose <= 2) || (!text && standOffLists > 0);
}

function uniquePage(folder: string, file: string, taken: Set<string>): string {
  const stem = safeId(path.basename(file).replace(/\.xml$/i, ''));
  let page = `${folder}/${stem}.html`;
  for (let i = 2; taken.has(page); i++) page = `${folder}/${stem}-${i}.html`;
  taken.add(page);
  return page;
}

/**
 * The output folder is replaced as a whole at the end of a build, so it must not hold the sources, the
 * config, or the folder the build runs in.
 */
function holdsSources(outDir: string, plan: BuildPlan): string | undefined {
  const inside = (p: string): boolean => {
    const rel = path.relative(outDir, path.resolve(p));
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  };
  const sources = [...(plan.edition ? [plan.edition] : []), ...plan.documents, ...plan.registers];
  const held = sources.find(inside) ?? (inside(process.cwd()) ? process.cwd() : undefined);
  return held === undefined ? undefined : `${displayPath(outDir)} holds ${displayPath(held)}; the output folder is replaced on every build: choose a folder of its own (e.g. dist)`;
}

/** In a folder build, only what stops reading a file stops the build; other findings become warnings. */
function softenForPaths(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => {
    if (d.severity !== 'error') return d;
    const fatal = d.ruleId.startsWith('wf/') || d.ruleId.startsWith('io/') || d.ruleId === 'tei/not-tei' || findRule(d.ruleId)?.kind === 'tool' || findRule(d.ruleId)?.kind === 'usage';
    return fatal ? d : { ...d, severity: 'warning' };
  });
}

/**
 * Lets the event loop run between documents: the transformations are synchronous, and without a
 * pause SIGINT or SIGTERM would only be handled once the whole build was written.
 */
function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * One build at a time per output folder: the lock is taken before anything else and released at
 * the end, or when the process ends early. Leftovers of crashed builds are removed under it.
 */
export async function buildEdition(plan: BuildPlan): Promise<BuildResult> {
  const outDir = path.dirname(path.resolve(plan.siteDir));
  const usage = (ruleId: string, message: string): BuildResult => ({
    status: 'usage',
    report: { files: [], diagnostics: [{ file: displayPath(outDir), severity: 'error', ruleId, message }] },
    texts: new Map(),
    written: [],
  });
  const problem = outputFolderProblem(outDir) ?? holdsSources(outDir, plan);
  if (problem) return usage('config/output-folder', problem);
  let lock;
  try {
    mkdirSync(path.dirname(outDir), { recursive: true });
    lock = acquireBuildLock(outDir);
  } catch (error) {
    return { status: 'failed', report: { files: [], diagnostics: [] }, texts: new Map(), written: [], failure: describeWriteError(error, displayPath(outDir)) };
  }
  if (!lock.ok) return usage('package/locked', lock.message);
  const forget = onExit(lock.release);
  try {
    removeStaleTemporaries(outDir);
    return await buildUnderLock(plan);
  } finally {
    lock.release();
    forget();
  }
}

async function buildUnderLock(plan: BuildPlan): Promise<BuildResult> {
  const planned: PlannedFile[] = [];
  if (plan.edition) planned.push({ path: displayPath(plan.edition), role: 'edition' });
  for (const f of plan.documents) planned.push({ path: displayPath(f), role: plan.mode === 'edition' ? 'document' : 'file' });
  for (const f of plan.registers) planned.push({ path: displayPath(f), role: 'register' });
  const seen = new Set<string>();
  const files = planned.filter((f) => (seen.has(f.path) ? false : (seen.add(f.path), true)));

  const validation = await runValidation({
    mode: plan.mode,
    files,
    ...(plan.maxBytes === undefined ? {} : { maxBytes: plan.maxBytes }),
    ...(plan.boundary ? { boundary: plan.boundary } : {}),
    ...(plan.schema ? { schema: { path: plan.schema, display: displayPath(plan.schema) } } : {}),
    schematron: plan.schematron.map((s) => ({ path: s, display: displayPath(s) })),
    ruleLevels: plan.ruleLevels,
  });
  const diagnostics = plan.mode === 'paths' ? softenForPaths(validation.report.diagnostics) : [...validation.report.diagnostics];
  const report: Report = { files: validation.report.files, diagnostics };
  const blocking = blockingKind(diagnostics, plan.strict);
  if (blocking) return { status: blocking === 'usage' ? 'usage' : blocking === 'tool' ? 'failed' : 'invalid', report, texts: validation.texts, written: [] };

  const byPath = new Map(validation.sources.map((s) => [s.path, s]));
  const roleOf = new Map(files.map((f) => [f.path, f.role]));
  const taken = new Set<string>(['index.html', 'documents.html', 'registers.html', 'chronology.html', 'search.html']);
  const editionSource = plan.edition ? byPath.get(displayPath(plan.edition)) : undefined;
  const documentSources: SourceFile[] = [];
  const registerSources: SourceFile[] = [];
  for (const source of validation.sources) {
    if (source === editionSource) continue;
    const role = roleOf.get(source.path);
    if (role === 'register' || (role === 'file' && looksLikeRegister(source))) registerSources.push(source);
    else documentSources.push(source);
  }
  // Keys of files are paths from the folder that holds every source: short, and the same on any machine.
  const sourceRoot = commonFolder(validation.sources.map((s) => s.absolutePath));
  const base = `${fileUri(sourceRoot).replace(/\/$/, '')}/`;
  const keyOf = (s: SourceFile): string => path.relative(sourceRoot, s.absolutePath).split(path.sep).join('/');
  const pageOf = new Map<SourceFile, string>();
  for (const s of documentSources) pageOf.set(s, uniquePage('documents', s.absolutePath, taken));
  for (const s of registerSources) pageOf.set(s, uniquePage('registers', s.absolutePath, taken));
  // In a folder build, the entity lists documents carry become registers: their pages are named now
  // (kinds no document has are never written).
  const embeddedPages: Record<string, string> = {};
  if (plan.mode === 'paths') for (const kind of EMBEDDED_REGISTERS) embeddedPages[kind.list] = uniquePage('registers', `${kind.stem}.xml`, taken);

  let stylesheet;
  try {
    stylesheet = await loadStylesheet('html/page');
  } catch (error) {
    return { status: 'failed', report, texts: validation.texts, written: [], failure: (error as Error).message };
  }

  const failures: string[] = [];
  const run = (source: SourceFile, params: TransformParams): TransformedFile | undefined => {
    // The text that was checked, not a second read of the file: the same bytes, any encoding.
    const outcome = transformFile(stylesheet, source.absolutePath, params, source.text);
    for (const m of outcome.messages) {
      const d = diagnosticOfMessage(m, source.path, source.document.root);
      if (d) diagnostics.push(...applyRuleLevels([d], plan.ruleLevels));
    }
    if (outcome.ok) return outcome.file;
    failures.push(source.path);
    diagnostics.push({ file: source.path, severity: 'error', ruleId: 'xslt/transform-failed', message: `the transformation of this file failed: ${outcome.message}` });
    return undefined;
  };

  const fileKeys = validation.sources.map(keyOf);
  const front = editionSource ? run(editionSource, { base, files: fileKeys, sigla: {}, witnessOrder: [] }) : undefined;
  const witnesses = front?.witnesses ?? [];
  const sigla: Record<string, string> = {};
  for (const w of witnesses) sigla[w.key] = w.siglum;
  const params: TransformParams = { base, files: fileKeys, sigla, witnessOrder: witnesses.map((w) => w.key), outputs: [...(plan.only ?? DEFAULT_OUTPUTS)] };
  const documentParams: TransformParams = { ...params, embeddedRegisters: Object.keys(embeddedPages) };

  const total = documentSources.length + registerSources.length;
  let done = 0;
  const progress = (): void => plan.onProgress?.(++done, total);
  const documents: SiteDocument[] = [];
  for (const s of documentSources) {
    await yieldToEvents();
    const data = run(s, documentParams);
    progress();
    if (data) documents.push({ source: s.path, key: keyOf(s), page: pageOf.get(s)!, data });
  }
  const registers: SiteRegister[] = [];
  for (const s of registerSources) {
    await yieldToEvents();
    const data = run(s, params);
    progress();
    if (!data) continue;
    const heads = [...new Set(data.entries.map((e) => e.listHead).filter(Boolean))];
    const title = heads.length === 1 ? heads[0]! : data.title || path.basename(s.path, '.xml');
    registers.push({ source: s.path, key: keyOf(s), page: pageOf.get(s)!, title, entries: data.entries });
  }
  if (failures.length) return { status: 'failed', report, texts: validation.texts, written: [] };

  const sorted = sortDocuments(documents);
  registers.push(...embeddedRegisters(sorted, embeddedPages));
  const first = front ?? documents[0]?.data;
  const title = plan.mode === 'paths' ? folderTitle(documents, plan.folderName ?? path.basename(sourceRoot), plan.title) : plan.title || first?.title || 'TEI edition';
  const model: SiteModel = {
    title,
    subtitle: front?.subtitle ?? '',
    lang: first?.lang || 'en',
    slug: plan.slug ?? 'edition',
    ...(plan.baseUrl ? { baseUrl: plan.baseUrl } : {}),
    buildDate: sourceDate(plan.dateFrom, validation.sources.map((s) => s.absolutePath)),
    ...(front ? { front } : {}),
    ...(editionSource ? { frontKey: keyOf(editionSource) } : {}),
    documents: sorted,
    registers,
    witnesses,
    mentions: collectMentions(sorted),
    entries: indexEntries(registers),
  };
  const wants = (o: BuildOutput): boolean => (plan.only ?? DEFAULT_OUTPUTS).includes(o);
  const outputs: Output[] = [];
  const written: string[] = [];
  // Each document's apparatus model, made once for every output that prints it.
  let models: DocumentApparatus[] | undefined;
  const apparatusModels = (): DocumentApparatus[] => (models ??= model.documents.map((d) => documentApparatus(d.data, d.page, sourceRoot)));
  let pending: string | undefined;
  try {
    if (wants('site')) {
      const { pages: site, unresolved } = resolveSiteLinks(renderSite(model), model);
      for (const u of unresolved) diagnostics.push(unresolvedLink(u.key, `the site page ${u.page}`));
      outputs.push({ folder: 'site', files: site, copy: [{ from: path.join(packageRoot, 'src', 'templates', 'assets'), to: 'assets' }] });
      written.push(...site.map((o) => o.path));
    }
    if (wants('epub')) {
      const epubSources = { ...(editionSource ?? documentSources[0] ? { header: (editionSource ?? documentSources[0])!.document.root } : {}), dateFrom: plan.dateFrom, files: validation.sources.map((s) => s.absolutePath) };
      const epub = renderEpub(model, plan.epub, epubSources);
      outputs.push({ folder: 'epub', files: epub });
      written.push(...epub.map((o) => `../epub/${o.path}`));
    }
    if (wants('apparatus')) {
      const { files: apparatus, unresolved } = apparatusFiles(model, apparatusModels());
      for (const key of unresolved) diagnostics.push(unresolvedLink(key, 'the standalone apparatus'));
      outputs.push({ folder: 'apparatus', files: apparatus });
      written.push(...apparatus.map((o) => `../apparatus/${o.path}`));
    }
    if (wants('print')) {
      const instant = sourceInstant(plan.dateFrom, validation.sources.map((s) => s.absolutePath));
      const print = await renderPrint(model, apparatusModels(), plan.print, instant, outDirOf(plan));
      pending = print.pending;
      diagnostics.push(...applyRuleLevels(print.diagnostics, plan.ruleLevels));
      for (const key of print.unresolved) diagnostics.push(unresolvedLink(key, 'the printed edition'));
      if (!print.output) return { status: 'failed', report, texts: validation.texts, written: [], ...(print.failure ? { failure: print.failure } : {}) };
      outputs.push(print.output);
      written.push(...print.output.files.map((f) => `../print/${f.path}`), ...(print.output.move ?? []).map((m) => `../print/${m.to}`));
    }
    writeOutputsAtomically(outDirOf(plan), outputs, plan.onStaged);
  } catch (error) {
    return { status: 'failed', report, texts: validation.texts, written: [], failure: describeWriteError(error, displayPath(outDirOf(plan))) };
  } finally {
    // A PDF laid out for a build that did not swap it in.
    if (pending !== undefined) rmSync(pending, { force: true });
  }
  return { status: 'built', report, texts: validation.texts, written };
}

/** A link key no place of an output answers: a fault of the build, reported rather than silently dropped. */
function unresolvedLink(key: string, where: string): Diagnostic {
  const file = key.replace(/^(edition|register):/, '').replace(/#.*$/, '');
  return { file, severity: 'warning', ruleId: 'render/unresolved-link', message: `the link to ${key} in ${where} leads nowhere in this output; its words are kept without a link` };
}

/** The output folder: the one that holds the site folder. */
export function outDirOf(plan: BuildPlan): string {
  return path.dirname(path.resolve(plan.siteDir));
}
