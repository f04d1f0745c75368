// Reading text of TEI as a reader of the source sees it: the editors' notes left out, the copy-text's
// bracketed additions shown in brackets, gaps as [...], and, in parallel segmentation, the readings of
// one witness only.
import type { XmlElement, XmlNode } from './xml-tree.js';

const blocks = new Set(['p', 'ab', 'opener', 'closer', 'salute', 'signed', 'dateline', 'addrLine', 'address',
  'head', 'floatingText', 'body', 'div', 'lb', 'milestone']);

export interface TextOptions {
  /** The xml:id of a witness (e.g. "wit-A"): inside app, only readings whose @wit names it are read. */
  witness?: string;
}

function witnessIds(wit: string | undefined): string[] {
  return (wit ?? '').split(/\s+/).filter(Boolean).map((w) => w.replace(/^.*#/, ''));
}

export function readingText(node: XmlNode, options: TextOptions = {}): string {
  if (typeof node === 'string') return node;
  switch (node.name) {
    case 'note':
      return '';
    case 'supplied':
      return `[${childrenText(node, options)}]`;
    case 'gap':
      return '[...]';
    case 'app': {
      if (!options.witness) throw new Error('an app needs a witness to be read');
      const readings = node.children.filter((c): c is XmlElement => typeof c !== 'string' && (c.name === 'rdg' || c.name === 'lem'));
      const chosen = readings.filter((r) => witnessIds(r.attrs.wit).includes(options.witness!));
      if (chosen.length !== 1) throw new Error(`app ${node.attrs['xml:id'] ?? ''}: ${chosen.length} readings for ${options.witness}`);
      return childrenText(chosen[0]!, options);
    }
  }
  const inner = childrenText(node, options);
  return blocks.has(node.name) ? ` ${inner} ` : inner;
}

function childrenText(el: XmlElement, options: TextOptions): string {
  return el.children.map((c) => readingText(c, options)).join('');
}
