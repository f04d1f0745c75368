// The IANA media type of each file of the payload, from its extension: what METS and repositories show
// as the file's format. A TEI source is application/tei+xml (RFC 6129); anything unknown is
// application/octet-stream rather than a guess.
const BY_EXTENSION: Readonly<Record<string, string>> = {
  css: 'text/css',
  csv: 'text/csv',
  epub: 'application/epub+zip',
  gif: 'image/gif',
  htm: 'text/html',
  html: 'text/html',
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  js: 'text/javascript',
  json: 'application/json',
  md: 'text/markdown',
  mjs: 'text/javascript',
  odd: 'application/tei+xml',
  otf: 'font/otf',
  pdf: 'application/pdf',
  png: 'image/png',
  rnc: 'application/relax-ng-compact-syntax',
  rng: 'application/xml',
  sch: 'application/xml',
  svg: 'image/svg+xml',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  ttf: 'font/ttf',
  txt: 'text/plain',
  webp: 'image/webp',
  woff: 'font/woff',
  woff2: 'font/woff2',
  xhtml: 'application/xhtml+xml',
  xml: 'application/xml',
  xsd: 'application/xml',
  xsl: 'application/xslt+xml',
  xslt: 'application/xslt+xml',
};

/**
 * The media type of `path`. `tei`: the file is one of the edition's TEI sources, whatever its extension
 * (an .xml file elsewhere, a schema or a config, is plain application/xml).
 */
export function mediaType(path: string, tei = false): string {
  if (tei) return 'application/tei+xml';
  const extension = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase();
  return (extension && BY_EXTENSION[extension]) || 'application/octet-stream';
}
