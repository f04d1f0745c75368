// What the preview changes in a page on its way to the browser, and only there: the files in dist/ are
// never touched, so what is published is what was built. Two changes: the live-reload script (and its
// style sheet) joins the head, and the page's Content-Security-Policy lets that script in and lets it
// listen to the server (connect-src). Pure functions from text to text.

/** Every address the preview server answers itself starts with this; the site has no such folder. */
export const PREVIEW_PREFIX = '/__tei-edition/';
export const RELOAD_SCRIPT_PATH = `${PREVIEW_PREFIX}reload.js`;
export const RELOAD_STYLE_PATH = `${PREVIEW_PREFIX}reload.css`;
export const EVENTS_PATH = `${PREVIEW_PREFIX}events`;

/** Which served site a page came from: the script compares it with the server's after each build. */
export interface PageMarks {
  session: string;
  build: number;
}

const escapeAttribute = (text: string): string => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The tags to add: a style sheet and a deferred script, both from the server itself ('self'). */
export function reloadTags(marks: PageMarks): string {
  return `<link rel="stylesheet" href="${RELOAD_STYLE_PATH}">\n<script src="${RELOAD_SCRIPT_PATH}" data-session="${escapeAttribute(marks.session)}" data-build="${marks.build}" defer></script>\n`;
}

/** The page with the live-reload tags at the end of its head (or at its start, if it has no head). */
export function injectReload(html: string, marks: PageMarks): string {
  const tags = reloadTags(marks);
  const head = html.search(/<\/head\s*>/i);
  if (head >= 0) return html.slice(0, head) + tags + html.slice(head);
  const body = html.search(/<body[\s>]/i);
  if (body >= 0) return html.slice(0, body) + tags + html.slice(body);
  return tags + html;
}

/** The sources a directive must allow for the preview's script, its style sheet and its event stream. */
const NEEDED = ['script-src', 'style-src', 'connect-src'] as const;
/** Stricter directives that win over those above for elements, when a policy has them. */
const ELEMENT_DIRECTIVES = ['script-src-elem', 'style-src-elem'] as const;

/**
 * A policy that also allows 'self' for scripts, style sheets and connections, and is otherwise the
 * same. A directive that is absent falls back to default-src: it is added only when default-src would
 * refuse 'self'.
 */
export function allowPreview(policy: string): string {
  const directives = policy
    .split(';')
    .map((d) => d.trim().split(/\s+/).filter(Boolean))
    .filter((d) => d.length > 0);
  const find = (name: string): string[] | undefined => directives.find((d) => d[0]!.toLowerCase() === name);
  const allowSelf = (d: string[]): void => {
    const sources = d.slice(1);
    if (sources.some((s) => s.toLowerCase() === "'self'")) return;
    d.splice(1, d.length - 1, ...sources.filter((s) => s.toLowerCase() !== "'none'"), "'self'");
  };
  const fallback = find('default-src');
  const fallbackRefuses = fallback !== undefined && !fallback.slice(1).some((s) => s.toLowerCase() === "'self'");
  for (const name of NEEDED) {
    const d = find(name);
    if (d) allowSelf(d);
    else if (fallbackRefuses) directives.push([name, "'self'"]);
  }
  for (const name of ELEMENT_DIRECTIVES) {
    const d = find(name);
    if (d) allowSelf(d);
  }
  return directives.map((d) => d.join(' ')).join('; ');
}

const decodeEntities = (text: string): string =>
  text.replace(/&(#39|#x27|quot|apos|lt|gt|amp);/gi, (_, e: string) => ({ '#39': "'", '#x27': "'", quot: '"', apos: "'", lt: '<', gt: '>', amp: '&' })[e.toLowerCase()] ?? _);

/** The page with every Content-Security-Policy meta element rewritten by allowPreview. */
export function relaxPolicyForPreview(html: string): string {
  return html.replace(/<meta\b[^>]*>/gi, (tag) => {
    if (!/\bhttp-equiv\s*=\s*["']?content-security-policy["'\s>/]/i.test(tag)) return tag;
    const content = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
    if (!content) return tag;
    const policy = allowPreview(decodeEntities(content[1] ?? content[2] ?? ''));
    return tag.slice(0, content.index) + `content="${escapeAttribute(policy)}"` + tag.slice(content.index + content[0].length);
  });
}

/** A site page as the preview serves it. */
export function previewPage(html: string, marks: PageMarks): string {
  return injectReload(relaxPolicyForPreview(html), marks);
}
