// A RelaxNG schema cut down to the elements the checked documents use, before libxml2 compiles it.
// (See the long comment at the end of this file for why it changes no verdict and no message.)
import path from 'node:path';
import type { XmlElement } from '../../read/tree.js';
import type { SchemaFile } from './schema-files.js';

export const RNG_NS = 'http://relaxng.org/ns/structure/1.0';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** An element name as a set key: namespace URI, a space, local name. */
export const nameKey = (namespace: string | null, localName: string): string => `${namespace ?? ''} ${localName}`;

/** Adds the name of every element in the tree to `into`. */
export function collectElementNames(root: XmlElement, into: Set<string>): Set<string> {
  const stack: XmlElement[] = [root];
  while (stack.length > 0) {
    const e = stack.pop()!;
    into.add(nameKey(e.namespace, e.localName));
    for (const c of e.children) if (c.kind === 'element') stack.push(c);
  }
  return into;
}

export interface ReducedFile {
  absolutePath: string;
  text: string;
}

export interface Reduction {
  files: ReducedFile[];
  /** `<element>` patterns kept whole, and turned into stubs. */
  kept: number;
  stubbed: number;
  /** Choice branches and optional parts left out because they could only hold stubs. */
  pruned: number;
}

export type ReduceMode = 'stubs' | 'prune';

/**
 * The schema files with every element pattern no used name can match turned into a stub, and
 * (mode `prune`, the default) the choice branches that can only lead to stubs left out.
 * `files` are the schema's files as collectSchemaFiles read them (each with its tree), main first.
 */
export function reduceSchema(files: readonly SchemaFile[], used: ReadonlySet<string>, mode: ReduceMode = 'prune'): Reduction {
  const namespacesUsed = new Set<string>();
  for (const key of used) namespacesUsed.add(key.slice(0, key.indexOf(' ')));
  const inherited = inheritedNamespaces(files);
  const counts = { kept: 0, stubbed: 0, pruned: 0 };
  const out = files.map((f) => {
    const analysis = new Analysis(f.root, { used, namespacesUsed, inherited: inherited.get(f.absolutePath) ?? new Set(['']) }, mode === 'prune');
    const text = `<?xml version="1.0" encoding="UTF-8"?>\n${analysis.serialise(f.root)}\n`;
    counts.kept += analysis.kept;
    counts.stubbed += analysis.stubbed;
    counts.pruned += analysis.pruned;
    return { absolutePath: f.absolutePath, text };
  });
  return { files: out, ...counts };
}

interface Names {
  used: ReadonlySet<string>;
  namespacesUsed: ReadonlySet<string>;
  /** The `ns` values an unqualified name may inherit from outside its file (the referring include or externalRef). */
  inherited: ReadonlySet<string>;
}

const isRng = (e: XmlElement, local?: string): boolean => e.namespace === RNG_NS && (local === undefined || e.localName === local);
const attr = (e: XmlElement, name: string): string | undefined => e.attributes.find((a) => a.name === name && a.namespace === null)?.value;
const rngChildren = (e: XmlElement): XmlElement[] => e.children.filter((c): c is XmlElement => c.kind === 'element' && c.namespace === RNG_NS);

/**
 * For each file, the `ns` values that apply where it is referenced: the in-scope `ns` of every
 * include or externalRef naming it (RelaxNG carries it over when the referenced grammar has none
 * of its own). Every candidate is kept, so a name counts as used if it is used in any of them.
 */
function inheritedNamespaces(files: readonly SchemaFile[]): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>();
  if (files.length === 0) return result;
  result.set(files[0]!.absolutePath, new Set(['']));
  // A file's candidates depend on those of the files that include it: repeat until nothing grows.
  for (let changed = true; changed; ) {
    changed = false;
    for (const f of files) {
      const own = result.get(f.absolutePath);
      if (!own) continue;
      const stack: XmlElement[] = [f.root];
      while (stack.length > 0) {
        const e = stack.pop()!;
        for (const c of e.children) if (c.kind === 'element') stack.push(c);
        if (!isRng(e) || (e.localName !== 'include' && e.localName !== 'externalRef')) continue;
        const href = attr(e, 'href');
        if (href === undefined) continue;
        let target: string;
        try {
          target = path.resolve(path.dirname(f.absolutePath), decodeURIComponent(href));
        } catch {
          continue;
        }
        const set = result.get(target) ?? new Set<string>();
        const before = set.size;
        for (const ns of namespacesInScope(e, own)) set.add(ns);
        // Whether the referring element's ancestors lend their ns is read differently by
        // validators: the empty namespace is a candidate too.
        set.add('');
        result.set(target, set);
        if (set.size !== before) changed = true;
      }
    }
  }
  return result;
}

/** The `ns` an unqualified name at `e` gets: the nearest `ns` attribute, else what the file inherits. */
function namespacesInScope(e: XmlElement, inherited: ReadonlySet<string>): ReadonlySet<string> {
  for (let at: XmlElement | null = e; at; at = at.parent) {
    const ns = attr(at, 'ns');
    if (ns !== undefined) return new Set([ns]);
  }
  return inherited;
}

