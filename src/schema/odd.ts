// Reads the supported subset of TEI ODD into a Customisation. Everything the generator cannot prove
// to be a restriction of tei_all is refused with a message, never approximated: the generated
// schema must accept nothing tei_all rejects.
import { descendants, elementChildren, type XmlElement } from './xml-tree.js';

export const TEI_NS = 'http://www.tei-c.org/ns/1.0';

export type AttributeChange =
  /** Forbid an attribute that was optional. */
  | { kind: 'delete'; attribute: string }
  /** Make an optional attribute required. */
  | { kind: 'require'; attribute: string }
  /** Allow only these values (each must be a value tei_all already accepts). */
  | { kind: 'closeValues'; attribute: string; values: string[] };

export interface AttributeChanges {
  /** Element name (elementSpec) or attribute class name (classSpec). */
  ident: string;
  changes: AttributeChange[];
}

export interface Customisation {
  ident: string;
  start: string[];
  modules: Array<{ key: string; include: string[] }>;
  deletedElements: string[];
  elementChanges: AttributeChanges[];
  classChanges: AttributeChanges[];
}

export type OddResult = { ok: true; customisation: Customisation } | { ok: false; errors: string[] };

/** TEI P5 module names; a key outside this list is a typo. */
const TEI_MODULES = new Set([
  'analysis', 'certainty', 'cmc', 'core', 'corpus', 'dictionaries', 'drama', 'figures', 'gaiji', 'header',
  'iso-fs', 'linking', 'msdescription', 'namesdates', 'nets', 'spoken', 'tagdocs', 'tei', 'textcrit',
  'textstructure', 'transcr', 'verse',
]);

/** Elements of a schemaSpec or spec that only document it. */
const DOCUMENTATION = new Set(['gloss', 'desc', 'remarks', 'exemplum', 'listRef', 'equiv', 'altIdent']);

const words = (value: string | undefined): string[] => (value ?? '').split(/\s+/).filter((w) => w.length > 0);

export function readOdd(root: XmlElement): OddResult {
  const errors: string[] = [];
  const specs = descendants(root, TEI_NS, 'schemaSpec');
  if (specs.length !== 1) return { ok: false, errors: [`expected exactly one <schemaSpec>, found ${specs.length}`] };
  const spec = specs[0] as XmlElement;
  const customisation: Customisation = {
    ident: spec.attrs['ident'] ?? '',
    start: words(spec.attrs['start']),
    modules: [],
    deletedElements: [],
    elementChanges: [],
    classChanges: [],
  };
  if (customisation.start.length === 0) errors.push('<schemaSpec> needs @start (the allowed root elements)');

  for (const child of elementChildren(spec)) {
    if (child.ns !== TEI_NS) {
      errors.push(`<${child.local}> (namespace ${child.ns || 'none'}) is not part of an ODD schemaSpec`);
      continue;
    }
    if (DOCUMENTATION.has(child.local)) continue;
    if (child.local === 'moduleRef') readModuleRef(child, customisation, errors);
    else if (child.local === 'elementSpec') readElementSpec(child, customisation, errors);
    else if (child.local === 'classSpec') readClassSpec(child, customisation, errors);
    else errors.push(`<${child.local}> is not supported; the generator understands moduleRef, elementSpec and classSpec`);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, customisation };
}

function readModuleRef(el: XmlElement, c: Customisation, errors: string[]): void {
  const key = el.attrs['key'];
  if (key === undefined) {
    errors.push('<moduleRef> without @key: external modules (@url) are not supported');
    return;
  }
  if (!TEI_MODULES.has(key)) errors.push(`<moduleRef key="${key}">: no TEI module has that name`);
  if (el.attrs['except'] !== undefined) {
    // tei_all.rng does not record which module an element belongs to, so "all but these" cannot be
    // computed reliably from it. Listing the elements keeps the schema's content explicit.
    errors.push(`<moduleRef key="${key}">: @except is not supported; list the wanted elements in @include`);
    return;
  }
  const include = words(el.attrs['include']);
  if (include.length === 0 && key !== 'tei') {
    // The "tei" module declares classes and datatypes only, so it needs no list.
    errors.push(`<moduleRef key="${key}">: list its elements in @include (whole modules cannot be read from tei_all.rng)`);
    return;
  }
  c.modules.push({ key, include });
}

