// Identifiers as the registries type them: an idno's @type read as DataCite's identifier types (DOI,
// Handle, URN, URL, ISBN …), with the resolver prefix of a DOI or handle taken off where the registry
// wants the bare value. An idno whose type says nothing a registry knows is kept under its own type.
import type { Identifier } from './tei-header.js';

export type IdentifierKind = 'DOI' | 'Handle' | 'URN' | 'URL' | 'ISBN' | 'ISSN' | 'ARK' | 'PURL';

export interface TypedIdentifier {
  kind: IdentifierKind;
  /** As the registry wants it: a DOI as 10.prefix/suffix, a handle without its resolver. */
  value: string;
}

const DOI = /^10\.\d{4,9}\/\S+$/;
/** A handle is prefix/suffix, the prefix made of numbers (21.11115/0000-000E-6B22-4). */
const HANDLE = /^\d+(\.\d+)*\/\S+$/;

/** A DOI as 10.prefix/suffix, from the bare form, doi:…, or a doi.org address; undefined when it is none. */
export function bareDoi(value: string): string | undefined {
  const v = value.trim().replace(/^doi:\s*/i, '').replace(/^https?:\/\/(?:dx\.)?doi\.org\//i, '');
  return DOI.test(v) ? v : undefined;
}

export function typedIdentifier(id: Identifier): TypedIdentifier | undefined {
  const type = id.type.toLowerCase().replace(/[^a-z0-9]/g, '');
  const value = id.value.trim();
  const web = /^https?:\/\/\S+$/i.test(value);
  switch (type) {
    case 'doi': {
      const doi = bareDoi(value);
      return doi ? { kind: 'DOI', value: doi } : undefined;
    }
    case 'handle':
    case 'hdl': {
      const handle = value.replace(/^https?:\/\/hdl\.handle\.net\//i, '').replace(/^hdl:/i, '');
      return HANDLE.test(handle) ? { kind: 'Handle', value: handle } : undefined;
    }
    case 'urn':
      return /^urn:/i.test(value) ? { kind: 'URN', value } : undefined;
    case 'uri':
    case 'url':
    case '':
      return web ? { kind: 'URL', value } : /^urn:\S+$/i.test(value) ? { kind: 'URN', value } : undefined;
    case 'isbn':
    case 'isbn10':
    case 'isbn13':
      return { kind: 'ISBN', value };
    case 'issn':
    case 'eissn':
      return { kind: 'ISSN', value };
    case 'ark':
      return { kind: 'ARK', value };
    case 'purl':
      return web ? { kind: 'PURL', value } : undefined;
    default:
      return undefined;
  }
}

/** The type of a config identifier (urn:uuid:…, an address), as DataCite would name it. */
export function kindOfValue(value: string): IdentifierKind | undefined {
  if (bareDoi(value) && /^(doi:|https?:\/\/(dx\.)?doi\.org\/|10\.)/i.test(value.trim())) return 'DOI';
  if (/^urn:\S+$/i.test(value.trim())) return 'URN';
  if (/^https?:\/\/\S+$/i.test(value.trim())) return 'URL';
  return undefined;
}

/** A handle or DOI as an address, for records that want one (Zenodo, CITATION.cff). */
export function resolvable(id: TypedIdentifier): string {
  if (id.kind === 'DOI') return `https://doi.org/${id.value}`;
  if (id.kind === 'Handle') return `https://hdl.handle.net/${id.value}`;
  return id.value;
}
