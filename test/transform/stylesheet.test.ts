// Loading the compiled stylesheets: the shipped SEF when it matches xslt/, else a cached or fresh
// compile; a stylesheet that does not compile is one line naming it, never a stack trace.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadStylesheet, sefFileName, StylesheetError, stylesheetHash } from '../../src/transform/stylesheet.js';
import { projectRoot } from '../helpers/paths.js';

const temp = mkdtempSync(path.join(tmpdir(), 'stylesheet-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const XSL = (body: string): string =>
  `<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">\n  <xsl:template match="/">${body}</xsl:template>\n</xsl:stylesheet>\n`;

/** A folder laid out like xslt/, with html/page.xsl. */
function xsltDir(name: string, page: string): string {
  const dir = path.join(temp, name);
  mkdirSync(path.join(dir, 'html'), { recursive: true });
  writeFileSync(path.join(dir, 'html', 'page.xsl'), page);
  return dir;
}

function folder(name: string): string {
  const dir = path.join(temp, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

describe('loadStylesheet', () => {
  it('loads the shipped SEF that matches the stylesheets, compiling nothing', async () => {
    const xslt = xsltDir('shipped-xslt', XSL('<out/>'));
    const shipped = folder('shipped');
    // Not a real compile: a compile would not carry the marker.
    writeFileSync(path.join(shipped, sefFileName('html/page', stylesheetHash(xslt))), JSON.stringify({ N: 'package', marker: 'shipped' }));
    const cache = folder('shipped-cache');
    const loaded = await loadStylesheet('html/page', { xsltDir: xslt, shippedDir: shipped, cacheDir: cache });
    expect(loaded.sef).toMatchObject({ marker: 'shipped' });
    expect(readdirSync(cache)).toEqual([]);
  });

  it('compiles stylesheets that differ from the shipped ones into the cache, and reads them from there', async () => {
    const xslt = xsltDir('edited-xslt', XSL('<first/>'));
    const shipped = folder('edited-shipped');
    writeFileSync(path.join(shipped, sefFileName('html/page', 'an-older-hash')), JSON.stringify({ N: 'package', marker: 'old' }));
    const cache = folder('edited-cache');
    const compiled = await loadStylesheet('html/page', { xsltDir: xslt, shippedDir: shipped, cacheDir: cache });
    expect(compiled.sef).toMatchObject({ N: 'package' });
    expect(readdirSync(cache)).toEqual([sefFileName('html/page', stylesheetHash(xslt))]);

    // Edited again: a SEF for the new stylesheets found in the cache is used as it is.
    writeFileSync(path.join(xslt, 'html', 'page.xsl'), XSL('<second/>'));
    writeFileSync(path.join(cache, sefFileName('html/page', stylesheetHash(xslt))), JSON.stringify({ N: 'package', marker: 'cached' }));
    expect((await loadStylesheet('html/page', { xsltDir: xslt, shippedDir: shipped, cacheDir: cache })).sef).toMatchObject({ marker: 'cached' });
  });

  it('without a cache folder compiles in a private folder it removes', async () => {
    const xslt = xsltDir('scratch-xslt', XSL('<scratch/>'));
    const scratchTmp = folder('scratch-tmp');
    const before = process.env.TMPDIR;
    process.env.TMPDIR = scratchTmp;
    try {
      const loaded = await loadStylesheet('html/page', { xsltDir: xslt, shippedDir: folder('scratch-shipped'), cacheDir: null });
      expect(loaded.sef).toMatchObject({ N: 'package' });
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
    expect(readdirSync(scratchTmp)).toEqual([]);
  });

  it('reports a stylesheet that does not compile in one line naming it', async () => {
    const xslt = xsltDir('broken-xslt', XSL('<xsl:value-of select="concat(("/>'));
    const cache = folder('broken-cache');
    const error = await loadStylesheet('html/page', { xsltDir: xslt, shippedDir: folder('broken-shipped'), cacheDir: cache }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StylesheetError);
    const message = (error as Error).message;
    expect(message).toMatch(/^the stylesheet xslt\/html\/page\.xsl does not compile: .*XPST0003/);
    expect(message).not.toContain('\n');
    expect(message).not.toContain('Failed to compile stylesheet');
    // Nothing half-written is left to be taken for a compiled stylesheet.
    expect(readdirSync(cache)).toEqual([]);
  });

  it('reports a damaged shipped SEF', async () => {
    const xslt = xsltDir('damaged-xslt', XSL('<out/>'));
    const shipped = folder('damaged-shipped');
    writeFileSync(path.join(shipped, sefFileName('html/page', stylesheetHash(xslt))), '{"N": "pack');
    const error = await loadStylesheet('html/page', { xsltDir: xslt, shippedDir: shipped, cacheDir: null }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StylesheetError);
    expect((error as Error).message).toMatch(/damaged: reinstall tei-edition/);
  });
});

it('no source builds a path into the package folder’s node_modules: dependencies are found by Node', () => {
  const offenders: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.ts')) {
        readFileSync(full, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            if (/(packageRoot|__dirname|import\.meta)[^;]*['"`]node_modules/.test(line)) offenders.push(`${path.relative(projectRoot, full)}:${i + 1}`);
          });
      }
    }
  };
  walk(path.join(projectRoot, 'src'));
  expect(offenders).toEqual([]);
});