/** The namespace bound to `prefix` at `e`, or undefined when none is declared. */
function prefixNamespace(e: XmlElement, prefix: string): string | undefined {
  if (prefix === 'xml') return 'http://www.w3.org/XML/1998/namespace';
  for (let at: XmlElement | null = e; at; at = at.parent) {
    for (const a of at.attributes) if (a.namespace === XMLNS_NS && a.localName === prefix) return a.value;
  }
  return undefined;
}

/** Whether the QName `qname`, written at `e`, may name an element the documents use. */
function qnameMayMatch(qname: string, e: XmlElement, names: Names): boolean {
  const name = qname.trim();
  const colon = name.indexOf(':');
  if (colon >= 0) {
    const ns = prefixNamespace(e, name.slice(0, colon));
    return ns === undefined || names.used.has(nameKey(ns, name.slice(colon + 1)));
  }
  for (const ns of namespacesInScope(e, names.inherited)) if (names.used.has(nameKey(ns, name))) return true;
  return false;
}

/** Whether a name class may match an element the documents use; true whenever that cannot be ruled out. */
function nameClassMayMatch(nc: XmlElement, names: Names): boolean {
  if (!isRng(nc)) return true;
  switch (nc.localName) {
    case 'name': {
      const text = nc.children.map((c) => (c.kind === 'text' ? c.text : '')).join('');
      return qnameMayMatch(text, nc, names);
    }
    case 'choice':
      return rngChildren(nc).some((c) => nameClassMayMatch(c, names));
    case 'nsName':
      // Its except clause is ignored: keeping too much is safe.
      for (const ns of namespacesInScope(nc, names.inherited)) if (names.namespacesUsed.has(ns)) return true;
      return false;
    default:
      return true; // anyName, or something this code does not know
  }
}

/** Whether an `<element>` pattern may match an element the documents use. */
function elementMayMatch(e: XmlElement, names: Names): boolean {
  const name = attr(e, 'name');
  if (name !== undefined) return qnameMayMatch(name, e, names);
  const nc = rngChildren(e)[0];
  return nc === undefined || nameClassMayMatch(nc, names);
}

/** Patterns whose children are a sequence (a group, when there are several). */
const SEQUENCE = new Set(['group', 'interleave', 'mixed', 'oneOrMore', 'zeroOrMore', 'optional', 'element', 'define', 'list']);
/** RelaxNG elements whose text is meaningful; elsewhere whitespace-only text is dropped, as libxml2 does. */
const TEXT_CONTENT = new Set(['value', 'param', 'name', 'nsName', 'anyName']);

class Analysis {
  kept = 0;
  stubbed = 0;
  pruned = 0;
  private readonly stubs = new Map<XmlElement, boolean>();
  private readonly noMatch = new Map<XmlElement, boolean>();
  private readonly attributes = new Map<XmlElement, boolean>();
  /** Patterns being looked at, against cycles (a ref cycle without an element is not RelaxNG, but may be met). */
  private readonly inProgress = new Set<XmlElement>();
  private readonly attributesInProgress = new Set<XmlElement>();
  /** Defines by name, when refs can be followed safely (one grammar, each name defined once). */
  private readonly defines = new Map<string, XmlElement>();

  constructor(
    root: XmlElement,
    private readonly names: Names,
    private readonly prune: boolean,
  ) {
    if (!prune) return;
    // Refs are followed only where their define is certain: a single grammar in this file, with no
    // include (whose defines could override or be combined) and each name defined once.
    const all: XmlElement[] = [];
    const stack: XmlElement[] = [root];
    let nested = false;
    while (stack.length > 0) {
      const e = stack.pop()!;
      if (isRng(e, 'grammar') && e !== root) nested = true;
      if (isRng(e, 'include')) nested = true;
      if (isRng(e, 'define')) all.push(e);
      for (const c of e.children) if (c.kind === 'element') stack.push(c);
    }
    if (nested || !isRng(root, 'grammar')) return;
    const count = new Map<string, number>();
    for (const d of all) count.set(attr(d, 'name') ?? '', (count.get(attr(d, 'name') ?? '') ?? 0) + 1);
    for (const d of all) {
      const name = attr(d, 'name');
      if (name !== undefined && count.get(name) === 1 && attr(d, 'combine') === undefined) this.defines.set(name, d);
    }
  }

  /** An element pattern no used name can match. */
  private isStub(e: XmlElement): boolean {
    let stub = this.stubs.get(e);
    if (stub === undefined) {
      stub = !elementMayMatch(e, this.names);
      this.stubs.set(e, stub);
    }
    return stub;
  }

