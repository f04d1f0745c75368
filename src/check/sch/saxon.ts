// The few SaxonJS entry points the Schematron layer needs, typed here. SaxonJS is loaded only
// when an edition has Schematron files: it costs time and memory.
import { createRequire } from 'node:module';

export interface SaxonXPathOptions {
  namespaceContext?: Record<string, string>;
  params?: Record<string, unknown>;
  resultForm?: 'array' | 'default' | 'xdm';
}

export interface SaxonApi {
  getResource(options: { text: string; type: 'xml' }): Promise<unknown>;
  XPath: { evaluate(xpath: string, context: unknown, options?: SaxonXPathOptions): unknown };
}

let cached: SaxonApi | undefined;

export function loadSaxon(): SaxonApi {
  if (!cached) cached = createRequire(import.meta.url)('saxon-js') as SaxonApi;
  return cached;
}
