// The stylesheets read nothing but the document they are given: no doc(), document(),
// unparsed-text() or collection(), whose targets a TEI file could steer outside the edition.
// A stylesheet that needs another file must get it from the build, which only reads checked files.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { projectRoot } from '../helpers/paths.js';

// Not preceded by a name character: te:matches-document() is a function of ours, not document().
const READERS = /(?<![\w:.-])(doc|document|unparsed-text|unparsed-text-lines|unparsed-text-available|collection|uri-collection|doc-available|json-doc)\s*\(/;

function stylesheets(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? stylesheets(full) : name.endsWith('.xsl') ? [full] : [];
  });
}

it('no stylesheet calls a function that reads files or URLs', () => {
  const found: string[] = [];
  for (const file of stylesheets(path.join(projectRoot, 'xslt'))) {
    // Comments may name the functions; only code counts. A comment becomes as many empty lines, so line numbers stay.
    readFileSync(file, 'utf8')
      .replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, ''))
      .split('\n')
      .forEach((line, i) => {
        if (READERS.test(line)) found.push(`${path.relative(projectRoot, file)}:${i + 1}: ${line.trim()}`);
      });
  }
  expect(found).toEqual([]);
});
