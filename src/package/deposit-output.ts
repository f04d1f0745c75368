// The build's deposit step: the edition packaged for a digital repository, as files for dist/deposit/:
// a BagIt bag `<slug>-bag/` (RFC 8493), the same bag zipped as `<slug>-bag.zip`, and the metadata records
// beside them (also carried in the bag, under metadata/). It runs last, on the outputs the build is
// about to write (never on what an earlier build left in dist/) and on the checked sources. This file
// reads what those outputs only point to (copied folders, the laid-out PDF, the sources' bytes, the
// schema); the bag itself is made by pure functions in deposit/.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { decodeXml } from '../read/decode.js';
import type { SourceFile } from '../read/load.js';
import type { SiteModel } from '../render/site-model.js';
import { packageRoot } from '../transform/package-root.js';
import type { BuildOutput } from './build-edition.js';
import { bagInfoFields } from './deposit/bag-info.js';
import { writeBag, type BagFile } from './deposit/bagit.js';
import type { DepositContext, MetadataFile } from './deposit/deposit-model.js';
import { describeDeposit } from './deposit/metadata/describe.js';
import { carriedFile, PAYLOAD_FOLDERS, payloadFiles, type PayloadItem } from './deposit/payload.js';
import { isContainedPath, type Output, type OutputFile } from './write-outputs.js';
import { zipSorted } from './zip.js';

/** The outputs a deposit packages: a build asked for the deposit makes them all (and writes them too). */
export const DEPOSIT_INPUTS: readonly BuildOutput[] = ['site', 'apparatus', 'epub', 'print'];

/** The outputs to make for `only`: with the deposit, every output it packages, in the build's order. */
export function withDepositInputs(only: readonly BuildOutput[]): readonly BuildOutput[] {
  if (!only.includes('deposit')) return only;
  return [...DEPOSIT_INPUTS, ...only.filter((o) => !DEPOSIT_INPUTS.includes(o))];
}

export interface DepositInput {
  /** Every other output of this build, as it is about to be written. */
  outputs: readonly Output[];
  model: SiteModel;
  edition?: SourceFile;
  documents: readonly SourceFile[];
  registers: readonly SourceFile[];
  /** A source's path from the folder that holds every source ('/'-separated). */
  keyOf: (source: SourceFile) => string;
  /** The RelaxNG schema the edition was checked with (absolute), and its Schematron files. */
  schema?: string;
  schematron: readonly string[];
  /** The config's identifier, when it has one. */
  identifier?: string;
  /** The build's instant (ISO 8601, UTC). */
  instant: string;
}

export interface DepositResult {
  output: Output;
  diagnostics: Diagnostic[];
}

const encoder = new TextEncoder();
const bytesOf = (content: string | Uint8Array): Uint8Array => (typeof content === 'string' ? encoder.encode(content) : content);

/** Every file under `folder`, '/'-separated paths from it, sorted. */
function filesUnder(folder: string, prefix = ''): { path: string; file: string }[] {
  const out: { path: string; file: string }[] = [];
  for (const name of readdirSync(folder).sort()) {
    const file = path.join(folder, name);
    if (statSync(file).isDirectory()) out.push(...filesUnder(file, `${prefix}${name}/`));
    else out.push({ path: `${prefix}${name}`, file });
  }
  return out;
}

/** The files of the other outputs the deposit carries, from their contents, copied folders and moved files. */
function outputItems(outputs: readonly Output[], model: SiteModel): PayloadItem[] {
  const documentOfPage = new Map(model.documents.map((d) => [d.page, d.key]));
  const items: PayloadItem[] = [];
  const add = (folder: string, file: string, bytes: () => Uint8Array): void => {
    const group = carriedFile(folder, file);
    if (!group) return;
    const document = group === 'site' ? documentOfPage.get(file) : undefined;
    items.push({ path: `${PAYLOAD_FOLDERS[group]}/${file}`, bytes: bytes(), group, ...(document ? { document } : {}) });
  };
  for (const output of outputs) {
    for (const c of output.copy ?? []) for (const f of filesUnder(c.from)) add(output.folder, `${c.to}/${f.path}`, () => readFileSync(f.file));
    for (const f of output.files) add(output.folder, f.path, () => bytesOf(f.content));
    for (const m of output.move ?? []) add(output.folder, m.to, () => readFileSync(m.from));
  }
  return items;
}

/**
 * A source's bytes as they are on disk (its own encoding, byte-order mark and line ends), provided they
 * are still the text that was checked and rendered: a file changed during the build is not deposited.
 */
function sourceBytes(source: SourceFile): Uint8Array {
  const bytes = readFileSync(source.absolutePath);
  const decoded = decodeXml(bytes);
  if (!decoded.ok || decoded.text !== source.text) throw new Error(`${source.path} changed while the edition was being built; build again`);
  return bytes;
}

