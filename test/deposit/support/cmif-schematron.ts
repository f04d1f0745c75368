// CMIF's own Schematron (../shared/schemas/deposit/cmif/odd/cmif.sch: a letter is sent and received, a
// date has a dating attribute, a correspDesc's @source names the bibl), run by the project's Schematron.
import type { Diagnostic } from '../../../src/diagnostics/diagnostic.js';
import { loadSchematron, runSchematron } from '../../../src/check/sch/schematron.js';
import { parseXml } from '../../../src/read/parse-xml.js';
import type { SourceFile } from '../../../src/read/load.js';
import { schemaUrls } from './deposit-schemas.js';

export async function cmifSchematron(xml: string): Promise<Diagnostic[]> {
  const loaded = loadSchematron(schemaUrls.cmifSchematron, 'cmif.sch');
  if (!loaded.ok) throw new Error(loaded.diagnostic.message);
  const parsed = parseXml(xml);
  if (!parsed.ok) throw new Error(parsed.problem.message);
  const source: SourceFile = { path: 'cmif.xml', absolutePath: '/cmif.xml', text: xml, encoding: 'UTF-8', lines: parsed.lines, document: parsed.document };
  return runSchematron([loaded.schema], [source]);
}
