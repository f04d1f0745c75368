// A DepositContext made the way a build makes it, from the build's own pieces: the sources read and
// parsed by the read stage, each transformed by the site's stylesheet, the site model assembled and the
// site rendered; the payload is the sources and the site's pages with their digests. No print, no EPUB:
// the metadata records only list those files, and their tests need not lay out a PDF.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { looksLikeRegister } from '../../../src/package/build-edition.js';
import type { DepositContext, PayloadFile } from '../../../src/package/deposit/deposit-model.js';
import { loadConfig } from '../../../src/config/load-config.js';
import { commonFolder, displayPath, expandPaths } from '../../../src/read/files.js';
import { loadXmlFile, type SourceFile } from '../../../src/read/load.js';
import { renderSite } from '../../../src/render/pages.js';
import { resolveSiteLinks } from '../../../src/render/site-links.js';
import { collectMentions, folderTitle, indexEntries, sortDocuments, type SiteDocument, type SiteModel, type SiteRegister } from '../../../src/render/site-model.js';
import { loadStylesheet } from '../../../src/transform/stylesheet.js';
import { fileUri, transformFile, type TransformedFile, type TransformParams } from '../../../src/transform/transform-file.js';
import { projectRoot } from '../../helpers/paths.js';

export interface ContextPlan {
  /** 'edition': the edition file, documents and registers as a config names them; 'paths': a folder build. */
  mode: 'edition' | 'paths';
  edition?: string;
  documents: string[];
  registers?: string[];
  title?: string;
  slug?: string;
  baseUrl?: string;
  identifier?: string;
  /** A schema file to carry in the payload (group schema). */
  schema?: string;
  instant?: string;
}

/** A fixed instant: the records must not depend on when a test runs. */
export const TEST_INSTANT = '2024-05-01T10:20:30Z';

/** A source as the build reads it: shown by its path from the working directory. */
function load(file: string): SourceFile {
  const loaded = loadXmlFile(displayPath(file));
  if (!loaded.ok) throw new Error(`${file}: ${loaded.diagnostic.message}`);
  return loaded.source;
}

const encoder = new TextEncoder();
const digest = (algorithm: string, bytes: Uint8Array): string => createHash(algorithm).update(bytes).digest('hex');
const MIME: Readonly<Record<string, string>> = { '.xml': 'application/xml', '.rng': 'application/xml', '.html': 'text/html', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json' };

function payloadFile(at: string, bytes: Uint8Array, group: PayloadFile['group'], document?: string): PayloadFile {
  const ext = path.extname(at);
  const mime = group === 'tei' ? 'application/tei+xml' : (MIME[ext] ?? 'application/octet-stream');
  return { path: at, bytes, mime, sha256: digest('sha256', bytes), sha512: digest('sha512', bytes), group, ...(document ? { document } : {}) };
}

export async function depositContext(plan: ContextPlan): Promise<DepositContext> {
  const edition = plan.edition ? load(plan.edition) : undefined;
  const named = plan.documents.map(load);
  const registers = [...(plan.registers ?? []).map(load), ...(plan.mode === 'paths' ? named.filter(looksLikeRegister) : [])];
  const documents = named.filter((s) => !registers.includes(s));
  const all = [...(edition ? [edition] : []), ...documents, ...registers];
  const root = commonFolder(all.map((s) => s.absolutePath));
  const keyOf = (s: SourceFile): string => path.relative(root, s.absolutePath).split(path.sep).join('/');
  const base = `${fileUri(root).replace(/\/$/, '')}/`;
  const stylesheet = await loadStylesheet('html/page');
  const params: TransformParams = { base, files: all.map(keyOf), sigla: {}, witnessOrder: [], outputs: ['site'] };
  const run = (s: SourceFile, p: TransformParams): TransformedFile => {
    const outcome = transformFile(stylesheet, s.absolutePath, p, s.text);
    if (!outcome.ok) throw new Error(`${s.path}: ${outcome.message}`);
    return outcome.file;
  };
  const front = edition ? run(edition, params) : undefined;
  const sigla: Record<string, string> = {};
  for (const w of front?.witnesses ?? []) sigla[w.key] = w.siglum;
  const withWitnesses: TransformParams = { ...params, sigla, witnessOrder: (front?.witnesses ?? []).map((w) => w.key) };
  const taken = new Set<string>();
  const page = (folder: string, s: SourceFile): string => {
    const stem = path.basename(s.absolutePath).replace(/\.xml$/i, '');
    let p = `${folder}/${stem}.html`;
    for (let i = 2; taken.has(p); i++) p = `${folder}/${stem}-${i}.html`;
    taken.add(p);
    return p;
  };
  const siteDocuments: SiteDocument[] = documents.map((s) => ({ source: s.path, key: keyOf(s), page: page('documents', s), data: run(s, withWitnesses) }));
  const siteRegisters: SiteRegister[] = registers.map((s) => {
    const data = run(s, withWitnesses);
    return { source: s.path, key: keyOf(s), page: page('registers', s), title: data.title, entries: data.entries };
  });
  const sorted = sortDocuments(siteDocuments);
  const model: SiteModel = {
    title: plan.mode === 'paths' ? folderTitle(sorted, path.basename(root), plan.title) : plan.title || front?.title || 'TEI edition',
    subtitle: front?.subtitle ?? '',
    lang: (front ?? sorted[0]?.data)?.lang || 'en',
    slug: plan.slug ?? 'edition',
    ...(plan.baseUrl ? { baseUrl: plan.baseUrl } : {}),
    buildDate: (plan.instant ?? TEST_INSTANT).slice(0, 10),
    ...(front ? { front } : {}),
    ...(edition ? { frontKey: keyOf(edition) } : {}),
    documents: sorted,
    registers: siteRegisters,
    witnesses: front?.witnesses ?? [],
    mentions: collectMentions(sorted),
    entries: indexEntries(siteRegisters),
  };
  const documentOfPage = new Map(sorted.map((d) => [d.page, d.key]));
  const documentKeys = new Set(sorted.map((d) => d.key));
  const payload: PayloadFile[] = [
    ...all.map((s) => payloadFile(`data/tei/${keyOf(s)}`, encoder.encode(s.text), 'tei', documentKeys.has(keyOf(s)) ? keyOf(s) : undefined)),
    ...(plan.schema ? [payloadFile(`data/schema/${path.basename(plan.schema)}`, encoder.encode(load(plan.schema).text), 'schema')] : []),
    ...resolveSiteLinks(renderSite(model), model).pages.map((p) => payloadFile(`data/site/${p.path}`, encoder.encode(p.content), 'site', documentOfPage.get(p.path))),
  ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    model,
    ...(edition ? { edition } : {}),
    documents,
    registers,
    payload,
    instant: plan.instant ?? TEST_INSTANT,
    ...(plan.identifier ? { identifier: plan.identifier } : {}),
    slug: model.slug,
  };
}

/** The bundled edition, as its edition.config.json describes it. */
export async function bundledContext(extra: Partial<ContextPlan> = {}): Promise<DepositContext> {
  const loaded = loadConfig(path.join(projectRoot, 'edition.config.json'));
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('; '));
  const c = loaded.config;
  return depositContext({
    mode: 'edition',
    edition: c.edition,
    documents: expandPaths(c.documents).files,
    registers: expandPaths(c.registers).files,
    title: c.title,
    slug: c.slug,
    ...(c.identifier ? { identifier: c.identifier } : {}),
    ...(c.schema ? { schema: c.schema } : {}),
    ...extra,
  });
}
