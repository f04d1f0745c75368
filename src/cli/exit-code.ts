// The one place that turns how a run ended into the process's exit code (README, "Exit codes").
import { ExitCode } from '../diagnostics/diagnostic.js';
import { blockingKind } from '../diagnostics/rules.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { BuildStatus } from '../package/build-edition.js';

/** 0 clean, 1 content errors (or warnings with --strict), 2 usage, 3 tool failure. */
export function exitCodeFor(diagnostics: readonly Diagnostic[], strict: boolean): number {
  const kind = blockingKind(diagnostics, strict);
  return kind === 'tool' ? ExitCode.internal : kind === 'usage' ? ExitCode.usage : kind === 'content' ? ExitCode.contentErrors : ExitCode.ok;
}

export function exitCodeOfBuild(status: BuildStatus): number {
  switch (status) {
    case 'built':
      return ExitCode.ok;
    case 'invalid':
      return ExitCode.contentErrors;
    case 'usage':
      return ExitCode.usage;
    default:
      return ExitCode.internal;
  }
}
