// Large documents in several content documents. Reading systems lay out a whole content document at
// once, and some refuse or stall on big ones (calibre splits above 260 KB because Adobe's RMSDK, behind
// many readers, would not open larger files; epubcheck needs minutes for a 6 MB document). A document
// whose XHTML would exceed the limit is cut at its divisions (the TEI divs), deeper only where one
// division is itself too large, into parts read one after another; a division too large that holds no
// divisions (an index that is one long list) is cut between its blocks as a last resort, never inside a
// paragraph. Each part takes the notes its text refers to, with the numbers the transform gave them;
// every id stays in one part, so links into the document can be sent to the part that now holds their
// target (see redirectIntoParts).
import path from 'node:path';
import type { TocEntry } from './content.js';
import { elements, hasClass, idsUnder, rewrite, serialise, type Element, type Node } from './dom.js';
import { relativeHref } from './links.js';

/** Parts are cut to stay under this many bytes of XHTML: below calibre's 260 KB, for the same readers. */
export const PART_LIMIT = 256 * 1024;

export function sizeOf(nodes: readonly Node[]): number {
  return Buffer.byteLength(serialise(nodes), 'utf8');
}

type Sizer = (nodes: readonly Node[]) => number;

/**
 * sizeOf with each element's size remembered, for cutting one text: the same elements are weighed at
 * every level the cutting goes down, and are not changed while it does.
 */
function sizer(): Sizer {
  const memo = new WeakMap<Element, number>();
  const one = (n: Node): number => {
    if (n.kind === 'text') return Buffer.byteLength(serialise([n]), 'utf8');
    let size = memo.get(n);
    if (size === undefined) {
      size = Buffer.byteLength(serialise([{ ...n, children: [] }]), 'utf8') + n.children.reduce((t, c) => t + one(c), 0);
      memo.set(n, size);
    }
    return size;
  };
  return (nodes) => nodes.reduce((t, n) => t + one(n), 0);
}

/** A TEI division in the text: the transform makes each div a section of class "div". */
export function isDivision(n: Node): boolean {
  return n.kind === 'element' && n.name === 'section' && hasClass(n, 'div');
}

/**
 * The divs around divisions (TEI front, body and back; the reading of a witness): never listed, always
 * opened, so the divisions inside them are where parts may begin.
 */
function isWrapper(n: Node): boolean {
  if (n.kind !== 'element' || n.name !== 'div') return false;
  for (const e of elements(n.children)) if (isDivision(e)) return true;
  return false;
}

function holdsDivisions(e: Element): boolean {
  return e.children.some((c) => isDivision(c) || isWrapper(c));
}

/** Containers that may be cut between their children when nothing better is left: sections, divs, quotations, lists. */
const BLOCK_CONTAINERS = new Set(['section', 'div', 'blockquote', 'ul', 'ol']);

function cutBetweenBlocks(e: Element): boolean {
  return BLOCK_CONTAINERS.has(e.name) && e.children.filter((c) => c.kind === 'element').length > 1;
}

/** What may stand at the head of a division's run without being cut from it: headings, page breaks, white space. */
function isLead(n: Node): boolean {
  if (n.kind === 'text') return n.text.trim() === '';
  return /^h[1-6]$/.test(n.name) || hasClass(n, 'pb') || n.attrs.get('epub:type') === 'pagebreak';
}

export interface Leaf {
  node: Node;
  /** The elements it stands in, outermost first (they are repeated, without ids, in later parts). */
  ancestors: Element[];
  /** A part may begin here: a division, or a block of a container too large to keep whole. */
  cut: boolean;
}

/**
 * The text as a sequence of pieces no part boundary cuts: divisions that fit, whatever is not a
 * division, and the blocks of a division too large that holds no divisions.
 */
export function leavesOf(nodes: readonly Node[], limit: number, size: (nodes: readonly Node[]) => number = sizeOf, ancestors: Element[] = [], blocks = false): Leaf[] {
  const out: Leaf[] = [];
  for (const n of nodes) {
    if (n.kind === 'element') {
      const inside = [...ancestors, n];
      if (isWrapper(n)) {
        out.push(...leavesOf(n.children, limit, size, inside));
        continue;
      }
      if (size([n]) > limit) {
        if (isDivision(n) && holdsDivisions(n)) {
          out.push(...leavesOf(n.children, limit, size, inside));
          continue;
        }
        if (cutBetweenBlocks(n)) {
          out.push(...leavesOf(n.children, limit, size, inside, true));
          continue;
        }
      }
    }
    out.push({ node: n, ancestors, cut: isDivision(n) || (blocks && n.kind === 'element' && !isLead(n)) });
  }
  return out;
}

/**
 * Where a part may begin: at a division (or a block, see leavesOf), or at the headings and page breaks
 * just before it, which belong to what follows them.
 */
export function breakPoints(leaves: readonly Leaf[]): number[] {
  const points: number[] = [];
  leaves.forEach((leaf, i) => {
    if (!leaf.cut) return;
    // Walk back over the headings, page breaks and spaces that lead into it from where it stands or from
    // an element around it, not over the end of an element it is not in.
    const encloses = (l: Leaf): boolean => l.ancestors.every((a, k) => leaf.ancestors[k] === a);
    let start = i;
    while (start > 0 && isLead(leaves[start - 1]!.node) && encloses(leaves[start - 1]!)) start--;
    if (start > 0 && points.at(-1) !== start) points.push(start);
  });
  return points;
}

