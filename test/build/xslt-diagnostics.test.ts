// What the stylesheets find becomes placed diagnostics: an element the edition cannot render, a message
// of a stylesheet, a transformation that fails.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SaxonJS from 'saxon-js';
import { afterAll, describe, expect, it } from 'vitest';
import { buildEdition } from '../../src/package/build-edition.js';
import { loadXmlFile } from '../../src/read/index.js';
import { diagnosticOfMessage, elementAtPath } from '../../src/transform/xslt-messages.js';
import { projectRoot } from '../helpers/paths.js';

const fixture = path.join(projectRoot, 'test', 'build', 'fixtures', 'unknown-elements', 'letter.xml');
const out = mkdtempSync(path.join(tmpdir(), 'xslt-diagnostics-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('diagnostics from the stylesheets', () => {
  it('reports each element the edition cannot render once, at its first place, and still builds', async () => {
    const result = await buildEdition({ mode: 'paths', documents: [fixture], registers: [], siteDir: path.join(out, 'site'), schematron: [], ruleLevels: {}, strict: false, dateFrom: path.dirname(fixture), only: ['site'] });
    expect(result.status).toBe('built');
    const unknown = result.report.diagnostics.filter((d) => d.ruleId === 'xslt/unknown-element');
    const at = (name: string) => unknown.find((d) => d.message.startsWith(`<${name}>`));
    expect(at('x:mark')).toMatchObject({ line: 12, column: 17, severity: 'info' });
    expect(at('x:mark')!.message).toContain('urn:example:other');
    expect(at('x:mark')!.message).toContain('2 times');
    expect(at('entry')).toMatchObject({ line: 13, column: 9 });
    expect(at('orth')).toMatchObject({ line: 13, column: 22 });
    // Known elements are not reported.
    expect(unknown.some((d) => d.message.startsWith('<p>') || d.message.startsWith('<body>'))).toBe(false);
  });

  it('places an xsl:message that carries a rule id and the path of a node', () => {
    const loaded = loadXmlFile(fixture);
    if (!loaded.ok) throw new Error('fixture unreadable');
    // What te:report (xslt/common/diagnostics.xsl) sends for the second paragraph, made by the same XPath.
    const xpath = (SaxonJS as unknown as { XPath: { evaluate: (expr: string, context: unknown, options?: object) => unknown } }).XPath;
    const doc = xpath.evaluate('parse-xml($t)', null, { params: { t: loaded.source.text } });
    const raw = xpath.evaluate(`serialize(map{'rule': 'xslt/example', 'path': path((//*:body//*:p)[2]), 'message': 'checked'}, map{'method': 'json'})`, doc) as string;
    const messages = [raw];
    const d = diagnosticOfMessage(messages[0]!, 'letter.xml', loaded.source.document.root);
    expect(d).toMatchObject({ file: 'letter.xml', line: 14, column: 7, ruleId: 'xslt/example', message: 'checked' });
    expect(elementAtPath(loaded.source.document.root, '/Q{http://www.tei-c.org/ns/1.0}TEI[1]/Q{http://www.tei-c.org/ns/1.0}text[1]')?.line).toBe(10);
  });

  it('keeps a message without a rule id as xslt/message, in the file that was transformed', () => {
    expect(diagnosticOfMessage('plain words', 'a.xml', undefined)).toMatchObject({ file: 'a.xml', ruleId: 'xslt/message', message: 'plain words' });
  });
});
