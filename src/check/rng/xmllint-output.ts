// Reads xmllint's stderr. Its messages have a file and a line but no column, parser context
// lines come back as extra lines, and a schema libxml2 cannot compile shows up only as text:
// so the text is parsed here, line by line, into verdicts, errors and schema failures.

export interface XmllintError {
  fileName: string;
  line: number;
  element?: string;
  message: string;
}

export interface XmllintOutput {
  verdicts: Map<string, 'valid' | 'invalid'>;
  errors: XmllintError[];
  /** Messages that mean the schema itself failed; non-empty means no verdict can be trusted. */
  schemaFailures: string[];
}

const LOCATED = /^(.+?):(\d+): (?:element ([^:\s]+): )?(.*)$/;

export function parseXmllintOutput(raw: string, fileNames: ReadonlySet<string>, schemaNames: ReadonlySet<string>): XmllintOutput {
  const verdicts = new Map<string, 'valid' | 'invalid'>();
  const errors: XmllintError[] = [];
  const schemaFailures: string[] = [];
  for (const line of raw.split('\n')) {
    if (line.trim() === '') continue;
    if (/Relax-NG parser error|failed to compile|Relax-NG schema .* failed|xmlRelaxNG.*(?:error|failed)|Out of memory|out of memory/i.test(line)) {
      schemaFailures.push(line.trim());
      continue;
    }
    const verdict = /^(.+) (validates|fails to validate)$/.exec(line);
    if (verdict && fileNames.has(verdict[1]!)) {
      verdicts.set(verdict[1]!, verdict[2] === 'validates' ? 'valid' : 'invalid');
      continue;
    }
    const m = LOCATED.exec(line);
    if (!m) continue; // parser context lines (source excerpt and caret)
    const [, fileName, lineNo, element, rest] = m;
    if (schemaNames.has(fileName!)) {
      // Anything said about a schema file at error level is a schema failure.
      if (/error/i.test(rest!)) schemaFailures.push(line.trim());
      continue;
    }
    if (!fileNames.has(fileName!)) continue;
    if (!/error/i.test(rest!)) continue; // warnings (e.g. relative namespace URIs) do not decide validity
    const message = rest!.replace(/^(?:Relax-NG validity error|validity error|parser error)\s*:\s*/i, '').trim();
    errors.push({ fileName: fileName!, line: Number(lineNo), ...(element ? { element } : {}), message });
  }
  return { verdicts, errors: withoutPropagatedFailures(errors), schemaFailures };
}

const PROPAGATED = /^Element \S+ failed to validate content$/;

/**
 * libxml2 follows each real error with "Element X failed to validate content" for every ancestor X. Those
 * lines say nothing new and bury the real error, so they are dropped from a file that has a more specific
 * error; a file whose only errors are of that kind keeps them, so an invalid verdict always has a place.
 */
export function withoutPropagatedFailures(errors: readonly XmllintError[]): XmllintError[] {
  const specific = new Set(errors.filter((e) => !PROPAGATED.test(e.message)).map((e) => e.fileName));
  return errors.filter((e) => !(PROPAGATED.test(e.message) && specific.has(e.fileName)));
}
