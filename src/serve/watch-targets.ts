// What `serve` watches and which changes count. The sources as the config or the command line names
// them (folders as folders, so that a new file is seen), the schema and Schematron, the config file
// itself, and, in a checkout of the tool, its stylesheets and templates. A change counts when it is to
// one of these, and not to the output folder, a hidden file or an editor's temporary file. Pure, but
// for toolFolders, which looks at the package's folder.
import { existsSync } from 'node:fs';
import path from 'node:path';

/** A source file or folder; the config file (re-read); the tool's own stylesheets and templates (a new build thread). */
export type ChangeRole = 'source' | 'config' | 'tool';

export interface WatchTarget {
  /** Absolute. */
  path: string;
  kind: 'file' | 'folder';
  role: ChangeRole;
}

export interface Change {
  /** Absolute path of what changed. */
  path: string;
  role: ChangeRole;
}

/** Backups, swap and lock files of editors (vim, emacs, JetBrains, gedit …), never a source. */
export function isEditorTemporary(name: string): boolean {
  return (
    name.startsWith('.') ||
    name.endsWith('~') ||
    /\.(swp|swo|swx|tmp|bak|orig|crdownload|part)$/i.test(name) ||
    /^#.*#$/.test(name) ||
    name.includes('___jb_') ||
    // vim's probe of whether it may write in a folder
    name === '4913'
  );
}

/** Folders never entered when watching a folder: hidden ones (.git, the build's staging) and installed packages. */
export function isSkippedFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

export interface WatchPlan {
  /** The sources: the config's documents and registers, or the PATHs given (files or folders, absolute). */
  sources: readonly string[];
  edition?: string;
  schema?: string;
  schematron?: readonly string[];
  configFile?: string;
  /** The tool's own folders to watch (stylesheets, templates), in a checkout. */
  toolFolders?: readonly string[];
  isFolder: (p: string) => boolean;
}

export function watchTargets(plan: WatchPlan): WatchTarget[] {
  const targets: WatchTarget[] = [];
  const add = (p: string, role: ChangeRole): void => {
    const resolved = path.resolve(p);
    if (targets.some((t) => t.path === resolved && t.role === role)) return;
    targets.push({ path: resolved, kind: plan.isFolder(resolved) ? 'folder' : 'file', role });
  };
  for (const s of plan.sources) add(s, 'source');
  if (plan.edition) add(plan.edition, 'source');
  if (plan.schema) add(plan.schema, 'source');
  for (const s of plan.schematron ?? []) add(s, 'source');
  if (plan.configFile) add(plan.configFile, 'config');
  for (const t of plan.toolFolders ?? []) add(t, 'tool');
  return targets;
}

const within = (folder: string, p: string): boolean => {
  const rel = path.relative(folder, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/**
 * Whether a change to `changed` counts, and as what: a file target by its exact path; in a source folder,
 * an .xml file or a folder (a folder added or removed adds or removes files); in a tool folder, any
 * file with an extension, or a folder. Never under `ignored` (the output folder), in a hidden or skipped folder, or an editor's temporary.
 */
export function classifyChange(targets: readonly WatchTarget[], changed: string, isFolder: () => boolean, ignored: readonly string[] = []): ChangeRole | undefined {
  const file = path.resolve(changed);
  if (ignored.some((i) => within(path.resolve(i), file))) return undefined;
  const exact = targets.find((t) => t.kind === 'file' && t.path === file);
  if (exact) return exact.role;
  if (isEditorTemporary(path.basename(file))) return undefined;
  const roles: ChangeRole[] = [];
  for (const t of targets) {
    if (t.kind !== 'folder' || !within(t.path, file)) continue;
    const inner = path.relative(t.path, file).split(path.sep).filter(Boolean);
    if (inner.slice(0, -1).some(isSkippedFolder)) continue;
    if (inner.length > 0 && t.role === 'source' && !/\.xml$/i.test(file) && !isFolder()) continue;
    // Stylesheets, templates, labels, assets: named with an extension (a tool's own temporary files, such as sed's, are not).
    if (inner.length > 0 && t.role === 'tool' && !/\.[A-Za-z0-9]+$/.test(file) && !isFolder()) continue;
    roles.push(t.role);
  }
  // A tool change asks for more (a new build thread) than a source change.
  return roles.includes('config') ? 'config' : roles.includes('tool') ? 'tool' : roles[0];
}

/**
 * The tool's stylesheets and templates, when running from a checkout of it (the TypeScript sources are
 * there, and it is not an installed package): changing them changes every page.
 */
export function toolFolders(packageRoot: string): string[] {
  // An installed package carries no TypeScript sources (package.json "files"): only a checkout has src/cli.
  if (!existsSync(path.join(packageRoot, 'src', 'cli'))) return [];
  return [path.join(packageRoot, 'xslt'), path.join(packageRoot, 'src', 'templates')].filter((f) => existsSync(f));
}