function readElementSpec(el: XmlElement, c: Customisation, errors: string[]): void {
  const ident = el.attrs['ident'] ?? '';
  const mode = el.attrs['mode'] ?? 'add';
  const where = `<elementSpec ident="${ident}" mode="${mode}">`;
  if (mode === 'delete') {
    c.deletedElements.push(ident);
  } else if (mode === 'change') {
    const changes = readSpecChanges(el, where, errors);
    if (changes.length > 0) c.elementChanges.push({ ident, changes });
  } else {
    errors.push(`${where}: only mode="delete" and mode="change" are supported (adding or replacing is not a restriction)`);
  }
}

function readClassSpec(el: XmlElement, c: Customisation, errors: string[]): void {
  const ident = el.attrs['ident'] ?? '';
  const mode = el.attrs['mode'] ?? 'add';
  const where = `<classSpec ident="${ident}" mode="${mode}">`;
  if (mode !== 'change' || el.attrs['type'] === 'model') {
    errors.push(`${where}: only attribute classes with mode="change" are supported`);
    return;
  }
  const changes = readSpecChanges(el, where, errors);
  if (changes.length > 0) c.classChanges.push({ ident, changes });
}

/** The attDefs of an elementSpec or classSpec in change mode. */
function readSpecChanges(spec: XmlElement, where: string, errors: string[]): AttributeChange[] {
  const changes: AttributeChange[] = [];
  for (const child of elementChildren(spec)) {
    if (DOCUMENTATION.has(child.local)) continue;
    if (child.local !== 'attList') {
      errors.push(`${where}: <${child.local}> is not supported (only <attList> with <attDef>)`);
      continue;
    }
    for (const attDef of elementChildren(child)) {
      if (attDef.local !== 'attDef') {
        errors.push(`${where}: <${attDef.local}> inside <attList> is not supported`);
        continue;
      }
      changes.push(...readAttDef(attDef, where, errors));
    }
  }
  return changes;
}

function readAttDef(attDef: XmlElement, where: string, errors: string[]): AttributeChange[] {
  const attribute = attDef.attrs['ident'] ?? '';
  const mode = attDef.attrs['mode'] ?? 'add';
  const here = `${where} <attDef ident="${attribute}" mode="${mode}">`;
  if (mode === 'delete') return [{ kind: 'delete', attribute }];
  if (mode !== 'change') {
    errors.push(`${here}: only mode="delete" and mode="change" are supported`);
    return [];
  }
  const changes: AttributeChange[] = [];
  const usage = attDef.attrs['usage'];
  if (usage === 'req') changes.push({ kind: 'require', attribute });
  else if (usage !== undefined) errors.push(`${here}: only usage="req" is supported (anything else could loosen the schema)`);
  for (const child of elementChildren(attDef)) {
    if (DOCUMENTATION.has(child.local)) continue;
    if (child.local !== 'valList') {
      errors.push(`${here}: <${child.local}> is not supported`);
      continue;
    }
    if (child.attrs['type'] !== 'closed') {
      // Open and semi-open lists are advice to editors; they do not change what validates.
      continue;
    }
    const values = elementChildren(child)
      .filter((item) => item.local === 'valItem')
      .map((item) => item.attrs['ident'] ?? '');
    if (values.length === 0) errors.push(`${here}: a closed <valList> needs at least one <valItem>`);
    else changes.push({ kind: 'closeValues', attribute, values });
  }
  if (changes.length === 0) errors.push(`${here}: changes nothing the generator understands`);
  return changes;
}
