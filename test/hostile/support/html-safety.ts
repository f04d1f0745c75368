// What "inert" means for a written page, as a list of findings: every script is one the site wrote
// (an external file, or JSON-LD data that parses), no element has an event-handler attribute, no
// URL-bearing attribute has a scheme other than http, https, mailto or none, no inline style can
// fetch or run anything, and the page carries a Content-Security-Policy.
import { parse, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster', 'data', 'srcset', 'xlink:href', 'background', 'cite', 'longdesc', 'ping', 'manifest']);
const ALLOWED = /^(https?|mailto)$/i;

function* walk(node: Node): Generator<Element> {
  const children = 'childNodes' in node ? node.childNodes : [];
  for (const child of children) {
    if ('tagName' in child) {
      yield child;
      yield* walk(child.tagName === 'template' ? child.content : child);
    }
  }
}

function text(el: Element): string {
  return el.childNodes.map((c) => (c.nodeName === '#text' ? (c as DefaultTreeAdapterMap['textNode']).value : '')).join('');
}

/** The scheme a browser would read: controls and spaces stripped at the start, tabs and breaks anywhere. */
export function browserScheme(value: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const cleaned = value.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '');
  return /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(cleaned)?.[1];
}

export interface SafetyOptions {
  /** Pages must carry a CSP meta tag (true once the site writes one). */
  requireCsp?: boolean;
}

export function unsafeHtmlFindings(html: string, options: SafetyOptions = {}): string[] {
  const findings: string[] = [];
  const document = parse(html);
  let csp = false;
  for (const el of walk(document)) {
    const tag = el.tagName;
    if (tag === 'script') {
      const type = el.attrs.find((a) => a.name === 'type')?.value;
      const src = el.attrs.find((a) => a.name === 'src')?.value;
      if (type === 'application/ld+json') {
        try {
          JSON.parse(text(el));
        } catch {
          findings.push('a JSON-LD script whose content is not JSON (broken out of?)');
        }
      } else if (src === undefined || browserScheme(src) !== undefined) {
        findings.push(`an inline or foreign script: ${text(el).slice(0, 80) || src}`);
      }
    }
    if (tag === 'meta') {
      const equiv = (el.attrs.find((a) => a.name === 'http-equiv')?.value ?? '').toLowerCase();
      if (equiv === 'content-security-policy') csp = true;
      if (equiv === 'refresh') findings.push('a meta refresh');
    }
    if (tag === 'iframe' || tag === 'object' || tag === 'embed' || tag === 'base') findings.push(`a <${tag}> element`);
    for (const a of el.attrs) {
      const name = a.prefix ? `${a.prefix}:${a.name}` : a.name;
      if (/^on/i.test(a.name)) findings.push(`an event handler ${name}="${a.value.slice(0, 60)}" on <${tag}>`);
      if (URL_ATTRIBUTES.has(name)) {
        const scheme = browserScheme(a.value);
        if (scheme !== undefined && !ALLOWED.test(scheme)) findings.push(`${name}="${a.value.slice(0, 60)}" on <${tag}>`);
      }
      if (name === 'style' && /url\s*\(|expression\s*\(|javascript:|@import|behavio(u)?r\s*:/i.test(a.value)) findings.push(`style="${a.value.slice(0, 60)}" on <${tag}>`);
    }
    if (tag === 'style' && /url\s*\(|expression\s*\(|javascript:|@import/i.test(text(el))) findings.push('an inline <style> that fetches or runs something');
  }
  if (options.requireCsp && !csp) findings.push('no Content-Security-Policy meta tag');
  return findings;
}
