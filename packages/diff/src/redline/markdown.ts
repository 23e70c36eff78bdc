/**
 * Redline as pandoc Markdown: insertions and deletions become
 * `[text]{.insertion author="…" date="…"}` / `[text]{.deletion …}` spans, which pandoc's writers and
 * render's converter turn into tracked changes (`w:ins`/`w:del`) or `<ins>`/`<del>`.
 *
 * Every paragraph keeps its own Markdown: the word diff (words.ts) only ever changes whole tokens and
 * constructs, so a span around a change is well-formed and bold clause numbers, cross-references and
 * term spans stay what they are. Structure stays outside the spans: block markers, a heading's `{#id}`,
 * the pipes of a table row (an inserted or removed row is a row of marked cells) and the fences of a
 * clause (an inserted clause's fence gets `.redline-inserted`, a removed one's `.redline-deleted`, a
 * moved one's `.redline-moved-from`/`-to`). Deleted text drops its anchor ids, so every id in the
 * redline is the later round's and appears once.
 */
import { escapeStrays, onOneLine, strayOffsets, unwrapAnchors } from './inline.js';
import { headingParts, isFenceLine, isTableRow, shownParagraph } from './paragraph-diff.js';
import { itemKind } from './paragraphs.js';
import type { RedlineBlock } from './types.js';

/** Who made the later round's changes, and when (e.g. from its git commit). */
export interface RedlineAuthor {
  author: string;
  /** ISO 8601 date-time, as pandoc expects for tracked changes. */
  date: string;
}

export interface RedlineMarkdownOptions {
  /**
   * Keep render's anchors (`[…]{#a_t…}` spans, `::: {#a_c…}` clause fences): the Markdown the HTML
   * redline is made from. `false` gives the people-facing Markdown, as `render --to md`. Default true.
   */
  anchors?: boolean;
}

/** Escapes an attribute value for a double-quoted pandoc attribute. */
export function escapeAttribute(value: string): string {
  return value.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ');
}

