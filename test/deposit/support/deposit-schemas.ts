// The published schemas of the deposit's records, used in place from ../shared/schemas/deposit: XSD
// (METS, MODS, DataCite) through xmllint-wasm, which has no network, so every schema an import names by
// its URL is given to it under that URL, as the folder's catalog.xml maps it; RelaxNG (CMIF) through jing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { sharedDir } from '../../helpers/paths.js';

export const depositSchemas = path.join(sharedDir, 'schemas', 'deposit');

export interface Verdict {
  valid: boolean;
  /** The validator's messages about the document (not the schema parser's warnings). */
  errors: string[];
}

function xsdFilesUnder(dir: string, prefix = ''): { relative: string; file: string }[] {
  const out: { relative: string; file: string }[] = [];
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) out.push(...xsdFilesUnder(file, `${prefix}${name}/`));
    else if (name.endsWith('.xsd')) out.push({ relative: `${prefix}${name}`, file });
  }
  return out;
}

/**
 * Every schema file under the remote URL the catalog maps to it, and the schemas beside it under the
 * URLs their relative includes resolve to (DataCite's include/ folder).
 */
function catalogFiles(): Map<string, string> {
  const catalog = readFileSync(path.join(depositSchemas, 'catalog.xml'), 'utf8');
  const files = new Map<string, string>();
  for (const m of catalog.matchAll(/<system\s+systemId="([^"]+)"\s+uri="([^"]+)"\s*\/>/g)) {
    const url = m[1]!;
    const local = path.join(depositSchemas, m[2]!);
    files.set(url, local);
    const base = url.slice(0, url.lastIndexOf('/') + 1);
    for (const sibling of xsdFilesUnder(path.dirname(local))) {
      const at = `${base}${sibling.relative}`;
      if (!files.has(at)) files.set(at, sibling.file);
    }
  }
  return files;
}

/** Validates `xml` against the schema the catalog maps `schemaUrl` to, or against a local schema file of the folder (`deposit-bundle.xsd`). */
export async function validateXsd(xml: string, schemaUrl: string): Promise<Verdict> {
  const files = catalogFiles();
  const local = files.get(schemaUrl) ?? path.join(depositSchemas, schemaUrl);
  const result = await validateXML({
    xml: [{ fileName: 'record.xml', contents: xml }],
    schema: [{ fileName: schemaUrl, contents: readFileSync(local, 'utf8') }],
    preload: [...files].filter(([url]) => url !== schemaUrl).map(([url, file]) => ({ fileName: url, contents: readFileSync(file, 'utf8') })),
    maxMemoryPages: 4096,
  });
  const errors = result.rawOutput
    .split('\n')
    .filter((l) => l.startsWith('record.xml:') || /fails to validate/.test(l))
    .map((l) => l.trim());
  return { valid: result.valid, errors };
}

/** jing's verdict on `xml` against a RelaxNG schema (XML syntax). */
export function validateRng(xml: string, rng: string): Verdict {
  const dir = mkdtempSync(path.join(tmpdir(), 'tei-edition-deposit-'));
  try {
    const file = path.join(dir, 'record.xml');
    writeFileSync(file, xml);
    const run = spawnSync('jing', [rng, file], { encoding: 'utf8' });
    // Debian's jing wrapper warns on stderr about optional jars it does not find: not about the document.
    const errors = `${run.stdout}${run.stderr}`.split('\n').filter((l) => l.trim() !== '' && !/^\[warning\] \S*jing: Unable to locate/.test(l));
    return { valid: run.status === 0, errors };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const schemaUrls = {
  mods: 'http://www.loc.gov/standards/mods/v3/mods-3-8.xsd',
  datacite: 'https://schema.datacite.org/meta/kernel-4/metadata.xsd',
  /** METS with the MODS (and DataCite, DC) records embedded in it. */
  metsBundle: 'deposit-bundle.xsd',
  cmifRng: path.join(depositSchemas, 'cmif', 'schema', 'cmi-customization.rng'),
  cmifSchematron: path.join(depositSchemas, 'cmif', 'odd', 'cmif.sch'),
} as const;
