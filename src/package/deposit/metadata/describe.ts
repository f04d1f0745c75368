// Every metadata file of the deposit, mapped from the TEI headers (docs/deposit.md gives each mapping):
// mets.xml (with MODS and the TEI headers), mods.xml, datacite.xml, zenodo.json, cmif.xml (when the
// edition has letters) and CITATION.cff. A record whose required fields the headers lack is not written;
// the diagnostics say which, and which TEI element to add. Pure: the context in, the files out.
import type { DepositContext, DepositMetadata, MetadataFile } from '../deposit-model.js';
import { citationCff } from './citation-cff.js';
import { cmifDocument } from './cmif.js';
import { dataciteDocument } from './datacite.js';
import { describeEdition } from './edition.js';
import { metsDocument } from './mets.js';
import { modsDocument } from './mods.js';
import { zenodoDocument } from './zenodo.js';

export function describeDeposit(context: DepositContext): DepositMetadata {
  const { edition, diagnostics } = describeEdition(context);
  const files: MetadataFile[] = [
    { name: 'mets.xml', content: metsDocument(edition, context) },
    { name: 'mods.xml', content: modsDocument(edition) },
  ];
  const add = (name: string, content: string | undefined): void => {
    if (content !== undefined) files.push({ name, content });
  };
  add('datacite.xml', dataciteDocument(edition));
  add('zenodo.json', zenodoDocument(edition));
  const cmif = cmifDocument(edition, context);
  add('cmif.xml', cmif.content);
  diagnostics.push(...cmif.diagnostics);
  add('CITATION.cff', citationCff(edition));
  return { files, diagnostics };
}
