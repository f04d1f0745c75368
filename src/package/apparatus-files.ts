// The files of dist/apparatus/ for a rendered site model: the model of every document, as JSON, schema and HTML.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { renderApparatus, type OutputFile } from '../render/apparatus/apparatus-output.js';
import { addressOf, parseLinkKey, resolveKeysInHtml } from '../render/link-keys.js';
import { siteLinkTargets } from '../render/site-links.js';
import { labelsOf, type SiteModel } from '../render/site-model.js';
import type { DocumentApparatus } from '../transform/apparatus/model.js';
import { packageRoot } from '../transform/package-root.js';

/**
 * `documents`: the apparatus model of each document (witness keys are paths from the folder that holds every
 * source). The JSON keeps the model's link keys; in the HTML they lead to the site beside it (../site/).
 */
export function apparatusFiles(model: SiteModel, documents: readonly DocumentApparatus[]): { files: OutputFile[]; unresolved: string[] } {
  const schema = readFileSync(path.join(packageRoot, 'schema', 'apparatus.schema.json'), 'utf8');
  const targets = siteLinkTargets(model);
  const unresolved: string[] = [];
  // The page is marked with the text's language, which most of its words are in (readings, lemmata); its
  // headings are in the interface's words.
  const files = renderApparatus(model.title, model.lang, documents, schema, undefined, labelsOf(model)).map((f) => {
    if (!f.path.endsWith('.html')) return f;
    const resolved = resolveKeysInHtml(f.content, (href) => addressOf(parseLinkKey(href), targets, '../site/'));
    unresolved.push(...resolved.unresolved);
    return { path: f.path, content: resolved.html };
  });
  return { files, unresolved };
}
