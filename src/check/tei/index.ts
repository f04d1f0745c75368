// The editorial layer: rules RelaxNG cannot express, run over all files together so that
// references across files resolve.
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { checkApparatus } from './apparatus.js';
import type { TeiContext } from './context.js';
import { checkDates } from './dates.js';
import { checkDocumentMetadata } from './document-metadata.js';
import { checkDuplicateIds } from './duplicate-id.js';
import { checkUnlinkedNames } from './name-unlinked.js';
import { checkReferences } from './ref-unresolved.js';
import { checkUrlSchemes } from './url-scheme.js';

export { checkIsTei } from './not-tei.js';
export { IdIndex, parsePointer, type FileRole, type TeiContext } from './context.js';

export function runEditorialRules(context: TeiContext): Diagnostic[] {
  return [
    ...checkReferences(context),
    ...checkDuplicateIds(context),
    ...checkDates(context),
    ...checkUnlinkedNames(context),
    ...checkDocumentMetadata(context),
    ...checkApparatus(context),
    ...checkUrlSchemes(context),
  ];
}
