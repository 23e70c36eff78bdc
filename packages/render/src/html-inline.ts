/**
 * Inline pandoc Markdown → HTML for what the clause library and the redline emit: backslash escapes,
 * `**strong**`, `*emphasis*`, `` `code` ``, links to `#anchors` / http(s) / mailto, bracketed spans
 * `[text]{#id .class key="v"}` (`.insertion` → `<ins>`, `.deletion` → `<del>`, with `datetime` and
 * `title` from the `date` and `author` attributes) and a trailing `\` line break. Anything else is
 * literal, escaped text — never markup.
 */
import { escapeHtml } from './escape-html.js';

const PUNCT = /[!-/:-@[-`{-~]/;
const SAFE_HREF = /^(#[A-Za-z0-9_.:-]*|https?:\/\/[^\s"<>]+|mailto:[^\s"<>]+)$/;

/** Pandoc attributes `{#id .class key="value"}`. */
export interface Attributes {
  id?: string;
  classes: string[];
  pairs: [string, string][];
}

/** Index of `delim` at or after `from`, skipping backslash escapes; -1 when absent. */
function findClose(src: string, delim: string, from: number): number {
  for (let j = from; j < src.length; j++) {
    if (src[j] === '\\') j++;
    else if (src.startsWith(delim, j)) return j;
  }
  return -1;
}

/** Index of the `]` that closes the `[` at `open` (nesting and escapes respected); -1 when none. */
function closingBracket(src: string, open: number): number {
  let depth = 0;
  for (let j = open; j < src.length; j++) {
    const ch = src[j];
    if (ch === '\\') j++;
    else if (ch === '[') depth++;
    else if (ch === ']' && --depth === 0) return j;
  }
  return -1;
}

const ATTRIBUTE = /\s*(?:#([A-Za-z][\w:.-]*)|\.([A-Za-z_][\w-]*)|([A-Za-z_][\w-]*)=(?:"((?:[^"\\]|\\.)*)"|([^\s"}]+)))/y;

/** Parses `{…}` at `at`; returns the attributes and the index after `}`, or undefined when it is not one. */
export function parseAttributes(src: string, at: number): { attributes: Attributes; end: number } | undefined {
  if (src[at] !== '{') return undefined;
  const attributes: Attributes = { classes: [], pairs: [] };
  let j = at + 1;
  for (;;) {
    ATTRIBUTE.lastIndex = j;
    const m = ATTRIBUTE.exec(src);
    if (!m) break;
    if (m[1]) attributes.id = m[1];
    else if (m[2]) attributes.classes.push(m[2]);
    else attributes.pairs.push([m[3]!, m[4] !== undefined ? m[4].replace(/\\(.)/g, '$1') : m[5]!]);
    j = ATTRIBUTE.lastIndex;
  }
  while (src[j] === ' ') j++;
  return src[j] === '}' ? { attributes, end: j + 1 } : undefined;
}

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

/**
 * One inline construct as the converter reads it, starting at some index: a line break, a backslash
 * escape, a code span, strong or emphasis, a bracketed span with attributes, or a safe link. `end` is the
 * index after it; `inner` the range of its content (strong, emphasis, span, link). The redline's
 * tokenizer (`@contracts/diff`) reads Markdown through this too, so both agree on what is markup.
 */
export type InlineConstruct =
  | { kind: 'break'; end: number }
  | { kind: 'escape'; end: number }
  | { kind: 'code'; end: number }
  | { kind: 'strong'; end: number; inner: [number, number] }
  | { kind: 'emphasis'; end: number; inner: [number, number] }
  | { kind: 'span'; end: number; inner: [number, number]; attributes: Attributes }
  | { kind: 'link'; end: number; inner: [number, number]; href: string };

/** The construct that starts at `i` in `src`, or undefined when the character there is literal text. */
export function inlineConstructAt(src: string, i: number): InlineConstruct | undefined {
  const ch = src[i];
  if (ch === '\\') {
    const after = src[i + 1];
    if (after === '\n') return { kind: 'break', end: i + 2 };
    if (after !== undefined && PUNCT.test(after)) return { kind: 'escape', end: i + 2 };
  } else if (ch === '*' && src[i + 1] === '*') {
    const end = findClose(src, '**', i + 2);
    if (end > i + 2) return { kind: 'strong', end: end + 2, inner: [i + 2, end] };
  } else if (ch === '*' || ch === '`') {
    const end = findClose(src, ch, i + 1);
    if (end > i + 1) return ch === '*' ? { kind: 'emphasis', end: end + 1, inner: [i + 1, end] } : { kind: 'code', end: end + 1 };
  } else if (ch === '[') {
    const close = closingBracket(src, i);
    if (close <= i) return undefined;
    const span = parseAttributes(src, close + 1);
    if (span) return { kind: 'span', end: span.end, inner: [i + 1, close], attributes: span.attributes };
    const paren = src[close + 1] === '(' ? src.indexOf(')', close + 2) : -1;
    const href = paren > 0 ? src.slice(close + 2, paren) : '';
    if (paren > 0 && SAFE_HREF.test(href)) return { kind: 'link', end: paren + 1, inner: [i + 1, close], href };
  }
  return undefined;
}

/** Inline Markdown → HTML. `idOf` maps an id as written (see anchors.ts) to the one printed. */
export function inlineToHtml(src: string, idOf: (id: string) => string = (id) => id): string {
  let out = '';
  let run = 0; // start of the plain text not yet written
  const flush = (to: number) => {
    if (to > run) out += escapeHtml(src.slice(run, to));
  };
  const inner = (range: [number, number]) => inlineToHtml(src.slice(range[0], range[1]), idOf);
  let i = 0;
  while (i < src.length) {
    const found = inlineConstructAt(src, i);
    if (found === undefined) {
      i += 1;
      continue;
    }
    flush(i);
    if (found.kind === 'break') out += '<br />\n';
    else if (found.kind === 'escape') out += escapeHtml(src[i + 1]!);
    else if (found.kind === 'code') out += `<code>${escapeHtml(src.slice(i + 1, found.end - 1))}</code>`;
    else if (found.kind === 'strong') out += `<strong>${inner(found.inner)}</strong>`;
    else if (found.kind === 'emphasis') out += `<em>${inner(found.inner)}</em>`;
    else if (found.kind === 'span') {
      const { open, close } = elementFor(found.attributes, 'span', idOf);
      out += `${open}${inner(found.inner)}${close}`;
    } else out += `<a href="${escapeHtml(found.href)}">${inner(found.inner)}</a>`;
    i = found.end;
    run = found.end;
  }
  flush(src.length);
  return out;
}

/** The text of inline Markdown without markup (for auto identifiers). */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\]\{[^}]*\}/g, '')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/\*\*|\*|`|\[|\]\([^)]*\)/g, '');
}
