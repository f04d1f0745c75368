// One build at a time per output folder: a lock file beside it, created exclusively, holding the
// builder's process id. A lock whose process is gone (a crash, a kill -9) is taken over.
import { openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';

export type LockResult = { ok: true; release: () => void } | { ok: false; message: string };

export function lockPathFor(outDir: string): string {
  const resolved = path.resolve(outDir);
  return path.join(path.dirname(resolved), `.${path.basename(resolved)}.lock`);
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireBuildLock(outDir: string): LockResult {
  const file = lockPathFor(outDir);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      let released = false;
      return {
        ok: true,
        release: () => {
          if (released) return;
          released = true;
          rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let holder = NaN;
    try {
      holder = Number.parseInt(readFileSync(file, 'utf8'), 10);
    } catch {
      // Removed between our attempt and this read: try again.
      continue;
    }
    if (isRunning(holder)) {
      return {
        ok: false,
        message: `another build (process ${holder}) is writing ${path.basename(path.resolve(outDir))}/ right now: wait for it to finish; if no build is running, delete ${path.relative(process.cwd(), file) || file}`,
      };
    }
    // A stale lock: its build is gone.
    rmSync(file, { force: true });
  }
  return { ok: false, message: `could not take the build lock ${file}: delete it if no build is running` };
}