/** Runs between break points packed greedily into parts of at most `limit` bytes (a run larger than that is a part of its own). */
export function pack(weights: readonly number[], points: readonly number[], limit: number, first = 0): number[][] {
  const bounds = [0, ...points, weights.length];
  const parts: number[][] = [];
  let current: number[] = [];
  let size = first;
  for (let r = 0; r + 1 < bounds.length; r++) {
    const run = Array.from({ length: bounds[r + 1]! - bounds[r]! }, (_, k) => bounds[r]! + k);
    const w = run.reduce((s, i) => s + weights[i]!, 0);
    if (current.length && size + w > limit) {
      parts.push(current);
      current = [];
      size = 0;
    }
    current.push(...run);
    size += w;
  }
  if (current.length) parts.push(current);
  return parts;
}

/**
 * The nodes of one part: its leaves inside copies of their ancestors. An ancestor keeps its id (and
 * what refers to its heading) only in the part where it begins, so ids stay unique across the parts.
 */
export function assemble(leaves: readonly Leaf[], begun: Map<Element, number>): Node[] {
  const root: Node[] = [];
  const stack: { original: Element; copy: Element }[] = [];
  for (const leaf of leaves) {
    let k = 0;
    while (k < stack.length && k < leaf.ancestors.length && stack[k]!.original === leaf.ancestors[k]) k++;
    stack.length = k;
    for (const a of leaf.ancestors.slice(k)) {
      const copy: Element = { kind: 'element', name: a.name, attrs: new Map(a.attrs), children: [] };
      const before = begun.get(a);
      if (before !== undefined) {
        copy.attrs.delete('id');
        copy.attrs.delete('aria-labelledby');
        // A numbered list cut in two goes on counting where it stopped.
        if (a.name === 'ol') copy.attrs.set('start', String(Number(a.attrs.get('start') ?? '1') + before));
      }
      begun.set(a, before ?? 0);
      (stack.at(-1)?.copy.children ?? root).push(copy);
      stack.push({ original: a, copy });
    }
    const parent = leaf.ancestors.at(-1);
    if (parent && leaf.node.kind === 'element' && leaf.node.name === 'li') begun.set(parent, begun.get(parent)! + 1);
    (stack.at(-1)?.copy.children ?? root).push(leaf.node);
  }
  return root;
}

/** The words of a heading without the edition's own markers (class "ed": note references, page breaks, line numbers). */
function wordsOf(nodes: readonly Node[]): string {
  const skip = (e: Element): boolean => hasClass(e, 'ed');
  const walk = (list: readonly Node[]): string => list.map((n) => (n.kind === 'text' ? n.text : skip(n) ? '' : walk(n.children))).join('');
  return walk(nodes).replace(/\s+/g, ' ').trim();
}

/** A division's label: its heading; without one, its first words. */
export function divisionLabel(d: Element): string {
  const head = d.children.find((c): c is Element => c.kind === 'element' && /^h[1-6]$/.test(c.name));
  const heading = head ? wordsOf(head.children) : '';
  if (heading) return heading;
  const words = wordsOf(d.children).split(' ');
  return words.length > 8 ? `${words.slice(0, 8).join(' ')} …` : words.join(' ') || '…';
}

/**
 * The divisions of a split text for the table of contents: the ones cut apart and the ones kept whole
 * beneath them, each linked in the part where it begins. A part that begins inside a division (cut
 * between blocks) is listed under it as its continuation, so every part has an entry; `outside` names
 * what a part continues when it begins in no division.
 */
export function divisionEntries(parts: readonly Leaf[][], paths: readonly string[], hrefOf: (id: string) => string | undefined, outside: string): TocEntry[] {
  const top: TocEntry[] = [];
  const made = new Map<Element, TocEntry>();
  const entryFor = (d: Element, into: TocEntry[]): TocEntry | undefined => {
    const href = hrefOf(d.attrs.get('id') ?? '');
    if (href === undefined) return undefined;
    const entry: TocEntry = { label: divisionLabel(d), href };
    into.push(entry);
    made.set(d, entry);
    return entry;
  };
  const listIn = (ancestors: readonly Element[]): TocEntry[] => {
    let into = top;
    for (const a of ancestors) {
      if (!isDivision(a)) continue;
      const entry = made.get(a) ?? entryFor(a, into);
      if (entry) into = entry.children ??= [];
    }
    return into;
  };
  const begun = new Set<Element>();
  parts.forEach((leaves, k) => {
    const opening = leaves.find((l) => !isLead(l.node));
    const within = opening?.ancestors.filter((a) => isDivision(a)).at(-1);
    if (k > 0 && opening && !isDivision(opening.node) && (within === undefined || begun.has(within))) {
      listIn(opening.ancestors).push({ label: `${within ? divisionLabel(within) : outside} (continued)`, href: paths[k]! });
    }
    for (const leaf of leaves) for (const a of leaf.ancestors) begun.add(a);
    for (const leaf of leaves) {
      const into = listIn(leaf.ancestors);
      if (isDivision(leaf.node)) entryFor(leaf.node as Element, into);
    }
  });
  return top;
}

