// Debian's epubcheck (the Java checker), run on a book: its counts of fatal errors, errors and warnings.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';

export const EPUBCHECK_JAR = '/usr/share/java/epubcheck.jar';
export const hasEpubcheck = existsSync(EPUBCHECK_JAR);

export interface EpubcheckResult {
  fatals: number;
  errors: number;
  warnings: number;
  /** The checker's messages (FATAL, ERROR, WARNING lines), for the failure message. */
  messages: string[];
  output: string;
}

export function epubcheck(book: string): Promise<EpubcheckResult> {
  return new Promise((resolve, reject) => {
    execFile('java', ['-jar', EPUBCHECK_JAR, book], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const output = `${stdout}\n${stderr}`;
      const m = /Messages:\s*(\d+)\s*fatals?\s*\/\s*(\d+)\s*errors?\s*\/\s*(\d+)\s*warnings?/.exec(output);
      if (!m) {
        reject(new Error(`epubcheck gave no summary${error ? ` (${error.message})` : ''}:\n${output.slice(0, 2000)}`));
        return;
      }
      resolve({
        fatals: Number(m[1]),
        errors: Number(m[2]),
        warnings: Number(m[3]),
        messages: output.split('\n').filter((l) => /^(FATAL|ERROR|WARNING)/.test(l)).slice(0, 30),
        output,
      });
    });
  });
}
