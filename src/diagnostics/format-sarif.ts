// SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format): the report code-scanning services
// read, e.g. GitHub's upload-sarif action (docs/ci/code-scanning.yml). One run, the tool's rules from
// the registry with their descriptions, one result per diagnostic at its file, line and column.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Severity } from './diagnostic.js';
import { findRule, rules, type Rule } from './rules.js';
import { sortDiagnostics, type Report } from './report.js';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

export interface SarifTool {
  name: string;
  version: string;
  informationUri?: string;
  /** Folder relative paths are relative to (default: the working directory). */
  root?: string;
}

const level = (severity: Severity): 'error' | 'warning' | 'note' => (severity === 'info' ? 'note' : severity);

interface ReportingDescriptor {
  id: string;
  shortDescription: { text: string };
  defaultConfiguration: { level: 'error' | 'warning' | 'note' };
  properties: { kind: Rule['kind'] };
}

function descriptor(id: string, rule: Rule): ReportingDescriptor {
  return { id, shortDescription: { text: rule.summary }, defaultConfiguration: { level: level(rule.severity) }, properties: { kind: rule.kind } };
}

/** A relative URI reference for a path under the root (`tei/a%20b.xml`), else an absolute file URI. */
function artifactUri(file: string, root: string): { uri: string; uriBaseId?: string } {
  const absolute = path.resolve(root, file);
  const relative = path.relative(root, absolute);
  if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) {
    return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
  }
  return { uri: pathToFileURL(absolute).href };
}

export function formatSarif(report: Report, tool: SarifTool): string {
  const root = path.resolve(tool.root ?? process.cwd());
  // Every registered rule, then the Schematron ids an edition's own rules produced.
  const descriptors: ReportingDescriptor[] = [...rules.values()].map((r) => descriptor(r.id, r));
  const index = new Map(descriptors.map((d, i) => [d.id, i]));
  const diagnostics = sortDiagnostics(report);
  for (const d of diagnostics) {
    if (index.has(d.ruleId)) continue;
    const rule = findRule(d.ruleId);
    if (!rule) continue;
    index.set(d.ruleId, descriptors.length);
    descriptors.push(descriptor(d.ruleId, rule));
  }
  const result = (d: Diagnostic): Record<string, unknown> => ({
    ruleId: d.ruleId,
    ...(index.has(d.ruleId) ? { ruleIndex: index.get(d.ruleId) } : {}),
    level: level(d.severity),
    message: { text: d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactUri(d.file, root),
          ...(d.line === undefined ? {} : { region: { startLine: d.line, startColumn: d.column ?? 1 } }),
        },
      },
    ],
  });
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            ...(tool.informationUri ? { informationUri: tool.informationUri } : {}),
            rules: descriptors,
          },
        },
        // Where SRCROOT is, for readers other than code-scanning services (which use the checkout).
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(root + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        results: diagnostics.map(result),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
