/**
 * Inline pandoc Markdown as the clause library and the redline write it: backslash escapes,
 * `**strong**`, `*emphasis*`, `` `code` ``, links to `#anchors` / http(s) / mailto, bracketed spans
 * `[text]{#id .class key="v"}` and a trailing `\` line break. Anything else is literal text (the
 * subset check, subset.ts, tells where pandoc would read more).
 */
import type { Attributes, Inline } from './syntax.js';

const PUNCT = /[!-/:-@[-`{-~]/;

/**
 * A hard line break inside a pipe-table cell, where pandoc Markdown has no syntax for one (a row is one
 * line, and a cell holds no paragraphs): the break as raw HTML and as raw OOXML, each output keeping
 * its own and dropping the other. Negotiated wording prints a cell's paragraphs with it between them.
 */
export const CELL_BREAK = '`<br />`{=html}`<w:r><w:br/></w:r>`{=openxml}';
/** Link targets kept as links; any other `[text](…)` stays literal. */
export const SAFE_HREF = /^(#[A-Za-z0-9_.:-]*|https?:\/\/[^\s"<>]+|mailto:[^\s"<>]+)$/;

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

/**
 * One inline construct as the converters read it, starting at some index: a line break, a backslash
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
  } else if (ch === '`' && src.startsWith(CELL_BREAK, i)) {
    return { kind: 'break', end: i + CELL_BREAK.length };
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

/** The inline at `i`, or undefined when the character there is literal text. */
function inlineAt(src: string, i: number): [Inline, number] | undefined {
  const found = inlineConstructAt(src, i);
  if (!found) return undefined;
  const children = (range: [number, number]) => parseInlines(src.slice(range[0], range[1]));
  switch (found.kind) {
    case 'break':
      return [{ kind: 'break' }, found.end];
    case 'escape':
      return [{ kind: 'text', text: src[i + 1]!, escaped: true }, found.end];
    case 'code':
      return [{ kind: 'code', text: src.slice(i + 1, found.end - 1) }, found.end];
    case 'strong':
      return [{ kind: 'strong', children: children(found.inner) }, found.end];
    case 'emphasis':
      return [{ kind: 'emph', children: children(found.inner) }, found.end];
    case 'span':
      return [{ kind: 'span', attributes: found.attributes, children: children(found.inner) }, found.end];
    case 'link':
      return [{ kind: 'link', href: found.href, children: children(found.inner) }, found.end];
  }
}

/** Inline Markdown → inlines, in order; literal stretches are one `text` each. */
export function parseInlines(src: string): Inline[] {
  const out: Inline[] = [];
  let run = 0; // start of the literal text not yet emitted
  let i = 0;
  while (i < src.length) {
    const found = inlineAt(src, i);
    if (!found) {
      i++;
      continue;
    }
    if (i > run) out.push({ kind: 'text', text: src.slice(run, i) });
    out.push(found[0]);
    i = run = found[1];
  }
  if (src.length > run) out.push({ kind: 'text', text: src.slice(run) });
  return out;
}
