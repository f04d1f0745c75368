// What the benchmarks share: where things are, the XML files of a folder, medians, and the edition of
// generated documents (copies of the bundled documents with fresh ids) they time at scale.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const shared = path.resolve(root, '../shared');
export const corpora = path.join(shared, 'corpora');
export const cli = path.join(root, 'bin/tei-edition.js');
export const projectSchema = path.join(root, 'schema/tei-edition.rng');
export const teiAll = path.join(shared, 'schemas/tei_all.rng');

/** Every *.xml file under `dir`, sorted. */
export function xmlFiles(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...xmlFiles(p));
    else if (e.name.endsWith('.xml')) out.push(p);
  }
  return out.sort();
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * A copy of the bundled edition in `folder`/tei whose documents are `count` copies of the bundled ones,
 * each with its ids suffixed so that they stay unique; returns the documents folder. A real copy even
 * where tei/ is a link: its documents folder is replaced.
 */
export function generatedDocuments(folder, count) {
  cpSync(path.join(root, 'tei'), path.join(folder, 'tei'), { recursive: true, dereference: true });
  const docs = path.join(folder, 'tei/documents');
  const templates = xmlFiles(docs).map((f) => readFileSync(f, 'utf8'));
  rmSync(docs, { recursive: true });
  mkdirSync(docs);
  for (let i = 0; i < count; i++) {
    const text = templates[i % templates.length].replace(/xml:id="([^"]+)"/g, `xml:id="$1-g${i}"`).replace(/(target|corresp)="#([^"\s]+)"/g, `$1="#$2-g${i}"`);
    writeFileSync(path.join(docs, `doc-${String(i).padStart(4, '0')}.xml`), text);
  }
  return docs;
}
