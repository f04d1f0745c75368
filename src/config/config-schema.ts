// The config's JSON Schema (schema/edition.config.schema.json) is the one description of what a
// config may hold: editors complete and check the file with it, and loadConfig checks it with ajv.
// This module turns ajv's findings into diagnostics that name the key (a JSON pointer), point at
// its line and column, say what was expected, and guess the key a typo meant.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { closest } from '../diagnostics/suggest.js';
import { childPointer } from './json-positions.js';

/** lib/config/ (or src/config/) is two levels below the package root, which holds schema/. */
export const CONFIG_SCHEMA_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'schema', 'edition.config.schema.json');

export interface SchemaProblem {
  ruleId: 'config/unknown-key' | 'config/missing-key' | 'config/wrong-type';
  /** The JSON pointer of the key or value concerned, e.g. "/print/pageSize". */
  pointer: string;
  /** Point at the key itself (an unknown key) rather than at its value. */
  atKey: boolean;
  message: string;
}

interface SchemaNode {
  type?: string;
  description?: string;
  properties?: Record<string, SchemaNode>;
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  minItems?: number;
}

let compiled: { validate: ValidateFunction; schema: SchemaNode } | undefined;

function validator(): { validate: ValidateFunction; schema: SchemaNode } {
  if (!compiled) {
    const schema = JSON.parse(readFileSync(CONFIG_SCHEMA_PATH, 'utf8')) as SchemaNode;
    // allErrors: report every problem of the file at once, not one per run. verbose: each error
    // carries the part of the schema it comes from, for its description and the allowed keys.
    const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true });
    compiled = { validate: ajv.compile(schema), schema };
  }
  return compiled;
}

/** The schema of the value at `pointer`, following properties (arrays' items are not needed here). */
export function schemaAt(pointer: string): SchemaNode | undefined {
  let node: SchemaNode | undefined = validator().schema;
  for (const part of pointer.split('/').slice(1)) node = node?.properties?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  return node;
}

const show = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? value.slice(0, 57) + '…' : value);
  return String(value);
};

const typeName = (type: string): string =>
  ({ object: 'an object {…}', array: 'a list […]', string: 'a string in double quotes', number: 'a number', integer: 'a whole number', boolean: 'true or false' })[type] ?? type;

/** " — <description>" from the schema, so the message says what the key is for. */
const hint = (node: { description?: string } | undefined): string => {
  const d = node?.description?.replace(/\.$/, '');
  if (!d) return '';
  // "The edition's title" reads on as "the edition's title"; "EPUB options" keeps its capitals.
  return ` — ${/^[A-Z][a-z]*(?=[\s,.;:'’-])/.test(d) ? d.charAt(0).toLowerCase() + d.slice(1) : d}`;
};

/** The most allowed keys an unknown-key message lists. */
const LONGEST_LIST = 20;

function problemOf(error: ErrorObject): SchemaProblem {
  const at = error.instancePath || '';
  const node = error.parentSchema as SchemaNode | undefined;
  const where = at || '/';
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      const allowed = Object.keys(node?.properties ?? {}).filter((k) => k !== '$schema');
      const guess = closest(key, allowed);
      const place = at ? ` in ${at}` : '';
      // A long list (the interface's labels) would drown the message: the guess and where the keys are listed say enough.
      const list = allowed.length > LONGEST_LIST ? `${allowed.length} keys are allowed${place}, listed in docs/build.md` : `allowed${place}: ${allowed.join(', ')}`;
      return {
        ruleId: 'config/unknown-key',
        pointer: childPointer(at, key),
        atKey: true,
        message: `${childPointer(at, key)}: unknown key "${key}"${guess ? `; did you mean "${guess}"?` : ''} (${list})`,
      };
    }
    case 'required': {
      const key = String((error.params as { missingProperty: string }).missingProperty);
      return {
        ruleId: 'config/missing-key',
        pointer: at,
        atKey: false,
        message: `${childPointer(at, key)}: the required key "${key}" is missing: add it${hint(node?.properties?.[key])}`,
      };
    }
    case 'type': {
      const expected = String((error.params as { type: string }).type);
      // The root's description is about the whole file, no help here: an example is.
      const wanted = at === '' ? 'an object like {"title": …, "slug": …, "edition": …, "documents": […]}' : typeName(expected);
      return { ruleId: 'config/wrong-type', pointer: at, atKey: false, message: `${where}: expected ${wanted}, got ${show(error.data)}${at === '' ? '' : hint(node)}` };
    }
    case 'enum': {
      const allowed = (node?.enum ?? (error.params as { allowedValues?: unknown[] }).allowedValues ?? []).map(String);
      const guess = typeof error.data === 'string' ? closest(error.data, allowed) : undefined;
      return {
        ruleId: 'config/wrong-type',
        pointer: at,
        atKey: false,
        message: `${where}: expected one of ${allowed.map((a) => `"${a}"`).join(', ')}, got ${show(error.data)}${guess ? `; did you mean "${guess}"?` : ''}`,
      };
    }
    case 'minLength':
      return { ruleId: 'config/wrong-type', pointer: at, atKey: false, message: `${where}: expected a non-empty string${hint(node)}` };
    case 'minItems':
      return { ruleId: 'config/wrong-type', pointer: at, atKey: false, message: `${where}: expected at least ${node?.minItems ?? 1} entry${hint(node)}` };
    case 'pattern':
      return { ruleId: 'config/wrong-type', pointer: at, atKey: false, message: `${where}: ${show(error.data)} is not of the expected form${hint(node)}` };
    case 'minimum':
    case 'maximum':
      return {
        ruleId: 'config/wrong-type',
        pointer: at,
        atKey: false,
        message: `${where}: expected a number from ${node?.minimum ?? '-∞'} to ${node?.maximum ?? '∞'}, got ${show(error.data)}${hint(node)}`,
      };
    default:
      return { ruleId: 'config/wrong-type', pointer: at, atKey: false, message: `${where}: ${error.message ?? 'not allowed here'}${hint(node)}` };
  }
}

/** Everything the schema finds wrong with a parsed config; empty when it conforms. */
export function checkAgainstSchema(value: unknown): SchemaProblem[] {
  const { validate } = validator();
  if (validate(value)) return [];
  return (validate.errors ?? []).map(problemOf);
}
