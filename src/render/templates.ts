// The handlebars page shells in src/templates/, compiled once. Handlebars escapes {{ }}; only HTML
// serialised by the stylesheet (or built here from escaped parts) goes through {{{ }}}.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { packageRoot } from '../transform/package-root.js';

export type TemplateName = 'layout' | 'home' | 'documents' | 'document' | 'register' | 'registers' | 'chronology' | 'search';

const compiled = new Map<TemplateName, Handlebars.TemplateDelegate>();
const engine = Handlebars.create();
// {{count n "entry" "entries"}}: "1 entry", "3 entries".
engine.registerHelper('count', (n: unknown, one: unknown, many: unknown) => `${Number(n)} ${Number(n) === 1 ? String(one) : String(many)}`);

export function templatesDir(): string {
  return path.join(packageRoot, 'src', 'templates');
}

export function renderTemplate(name: TemplateName, context: object): string {
  let template = compiled.get(name);
  if (!template) {
    template = engine.compile(readFileSync(path.join(templatesDir(), `${name}.hbs`), 'utf8'), { strict: false, noEscape: false });
    compiled.set(name, template);
  }
  return template(context);
}
