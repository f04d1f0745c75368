// Where the tool keeps what it computed once and may reuse: the RelaxNG verdicts (`rng`), the
// compiled stylesheets (`xslt`) and the transformations' results (`transform`). What is read back from
// these folders is trusted — a verdict says a file is valid, a compiled stylesheet is code that writes
// the pages, a stored result becomes pages — so a folder is used only when no one but the current user
// can have written into it:
//
// 1. the package's own `.cache/<kind>` (a checkout, or an installation the user may write to; one
//    made read-only with chmod is not written to, even by root);
// 2. else the user's own cache, `$XDG_CACHE_HOME/tei-edition/<kind>` or `~/.cache/tei-edition/<kind>`,
//    created with mode 0700.
//
// Either must be a folder owned by the current user that neither the group nor others may write to;
// for the user's cache the same holds for `tei-edition/`, and the folder holding that must be as
// safe or have the sticky bit (so no one else can rename our folder away). Never the system's
// temporary folder: anyone can create a folder there under the name we would look for.
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { packageRoot } from '../transform/package-root.js';

export type CacheKind = 'rng' | 'xslt' | 'transform';

export interface CacheFolderOptions {
  /** The package whose `.cache/` comes first (default: this package). */
  packageRoot?: string;
  /** Default: process.env (XDG_CACHE_HOME is read). */
  env?: NodeJS.ProcessEnv;
  /** Default: the user's home folder. */
  home?: string;
}

const currentUid = (): number | undefined => (typeof process.getuid === 'function' ? process.getuid() : undefined);

/** True when only the current user can change what the folder holds. On Windows (no uid) access is by ACL: nothing to check here. */
export function isPrivateFolder(folder: string, uid: number | undefined = currentUid()): boolean {
  try {
    const stat = statSync(folder);
    if (!stat.isDirectory()) return false;
    if (uid === undefined) return true;
    return stat.uid === uid && (stat.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/** A folder that others may write to only if, with the sticky bit, they cannot rename or delete what is ours in it. */
function safeParent(folder: string, uid: number | undefined): boolean {
  if (uid === undefined) return true;
  try {
    const stat = statSync(folder);
    return stat.isDirectory() && ((stat.mode & 0o022) === 0 || (stat.mode & 0o1000) !== 0);
  } catch {
    return false;
  }
}

/**
 * Whether a folder may be written to, by its mode bits as well as by access(): a folder made
 * read-only (chmod a-w) is left alone even by root, whom access() always lets write.
 */
function mayWrite(folder: string): boolean {
  try {
    accessSync(folder, constants.W_OK);
    return (statSync(folder).mode & 0o222) !== 0;
  } catch {
    return false;
  }
}

/** Creates the folder (mode 0700) unless it or the nearest folder above it that exists may not be written to. */
export function writableFolder(folder: string): boolean {
  let existing = path.resolve(folder);
  while (!existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  if (existing !== path.resolve(folder) && !mayWrite(existing)) return false;
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
  } catch {
    return false;
  }
  return mayWrite(folder);
}

/** The folder the user's caches live in: $XDG_CACHE_HOME when it is an absolute path (as the XDG spec requires), else ~/.cache. */
export function userCacheHome(env: NodeJS.ProcessEnv = process.env, home?: string): string | undefined {
  const xdg = env.XDG_CACHE_HOME?.trim();
  if (xdg && path.isAbsolute(xdg)) return xdg;
  let dir = home;
  if (dir === undefined) {
    try {
      dir = homedir();
    } catch {
      return undefined;
    }
  }
  return dir && path.isAbsolute(dir) ? path.join(dir, '.cache') : undefined;
}

/** The cache folder for `kind`, created if need be; undefined when there is no safe one (the caller then keeps nothing). */
export function cacheFolder(kind: CacheKind, options: CacheFolderOptions = {}): string | undefined {
  const uid = currentUid();
  const own = path.join(options.packageRoot ?? packageRoot, '.cache', kind);
  if (writableFolder(own) && isPrivateFolder(own, uid)) return own;

  const base = userCacheHome(options.env ?? process.env, options.home);
  if (base === undefined) return undefined;
  const tool = path.join(base, 'tei-edition');
  const folder = path.join(tool, kind);
  if (!writableFolder(folder)) return undefined;
  return isPrivateFolder(folder, uid) && isPrivateFolder(tool, uid) && safeParent(base, uid) ? folder : undefined;
}

/**
 * The cache folder for `kind` as an environment variable sets it: `off` (or 0, false, no) keeps nothing,
 * a folder moves it there, and unset or empty means cacheFolder's choice.
 */
export function cacheFolderFromSetting(kind: CacheKind, setting: string | undefined): string | undefined {
  if (setting !== undefined && /^(off|0|false|no)$/i.test(setting.trim())) return undefined;
  if (setting !== undefined && setting.trim() !== '') return path.resolve(setting.trim());
  return cacheFolder(kind);
}
