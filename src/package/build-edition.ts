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
import { EMBEDDED_REGISTERS, embeddedKinds, embeddedRegisters } from '../render/embedded-registers.js';
import { resolveEntryKeys } from '../render/entry-keys.js';
import { collectMentions, folderTitle, indexEntries, registerTitleIn, sortDocuments, type SiteDocument, type SiteModel, type SiteRegister } from '../render/site-model.js';
import { chooseInterfaceLanguage, interfaceWords, labelsFor, type LabelValue } from '../labels/labels.js';
import { textLanguage } from '../read/text-language.js';
import { sourceDate, sourceInstant } from '../render/source-date.js';
import { documentApparatus } from '../transform/apparatus/from-transform.js';
import type { DocumentApparatus } from '../transform/apparatus/model.js';
import type { PrintOptions } from '../config/edition-config.js';
import { renderPrint } from './print-output.js';
import { packageRoot } from '../transform/package-root.js';
import { loadStylesheet } from '../transform/stylesheet.js';
import { fileUri, stylesheetParams, transformSource, type TransformedFile, type TransformOutcome, type TransformParams } from '../transform/transform-file.js';
import { transformAll } from '../transform/transform-pool.js';
import { inShard, writeShard, type Shard, type ShardResults } from '../transform/shards.js';
import { outputFolderProblem } from '../config/output-folder.js';
import { acquireBuildLock } from './build-lock.js';
import { onExit } from './exit-cleanup.js';
import { describeWriteError } from './write-error.js';
import { renderEpub, type EpubPlan } from './epub-output.js';
import { apparatusFiles } from './apparatus-files.js';
import { removeStaleTemporaries, writeOutputsAtomically, type Output } from './write-outputs.js';
import { defaultDocumentPattern, type DocumentPattern } from '../transform/parts.js';
import { arrangeVolumes, RESERVED_IDS, volumeMatter, volumeParts } from '../render/volumes.js';
import { renderDeposit, withDepositInputs } from './deposit-output.js';

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
  /** The interface's language (config "lang", --lang); without it, that of the edition's text (src/labels/labels.ts). */
  lang?: string;
  /** The edition's own words for labels of the interface (config "labels"), over those of its language. */
  labels?: Readonly<Record<string, LabelValue>>;
  /** What one document is, when files hold many (the config's "document"); default: each file, and in a folder
   * build a file with two or more div type="document" is cut into them (src/transform/parts.ts). */
  documentPattern?: DocumentPattern;
  /** Told after each file is transformed (the CLI draws a progress bar on a terminal). */
  onProgress?: (done: number, total: number) => void;
  /** Told when an output is fully written into the staging folder, before the swap (tests kill a build there). */
  onStaged?: (output: string) => void;
  /** Results of the transformation made by shards (build --merge; src/transform/shards.ts), taken instead of transforming. */
  shardResults?: ShardResults;
  /** Told every file's result by its key. */
  onResult?: (key: string, outcome: TransformOutcome) => void;
  /**
   * build --shard K/N: check every file, transform only this shard's documents, and write what the
   * stylesheets returned into the output folder as a shard (src/transform/shards.ts); nothing is rendered.
   */
  shard?: Shard;
}

