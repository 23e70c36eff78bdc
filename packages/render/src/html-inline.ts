/**
 * Inlines → HTML for what the clause library and the redline emit (markdown/inlines.ts parses them):
 * `.insertion` spans become `<ins>`, `.deletion` spans `<del>` (with `datetime` and `title` from the
 * `date` and `author` attributes), other spans and divs keep their id and classes. Literal text is
 * escaped — never markup.
 */
import { escapeHtml } from './escape-html.js';
import { parseInlines } from './markdown/inlines.js';
import type { Attributes, Inline } from './markdown/syntax.js';

export { type InlineConstruct, inlineConstructAt, parseAttributes } from './markdown/inlines.js';
export type { Attributes } from './markdown/syntax.js';

/** The HTML element a span or div with these attributes becomes. */
export function elementFor(attributes: Attributes, fallback: 'span' | 'div', idOf: (id: string) => string): { open: string; close: string } {
  const pair = (name: string) => attributes.pairs.find(([k]) => k === name)?.[1];
  const change = attributes.classes.includes('insertion') ? 'ins' : attributes.classes.includes('deletion') ? 'del' : undefined;
  const tag = fallback === 'span' && change ? change : fallback;
  let attrs = attributes.id ? ` id="${escapeHtml(idOf(attributes.id))}"` : '';
  const classes = attributes.classes.filter((c) => !(change && tag === change && (c === 'insertion' || c === 'deletion')));
  if (classes.length > 0) attrs += ` class="${escapeHtml(classes.join(' '))}"`;
  if (tag === 'ins' || tag === 'del') {
    const date = pair('date');
    const author = pair('author');
    if (date) attrs += ` datetime="${escapeHtml(date)}"`;
    if (author) attrs += ` title="${escapeHtml(author)}"`;
  }
  return { open: `<${tag}${attrs}>`, close: `</${tag}>` };
}

/** Parsed inlines → HTML. `idOf` maps an id as written (see anchors.ts) to the one printed. */
export function inlinesToHtml(inlines: readonly Inline[], idOf: (id: string) => string): string {
  let out = '';
  for (const node of inlines) {
    switch (node.kind) {
      case 'text':
        out += escapeHtml(node.text);
        break;
      case 'break':
        out += '<br />\n';
        break;
      case 'strong':
        out += `<strong>${inlinesToHtml(node.children, idOf)}</strong>`;
        break;
      case 'emph':
        out += `<em>${inlinesToHtml(node.children, idOf)}</em>`;
        break;
      case 'code':
        out += `<code>${escapeHtml(node.text)}</code>`;
        break;
      case 'link':
        out += `<a href="${escapeHtml(node.href)}">${inlinesToHtml(node.children, idOf)}</a>`;
        break;
      case 'span': {
        const { open, close } = elementFor(node.attributes, 'span', idOf);
        out += `${open}${inlinesToHtml(node.children, idOf)}${close}`;
      }
    }
  }
  return out;
}

/** Inline Markdown → HTML. `idOf` maps an id as written (see anchors.ts) to the one printed. */
export function inlineToHtml(src: string, idOf: (id: string) => string = (id) => id): string {
  return inlinesToHtml(parseInlines(src), idOf);
}

/** The text of inline Markdown without markup (for auto identifiers). */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\]\{[^}]*\}/g, '')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/\*\*|\*|`|\[|\]\([^)]*\)/g, '');
}
