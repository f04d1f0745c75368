// A content document as written: XML declaration, the XHTML and EPUB namespaces, the language on the
// root (lang and xml:lang alike, and dir for a language written from right to left), a title, the
// book's stylesheet.
import path from 'node:path';
import { serialise, type Node } from './dom.js';
import { directionOf } from './languages.js';
import { escapeAttribute, escapeText } from './xml.js';

export const STYLESHEET = 'css/edition.css';

export function xhtmlDocument(o: { path: string; title: string; lang: string; body: Node[]; bodyClass?: string }): string {
  const css = path.posix.relative(path.posix.dirname(o.path), STYLESHEET);
  const lang = escapeAttribute(o.lang);
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n' +
    `<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="${lang}" xml:lang="${lang}"${directionOf(o.lang) === 'rtl' ? ' dir="rtl"' : ''}>\n` +
    `<head>\n<meta charset="utf-8"/>\n<title>${escapeText(o.title)}</title>\n<link rel="stylesheet" type="text/css" href="${escapeAttribute(css)}"/>\n</head>\n` +
    `<body${o.bodyClass ? ` class="${escapeAttribute(o.bodyClass)}"` : ''}>\n${serialise(o.body)}\n</body>\n</html>\n`
  );
}
