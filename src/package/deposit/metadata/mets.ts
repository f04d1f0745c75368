// mets.xml (METS 1.12): one file for the whole edition. The edition's MODS record and each document's
// TEI header (as it stands in its file) as descriptive metadata, the licence as rights metadata, every
// payload file with its size and SHA-256, and a logical structure: the edition, then its documents in the
// site's order, each pointing to its files. File locations are paths from the bag's root (data/…), the
// place every file has in the bag whichever folder holds the METS file itself.
import { createHash } from 'node:crypto';
import { TEI_NAMESPACE, type XmlElement } from '../../../read/tree.js';
import type { DepositContext, PayloadFile } from '../deposit-model.js';
import type { EditionDescription } from './edition.js';
import { MODS_NS, MODS_SCHEMA, modsRecord, XLINK_NS, XSI_NS } from './mods.js';
import { copyElement, el, xmlDocument, type XElement } from './xml-writer.js';

export const METS_NS = 'http://www.loc.gov/METS/';
const METS_SCHEMA = 'http://www.loc.gov/standards/mets/mets.xsd';

/** The file groups, in the order METS lists them. */
const GROUPS: readonly PayloadFile['group'][] = ['tei', 'schema', 'site', 'epub', 'print', 'apparatus'];

/**
 * IDs (xs:ID, an NCName) made from a path or key: letters, digits, '.', '-' and '_' kept, anything else
 * '_'. The same path always gives the same ID; two that would collide keep theirs apart by a short hash
 * of the path, which does not depend on what else the edition holds.
 */
export class IdMaker {
  private readonly taken = new Set<string>();
  make(prefix: string, from: string): string {
    const base = `${prefix}-${from.replace(/[^A-Za-z0-9._-]/g, '_')}`;
    let id = base;
    if (this.taken.has(id)) id = `${base}-${createHash('sha256').update(from).digest('hex').slice(0, 8)}`;
    for (let i = 2; this.taken.has(id); i++) id = `${base}-${i}`;
    this.taken.add(id);
    return id;
  }
}

function teiHeaderSection(id: string, root: XmlElement): XElement | undefined {
  const header = root.children.find((c) => c.kind === 'element' && c.namespace === TEI_NAMESPACE && c.localName === 'teiHeader');
  if (!header || header.kind !== 'element') return undefined;
  // The header as it stands in its file; its TEI namespace declared on it (METS and MODS use prefixes).
  return el('mets:dmdSec', { ID: id }, el('mets:mdWrap', { MDTYPE: 'TEIHDR', LABEL: 'TEI header' }, el('mets:xmlData', {}, copyElement(header))));
}

export function metsDocument(edition: EditionDescription, context: DepositContext): string {
  const ids = new IdMaker();
  const editionDmd = ids.make('dmd', 'edition');
  const editionHeaderDmd = edition.editionSource ? ids.make('dmd', 'edition-tei-header') : undefined;
  const fileIds = new Map(context.payload.map((p) => [p.path, ids.make('file', p.path.replace(/^data\//, ''))]));
  const documentDmd = new Map(edition.documents.map((d) => [d.key, ids.make('dmd', d.key)]));

  const dmdSecs: XElement[] = [el('mets:dmdSec', { ID: editionDmd }, el('mets:mdWrap', { MDTYPE: 'MODS', LABEL: 'The edition' }, el('mets:xmlData', {}, modsRecord(edition))))];
  if (edition.editionSource && editionHeaderDmd) {
    const section = teiHeaderSection(editionHeaderDmd, edition.editionSource.document.root);
    if (section) dmdSecs.push(section);
  }
  const withHeader = new Set<string>();
  for (const d of edition.documents) {
    const section = d.source ? teiHeaderSection(documentDmd.get(d.key)!, d.source.document.root) : undefined;
    if (section) {
      dmdSecs.push(section);
      withHeader.add(d.key);
    }
  }

  const licence = edition.licence;
  const rightsId = licence || edition.rightsNotes.length > 0 ? ids.make('rights', 'edition') : undefined;
  const amdSec = rightsId
    ? el(
        'mets:amdSec',
        { ID: ids.make('amd', 'edition') },
        el(
          'mets:rightsMD',
          { ID: rightsId },
          el(
            'mets:mdWrap',
            { MDTYPE: 'MODS', LABEL: 'Licence' },
            el(
              'mets:xmlData',
              {},
              licence ? el('mods:accessCondition', { type: 'use and reproduction', 'xlink:href': licence.target }, licence.text || licence.known?.name || licence.target || '') : undefined,
              edition.rightsNotes.map((n) => el('mods:accessCondition', { type: 'use and reproduction' }, n)),
            ),
          ),
        ),
      )
    : undefined;

  const fileGroups = GROUPS.map((group) => {
    const files = context.payload.filter((p) => p.group === group);
    if (files.length === 0) return undefined;
    return el(
      'mets:fileGrp',
      { USE: group },
      files.map((p) =>
        el(
          'mets:file',
          { ID: fileIds.get(p.path)!, MIMETYPE: p.mime, SIZE: String(p.bytes.length), CHECKSUM: p.sha256, CHECKSUMTYPE: 'SHA-256' },
          el('mets:FLocat', { LOCTYPE: 'URL', 'xlink:href': p.path }),
        ),
      ),
    );
  });

  // A division's files in the order of the file groups (its TEI source first), then by path.
  const pointers = (files: readonly PayloadFile[]): XElement[] =>
    [...files].sort((a, b) => GROUPS.indexOf(a.group) - GROUPS.indexOf(b.group) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).map((p) => el('mets:fptr', { FILEID: fileIds.get(p.path)! }));
  const documentKeys = new Set(edition.documents.map((d) => d.key));
  const editionFiles = context.payload.filter((p) => p.document === undefined || !documentKeys.has(p.document));
  const structMap = el(
    'mets:structMap',
    { TYPE: 'logical' },
    el(
      'mets:div',
      { TYPE: 'edition', LABEL: edition.subtitle ? `${edition.title}: ${edition.subtitle}` : edition.title, DMDID: [editionDmd, editionHeaderDmd].filter(Boolean).join(' '), ADMID: rightsId },
      pointers(editionFiles),
      edition.documents.map((d) =>
        el(
          'mets:div',
          { TYPE: d.kind, LABEL: d.title, ORDER: String(d.order), DMDID: withHeader.has(d.key) ? documentDmd.get(d.key) : undefined },
          pointers(d.files),
        ),
      ),
    ),
  );

  const root = el(
    'mets:mets',
    {
      'xmlns:mets': METS_NS,
      'xmlns:mods': MODS_NS,
      'xmlns:xlink': XLINK_NS,
      'xmlns:xsi': XSI_NS,
      'xsi:schemaLocation': `${METS_NS} ${METS_SCHEMA} ${MODS_NS} ${MODS_SCHEMA}`,
      OBJID: edition.doi ? `https://doi.org/${edition.doi}` : edition.configIdentifier,
      LABEL: edition.title,
      TYPE: 'edition',
    },
    el('mets:metsHdr', { CREATEDATE: context.instant }, el('mets:agent', { ROLE: 'CREATOR', TYPE: 'OTHER', OTHERTYPE: 'SOFTWARE' }, el('mets:name', {}, 'tei-edition'))),
    dmdSecs,
    amdSec,
    el('mets:fileSec', {}, fileGroups),
    structMap,
  );
  return xmlDocument(root);
}
