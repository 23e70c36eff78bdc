/**
 * Redline as pandoc Markdown: insertions and deletions become
 * `[text]{.insertion author="…" date="…"}` / `[text]{.deletion …}` spans, which pandoc's
 * docx writer turns into real tracked changes (w:ins / w:del).
 *
 * Safety model: unchanged paragraphs are copied verbatim (they are the new document's own
 * Markdown). A changed paragraph keeps its Markdown too when every change is plain words in
 * plain text (see preserve.ts), so clause numbers stay bold and cross-references stay links.
 * Otherwise its body is treated as plain text and escaped — equal runs too, because a diff can
 * cut through Markdown syntax (e.g. equal `[` + inserted text + equal `](url)` would otherwise
 * assemble a link the author never wrote). Block markers stay outside spans so headings and
 * list items keep their structure.
 */
import { canPreserve } from './preserve.js';
import type { RedlineBlock } from './types.js';

/** Who made the later round's changes, and when (e.g. from its git commit). */
export interface RedlineAuthor {
  author: string;
  /** ISO 8601 date-time, as pandoc expects for tracked changes. */
  date: string;
}

// Markers that matter only at the start of a line (list items, blockquotes, headings…).
const LINE_START_RE = /(^|\n)([ \t]*)(\d+)([.)])|(^|\n)([ \t]*)([-+:=%])/g;
// Characters with inline meaning in pandoc Markdown: emphasis, code and raw attributes,
// links/spans/attributes, raw HTML and entities, math, super/subscript, citations, headings,
// tables. An existing backslash escape is a single token and is kept as is (no double escaping).
const ESCAPE_OR_SPECIAL_RE = /\\[!-/:-@[-`{-~]|[`*_{}[\]<>&$^~@#|\\]/g;

/** Escapes plain text so pandoc reads it back literally, wherever it is placed inline. */
export function escapeMarkdownText(text: string, atLineStart: boolean): string {
  let s = text.replace(ESCAPE_OR_SPECIAL_RE, (m) => (m.length === 2 ? m : `\\${m}`));
  s = s.replace(LINE_START_RE, (m, nl1?: string, ws1?: string, num?: string, dot?: string, nl2?: string, ws2?: string, mark?: string, offset?: number) => {
    if (offset === 0 && !atLineStart) return m;
    return num !== undefined ? `${nl1}${ws1}${num}\\${dot}` : `${nl2}${ws2}\\${mark}`;
  });
  return s;
}

/** Escapes an attribute value for a double-quoted pandoc attribute. */
export function escapeAttribute(value: string): string {
  return value.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ');
}

const CONTINUES_RE = /^[ \t]*(?:>|[-*+][ \t]|\d{1,9}[.)][ \t])/;

/**
 * Blank line or single newline before `block`. Adjacent blocks may come from different
 * documents (a deleted paragraph next to the inserted one), so the source's own spacing is
 * kept only between list items / quote lines, which pandoc separates without a blank line;
 * anything else gets a blank line so it can never fuse into its neighbour's paragraph.
 */
function separator(prev: RedlineBlock, block: RedlineBlock): string {
  const tight = !block.blankBefore && ((CONTINUES_RE.test(prev.prefix) && CONTINUES_RE.test(block.prefix)) || (isTableRow(prev) && isTableRow(block)));
  return tight ? '\n' : '\n\n';
}

/** One row of a pipe table (the structure-anchored diff makes each row a block of its own). */
const isTableRow = (block: RedlineBlock) => block.prefix === '' && /^\|.*\|$/.test(block.ops.map((op) => op.text).join(''));

/** An inserted or deleted table row: each cell's content in a span, the pipes left as table structure. */
function spannedRow(row: string, span: (text: string) => string): string {
  if (/^\|?\s*:?-{2,}/.test(row)) return row; // a separator row has nothing to mark
  const cells = row.slice(1, -1).split(/(?<!\\)\|/);
  return `|${cells.map((cell) => (cell.trim() ? ` ${span(cell.trim())} ` : cell)).join('|')}|`;
}

/**
 * Renders blocks as pandoc Markdown with insertion/deletion spans attributed to `by`.
 * Output ends with a newline; blank lines between blocks follow the source documents.
 */
export function toRedlineMarkdown(blocks: readonly RedlineBlock[], by: RedlineAuthor): string {
  const attrs = ` author="${escapeAttribute(by.author)}" date="${escapeAttribute(by.date)}"`;
  const span = (kind: 'insert' | 'delete', text: string, moved?: 'from' | 'to') =>
    `[${text}]{.${kind === 'insert' ? 'insertion' : 'deletion'}${moved ? ` .moved-${moved}` : ''}${attrs}}`;
  const parts: string[] = [];
  blocks.forEach((block, index) => {
    const prev = blocks[index - 1];
    if (prev) parts.push(separator(prev, block));
    if (block.kind === 'equal') {
      parts.push(block.prefix, block.ops[0]?.text ?? '');
      return;
    }
    parts.push(block.prefix);
    if (block.kind !== 'change' && isTableRow(block)) {
      parts.push(spannedRow(block.ops[0]!.text, (cell) => span(block.kind as 'insert' | 'delete', cell, block.moved)));
      return;
    }
    const preserve = canPreserve(block);
    // The body starts a line only when there is no marker before it.
    let atLineStart = block.prefix === '';
    for (const op of block.ops) {
      const text = preserve ? op.text : escapeMarkdownText(op.text, atLineStart && op.kind === 'equal');
      if (op.kind === 'equal') parts.push(text);
      else parts.push(span(op.kind, text, block.moved));
      atLineStart = op.text.endsWith('\n');
    }
  });
  if (parts.length > 0) parts.push('\n');
  return parts.join('');
}
