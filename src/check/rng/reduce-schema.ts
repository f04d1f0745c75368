// A RelaxNG schema cut down to the elements the checked documents use, before libxml2 compiles it.
//
// Why: libxml2 turns the content model of every element it can reach into an automaton when it
// loads a schema; for tei_all (nearly 600 elements, most content models holding hundreds of
// them) that is nearly all of a run's time, while the documents of one run use a few dozen
// elements. The names of the elements in the checked documents are collected first, and the
// schema is cut down in two steps, each of which keeps every verdict and every message of
// libxml2 for those documents:
//
// 1. Stubs. Every `<element>` pattern whose name class can match none of those names keeps its
//    name class and gets `<notAllowed/>` as its content. It matched none of the documents'
//    elements before and matches none now; and because its name stays, every content model that
//    refers to it has the same automaton (one transition per element name) and the same choice
//    triage (by name) in libxml2, so each step of validation goes the same way. A stub's content
//    is looked at only once an element of its name is met, which never happens.
//
// 2. Pruning, inside the content models libxml2 validates with an automaton. libxml2 validates an
//    element's children with a compiled automaton when its content model can be compiled and the
//    automaton is deterministic; otherwise by derivation, trying the branches of each choice in
//    turn. Only the automaton's messages are independent of the branches it has ("Did not expect
//    element X there", "Expecting an element , got nothing", about the document's own elements),
//    so only there are branches removed: a choice branch or optional part that can only ever
//    reach stubs (no text, data or attribute in it) adds transitions no document element can
//    take, and the automaton without them accepts and refuses the same children at the same
//    place. Whether libxml2 compiles a content model is decided here as it decides: compilable
//    as in xmlRelaxNGIsCompileable, and deterministic as its automaton, which is at least as
//    deterministic as the Glushkov automaton of the content model (one state per element
//    occurrence, `oneOrMore(p)` expanded as `p, p*` as libxml2 does). When that cannot be shown,
//    the content model is written out whole, with stubs only: libxml2 then tries the same
//    branches in the same order and reports them alike. Defines that are pruned for one place
//    and whole for another are written twice, under two names.
//
// Unknowable cases are kept: name classes with `anyName`, an `nsName` whose namespace the
// documents use, a prefix that cannot be resolved, refs into other files. Attributes, datatypes,
// starts and includes are left exactly as they are. Annotations (elements in other namespaces) and
// comments are dropped, as libxml2 drops them itself before reading a schema; in a schema of one
// file, so are the defines the start no longer reaches (libxml2 would read them and never use them).
import path from 'node:path';
import type { XmlElement } from '../../read/tree.js';
import type { SchemaFile } from './schema-files.js';

export const RNG_NS = 'http://relaxng.org/ns/structure/1.0';
/** Names what this file makes of a schema, for the reduced-schema cache: change it with any change below. */
export const REDUCER_VERSION = 'reduce-2';
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
  /** `<element>` patterns written whole, and written as stubs (those nothing reaches are not written). */
  kept: number;
  stubbed: number;
  /** Kept elements whose content model was pruned (libxml2 validates it with an automaton). */
  compiled: number;
  /** Choice branches and optional parts left out because they could only reach stubs. */
  pruned: number;
}

/**
 * The schema files with every element pattern no used name can match turned into a stub, and
 * (unless `prune` is false) the parts of automaton-validated content models that can only lead to
 * stubs left out. `files` are the schema's files as collectSchemaFiles read them, main first;
 * `used` holds nameKey()s.
 */
export function reduceSchema(files: readonly SchemaFile[], used: ReadonlySet<string>, options: { prune?: boolean } = {}): Reduction {
  const namespacesUsed = new Set<string>();
  for (const key of used) namespacesUsed.add(key.slice(0, key.indexOf(' ')));
  const inherited = inheritedNamespaces(files);
  const totals = { kept: 0, stubbed: 0, compiled: 0, pruned: 0 };
  const out = files.map((f) => {
    const names: Names = { used, namespacesUsed, inherited: inherited.get(f.absolutePath) ?? new Set(['']) };
    // Only a schema of one file is written as its start reaches it: an included grammar's defines
    // are reached from another file.
    const writer = new Writer(f.root, names, options.prune !== false, files.length === 1);
    const text = `<?xml version="1.0" encoding="UTF-8"?>\n${writer.document()}\n`;
    for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += writer.counts[k];
    return { absolutePath: f.absolutePath, text };
  });
  return { files: out, ...totals };
}

