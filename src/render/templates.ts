// The handlebars page shells in src/templates/, compiled once. Handlebars escapes {{ }}; only HTML
// serialised by the stylesheet (or built here from escaped parts) goes through {{{ }}}.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { packageRoot } from '../transform/package-root.js';
import { englishLabels, type Labels } from '../labels/labels.js';

export type TemplateName = 'layout' | 'home' | 'documents' | 'document' | 'register' | 'registers' | 'chronology' | 'search';

const compiled = new Map<TemplateName, Handlebars.TemplateDelegate>();
const engine = Handlebars.create();
// The interface's words, in the language of the page's labels (the context's `labels`, see renderTemplate):
// {{t "notes"}}, {{t "documentNumber" number=number}}; {{count "entryCount" n}} ("1 entry", "3 entries");
// {{form "searchFound" "one"}}, a counted label's form with its {count} unfilled (for the search script).
const labelsIn = (options: Handlebars.HelperOptions): Labels => ((options.data as { root?: { labels?: Labels } } | undefined)?.root?.labels ?? englishLabels());
const valuesOf = (options: Handlebars.HelperOptions): Record<string, string | number> => options.hash as Record<string, string | number>;
engine.registerHelper('t', (key: unknown, options: Handlebars.HelperOptions) => labelsIn(options).t(String(key), valuesOf(options)));
engine.registerHelper('count', (key: unknown, n: unknown, options: Handlebars.HelperOptions) => labelsIn(options).count(String(key), Number(n), valuesOf(options)));
engine.registerHelper('form', (key: unknown, form: unknown, options: Handlebars.HelperOptions) => labelsIn(options).form(String(key), form === 'one' ? 'one' : 'other'));

export function templatesDir(): string {
  return path.join(packageRoot, 'src', 'templates');
}

/** A page shell or part filled from `context`; its labels are those of `labels` (default English). */
export function renderTemplate(name: TemplateName, context: object, labels: Labels = englishLabels()): string {
  let template = compiled.get(name);
  if (!template) {
    template = engine.compile(readFileSync(path.join(templatesDir(), `${name}.hbs`), 'utf8'), { strict: false, noEscape: false });
    compiled.set(name, template);
  }
  return template({ ...context, labels, interfaceLang: labels.lang, pluralOne: labels.pluralOne.join(' ') });
}