  /**
   * Whether a pattern can match nothing in these documents because every way through it needs a
   * stub, and leaving it out removes no attribute. A kept element is never such a pattern, whatever
   * its content: that is where the documents' own errors are reported.
   */
  private matchesNothing(p: XmlElement): boolean {
    if (!isRng(p)) return false;
    const known = this.noMatch.get(p);
    if (known !== undefined) return known;
    if (this.inProgress.has(p)) return false;
    this.inProgress.add(p);
    let result: boolean;
    switch (p.localName) {
      case 'element':
        result = this.isStub(p);
        break;
      case 'notAllowed':
        result = true;
        break;
      case 'ref': {
        const d = this.defines.get(attr(p, 'name') ?? '');
        result = d !== undefined && this.sequenceMatchesNothing(d);
        break;
      }
      case 'choice': {
        const branches = rngChildren(p);
        result = branches.length > 0 && branches.every((c) => this.matchesNothing(c));
        break;
      }
      case 'group':
      case 'interleave':
      case 'mixed':
      case 'oneOrMore':
      case 'list':
        result = this.sequenceMatchesNothing(p);
        break;
      default:
        // optional and zeroOrMore match the empty sequence; attribute, text, data, value, empty,
        // parentRef, externalRef, grammar are left as they are.
        result = false;
    }
    this.inProgress.delete(p);
    this.noMatch.set(p, result);
    return result;
  }

  private sequenceMatchesNothing(p: XmlElement): boolean {
    return rngChildren(p).some((c) => this.matchesNothing(c)) && !this.declaresAttributes(p);
  }

  /** Whether an optional or zeroOrMore can only match the empty sequence: its content needs a stub. */
  private onlyEmpty(p: XmlElement): boolean {
    return isRng(p) && (p.localName === 'optional' || p.localName === 'zeroOrMore') && this.sequenceMatchesNothing(p);
  }

  /** Whether a pattern declares an attribute, itself or through its refs (not inside elements). */
  private declaresAttributes(p: XmlElement): boolean {
    const known = this.attributes.get(p);
    if (known !== undefined) return known;
    if (this.attributesInProgress.has(p)) return false;
    this.attributesInProgress.add(p);
    let result = false;
    if (isRng(p, 'attribute')) result = true;
    else if (isRng(p, 'ref')) {
      const d = this.defines.get(attr(p, 'name') ?? '');
      // A ref whose define is not certain may declare anything.
      result = d === undefined || this.declaresAttributes(d);
    } else if (isRng(p, 'parentRef') || isRng(p, 'externalRef') || isRng(p, 'grammar')) result = true;
    else if (!isRng(p, 'element')) result = rngChildren(p).some((c) => this.declaresAttributes(c));
    this.attributesInProgress.delete(p);
    this.attributes.set(p, result);
    return result;
  }

  serialise(e: XmlElement): string {
    if (isRng(e, 'element')) {
      if (this.isStub(e)) {
        this.stubbed++;
        // The name class stays (attribute or first child); the content becomes <notAllowed/>,
        // written with the element's own prefix so it is in the RelaxNG namespace.
        const prefix = e.name.includes(':') ? e.name.slice(0, e.name.indexOf(':') + 1) : '';
        const nameClass = attr(e, 'name') === undefined ? rngChildren(e)[0] : undefined;
        return `${startTag(e)}${nameClass ? this.serialise(nameClass) : ''}<${prefix}notAllowed/></${e.name}>`;
      }
      this.kept++;
    }
    const local = isRng(e) ? e.localName : '';
    const isChoice = this.prune && local === 'choice' && !this.matchesNothing(e);
    const isSequence = this.prune && SEQUENCE.has(local);
    let body = '';
    let patterns = 0;
    const keepText = isRng(e) && TEXT_CONTENT.has(e.localName);
    const children = isRng(e, 'element') && attr(e, 'name') === undefined ? rngChildren(e).slice(1) : e.children;
    if (isRng(e, 'element') && attr(e, 'name') === undefined && rngChildren(e)[0]) body += this.serialise(rngChildren(e)[0]!);
    for (const c of children) {
      if (c.kind === 'text') {
        if (keepText || c.text.trim() !== '') body += escapeText(c.text);
        continue;
      }
      if (c.kind !== 'element' || c.namespace !== RNG_NS) continue;
      if (isChoice && this.matchesNothing(c)) {
        this.pruned++;
        continue;
      }
      if ((isChoice || isSequence) && this.onlyEmpty(c)) {
        this.pruned++;
        // In a sequence it is the empty sequence, so it goes; a choice keeps it as <empty/>.
        if (isChoice) {
          body += `<${prefixOf(c)}empty/>`;
          patterns++;
        }
        continue;
      }
      body += this.serialise(c);
      patterns++;
    }
    if (isSequence && patterns === 0 && !keepText) body += `<${prefixOf(e)}empty/>`;
    return body === '' ? startTag(e, true) : `${startTag(e)}${body}</${e.name}>`;
  }
}

const prefixOf = (e: XmlElement): string => (e.name.includes(':') ? e.name.slice(0, e.name.indexOf(':') + 1) : '');

function startTag(e: XmlElement, empty = false): string {
  let s = `<${e.name}`;
  for (const a of e.attributes) s += ` ${a.name}="${escapeAttribute(a.value)}"`;
  return s + (empty ? '/>' : '>');
}

const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
const escapeAttribute = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