export type BuildOutput = 'site' | 'apparatus' | 'epub' | 'print' | 'deposit';
/** In the order they are made: the deposit packages the others, so it comes last. */
export const BUILD_OUTPUTS: readonly BuildOutput[] = ['site', 'apparatus', 'epub', 'print', 'deposit'];
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
  /** How many documents the edition has (a volume's count each of its documents, not its other pages). */
  documents?: number;
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
    // The deposit packages every other output: a build asked for it makes them all.
    return await buildUnderLock(plan.only ? { ...plan, only: withDepositInputs(plan.only) } : plan);
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
  const total = documentSources.length + registerSources.length;
  let done = 0;
  const progress = (): void => plan.onProgress?.(++done, total);
  /**
   * Files through the stylesheet together: in worker threads, with what earlier builds or shards already
   * made taken as it is (transform-pool.ts). Each file's messages become diagnostics in the files' order.
   */
  const runAll = async (sources: readonly SourceFile[], params: TransformParams, counted: boolean, collect = plan.onResult): Promise<(TransformedFile | undefined)[]> => {
    // The text that was checked, not a second read of the file: the same bytes, any encoding.
    const outcomes = await transformAll(stylesheet, stylesheetParams(params), sources.map((s) => transformSource(s.absolutePath, s.text)), {
      ...(counted ? { onDone: progress } : {}),
      ...(plan.shardResults ? { given: plan.shardResults } : {}),
      ...(collect ? { onResult: collect } : {}),
    });
    return outcomes.map((outcome, i) => {
      const source = sources[i]!;
      for (const m of outcome.messages) {
        const d = diagnosticOfMessage(m, source.path, source.document.root);
        if (d) diagnostics.push(...applyRuleLevels([d], plan.ruleLevels));
      }
      if (outcome.ok) return outcome.file;
      failures.push(source.path);
      diagnostics.push({ file: source.path, severity: 'error', ruleId: 'xslt/transform-failed', message: `the transformation of this file failed: ${outcome.message}` });
      return undefined;
    });
  };

  const fileKeys = validation.sources.map(keyOf);
  // The interface speaks the configured language, else that of the edition's text: the edition file's, else the
  // first document's (as SiteModel.lang). It is chosen now, since the stylesheets write the interface's words.
  const labels = labelsFor(chooseInterfaceLanguage(plan.lang, textLanguage((editionSource ?? documentSources[0])?.document.root)), plan.labels);
  const words = interfaceWords(labels);
  const front = editionSource ? (await runAll([editionSource], { base, files: fileKeys, sigla: {}, witnessOrder: [], labels: words }, false))[0] : undefined;
  const witnesses = front?.witnesses ?? [];
  const sigla: Record<string, string> = {};
  for (const w of witnesses) sigla[w.key] = w.siglum;
  const params: TransformParams = { base, files: fileKeys, sigla, witnessOrder: witnesses.map((w) => w.key), outputs: [...(plan.only ?? DEFAULT_OUTPUTS)], labels: words };
  // What one document is: the config's pattern; in a folder build, a file holding two or more div type="document"
  // (a volume) is cut by default (src/transform/parts.ts). Ids the page shells use are reserved (render/volumes.ts).
  const documentPattern = plan.documentPattern ?? (plan.mode === 'paths' ? defaultDocumentPattern() : undefined);
  const documentParams: TransformParams = { ...params, embeddedRegisters: embeddedKinds(embeddedPages), reservedIds: [...RESERVED_IDS], ...(documentPattern ? { documentPattern } : {}) };

  /** The shard's documents through the stylesheet, their results written as the output folder: no page is rendered. */
  const writeShardOf = async (shard: Shard): Promise<BuildResult> => {
    const results: ShardResults = new Map();
    const mine = documentSources.filter((s) => inShard(keyOf(s), shard));
    await runAll(mine, documentParams, false, (key, outcome) => results.set(key, outcome));
    if (failures.length) return { status: 'failed', report, texts: validation.texts, written: [] };
    try {
      writeShard(outDirOf(plan), shard, results);
    } catch (error) {
      return { status: 'failed', report, texts: validation.texts, written: [], failure: describeWriteError(error, displayPath(outDirOf(plan))) };
    }
    return { status: 'built', report, texts: validation.texts, written: mine.map((s) => s.path) };
  };
  if (plan.shard) return writeShardOf(plan.shard);
  const documents: SiteDocument[] = [];
  const documentResults = await runAll(documentSources, documentParams, true);
  documentSources.forEach((s, i) => {
    const data = documentResults[i];
    if (!data) return;
    const whole: SiteDocument = { source: s.path, key: keyOf(s), page: pageOf.get(s)!, data };
    // A file cut into documents gives a page for each part (render/volumes.ts).
    documents.push(...(volumeParts(whole, taken) ?? [whole]));
  });
  const registers: SiteRegister[] = [];
  const registerResults = await runAll(registerSources, { ...params, registerFile: true }, true);
  registerSources.forEach((s, i) => {
    const data = registerResults[i];
    if (!data) return;
    const heads = [...new Set(data.entries.map((e) => e.listHead).filter(Boolean))];
    const title = heads.length === 1 ? heads[0]! : data.title || path.basename(s.path, '.xml');
    registers.push({ source: s.path, key: keyOf(s), page: pageOf.get(s)!, title, entries: data.entries });
  });
  if (failures.length) return { status: 'failed', report, texts: validation.texts, written: [] };

  const sorted = sortDocuments(documents);
  registers.push(...embeddedRegisters(sorted, embeddedPages, (stem) => uniquePage('registers', `${stem}.xml`, taken)));
  // Names linked by @key are matched to their entries now that every register is known (render/entry-keys.ts).
  const keyed = resolveEntryKeys(sorted, registers);
  diagnostics.push(...applyRuleLevels(keyed.diagnostics, plan.ruleLevels));
  // A register named after its kind of list (Persons, Places …) is named in the interface's words.
  for (const r of keyed.registers) r.title = registerTitleIn(r, labels);
  const first = front ?? documents[0]?.data;
  // The documents of volumes join the edition's documents; the volumes' other pages are theirs.
  const arranged = arrangeVolumes(keyed.documents);
  const title = plan.mode === 'paths' ? folderTitle(documents, plan.folderName ?? path.basename(sourceRoot), plan.title) : plan.title || first?.title || 'TEI edition';
  const model: SiteModel = {
    title,
    subtitle: front?.subtitle ?? '',
    lang: first?.lang || 'en',
    labels,
    slug: plan.slug ?? 'edition',
    ...(plan.baseUrl ? { baseUrl: plan.baseUrl } : {}),
    buildDate: sourceDate(plan.dateFrom, validation.sources.map((s) => s.absolutePath)),
    ...(front ? { front } : {}),
    ...(editionSource ? { frontKey: keyOf(editionSource) } : {}),
    documents: arranged.documents,
    ...(arranged.volumes.length ? { volumes: arranged.volumes } : {}),
    registers: keyed.registers,
    witnesses,
    mentions: collectMentions(keyed.documents),
    entries: indexEntries(keyed.registers),
  };
  const wants = (o: BuildOutput): boolean => (plan.only ?? DEFAULT_OUTPUTS).includes(o);
  const outputs: Output[] = [];
  const written: string[] = [];
  // Each document's apparatus model, made once for every output that prints it.
  let models: DocumentApparatus[] | undefined;
  const apparatusModels = (): DocumentApparatus[] => (models ??= [...model.documents, ...volumeMatter(model)].map((d) => documentApparatus(d.data, d.page, sourceRoot)));
  let pending: string | undefined;
  try {
    if (wants('site')) {
      const { pages: site, unresolved } = resolveSiteLinks(renderSite(model), model);
      const sourceOf = new Map([...model.documents, ...volumeMatter(model)].map((d) => [d.page, d.source]));
      for (const u of unresolved) diagnostics.push(unresolvedLink(u.key, `the site page ${u.page}`, sourceOf.get(u.page)));
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
    if (wants('deposit')) {
      const deposit = renderDeposit({
        outputs,
        model,
        ...(editionSource ? { edition: editionSource } : {}),
        documents: documentSources,
        registers: registerSources,
        keyOf,
        ...(plan.schema ? { schema: plan.schema } : {}),
        schematron: plan.schematron,
        // The config's identifier, which a build plan carries for the EPUB (src/cli/commands/build.ts).
        ...(plan.epub?.identifier ? { identifier: plan.epub.identifier } : {}),
        instant: sourceInstant(plan.dateFrom, validation.sources.map((s) => s.absolutePath)),
      });
      diagnostics.push(...applyRuleLevels(deposit.diagnostics, plan.ruleLevels));
      outputs.push(deposit.output);
      written.push(...deposit.output.files.map((f) => `../deposit/${f.path}`));
    }
    writeOutputsAtomically(outDirOf(plan), outputs, plan.onStaged);
  } catch (error) {
    return { status: 'failed', report, texts: validation.texts, written: [], failure: describeWriteError(error, displayPath(outDirOf(plan))) };
  } finally {
    // A PDF laid out for a build that did not swap it in.
    if (pending !== undefined) rmSync(pending, { force: true });
  }
  return { status: 'built', report, texts: validation.texts, written, documents: model.documents.length };
}

/** A link key no place of an output answers: a fault of the build, reported rather than silently dropped. */
function unresolvedLink(key: string, where: string, source?: string): Diagnostic {
  // A key names its file; a link to an id of the same page ('#id') is the page's source's.
  const file = (key.startsWith('#') ? source : undefined) ?? key.replace(/^(edition|register):/, '').replace(/#.*$/, '');
  return { file, severity: 'warning', ruleId: 'render/unresolved-link', message: `the link to ${key} in ${where} leads nowhere in this output; its words are kept without a link` };
}

/** The output folder: the one that holds the site folder. */
export function outDirOf(plan: BuildPlan): string {
  return path.dirname(path.resolve(plan.siteDir));
}
