/**
 * A paragraph's inline Markdown as a tree, read with render's own scanner (`inlineConstructAt`), so the
 * redline and the HTML converter agree on what is markup. Plain text is split into word, space and
 * punctuation tokens; a construct (strong, emphasis, span, link) keeps its delimiters apart from its
 * content, and escapes, code spans and line breaks are single tokens. The word diff compares nodes, so a
 * change is always whole nodes of one level and never cuts a construct in two.
 *
 * Term anchors (`[text]{#a_t…}`) are invisible to the reader: comparison keys leave their ids out, so a
 * value printed for the second time instead of the third (`_3` → `_2`) is no change.
 */
import { inlineConstructAt } from '@contracts/render';
import { tokenize } from './tokenize.js';

/** One token or construct of inline Markdown. */
export interface InlineNode {
  /** The source text, exactly. */
  text: string;
  /** What two nodes must share to be equal: the text with term-anchor ids left out. */
  key: string;
  /** Constructs only: the delimiters and attributes (ids left out); two with one shape are diffed inside. */
  shape?: string;
  open?: string;
  close?: string;
  children?: InlineNode[];
  /** A literal character that means markup elsewhere (`[`, `*`…): escaped when it lands inside a span. */
  stray?: boolean;
}

/** `#a_t…` ids of term anchors (see render's anchors.ts), which the comparison ignores. */
export const TERM_ID_RE = /#a_t[0-9a-f]{10}(?:_\d+)?/g;
const STRAY_RE = /^[[\]*`\\{}<>_~^$@]$/; // not `|`: in a table row it is structure, elsewhere harmless
// Characters without which a text holds no inline markup at all (the fast path in words.ts).
export const INLINE_MARKUP_RE = /[`*[\]{}\\]/;

const withoutTermIds = (text: string) => (text.includes('#a_t') ? text.replace(TERM_ID_RE, '') : text);

function leaves(text: string, out: InlineNode[]): void {
  for (const token of tokenize(text)) out.push(STRAY_RE.test(token) ? { text: token, key: token, stray: true } : { text: token, key: token });
}

/** Parses inline Markdown into nodes whose texts concatenate to `src`. */
export function parseInline(src: string): InlineNode[] {
  const out: InlineNode[] = [];
  let run = 0;
  let i = 0;
  while (i < src.length) {
    const found = inlineConstructAt(src, i);
    if (found === undefined) {
      i++;
      continue;
    }
    if (i > run) leaves(src.slice(run, i), out);
    const text = src.slice(i, found.end);
    if (found.kind === 'break' || found.kind === 'escape' || found.kind === 'code') out.push({ text, key: text });
    else {
      const [from, to] = found.inner;
      const open = src.slice(i, from);
      const close = src.slice(to, found.end);
      const children = parseInline(src.slice(from, to));
      const shape = `\u0001${open}\u0002${withoutTermIds(close)}`;
      out.push({ text, key: `${shape}\u0003${children.map((c) => c.key).join('\u0000')}`, shape, open, close, children });
    }
    i = found.end;
    run = i;
  }
  if (run < src.length) leaves(src.slice(run), out);
  return out;
}

/**
 * How to write the stray characters of `src` (see {@link InlineNode.stray}) inside a span: offset →
 * replacement (the character escaped). A code span holding a bracket becomes plain text (its backticks
 * dropped, its punctuation escaped): render's converter matches a span's brackets without regard to
 * code, so inside a span it would end the span.
 */
export function strayOffsets(src: string): Map<number, string> {
  const out = new Map<number, string>();
  if (!INLINE_MARKUP_RE.test(src) && !/[<>_~^$@]/.test(src)) return out;
  const walk = (nodes: readonly InlineNode[], at: number): number => {
    for (const node of nodes) {
      if (node.stray) out.set(at, `\\${node.text}`);
      else if (!node.children && node.text.length > 2 && node.text.startsWith('`') && /[[\]]/.test(node.text)) {
        out.set(at, '');
        out.set(at + node.text.length - 1, '');
        for (let k = 1; k < node.text.length - 1; k++) if (/[!-/:-@[-`{-~]/.test(node.text[k]!)) out.set(at + k, `\\${node.text[k]}`);
      }
      if (node.children) walk(node.children, at + node.open!.length);
      at += node.text.length;
    }
    return at;
  };
  walk(parseInline(src), 0);
  return out;
}

/** `text` (found at `base` in its document) with the stray characters at `offsets` written as given. */
export function escapeStrays(text: string, offsets: ReadonlyMap<number, string>, base: number): string {
  if (offsets.size === 0) return text;
  let out = '';
  for (let k = 0; k < text.length; k++) out += offsets.get(base + k) ?? text[k];
  return out;
}

/**
 * Span text on one line: every soft line break (in text or code) becomes a space, the same to a reader,
 * so no line of a deleted or inserted paragraph can start a block where the span lands (`- item` inside
 * a list, `## x`). After a hard line break (`\\` at the end of a line) the line is indented and a block
 * marker escaped.
 */
export function onOneLine(src: string): string {
  if (!src.includes('\n')) return src;
  const write = (nodes: readonly InlineNode[]): string => {
    let out = '';
    let lineStart = false; // just after a hard break (and blanks)
    let number = false; // just after a number at a line start: `1.` would start a list
    for (const node of nodes) {
      // A hard break keeps its newline; the line after it is indented, so that no marker (and no
      // emphasis such as `* x *`) sits at the start of a line.
      const text = node.children ? node.open + write(node.children) + node.close : node.text === '\\\n' ? '\\\n ' : node.text.replace(/\n/g, ' ');
      const marker = !node.children && !node.stray && ((lineStart && /^[-+>#:*]$/.test(text)) || (number && /^[.)]$/.test(text)));
      out += marker ? `\\${text}` : text;
      number = lineStart && /^\d{1,9}$/.test(text);
      lineStart = node.text === '\\\n' || (lineStart && text.trim() === '');
    }
    return out;
  };
  return write(parseInline(src));
}

const ANCHOR_SPAN_CLOSE = /^\]\{(?:#a_t[0-9a-f]{10}(?:_\d+)?)?\}$/;

/** Markdown without term-anchor spans: `[text]{#a_t…}` → `text`, and the empty `[]{}` chunks long values are cut into. */
export function unwrapAnchors(src: string): string {
  if (!src.includes(']{')) return src;
  const write = (nodes: readonly InlineNode[]): string => {
    let out = '';
    for (const node of nodes) {
      if (!node.children) out += node.text;
      else if (node.open === '[' && ANCHOR_SPAN_CLOSE.test(node.close!)) out += write(node.children);
      else out += node.open + write(node.children) + node.close;
    }
    return out;
  };
  return write(parseInline(src));
}

/** The text a reader sees: escapes resolved, delimiters, attributes and link targets left out. */
export function visibleText(src: string): string {
  if (!INLINE_MARKUP_RE.test(src)) return src;
  const shown = (n: InlineNode): string => {
    if (n.children) return n.children.map(shown).join('');
    if (n.text === '\\\n') return '\n';
    if (n.text.length === 2 && n.text.startsWith('\\')) return n.text.slice(1);
    return !n.stray && n.text.startsWith('`') ? n.text.replace(/^`|`$/g, '') : n.text;
  };
  const text = (nodes: readonly InlineNode[]) => nodes.map(shown).join('');
  return text(parseInline(src));
}