function sourceItems(input: DepositInput): PayloadItem[] {
  const documentKeys = new Set(input.model.documents.map((d) => d.key));
  const sources = [...(input.edition ? [input.edition] : []), ...input.documents, ...input.registers];
  return sources.map((s) => {
    const key = input.keyOf(s);
    // The bag keeps the sources' names; the few no file system keeps safely stop the build, said plainly.
    if (!isContainedPath(key)) throw new Error(`${s.path} cannot be deposited under its name (it holds a control character or a backslash): rename the file`);
    return { path: `${PAYLOAD_FOLDERS.tei}/${key}`, bytes: sourceBytes(s), group: 'tei' as const, ...(documentKeys.has(key) ? { document: key } : {}) };
  });
}

/**
 * The schema the edition is checked with, and its source when it stands beside it: a schema in a folder
 * with a `source/` folder (as schema/tei-edition.rng and schema/source/tei-edition.odd) brings that
 * folder's files; Schematron files go under schematron/.
 */
function schemaItems(schema: string | undefined, schematron: readonly string[]): PayloadItem[] {
  const items: PayloadItem[] = [];
  const taken = new Set<string>();
  const add = (name: string, file: string): void => {
    let at = `${PAYLOAD_FOLDERS.schema}/${name}`;
    for (let i = 2; taken.has(at); i++) at = `${PAYLOAD_FOLDERS.schema}/${name.replace(/(\.[^./]*)?$/, `-${i}$1`)}`;
    taken.add(at);
    items.push({ path: at, bytes: readFileSync(file), group: 'schema' });
  };
  if (schema) {
    add(path.basename(schema), schema);
    const source = path.join(path.dirname(schema), 'source');
    if (existsSync(source) && statSync(source).isDirectory()) for (const f of filesUnder(source)) add(`source/${f.path}`, f.file);
  }
  for (const s of schematron) add(`schematron/${path.basename(s)}`, s);
  return items;
}

function toolName(): string {
  const pkg = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { name?: string; version?: string };
  return `${pkg.name ?? 'tei-edition'} ${pkg.version ?? ''}`.trim();
}

/** The metadata records under a name that stays one file of dist/deposit (and of the bag's metadata/). */
function checkedMetadata(files: readonly MetadataFile[], bag: string): MetadataFile[] {
  for (const f of files) {
    const plain = /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(f.name) && f.name !== bag && f.name !== `${bag}.zip`;
    if (!plain) throw new Error(`a metadata record needs a plain file name of its own: ${JSON.stringify(f.name)}`);
  }
  if (new Set(files.map((f) => f.name)).size !== files.length) throw new Error('two metadata records have the same name');
  return [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function renderDeposit(input: DepositInput): DepositResult {
  const { model } = input;
  const slug = model.slug || 'edition';
  const payload = payloadFiles([...sourceItems(input), ...schemaItems(input.schema, input.schematron), ...outputItems(input.outputs, model)]);
  const context: DepositContext = {
    model,
    ...(input.edition ? { edition: input.edition } : {}),
    documents: input.documents,
    registers: input.registers,
    payload,
    instant: input.instant,
    ...(input.identifier ? { identifier: input.identifier } : {}),
    slug,
  };
  const metadata = describeDeposit(context);
  const folder = `${slug}-bag`;
  const records = checkedMetadata(metadata.files, folder);
  const front = model.front;
  const info = bagInfoFields({
    ...(input.edition ? { edition: { path: input.edition.path, root: input.edition.document.root } } : {}),
    documents: input.documents.map((d) => ({ path: d.path, root: d.document.root })),
    // The header's own title and subtitle (the config's title may already hold the subtitle).
    title: front ? front.title || model.title : model.title,
    subtitle: front ? front.subtitle : model.subtitle,
    ...(input.identifier ? { identifier: input.identifier } : {}),
    instant: input.instant,
    payload,
    agent: toolName(),
  });
  const bag: BagFile[] = writeBag({
    payload,
    info: info.fields,
    tagFiles: records.map((r) => ({ path: `metadata/${r.name}`, bytes: encoder.encode(r.content) })),
  });
  const zip = zipSorted(new Map(bag.map((f) => [`${folder}/${f.path}`, f.bytes])), input.instant);
  const files: OutputFile[] = [
    ...bag.map((f) => ({ path: `${folder}/${f.path}`, content: f.bytes })),
    { path: `${folder}.zip`, content: zip },
    ...records.map((r) => ({ path: r.name, content: r.content })),
  ];
  return { output: { folder: 'deposit', files, sourceNames: true }, diagnostics: [...info.diagnostics, ...metadata.diagnostics] };
}
