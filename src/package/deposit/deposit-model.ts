// What the deposit stage works from and what it gives back. The deposit packages every other output,
// so it runs last, on the files the build is about to write (never on what an earlier build left on
// disk) and on the checked sources; its metadata is mapped from the TEI headers, never made up.
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { SourceFile } from '../../read/load.js';
import type { SiteModel } from '../../render/site-model.js';

/** One file of the bag's payload, as it will stand under `data/`. */
export interface PayloadFile {
  /** Path inside the bag, '/'-separated, always beginning `data/` (e.g. `data/site/index.html`). */
  path: string;
  bytes: Uint8Array;
  /** IANA media type (e.g. `application/tei+xml`, `text/html`, `application/epub+zip`). */
  mime: string;
  /** Lower-case hex digests of `bytes`. */
  sha256: string;
  sha512: string;
  /** What the file is, for METS file groups: the TEI sources, the schema, the site, the EPUB, the PDF, the apparatus. */
  group: 'tei' | 'schema' | 'site' | 'epub' | 'print' | 'apparatus';
  /** The document this file belongs to (its key, as SiteDocument.key), when it belongs to one. */
  document?: string;
}

/** Everything the metadata mappings read. */
export interface DepositContext {
  model: SiteModel;
  /** The edition file (front matter, witnesses), when the edition has one. */
  edition?: SourceFile;
  documents: readonly SourceFile[];
  registers: readonly SourceFile[];
  /** The payload, sorted by path. */
  payload: readonly PayloadFile[];
  /** The build's instant (ISO 8601, UTC, from SOURCE_DATE_EPOCH or the last commit). */
  instant: string;
  /** The config's identifier (e.g. urn:uuid:…), when it has one. */
  identifier?: string;
  /** The edition's slug (file names of the zip). */
  slug: string;
}

/** A metadata file written beside the bag in dist/deposit/ (and carried in the bag as a tag file). */
export interface MetadataFile {
  /** File name, e.g. `mets.xml`, `datacite.xml`, `zenodo.json`, `cmif.xml`, `CITATION.cff`. */
  name: string;
  content: string;
}

export interface DepositMetadata {
  files: MetadataFile[];
  /** `deposit/…` findings: a field a target requires that the header lacks, named with the TEI element to add. */
  diagnostics: Diagnostic[];
}
