// The read stage: files on disk → decoded text → element trees with positions.
export { decodeXml, asUtf8Source } from './decode.js';
export { expandPaths, displayPath } from './files.js';
export { LineIndex, type Position } from './lines.js';
export { loadXmlFile, DEFAULT_MAX_FILE_BYTES, type SourceFile, type LoadResult, type LoadOptions } from './load.js';
export { parseXml, type ParseResult, type XmlProblem, type XmlProblemCode } from './parse-xml.js';
export * from './tree.js';
