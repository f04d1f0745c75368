// The rendering core's rules, read off the source: packaging never parses HTML, and no output reads the
// fragments another output was given (the site's text, its notes and apparatus lists): each renders the
// transform's own fragment for it and the apparatus model.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/paths.js';

function tsFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...tsFilesUnder(p));
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

const src = path.join(projectRoot, 'src');
const rel = (p: string): string => path.relative(projectRoot, p).split(path.sep).join('/');

describe('the one-way flow of the outputs', () => {
  it('never parses HTML in a file under src/package/', () => {
    const offenders = tsFilesUnder(path.join(src, 'package')).filter((f) => {
      const text = readFileSync(f, 'utf8');
      return /from ['"]parse5['"]/.test(text) || /\bparseHtml\s*\(/.test(text) || /\bparseFragment\s*\(/.test(text) || /DOMParser/.test(text);
    });
    expect(offenders.map(rel)).toEqual([]);
  });

  it('gives the EPUB and the printed edition no fragment made for the site', () => {
    // html.text, html.notes and html.apparatus are the site's: its witness switch, its lists under the text.
    const renderers = [...tsFilesUnder(path.join(src, 'render', 'epub')), ...tsFilesUnder(path.join(src, 'render', 'print')), ...tsFilesUnder(path.join(src, 'package'))];
    const offenders = renderers.filter((f) => /\.html\.(text|notes|apparatus)\b/.test(readFileSync(f, 'utf8')));
    expect(offenders.map(rel)).toEqual([]);
  });

  it('reads nothing an output wrote: no renderer opens a page of the site or of the book', () => {
    const offenders = tsFilesUnder(path.join(src, 'render')).filter((f) => /readFileSync\([^)]*(site|\.html|\.xhtml)/.test(readFileSync(f, 'utf8')));
    expect(offenders.map(rel)).toEqual([]);
  });

  it('keeps the stages in order: a stage imports only earlier stages, diagnostics/ and config/', () => {
    const order = ['read', 'check', 'transform', 'render', 'package', 'cli'];
    const problems: string[] = [];
    for (const file of tsFilesUnder(src)) {
      const stage = rel(file).split('/')[1]!;
      const at = order.indexOf(stage);
      if (at < 0) continue;
      for (const m of readFileSync(file, 'utf8').matchAll(/from '(\.\.?\/[^']+)'/g)) {
        const target = rel(path.resolve(path.dirname(file), m[1]!)).split('/')[1]!;
        const t = order.indexOf(target);
        if (t > at) problems.push(`${rel(file)} imports ${m[1]}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
