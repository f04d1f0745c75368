// A file-system error while writing the outputs, as a sentence that says what to do.
export function describeWriteError(error: unknown, where: string): string {
  const e = error as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOSPC':
      return `the disk is full: ${where} could not be written; free some space and build again (the previous output is unchanged)`;
    case 'EDQUOT':
      return `the disk quota is exhausted: ${where} could not be written; free some space and build again (the previous output is unchanged)`;
    case 'EACCES':
    case 'EPERM':
      return `no permission to write ${where}: fix the folder's permissions or choose another with --out`;
    case 'EROFS':
      return `${where} is on a read-only file system: choose another output folder with --out`;
    case 'ENAMETOOLONG':
      return `a path under ${where} is too long for the file system: choose a shorter output folder`;
    case 'EMFILE':
    case 'ENFILE':
      return `too many open files while writing ${where}: close other programs and build again`;
    default:
      return `could not write ${where}: ${e.message ?? String(error)}`;
  }
}
