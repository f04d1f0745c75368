// What the editorial rules see: the parsed TEI files, the role each plays in the edition, and
// an index of xml:ids that can also reach files the user did not name (read on demand, safely).
import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { SourceFile } from '../../read/load.js';
import { loadXmlFile } from '../../read/load.js';
import { descendantsOrSelf, xmlId, type XmlElement } from '../../read/tree.js';
import { displayPath } from '../../read/files.js';

/** `edition`: edition.xml; `document`: an edition document; `register`: persons, places…; `file`: a path named by the user. */
export type FileRole = 'edition' | 'document' | 'register' | 'file';

export interface TeiContext {
  /** `edition` when checking the edition named by the config; `paths` for files named on the command line. */
  mode: 'edition' | 'paths';
  sources: readonly SourceFile[];
  roleOf(source: SourceFile): FileRole;
  /** The edition-level file (witnesses, variant encoding), when there is one. */
  editionSource?: SourceFile;
  ids: IdIndex;
}

export interface IdEntry {
  source: SourceFile;
  element: XmlElement;
}

const elementLists = new WeakMap<XmlElement, readonly XmlElement[]>();

/**
 * Every element of a file in document order, listed once and shared by the rules: each of them
 * walks every file, and with a thousand files the walks cost more than the checks.
 */
export function elementsOf(source: SourceFile): readonly XmlElement[] {
  const root = source.document.root;
  let list = elementLists.get(root);
  if (!list) {
    list = [...descendantsOrSelf(root)];
    elementLists.set(root, list);
  }
  return list;
}

/** The real path (symbolic links followed) when the file exists, else the path as resolved. */
function realPath(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/** Whether `file` lies inside one of `folders` (all absolute). */
export function isInsideFolders(file: string, folders: readonly string[]): boolean {
  return folders.some((folder) => {
    const rel = path.relative(folder, file);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  });
}

export class IdIndex {
  private readonly byFile = new Map<string, Map<string, IdEntry> | null>();
  private readonly boundary: readonly string[] | undefined;
  /** mayRead's answer per path: a pointer repeated in a thousand files asks the file system once. */
  private readonly allowed = new Map<string, boolean>();

  /**
   * `boundary`: the folders a pointer may lead the checker into (the edition's folder). A file
   * outside them is never opened, whatever a pointer says; without a boundary, any file may be.
   */
  constructor(
    private readonly sources: readonly SourceFile[],
    boundary?: readonly string[],
  ) {
    for (const s of sources) this.byFile.set(s.absolutePath, IdIndex.idsOf(s));
    this.boundary = boundary?.map(realPath);
  }

  /** Whether a pointer may lead to this file: one of the checked files, or a file inside the boundary. */
  mayRead(absolutePath: string): boolean {
    if (this.byFile.has(absolutePath) || this.boundary === undefined) return true;
    let allowed = this.allowed.get(absolutePath);
    if (allowed === undefined) {
      allowed = isInsideFolders(realPath(absolutePath), this.boundary);
      this.allowed.set(absolutePath, allowed);
    }
    return allowed;
  }

  static idsOf(source: SourceFile): Map<string, IdEntry> {
    const map = new Map<string, IdEntry>();
    for (const e of elementsOf(source)) {
      const id = xmlId(e);
      if (id !== undefined && !map.has(id)) map.set(id, { source, element: e });
    }
    return map;
  }

  /** The ids of a file; files outside the checked set are read once, through the same safe reader. */
  idsIn(absolutePath: string): Map<string, IdEntry> | null {
    if (!this.byFile.has(absolutePath)) {
      if (!this.mayRead(absolutePath)) return null;
      const loaded = loadXmlFile(displayPath(absolutePath));
      this.byFile.set(absolutePath, loaded.ok ? IdIndex.idsOf(loaded.source) : null);
    }
    return this.byFile.get(absolutePath) ?? null;
  }

  /** Whether a file exists among the checked sources or on disk (null: not loadable). */
  lookup(absolutePath: string, id: string): IdEntry | undefined | null {
    const ids = this.idsIn(absolutePath);
    if (ids === null) return null;
    return ids.get(id);
  }

  get checkedSources(): readonly SourceFile[] {
    return this.sources;
  }
}

export type PointerTarget =
  | { kind: 'external' }
  | { kind: 'local'; file: string; id: string | undefined; token: string };

/**
 * What a pointer token means. Only `#id`, `file.xml` and `file.xml#id` point into the edition;
 * URLs, prefixed pointers (`pmb:123`) and other forms are left to their owners.
 */
export function parsePointer(token: string, from: SourceFile): PointerTarget {
  if (/^[a-z][a-z0-9+.-]*:/i.test(token)) return { kind: 'external' };
  const hash = token.indexOf('#');
  const filePart = hash < 0 ? token : token.slice(0, hash);
  const fragment = hash < 0 ? undefined : token.slice(hash + 1);
  if (fragment !== undefined && (fragment === '' || fragment.includes('('))) return { kind: 'external' };
  if (filePart === '') return { kind: 'local', file: from.absolutePath, id: fragment, token };
  let decoded: string;
  try {
    decoded = decodeURIComponent(filePart);
  } catch {
    return { kind: 'external' };
  }
  if (!/\.xml$/i.test(decoded)) return { kind: 'external' };
  return { kind: 'local', file: path.resolve(path.dirname(from.absolutePath), decoded), id: fragment, token };
}

export function tokens(value: string): string[] {
  return value.split(/\s+/).filter((t) => t !== '');
}
