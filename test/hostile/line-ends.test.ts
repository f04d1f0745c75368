// CRLF and CR line ends read as XML says: normalised to LF in text, CDATA and attribute values
// (where each literal whitespace character then becomes a space); characters written as
// references are kept; error positions still count the file's own lines.
import { expect, it } from 'vitest';
import { parseXml } from '../../src/read/parse-xml.js';
import type { XmlElement, XmlText } from '../../src/read/tree.js';

it('normalises literal line ends and keeps referenced characters', () => {
  const parsed = parseXml('<a b="x\r\ny\tz&#9;w&#13;">l1\r\nl2\rl3&#13;end<![CDATA[c1\r\nc2]]></a>');
  if (!parsed.ok) throw new Error(parsed.problem.message);
  const root: XmlElement = parsed.document.root;
  expect(root.attributes[0]!.value).toBe('x y z\tw\r');
  expect(root.children.map((c) => (c as XmlText).text)).toEqual(['l1\nl2\nl3\rend', 'c1\nc2']);
});

it('reports errors at the line and column of the file, CRLF included', () => {
  const parsed = parseXml('<a>\r\n\r\nx &bogus; y</a>');
  expect(parsed.ok).toBe(false);
  if (!parsed.ok) expect(parsed.problem).toMatchObject({ code: 'undefined-entity', line: 3, column: 3 });
});
