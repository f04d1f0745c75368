// A RelaxNG schema and every file it includes, read from disk so they can be handed to the
// validator's in-memory file system with the same relative layout.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeXml } from '../../read/decode.js';
import { parseXml } from '../../read/parse-xml.js';
import { descendantsOrSelf, type XmlElement } from '../../read/tree.js';

const RNG_NS = 'http://relaxng.org/ns/structure/1.0';

export interface SchemaFile {
  absolutePath: string;
  text: string;
  /** The parsed file, kept for reduce-schema.ts: reading tei_all again would cost as much as this first read. */
  root: XmlElement;
}

export type SchemaFilesResult = { ok: true; main: SchemaFile; files: SchemaFile[] } | { ok: false; message: string };

export function collectSchemaFiles(schemaPath: string): SchemaFilesResult {
  if (/\.rnc$/i.test(schemaPath)) {
    return { ok: false, message: `${path.basename(schemaPath)} is RelaxNG compact syntax, which the validator cannot read: use the XML syntax (.rng), e.g. convert with trang` };
  }
  const files: SchemaFile[] = [];
  const seen = new Set<string>();
  const pending = [path.resolve(schemaPath)];
  while (pending.length > 0) {
    const file = pending.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch {
      return { ok: false, message: `cannot read schema file ${file === path.resolve(schemaPath) ? schemaPath : path.basename(file)}` };
    }
    const decoded = decodeXml(bytes);
    if (!decoded.ok) return { ok: false, message: `schema ${path.basename(file)}: ${decoded.message}` };
    const parsed = parseXml(decoded.text);
    if (!parsed.ok) {
      return { ok: false, message: `schema ${path.basename(file)} is not well-formed XML (line ${parsed.problem.line}): ${parsed.problem.message}` };
    }
    if (parsed.document.root.namespace !== RNG_NS) {
      return { ok: false, message: `${path.basename(file)} is not a RelaxNG schema in XML syntax (its root is <${parsed.document.root.name}>)` };
    }
    files.push({ absolutePath: file, text: decoded.text, root: parsed.document.root });
    for (const e of descendantsOrSelf(parsed.document.root)) {
      if (e.namespace === RNG_NS && (e.localName === 'include' || e.localName === 'externalRef')) {
        const href = e.attributes.find((a) => a.name === 'href')?.value;
        if (href === undefined) continue;
        if (/^[a-z][a-z0-9+.-]*:/i.test(href)) {
          return { ok: false, message: `schema ${path.basename(file)} includes ${href}: remote schema parts are never fetched; use a local copy` };
        }
        pending.push(path.resolve(path.dirname(file), decodeURIComponent(href)));
      }
    }
  }
  return { ok: true, main: files[0]!, files };
}

/** Paths for the validator's file system: relative to the files' common folder, under `schema/`. */
export function schemaLayout(files: readonly SchemaFile[]): Map<string, string> {
  let common = path.dirname(files[0]!.absolutePath);
  for (const f of files) {
    while (!(f.absolutePath + path.sep).startsWith(common + path.sep) && common !== path.dirname(common)) common = path.dirname(common);
  }
  return new Map(files.map((f) => [f.absolutePath, 'schema/' + path.relative(common, f.absolutePath).split(path.sep).join('/')]));
}