const TERM_ID_SPAN_RE = /\]\{#a_t[0-9a-f]{10}(?:_\d+)?\}/g;
const FENCE_OPEN_RE = /^(:{3,})\s*(\{.*\})?\s*$/;

/** A block and the paragraph it shows. */
type Shown = { block: RedlineBlock; paragraph: { prefix: string; body: string } };

/**
 * Blank line or single newline before `block`. Adjacent blocks may come from different
 * documents (a deleted paragraph next to the inserted one), so the source's own spacing is
 * kept only between list items of one kind, quote lines and table rows, which pandoc separates without a
 * blank line; anything else gets a blank line so it can never fuse into its neighbour's paragraph.
 */
function separator(prev: Shown, { block, paragraph }: Shown): string {
  const rows = isTableRow(prev.paragraph) && isTableRow(paragraph);
  const item = itemKind(block.prefix);
  const tight = !block.blankBefore && ((item >= 0 && item === itemKind(prev.block.prefix)) || rows);
  return tight ? '\n' : '\n\n';
}

/** Deleted text keeps its term spans but not their ids: the later round owns every id. */
const withoutIds = (text: string) => (text.includes('{#a_t') ? text.replace(TERM_ID_SPAN_RE, ']{}') : text);

/** A fence line as the redline writes it: an inserted, removed or moved clause says so in a class. */
function fenceLine(block: RedlineBlock): string {
  const text = block.ops[0]?.text ?? '';
  const open = FENCE_OPEN_RE.exec(text);
  if (!open?.[2] || block.kind === 'equal' || block.kind === 'change') return text;
  const mark = block.moved ? `.redline-moved-${block.moved}` : block.kind === 'insert' ? '.redline-inserted' : '.redline-deleted';
  return block.kind === 'delete' ? `${open[1]} {${mark}}` : `${open[1]} ${open[2].slice(0, -1)} ${mark}}`;
}

/**
 * Renders blocks as pandoc Markdown with insertion/deletion spans attributed to `by`.
 * Output ends with a newline; blank lines between blocks follow the source documents.
 */
export function toRedlineMarkdown(blocks: readonly RedlineBlock[], by: RedlineAuthor, options: RedlineMarkdownOptions = {}): string {
  const anchors = options.anchors ?? true;
  const attrs = ` author="${escapeAttribute(by.author)}" date="${escapeAttribute(by.date)}"`;
  const span: Span = (kind, text, moved) => `[${onOneLine(text)}]{.${kind === 'insert' ? 'insertion' : 'deletion'}${moved ? ` .moved-${moved}` : ''}${attrs}}`;
  const all = blocks.map((block) => ({ block, paragraph: shownParagraph(block) }));
  const shown = anchors ? all : all.filter(({ paragraph }) => !isFenceLine(paragraph));
  const parts: string[] = [];
  shown.forEach(({ block, paragraph }, index) => {
    const prev = shown[index - 1];
    if (prev) parts.push(separator(prev, { block, paragraph }));
    const body = bodyOf(block, paragraph, span);
    parts.push(block.prefix, anchors ? body : unwrapAnchors(body));
  });
  if (parts.length > 0) parts.push('\n');
  return parts.join('');
}

/** Wraps Markdown (already safe to wrap) in an insertion or deletion span. */
type Span = (kind: 'insert' | 'delete', text: string, moved?: 'from' | 'to') => string;

/**
 * Inline Markdown ready to sit in a span: literal markup characters escaped (`[`, `*`… that are text in
 * their document; in a span they could close it or pair with a neighbour), deleted text without ids.
 */
const spanText = (kind: 'insert' | 'delete', text: string) => {
  const safe = escapeStrays(text, strayOffsets(text), 0);
  return kind === 'delete' ? withoutIds(safe) : safe;
};

/** What follows the block marker: the paragraph with its changes in spans. */
function bodyOf(block: RedlineBlock, paragraph: { prefix: string; body: string }, span: Span): string {
  if (isFenceLine(paragraph)) return fenceLine(block);
  if (block.kind === 'equal') return block.ops[0]?.text ?? '';
  if (block.kind === 'change') return changedBody(block, span);
  const kind = block.kind;
  if (isTableRow(paragraph)) return spannedRow(paragraph.body, (cell) => span(kind, spanText(kind, cell), block.moved));
  const [text, id] = headingParts(paragraph);
  if (!text) return kind === 'insert' ? id : '';
  const marked = span(kind, spanText(kind, text), block.moved);
  // A removed heading leaves its id behind: the later round may give it to another heading.
  return kind === 'insert' ? marked + id : marked;
}

/**
 * An edited paragraph: equal text as it is, each change in a span. A character that is literal text in
 * its own version (stray) is escaped wherever it lands, equal text included, so that no span can pair
 * with it: each version's paragraph is parsed once (a heading without its `{#id}`), and ops are slices
 * of one or the other.
 */
function changedBody(block: RedlineBlock, span: Span): string {
  const heading = (body: string) => headingParts({ prefix: block.prefix, body })[0];
  const newStray = strayOffsets(heading(block.ops.map((op) => (op.kind === 'delete' ? '' : op.text)).join('')));
  const oldStray = strayOffsets(heading(block.ops.map((op) => (op.kind === 'insert' ? '' : (op.oldText ?? op.text))).join('')));
  let atNew = 0;
  let atOld = 0;
  const parts: { kind: 'equal' | 'insert' | 'delete'; text: string }[] = [];
  for (const op of block.ops) {
    if (op.kind === 'delete') {
      parts.push({ kind: 'delete', text: withoutIds(escapeStrays(op.text, oldStray, atOld)) });
      atOld += op.text.length;
      continue;
    }
    parts.push({ kind: op.kind, text: escapeStrays(op.text, newStray, atNew) });
    atNew += op.text.length;
    if (op.kind === 'equal') atOld += (op.oldText ?? op.text).length;
  }
  let out = '';
  for (let k = 0; k < parts.length; k++) {
    if (parts[k]!.kind === 'equal') {
      out += parts[k]!.text;
      continue;
    }
    const group = [parts[k]! as Change];
    if (parts[k + 1] && parts[k + 1]!.kind !== 'equal') group.push(parts[++k]! as Change);
    const next = parts[k + 1];
    const written = spans(group, out, next?.text ?? '', block.moved, span);
    out = out.slice(0, out.length - written.before) + written.text;
    if (next && written.after) next.text = next.text.slice(written.after);
  }
  return out;
}

type Change = { kind: 'insert' | 'delete'; text: string };
const BLANK_EDGE_RE = /^\s|\s$/;
const LEADING_SPACE_RE = /^\s+/;
const TRAILING_SPACE_RE = /(?<!\\)\s+$/; // not the newline of a hard break (`\` at the end of a line)

/**
 * A deletion, an insertion or both, between the text `before` and `after` them. Pandoc trims the blanks
 * at either end of a span, so they go outside it where both versions still read a word boundary there:
 * blanks both spans of a replacement have, and a lone span's blanks where the text around it has a
 * blank, a cell border or an end anyway. Otherwise the lone span takes in the word next to its blank
 * (`Data[ kept under …]` → `[Data kept under …][Data]`): the word is struck and written again, and no
 * blank is at an end. Returns the text and how many characters of `before` and `after` it took in.
 */
function spans(group: Change[], before: string, after: string, moved: 'from' | 'to' | undefined, span: Span): { text: string; before: number; after: number } {
  if (!group.some((op) => BLANK_EDGE_RE.test(op.text))) return { text: group.map((op) => span(op.kind, op.text, moved)).join(''), before: 0, after: 0 };
  // What a reader sees either side: delimiters of the construct the span sits in are no text.
  let end = before.length;
  while (end > 0 && (before[end - 1] === '[' || before[end - 1] === '*')) end--;
  const left = before.slice(Math.max(0, end - 1), end);
  const right = after.replace(/^(?:\]\{[^}]*\}|\]\([^)]*\)|\*{1,2})+/, '');
  const leftBlank = left === '' || /[\s|]/.test(left);
  // An `after` of delimiters only (`*`, `]{…}`) says nothing about the text beyond them.
  const rightBlank = after === '' || /^[\s|]/.test(right);
  const boundary = leftBlank || rightBlank;
  // A blank right after `#`, `-`, `1.` at the start of a line would make it a heading or a list item.
  const afterMarker = /^[ \t]*(?:#{1,6}|[-*+]|\d{1,9}[.)]|>|:{3,})$/.test(before.slice(before.lastIndexOf('\n') + 1));
  // A lone span: the version without it reads the blanks around the junction, which has one anyway. A
  // replacement: each version reads the blank, from its own span or from the text beside it.
  const movable = (re: RegExp, beside: boolean) =>
    !(afterMarker && re === LEADING_SPACE_RE) && (group.length === 1 ? boundary : group.every((op) => re.test(op.text) || beside));
  const took = { before: 0, after: 0 };
  for (const [re, side] of [
    [LEADING_SPACE_RE, 'before'],
    [TRAILING_SPACE_RE, 'after'],
  ] as const) {
    if (!group.some((op) => re.test(op.text)) || movable(re, side === 'before' ? leftBlank : rightBlank)) continue;
    const word = side === 'before' ? WORD_BEFORE_RE.exec(before.slice(0, before.length - took.before))?.[0] : WORD_AFTER_RE.exec(after)?.[0];
    if (!word) continue;
    const join = (text: string) => (side === 'before' ? word + text : text + word);
    const [op] = group as [Change];
    group =
      group.length === 2
        ? group.map((o) => ({ kind: o.kind, text: join(o.text) }))
        : op.kind === 'delete'
          ? [
              { kind: 'delete', text: join(op.text) },
              { kind: 'insert', text: word },
            ]
          : [
              { kind: 'delete', text: word },
              { kind: 'insert', text: join(op.text) },
            ];
    took[side] = word.length;
  }
  // The later version's blank first: its line break may be what keeps a `#` before it from being a heading.
  const newestFirst = [...group].reverse();
  const lead = movable(LEADING_SPACE_RE, leftBlank) ? (newestFirst.map((op) => LEADING_SPACE_RE.exec(op.text)?.[0] ?? '').find(Boolean) ?? '') : '';
  const trail = movable(TRAILING_SPACE_RE, rightBlank) ? (group.map((op) => TRAILING_SPACE_RE.exec(op.text)?.[0] ?? '').find(Boolean) ?? '') : '';
  const inner = group.map((op) => {
    let text = op.text;
    if (lead) text = text.replace(LEADING_SPACE_RE, '');
    if (trail) text = text.replace(TRAILING_SPACE_RE, '');
    return text ? span(op.kind, text, moved) : '';
  });
  const written = inner.join('');
  // Blanks only: the later version's own (its line break may be what keeps `#` from being a heading).
  if (!written)
    return {
      text: afterMarker
        ? group.map((op) => span(op.kind, op.text, moved)).join('')
        : (group.find((op) => op.kind === 'insert')?.text ?? (lead + trail).replace(/\n/g, ' ')),
      ...took,
    };
  // A line break moved in front of a span starts the line with `[`; moved behind it, it is a space, as it
  // could put a list marker at the start of a line.
  return { text: lead + written + trail.replace(/\n/g, ' '), ...took };
}

/** The plain text (no blank, no markup character) just before or after a span, which a span may take in. */
const WORD_BEFORE_RE = /(?<![\\])[^\s[\]*`\\{}<>_~^$@|]+$/u;
const WORD_AFTER_RE = /^[^\s[\]*`\\{}<>_~^$@|]+/u;

/** An inserted or deleted table row: each cell's content in a span, the pipes left as table structure. */
function spannedRow(row: string, mark: (text: string) => string): string {
  if (/^\|?\s*:?-{2,}/.test(row)) return row; // a separator row has nothing to mark
  const cells = row.slice(1, -1).split(/(?<!\\)\|/);
  return `|${cells.map((cell) => (cell.trim() ? ` ${mark(cell.trim())} ` : cell)).join('|')}|`;
}