interface Names {
  used: ReadonlySet<string>;
  namespacesUsed: ReadonlySet<string>;
  /** The `ns` values an unqualified name may inherit from outside its file (the referring include or externalRef). */
  inherited: ReadonlySet<string>;
}

const isRng = (e: XmlElement, local?: string): boolean => e.namespace === RNG_NS && (local === undefined || e.localName === local);
const attr = (e: XmlElement, name: string): string | undefined => e.attributes.find((a) => a.name === name && a.namespace === null)?.value;
/** The RelaxNG children of a schema element; asked for again and again while tei_all is looked through, so kept. */
const childrenOf = new WeakMap<XmlElement, XmlElement[]>();
function rngChildren(e: XmlElement): XmlElement[] {
  let children = childrenOf.get(e);
  if (children === undefined) {
    children = e.children.filter((c): c is XmlElement => c.kind === 'element' && c.namespace === RNG_NS);
    childrenOf.set(e, children);
  }
  return children;
}

/**
 * For each file, the `ns` values that apply where it is referenced: the in-scope `ns` of every
 * include or externalRef naming it (RelaxNG carries it over when the referenced grammar has none
 * of its own). Every candidate is kept, so a name counts as used if it is used in any of them.
 */
function inheritedNamespaces(files: readonly SchemaFile[]): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>();
  if (files.length === 0) return result;
  result.set(files[0]!.absolutePath, new Set(['']));
  if (files.length === 1) return result;
  // Each file's include and externalRef elements, found once.
  const references = new Map<string, { element: XmlElement; target: string }[]>();
  for (const f of files) {
    const found: { element: XmlElement; target: string }[] = [];
    const stack: XmlElement[] = [f.root];
    while (stack.length > 0) {
      const e = stack.pop()!;
      for (const c of e.children) if (c.kind === 'element') stack.push(c);
      if (!isRng(e) || (e.localName !== 'include' && e.localName !== 'externalRef')) continue;
      const href = attr(e, 'href');
      if (href === undefined) continue;
      try {
        found.push({ element: e, target: path.resolve(path.dirname(f.absolutePath), decodeURIComponent(href)) });
      } catch {
        // An href that is not a URI: collectSchemaFiles has refused the schema already.
      }
    }
    references.set(f.absolutePath, found);
  }
  // A file's candidates depend on those of the files that include it: repeat until nothing grows.
  for (let changed = true; changed; ) {
    changed = false;
    for (const f of files) {
      const own = result.get(f.absolutePath);
      if (!own) continue;
      for (const { element, target } of references.get(f.absolutePath)!) {
        const set = result.get(target) ?? new Set<string>();
        const before = set.size;
        for (const ns of namespacesInScope(element, own)) set.add(ns);
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

/** The names (as nameKey) a QName written at `e` may stand for; undefined when its prefix is unknown. */
function qnameKeys(qname: string, e: XmlElement, names: Names): string[] | undefined {
  const name = qname.trim();
  const colon = name.indexOf(':');
  if (colon >= 0) {
    const ns = prefixNamespace(e, name.slice(0, colon));
    return ns === undefined ? undefined : [nameKey(ns, name.slice(colon + 1))];
  }
  return [...namespacesInScope(e, names.inherited)].map((ns) => nameKey(ns, name));
}

/** Whether a name class may match an element the documents use; true whenever that cannot be ruled out. */
function nameClassMayMatch(nc: XmlElement, names: Names): boolean {
  if (!isRng(nc)) return true;
  switch (nc.localName) {
    case 'name': {
      const keys = qnameKeys(textOf(nc), nc, names);
      return keys === undefined || keys.some((k) => names.used.has(k));
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

const textOf = (e: XmlElement): string => e.children.map((c) => (c.kind === 'text' ? c.text : '')).join('');

/** Patterns whose children are a sequence (a group, when there are several). */
const SEQUENCE = new Set(['group', 'interleave', 'mixed', 'oneOrMore', 'zeroOrMore', 'optional', 'element', 'define', 'list']);
/** RelaxNG elements whose text is meaningful; elsewhere whitespace-only text is dropped, as libxml2 does. */
const TEXT_CONTENT = new Set(['value', 'param', 'name', 'nsName', 'anyName']);

/** How a pattern is written: whole (stubs only), or pruned for an automaton. */
type Way = 'whole' | 'pruned';

class Writer {
  readonly counts = { kept: 0, stubbed: 0, compiled: 0, pruned: 0 };
  private readonly stubs = new Map<XmlElement, boolean>();
  private readonly nothing = new Map<XmlElement, boolean>();
  private readonly attributes = new Map<XmlElement, boolean>();
  private readonly differs = new Map<XmlElement, boolean>();
  private readonly empties = new Map<XmlElement, boolean>();
  private readonly automaton = new Map<XmlElement, boolean>();
  /** Per question, the patterns being looked at: against cycles (a ref cycle without an element is not RelaxNG, but may be met). */
  private readonly busy = new Map<Map<XmlElement, boolean>, Set<XmlElement>>();
  /** Defines by name, when refs can be followed safely (one grammar, each name defined once). */
  private readonly defines = new Map<string, XmlElement>();
  private readonly targets = new Map<XmlElement, XmlElement | null>();
  private readonly atoms = new Map<XmlElement, string | undefined>();
  private readonly ids = new Map<XmlElement, number>();
  private readonly contentAnswers = new Map<string, boolean>();
  /** Pruned copies of defines: the define, and the name of its copy. */
  private readonly copies = new Map<XmlElement, string>();
  /** Whether defines are written as the start reaches them (see the constructor), and those asked for, whole. */
  private byDemand = false;
  private readonly wanted = new Set<XmlElement>();
  private readonly taken = new Set<string>();

  constructor(
    private readonly root: XmlElement,
    private readonly names: Names,
    private readonly prune: boolean,
    alone: boolean,
  ) {
    // Refs are followed only where their define is certain: a single grammar in this file, with
    // no include (whose defines could override or be combined) and each name defined once.
    const all: XmlElement[] = [];
    const stack: XmlElement[] = [root];
    let certain = isRng(root, 'grammar');
    while (stack.length > 0) {
      const e = stack.pop()!;
      if ((isRng(e, 'grammar') && e !== root) || isRng(e, 'include')) certain = false;
      if (isRng(e, 'define')) all.push(e);
      for (const c of e.children) if (c.kind === 'element') stack.push(c);
    }
    const count = new Map<string, number>();
    for (const d of all) {
      const name = attr(d, 'name')?.trim() ?? '';
      this.taken.add(name);
      count.set(name, (count.get(name) ?? 0) + 1);
    }
    if (!certain) return;
    for (const d of all) {
      const name = attr(d, 'name')?.trim();
      if (name !== undefined && count.get(name) === 1 && attr(d, 'combine') === undefined) this.defines.set(name, d);
    }
    // Defines directly in the grammar, each named once: only those reached from the start need be
    // written (a div would lend its ns and datatypeLibrary to its defines, so it keeps the file whole).
    this.byDemand = alone && this.defines.size === all.length && all.every((d) => d.parent === root) && rngChildren(root).some((c) => isRng(c, 'start'));
  }

  private memo(map: Map<XmlElement, boolean>, p: XmlElement, compute: () => boolean): boolean {
    const known = map.get(p);
    if (known !== undefined) return known;
    let busy = this.busy.get(map);
    if (!busy) this.busy.set(map, (busy = new Set()));
    if (busy.has(p)) return false;
    busy.add(p);
    let result: boolean;
    try {
      result = compute();
    } finally {
      busy.delete(p);
    }
    map.set(p, result);
    return result;
  }

  private target(ref: XmlElement): XmlElement | undefined {
    if (!isRng(ref, 'ref')) return undefined;
    let d = this.targets.get(ref);
    if (d === undefined) {
      d = this.defines.get(attr(ref, 'name')?.trim() ?? '') ?? null;
      this.targets.set(ref, d);
    }
    return d ?? undefined;
  }

  private idOf(e: XmlElement): number {
    let id = this.ids.get(e);
    if (id === undefined) this.ids.set(e, (id = this.ids.size));
    return id;
  }

  /** An element pattern no used name can match. */
  private isStub(e: XmlElement): boolean {
    let stub = this.stubs.get(e);
    if (stub === undefined) {
      const name = attr(e, 'name');
      if (name !== undefined) {
        const keys = qnameKeys(name, e, this.names);
        stub = keys !== undefined && !keys.some((k) => this.names.used.has(k));
      } else {
        const nc = rngChildren(e)[0];
        stub = nc !== undefined && !nameClassMayMatch(nc, this.names);
      }
      this.stubs.set(e, stub);
    }
    return stub;
  }

  /**
   * Whether a pattern can only ever reach stubs: it matches nothing in these documents, holds no
   * text, data or value, and declares no attribute. A kept element is never such a pattern.
   */
  private onlyStubs(p: XmlElement): boolean {
    return this.memo(this.nothing, p, () => {
      switch (isRng(p) ? p.localName : '') {
        case 'element':
          return this.isStub(p);
        case 'ref': {
          const d = this.target(p);
          return d !== undefined && this.sequenceOnlyStubs(d);
        }
        case 'choice': {
          const branches = rngChildren(p);
          return branches.length > 0 && branches.every((c) => this.onlyStubs(c));
        }
        case 'group':
        case 'oneOrMore':
          return this.sequenceOnlyStubs(p);
        default:
          // Anything else may match text, an attribute or the empty sequence: it stays.
          return false;
      }
    });
  }

  /** A sequence needing a stub, whose other parts can only be empty or stubs. */
  private sequenceOnlyStubs(p: XmlElement): boolean {
    const parts = rngChildren(p);
    return parts.some((c) => this.onlyStubs(c)) && parts.every((c) => this.onlyStubs(c) || this.onlyEmpty(c) || isRng(c, 'empty'));
  }

  /**
   * Whether a pattern can only match the empty sequence once the parts that need stubs are gone
   * (an optional stub, a group of such): it is left out of a sequence, and is <empty/> in a choice.
   */
  private onlyEmpty(p: XmlElement): boolean {
    return this.memo(this.empties, p, () => {
      if (!isRng(p)) return false;
      if (p.localName === 'ref') {
        const d = this.target(p);
        return d !== undefined && this.onlyEmpty(d);
      }
      if (!['optional', 'zeroOrMore', 'group', 'oneOrMore', 'choice', 'define'].includes(p.localName)) return false;
      const parts = rngChildren(p);
      const stubs = parts.filter((c) => this.onlyStubs(c)).length;
      const empties = parts.filter((c) => !this.onlyStubs(c) && this.onlyEmpty(c)).length;
      const literal = parts.filter((c) => isRng(c, 'empty')).length;
      if (stubs + empties + literal !== parts.length || stubs + empties === 0) return false;
      switch (p.localName) {
        case 'optional':
        case 'zeroOrMore':
          return true;
        case 'group':
        case 'oneOrMore':
          return stubs === 0;
        case 'choice':
          return empties + literal > 0;
        default: // define
          return stubs === 0;
      }
    });
  }

  /** Whether a content item declares attributes only, as libxml2 moves such items out of the content (xmlRelaxNGGenerateAttributes). */
  private attributesOnly(p: XmlElement): boolean {
    return this.memo(this.attributes, p, () => {
      if (!isRng(p)) return false;
      switch (p.localName) {
        case 'attribute':
          return true;
        case 'ref': {
          const d = this.target(p);
          return d !== undefined && rngChildren(d).every((c) => this.attributesOnly(c));
        }
        case 'choice':
        case 'group':
        case 'oneOrMore':
        case 'zeroOrMore':
        case 'optional':
          return rngChildren(p).every((c) => this.attributesOnly(c));
        default:
          return false;
      }
    });
  }

  /** Whether libxml2 surely validates this (kept) element's children with a compiled automaton. */
  private validatedByAutomaton(e: XmlElement): boolean {
    return this.memo(this.automaton, e, () => {
      const items = contentOf(e).filter((c) => !this.attributesOnly(c));
      // Many elements have the same content (a ref to one macro): the answer is the same.
      const key = items.map((c) => (isRng(c, 'empty') ? 'e' : this.idOf(this.target(c) ?? c))).join(',');
      let answer = this.contentAnswers.get(key);
      if (answer === undefined) this.contentAnswers.set(key, (answer = new Expression(this).deterministic(items)));
      return answer;
    });
  }

  /** Whether pruning changes how a pattern is written (never across a kept element). */
  private changesWhenPruned(p: XmlElement): boolean {
    return this.memo(this.differs, p, () => {
      if (!isRng(p)) return false;
      if (p.localName === 'element' || p.localName === 'attribute') return false;
      if (p.localName === 'ref') {
        const d = this.target(p);
        return d !== undefined && this.changesWhenPruned(d);
      }
      const children = rngChildren(p);
      if (p.localName === 'choice' && !this.onlyStubs(p) && children.some((c) => this.onlyStubs(c) || this.onlyEmpty(c))) return true;
      if (SEQUENCE.has(p.localName) && children.some((c) => this.onlyEmpty(c))) return true;
      if (p.localName === 'group' && children.some((c) => isRng(c, 'empty'))) return true;
      return children.some((c) => this.changesWhenPruned(c));
    });
  }

  /**
   * The schema file, with the pruned copies of defines added to its grammar. Where refs can be
   * followed, only what the start reaches is written: libxml2 would read the rest and never use it.
   */
  document(): string {
    if (!this.byDemand) {
      const body = this.write(this.root, 'whole');
      return body.slice(0, body.lastIndexOf('</')) + this.pending() + body.slice(body.lastIndexOf('</'));
    }
    let out = startTag(this.root);
    for (const c of rngChildren(this.root)) if (!isRng(c, 'define')) out += this.write(c, 'whole');
    out += this.pending();
    return `${out}</${this.root.name}>`;
  }

  /** The defines asked for and not yet written, whole or as pruned copies, until no new one is asked for. */
  private pending(): string {
    let out = '';
    const written = new Set<string>();
    for (let again = true; again; ) {
      again = false;
      for (const d of [...this.wanted]) {
        if (written.has(`whole ${this.idOf(d)}`)) continue;
        written.add(`whole ${this.idOf(d)}`);
        again = true;
        out += this.write(d, 'whole');
      }
      for (const [d, name] of [...this.copies]) {
        if (written.has(`pruned ${this.idOf(d)}`)) continue;
        written.add(`pruned ${this.idOf(d)}`);
        again = true;
        out += this.writeChildren(d, 'pruned', startTag(d, { name }), d.name);
      }
    }
    return out;
  }

  private copyName(d: XmlElement): string {
    let name = this.copies.get(d);
    if (name === undefined) {
      const base = `${attr(d, 'name')!.trim()}.pruned`;
      name = base;
      for (let i = 2; this.taken.has(name); i++) name = `${base}-${i}`;
      this.taken.add(name);
      this.copies.set(d, name);
    }
    return name;
  }

  private write(e: XmlElement, way: Way): string {
    if (isRng(e, 'element')) {
      if (this.isStub(e)) {
        this.counts.stubbed++;
        // The name class stays (attribute or first child); the content becomes <notAllowed/>,
        // written with the element's own prefix so that it is in the RelaxNG namespace.
        const nameClass = attr(e, 'name') === undefined ? rngChildren(e)[0] : undefined;
        return `${startTag(e)}${nameClass ? this.write(nameClass, 'whole') : ''}<${prefixOf(e)}notAllowed/></${e.name}>`;
      }
      this.counts.kept++;
      // The element's children are validated on their own terms, whatever the way of its parent.
      const compiled = this.prune && this.validatedByAutomaton(e);
      if (compiled) this.counts.compiled++;
      return this.writeChildren(e, compiled ? 'pruned' : 'whole', startTag(e), e.name);
    }
    if (isRng(e, 'ref')) {
      const d = this.target(e);
      if (d !== undefined && way === 'pruned' && this.changesWhenPruned(d)) return startTag(e, { name: this.copyName(d) }, true);
      if (d !== undefined && this.byDemand) this.wanted.add(d);
    }
    return this.writeChildren(e, way, startTag(e), e.name);
  }

  private writeChildren(e: XmlElement, way: Way, open: string, close: string): string {
    const local = isRng(e) ? e.localName : '';
    const choice = way === 'pruned' && local === 'choice' && !this.onlyStubs(e);
    const group = way === 'pruned' && local === 'group';
    const sequence = way === 'pruned' && SEQUENCE.has(local);
    const keepText = isRng(e) && TEXT_CONTENT.has(local);
    // An element's name class is not a pattern: it is written as it is.
    const nameClass = local === 'element' && attr(e, 'name') === undefined ? rngChildren(e)[0] : undefined;
    let head = '';
    const parts: string[] = [];
    let emptyBranch = false;
    for (const c of e.children) {
      if (c.kind === 'text') {
        if (keepText || c.text.trim() !== '') parts.push(escapeText(c.text));
        continue;
      }
      if (c.kind !== 'element' || c.namespace !== RNG_NS) continue;
      if (c === nameClass) {
        head = this.write(c, 'whole');
        continue;
      }
      if (choice && this.onlyStubs(c)) {
        this.counts.pruned++;
        continue;
      }
      if ((choice || sequence) && this.onlyEmpty(c)) {
        this.counts.pruned++;
        // The empty sequence: nothing in a sequence, one <empty/> in a choice.
        if (choice && !emptyBranch) parts.push(`<${prefixOf(c)}empty/>`);
        emptyBranch ||= choice;
        continue;
      }
      // libxml2 drops <empty/> from a group and then replaces a group of one by its part, and its
      // code for that goes wrong inside a recursive element (it never ends). A pruned group is
      // written as libxml2 would leave it, so it has nothing of the kind left to do.
      if (group && isRng(c, 'empty')) continue;
      const written = this.write(c, way);
      if (group && /^<(?:[^\s:<>]+:)?empty\/>$/.test(written)) continue;
      parts.push(written);
    }
    if ((choice || group) && parts.length === 1) return parts[0]!;
    if (sequence && parts.length === 0) parts.push(`<${prefixOf(e)}empty/>`);
    if (group && parts.length === 0) return `<${prefixOf(e)}empty/>`;
    const body = head + parts.join('');
    return body === '' ? `${open.slice(0, -1)}/>` : `${open}${body}</${close}>`;
  }

  /** For Expression: a ref's define, when certain. */
  defineOf(ref: XmlElement): XmlElement | undefined {
    return this.target(ref);
  }

  /** For Expression: the atom libxml2 gives a named element (`name|ns`), or undefined for another name class. */
  atomOf(e: XmlElement): string | undefined {
    if (this.atoms.has(e)) return this.atoms.get(e);
    const atom = this.computeAtom(e);
    this.atoms.set(e, atom);
    return atom;
  }

  private computeAtom(e: XmlElement): string | undefined {
    let qname = attr(e, 'name');
    let at = e;
    if (qname === undefined) {
      const nc = rngChildren(e)[0];
      if (!nc || !isRng(nc, 'name')) return undefined;
      qname = textOf(nc);
      at = nc;
    }
    const keys = qnameKeys(qname, at, this.names);
    if (keys === undefined || keys.length !== 1) return undefined;
    const key = keys[0]!;
    const space = key.indexOf(' ');
    return `${key.slice(space + 1)}|${key.slice(0, space)}`;
  }
}

/** An element's content: its patterns, without its name class. */
function contentOf(e: XmlElement): XmlElement[] {
  const children = rngChildren(e);
  return attr(e, 'name') === undefined ? children.slice(1) : children;
}

const prefixOf = (e: XmlElement): string => (e.name.includes(':') ? e.name.slice(0, e.name.indexOf(':') + 1) : '');

function startTag(e: XmlElement, replace: Record<string, string> = {}, empty = false): string {
  let s = `<${e.name}`;
  for (const a of e.attributes) s += ` ${a.name}="${escapeAttribute(replace[a.name] ?? a.value)}"`;
  return s + (empty ? '/>' : '>');
}

const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
const escapeAttribute = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');

// The content model as libxml2's automaton sees it (xmlRelaxNGCompile): refs followed, each
// element occurrence a position labelled with its atom, text a position looping on itself,
// `oneOrMore(p)` built as `p` then `p*` from two copies. Its Glushkov automaton (a state per
// position) is deterministic when no first set and no follow set holds two positions with the
// same label; libxml2's automaton has the same transitions and may only merge states, so it is
// then deterministic too. Walked once per element, allocating little: tei_all's content models
// reach a few hundred positions each.

/** A first or follow set: label → position. */
type Positions = Map<string, number>;

interface Walked {
  first: Positions;
  /** Positions that may end the pattern; the array belongs to whoever received it. */
  last: number[];
  nullable: boolean;
}

const NOTHING: Positions = new Map();

class Expression {
  private next = 0;
  /** Per position, the sets that follow it (their union is its follow set). */
  private readonly follows: Positions[][] = [];

  constructor(private readonly writer: Writer) {}

  /** Whether a sequence of content items (an element's content) is compilable and deterministic. */
  deterministic(items: readonly XmlElement[]): boolean {
    if (this.sequence(items, 0) === undefined) return false;
    const checked = new Map<string, boolean>();
    const ids = new Map<Positions, number>();
    for (const sets of this.follows) {
      if (sets.length < 2) continue; // each set was checked when it was made
      let key = '';
      for (const s of sets) {
        let id = ids.get(s);
        if (id === undefined) ids.set(s, (id = ids.size));
        key += `${id},`;
      }
      let ok = checked.get(key);
      if (ok === undefined) checked.set(key, (ok = union(sets) !== undefined));
      if (!ok) return false;
    }
    return true;
  }

  private position(atom: string): Walked {
    const id = this.next++;
    this.follows.push([]);
    return { first: new Map([[atom, id]]), last: [id], nullable: false };
  }

  private sequence(parts: readonly XmlElement[], depth: number): Walked | undefined {
    let first = NOTHING;
    let last: number[] = [];
    let nullable = true;
    for (const part of parts) {
      const r = this.visit(part, depth + 1);
      if (r === undefined) return undefined;
      if (r.first.size > 0) for (const p of last) this.follows[p]!.push(r.first);
      if (nullable) {
        const merged = union([first, r.first]);
        if (merged === undefined) return undefined;
        first = merged;
      }
      if (r.nullable) for (const p of r.last) last.push(p);
      else last = r.last;
      nullable &&= r.nullable;
    }
    return { first, last, nullable };
  }

  /** The pattern walked, or undefined when libxml2 would not compile it (or this cannot tell). */
  private visit(p: XmlElement, depth: number): Walked | undefined {
    if (depth > 200 || this.next > 200_000) return undefined;
    switch (p.localName) {
      case 'element': {
        const atom = this.writer.atomOf(p);
        return atom === undefined ? undefined : this.position(atom);
      }
      case 'text': {
        const t = this.position('#text');
        this.follows[t.last[0]!]!.push(t.first);
        return { ...t, nullable: true };
      }
      case 'empty':
        return { first: NOTHING, last: [], nullable: true };
      case 'ref': {
        const d = this.writer.defineOf(p);
        return d === undefined ? undefined : this.sequence(rngChildren(d), depth);
      }
      case 'group':
        return this.sequence(rngChildren(p), depth);
      case 'choice': {
        const branches = rngChildren(p);
        if (branches.length === 0) return undefined;
        const firsts: Positions[] = [];
        const last: number[] = [];
        let nullable = false;
        for (const b of branches) {
          const r = this.visit(b, depth + 1);
          if (r === undefined) return undefined;
          firsts.push(r.first);
          for (const x of r.last) last.push(x);
          nullable ||= r.nullable;
        }
        const first = union(firsts);
        return first === undefined ? undefined : { first, last, nullable };
      }
      case 'optional': {
        const r = this.sequence(rngChildren(p), depth);
        if (r !== undefined) r.nullable = true;
        return r;
      }
      case 'zeroOrMore':
        return this.star(rngChildren(p), depth);
      case 'oneOrMore': {
        // Two copies, as libxml2 builds it: p, then p*.
        const once = this.sequence(rngChildren(p), depth);
        const again = once && this.star(rngChildren(p), depth);
        if (once === undefined || again === undefined) return undefined;
        for (const x of once.last) this.follows[x]!.push(again.first);
        const first = once.nullable ? union([once.first, again.first]) : once.first;
        if (first === undefined) return undefined;
        const last = [...once.last, ...again.last]; // p* may be empty
        return { first, last, nullable: once.nullable };
      }
      default:
        // attribute, data, value, list, interleave, mixed, notAllowed, parentRef, externalRef, grammar:
        // libxml2 compiles none of them (or this code does not follow them).
        return undefined;
    }
  }

  private star(parts: readonly XmlElement[], depth: number): Walked | undefined {
    const r = this.sequence(parts, depth);
    if (r === undefined) return undefined;
    if (r.first.size > 0) for (const x of r.last) this.follows[x]!.push(r.first);
    r.nullable = true;
    return r;
  }
}

/** The union of position sets, or undefined when one label stands for two positions. */
function union(sets: readonly Positions[]): Positions | undefined {
  let only: Positions | undefined;
  let count = 0;
  for (const s of sets) if (s.size > 0) (only = s), count++;
  if (count <= 1) return only ?? NOTHING;
  const out: Positions = new Map();
  for (const s of sets) {
    for (const [atom, id] of s) {
      const seen = out.get(atom);
      if (seen !== undefined && seen !== id) return undefined;
      out.set(atom, id);
    }
  }
  return out;
}
