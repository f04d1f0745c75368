import { describe, expect, it } from 'vitest';
import { withoutPropagatedFailures, type XmllintError } from '../../src/check/rng/xmllint-output.js';

const error = (fileName: string, line: number, message: string): XmllintError => ({ fileName, line, message });

describe('the propagated "failed to validate content" lines of xmllint', () => {
  it('are dropped from a file that has a more specific error', () => {
    const kept = withoutPropagatedFailures([
      error('a.xml', 3, 'Expecting an element publicationStmt, got nothing'),
      error('a.xml', 3, 'Element fileDesc failed to validate content'),
      error('a.xml', 1, 'Element TEI failed to validate content'),
    ]);
    expect(kept.map((e) => e.message)).toEqual(['Expecting an element publicationStmt, got nothing']);
  });

  it('are kept when they are the only errors of a file, so an invalid file always has a placed error', () => {
    const kept = withoutPropagatedFailures([
      error('a.xml', 2, 'Expecting an element title, got nothing'),
      error('b.xml', 5, 'Element body failed to validate content'),
    ]);
    expect(kept.map((e) => e.fileName)).toEqual(['a.xml', 'b.xml']);
  });
});