/** The id a fragment names (percent-decoded; as it is when it does not decode). */
function fragmentId(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/** Fragment-only links in `nodes` (href="#id"), as ids, in document order. */
export function localTargets(nodes: readonly Node[]): string[] {
  const out: string[] = [];
  for (const e of elements(nodes)) {
    const href = e.name === 'a' ? e.attrs.get('href') : undefined;
    if (href?.startsWith('#')) out.push(fragmentId(href.slice(1)));
  }
  return out;
}

/**
 * Which part each note goes to: the part of its first reference; a note referred to only from another
 * note goes with that note; a note nothing refers to goes to the last part, where the document ends.
 */
export function placeNotes(partTexts: readonly Node[][], notes: ReadonlyMap<string, Element>): Map<string, number> {
  const placed = new Map<string, number>();
  partTexts.forEach((text, k) => {
    const queue = localTargets(text).filter((id) => notes.has(id));
    while (queue.length) {
      const id = queue.shift()!;
      if (placed.has(id)) continue;
      placed.set(id, k);
      queue.push(...localTargets(notes.get(id)!.children).filter((x) => notes.has(x)));
    }
  });
  for (const id of notes.keys()) if (!placed.has(id)) placed.set(id, partTexts.length - 1);
  return placed;
}

export interface SplitText {
  /** The text of each part, in reading order. */
  parts: Node[][];
  /** The pieces of each part, as cut. */
  leaves: Leaf[][];
  /** Note id → index of the part that holds it. */
  notePart: Map<string, number>;
}

/**
 * The text cut into parts of about `limit` bytes with their notes (`notes`: note id → note), or
 * undefined when it cannot be cut (no division to cut at) or need not be. `first` is what the first
 * part holds besides its text (the document's heading); `linkCost` what a link within the document
 * grows by when its target goes to another part (the file name it gains).
 */
export function splitText(text: readonly Node[], notes: ReadonlyMap<string, Element>, limit: number, first = 0, linkCost = 0): SplitText | undefined {
  const size = sizer();
  // A piece weighs its XHTML and the notes it is the first to refer to (`counted`: those referred to
  // before), which will go where it goes, and the file names its links to anything else may gain (an
  // index that links to every document gains much).
  const weigh = (node: Node, counted = new Set<string>()): number => {
    let w = size([node]);
    const own = idsUnder([node]);
    const links = localTargets([node]);
    const queue = [...links];
    while (queue.length) {
      const id = queue.shift()!;
      const note = notes.get(id);
      if (!note || counted.has(id)) continue;
      counted.add(id);
      w += size([note]);
      for (const x of idsUnder([note])) own.add(x);
      const inNote = localTargets(note.children);
      links.push(...inNote);
      queue.push(...inNote);
    }
    return w + links.filter((id) => !own.has(id)).length * linkCost;
  };
  const leaves = leavesOf(text, limit, (nodes) => nodes.reduce((t, n) => t + weigh(n), 0));
  const points = breakPoints(leaves);
  if (points.length === 0) return undefined;
  const counted = new Set<string>();
  const weights = leaves.map((leaf) => weigh(leaf.node, counted));
  const groups = pack(weights, points, limit, first);
  if (groups.length < 2) return undefined;
  const begun = new Map<Element, number>();
  const partLeaves = groups.map((g) => g.map((i) => leaves[i]!));
  const parts = partLeaves.map((l) => assemble(l, begun));
  return { parts, leaves: partLeaves, notePart: placeNotes(parts, notes) };
}

/** A document in parts: their paths in reading order, and for each id the part that holds it (the first, if several do). */
export interface PartedDocument {
  paths: readonly string[];
  idHome: ReadonlyMap<string, string>;
}

/**
 * Sends every link into a document that was cut into parts to the part holding its target: links from
 * the parts themselves (a note reference whose note went elsewhere), from other documents, the
 * apparatus, the registers and the navigation.
 */
export function redirectIntoParts(documents: { path: string; body: Node[] }[], parted: readonly PartedDocument[]): void {
  const groupOf = new Map<string, PartedDocument>();
  for (const p of parted) for (const file of p.paths) groupOf.set(file, p);
  if (groupOf.size === 0) return;
  for (const d of documents) {
    d.body = rewrite(d.body, (e) => {
      const href = e.name === 'a' ? e.attrs.get('href') : undefined;
      if (href === undefined || /^(https?:|mailto:)/i.test(href) || !href.includes('#')) return e;
      const [file = '', fragment = ''] = href.split('#', 2) as [string, string];
      const target = file === '' ? d.path : path.posix.normalize(path.posix.join(path.posix.dirname(d.path), file));
      const home = groupOf.get(target)?.idHome.get(fragmentId(fragment));
      if (home !== undefined && home !== target) e.attrs.set('href', relativeHref(d.path, home, fragment));
      return e;
    });
  }
}
