// Whether a folder can take the build's outputs, checked before any work is done, so that a
// wrong `out` (or `--out`) is a usage error with a fix rather than a failure at the very end.
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

/** Undefined when `folder` is (or can be created as) a writable folder; else what is wrong and how to fix it. */
export function outputFolderProblem(folder: string): string | undefined {
  // Paths in messages are shown from the working directory, as the user would type them.
  const shown = (p: string): string => path.relative(process.cwd(), p) || '.';
  let current = path.resolve(folder);
  // The first existing path on the way up decides: it must be a folder we may write in.
  for (;;) {
    let stat;
    try {
      stat = statSync(current);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOTDIR') return `${shown(folder)} lies under a file, not a folder: choose another output folder`;
      const parent = path.dirname(current);
      if (parent === current) return `${shown(folder)} cannot be created: choose another output folder`;
      current = parent;
      continue;
    }
    if (!stat.isDirectory()) {
      return current === path.resolve(folder)
        ? `${shown(folder)} is a file, not a folder: remove it or choose another output folder`
        : `${shown(folder)} lies under ${shown(current)}, which is a file: choose another output folder`;
    }
    try {
      accessSync(current, constants.W_OK | constants.X_OK);
    } catch {
      return `${shown(current)} is not writable: fix its permissions or choose another output folder`;
    }
    return undefined;
  }
}
