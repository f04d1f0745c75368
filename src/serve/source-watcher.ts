// The file system side of watching (what counts is decided in src/serve/watch-targets.ts). Each folder is
// watched on its own with fs.watch: the folders of the sources and of the tool, walked without hidden
// folders, node_modules or the output folder, and the folder of each single file (editors often save by
// writing a new file and renaming it over the old, which a watch on the file itself would lose). A
// folder that appears is watched at once; the list is walked again after every build.
import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { displayPath } from '../read/files.js';
import { classifyChange, isSkippedFolder, type Change, type WatchTarget } from './watch-targets.js';

const within = (folder: string, p: string): boolean => {
  const rel = path.relative(folder, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

export class SourceWatcher {
  private readonly handles = new Map<string, FSWatcher>();
  private targets: readonly WatchTarget[] = [];
  private ignored: readonly string[] = [];
  /** Folders that could not be watched, said once each. */
  private readonly told = new Set<string>();
  private closed = false;

  constructor(
    private readonly onChange: (change: Change) => void,
    private readonly onProblem: (message: string) => void,
  ) {}

  /** From now on, watch these targets and never what is under `ignored` (the output folder). */
  update(targets: readonly WatchTarget[], ignored: readonly string[]): void {
    this.targets = targets;
    this.ignored = ignored.map((i) => path.resolve(i));
    this.refresh();
  }

  /** The folders watched now (for the terminal's first line). */
  get folders(): number {
    return this.handles.size;
  }

  close(): void {
    this.closed = true;
    for (const handle of this.handles.values()) handle.close();
    this.handles.clear();
  }

  private refresh(): void {
    if (this.closed) return;
    const wanted = new Set<string>();
    for (const t of this.targets) {
      if (t.kind === 'file') wanted.add(path.dirname(t.path));
      else this.walk(t.path, wanted);
    }
    for (const [folder, handle] of this.handles) {
      if (wanted.has(folder)) continue;
      handle.close();
      this.handles.delete(folder);
    }
    for (const folder of wanted) if (!this.handles.has(folder)) this.watchFolder(folder);
  }

  private walk(folder: string, into: Set<string>): void {
    if (this.ignored.some((i) => within(i, folder))) return;
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    into.add(folder);
    for (const e of entries) if (e.isDirectory() && !isSkippedFolder(e.name)) this.walk(path.join(folder, e.name), into);
  }

  private watchFolder(folder: string): void {
    let handle: FSWatcher;
    try {
      handle = watch(folder, { persistent: true }, (_event, name) => this.seen(folder, name));
    } catch (error) {
      const key = `${folder}\0${(error as NodeJS.ErrnoException).code ?? ''}`;
      if (!this.told.has(key)) {
        this.told.add(key);
        this.onProblem(`cannot watch ${displayPath(folder)} (${(error as NodeJS.ErrnoException).code ?? String(error)}): changes there are not seen`);
      }
      return;
    }
    // A folder removed while watched: forget its watch; the next walk watches it again if it is back.
    handle.on('error', () => {
      handle.close();
      if (this.handles.get(folder) === handle) this.handles.delete(folder);
      this.seen(folder, null);
    });
    this.handles.set(folder, handle);
  }

  private seen(folder: string, name: string | Buffer | null): void {
    if (this.closed) return;
    const changed = name === null ? folder : path.join(folder, name.toString());
    let folderNow: boolean | undefined;
    const isFolder = (): boolean => {
      if (folderNow === undefined) {
        try {
          folderNow = statSync(changed, { throwIfNoEntry: false })?.isDirectory() ?? false;
        } catch {
          // Unreadable (permissions): not a folder this preview can watch.
          folderNow = false;
        }
      }
      return folderNow;
    };
    const role = classifyChange(this.targets, changed, isFolder, this.ignored);
    if (role === undefined) return;
    // A new folder in a watched one: watch it (and what it holds) before files are written into it.
    if (changed !== folder && isFolder()) this.refresh();
    this.onChange({ path: changed, role });
  }
}
