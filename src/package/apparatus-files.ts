// The files of dist/apparatus/ for a rendered site model: the model of every document, as JSON, schema and HTML.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { renderApparatus, type OutputFile } from '../render/apparatus/apparatus-output.js';
import type { SiteModel } from '../render/site-model.js';
import { documentApparatus } from '../transform/apparatus/from-transform.js';
import { packageRoot } from '../transform/package-root.js';

/** `sourceRoot`: the folder that holds every source; witness keys in the JSON are paths from it. */
export function apparatusFiles(model: SiteModel, sourceRoot: string): OutputFile[] {
  const schema = readFileSync(path.join(packageRoot, 'schema', 'apparatus.schema.json'), 'utf8');
  const documents = model.documents.map((d) => documentApparatus(d.data, d.page, sourceRoot));
  return renderApparatus(model.title, model.lang, documents, schema);
}
