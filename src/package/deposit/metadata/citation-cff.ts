// CITATION.cff (Citation File Format 1.2.0): how to cite the edition, as YAML written by hand. Every
// string is double-quoted with YAML's escapes, so no value can be read as a number, a date, a boolean or
// markup of YAML's own. CFF knows two types of work, software and dataset: an edition is a dataset.
import type { EditionDescription } from './edition.js';
import type { Agent } from './tei-header.js';

export const CFF_TYPE = 'dataset';
export const CFF_MESSAGE = 'If you use this edition, please cite it using the metadata from this file.';

const ESCAPES: Readonly<Record<string, string>> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r', '\u0085': '\\N', '\u00a0': '\\_', '\u2028': '\\L', '\u2029': '\\P' };

/**
 * A YAML double-quoted scalar. Characters YAML does not allow in a stream (C0 and C1 controls, DEL, the
 * byte-order mark) and the line breaks it would fold are written as escapes; lone surrogates are dropped.
 */
export function yamlString(value: string): string {
  const clean = value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
  const body = clean.replace(/["\\\u0000-\u001f\u007f-\u009f\u00a0\u2028\u2029\ufeff\ufffe\uffff]/g, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `"${body}"`;
}

function author(a: Agent): string[] {
  const fields: [string, string][] = [];
  if (a.given || a.family) {
    if (a.family) fields.push(['family-names', a.family]);
    if (a.given) fields.push(['given-names', a.given]);
  } else {
    // A name not given in parts is written as the header writes it: CFF's entity form.
    fields.push(['name', a.name]);
  }
  if (a.affiliation) fields.push(['affiliation', a.affiliation]);
  if (a.email) fields.push(['email', a.email]);
  if (a.orcid) fields.push(['orcid', `https://orcid.org/${a.orcid}`]);
  return fields.map(([k, v], i) => `${i === 0 ? '  - ' : '    '}${k}: ${yamlString(v)}`);
}

export function citationCff(edition: EditionDescription): string | undefined {
  if (edition.creators.length === 0) return undefined;
  const lines: string[] = [
    '# Citation File Format 1.2.0 (https://citation-file-format.github.io/), from the edition’s TEI header.',
    'cff-version: 1.2.0',
    `message: ${yamlString(CFF_MESSAGE)}`,
    `type: ${CFF_TYPE}`,
    `title: ${yamlString(edition.subtitle ? `${edition.title}: ${edition.subtitle}` : edition.title)}`,
    'authors:',
    ...edition.creators.flatMap(author),
  ];
  if (edition.version) lines.push(`version: ${yamlString(edition.version)}`);
  lines.push(`date-released: ${yamlString(edition.releaseDate)}`);
  if (edition.doi) lines.push('identifiers:', '  - type: doi', `    value: ${yamlString(edition.doi)}`);
  if (edition.licence?.known) lines.push(`license: ${yamlString(edition.licence.known.spdx)}`);
  if (edition.baseUrl) lines.push(`url: ${yamlString(edition.baseUrl)}`);
  const abstract = (edition.abstract.length > 0 ? edition.abstract : edition.projectDesc).join('\n\n');
  if (abstract) lines.push(`abstract: ${yamlString(abstract)}`);
  if (edition.keywords.length > 0) lines.push('keywords:', ...edition.keywords.map((k) => `  - ${yamlString(k)}`));
  return `${lines.join('\n')}\n`;
}
