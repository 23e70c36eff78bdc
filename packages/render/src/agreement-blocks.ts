/**
 * The blocks of a rendered agreement (headings, paragraphs, list items, table rows) read off its
 * anchored Markdown, each with the key that names it across renderings: the clause key for the
 * blocks of a numbered clause (`audit/on-site-audit`), else a paragraph key (`cover-page/Data
 * return` for a cover-page row, `product-evaluation#2` for the second paragraph after a heading,
 * `cover-page` for the heading itself). Numbers are never part of a key: they shift when a clause
 * drops out. `contracts import` maps a counterparty's paragraphs onto these blocks, and negotiated
 * wording names the block it replaces with the same keys (negotiated-wording.ts).
 */
import { type Anchor, ANCHOR_ID, fromMarkdownId } from './anchors.js';
import { inlineToHtml } from './html-inline.js';
import { splitRow } from './markdown/blocks.js';

export type BlockKind = 'heading' | 'paragraph' | 'item' | 'row';

/** One block of the agreement. */
export interface AgreementBlock {
  kind: BlockKind;
  /** The clause the block belongs to (its key), when it is inside a numbered clause. */
  clause?: string;
  /** The paragraph key, for a block outside the numbered clauses. */
  paragraph?: string;
  /** Line numbers (0-based, end exclusive) of the block in the anchored Markdown. */
  lines: [number, number];
  /** The block's Markdown. */
  markdown: string;
}

const CLAUSE_FENCE = /^::: \{#(a_c[0-9a-f]{10}(?:_\d+)?)\}$/;
const FENCE_CLOSE = /^:::$/;
const HEADING = /^(#{1,6})\s+(.*?)(?:\s+\{#([A-Za-z][\w.:-]*)\})?\s*$/;
const ITEM = /^(?:[-*+]|\d{1,9}[.)]) /;
const TABLE_RULE = /^\|[\s:|-]+\|\s*$/;

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/^\d+(?:\.\d+)*\.?\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '') || 'part';

/** The blocks of an anchored agreement in document order; `anchors` gives the clause keys of fence ids. */
export function agreementBlocks(anchored: string, anchors: readonly Anchor[]): AgreementBlock[] {
  const clauseKeys = new Map(anchors.filter((a) => a.kind === 'clause').map((a) => [a.id, a.key]));
  const lines = anchored.split('\n');
  const blocks: AgreementBlock[] = [];
  const seen = new Map<string, number>();
  let clause: string | undefined;
  let part = 'preamble';
  let count = 0;
  const unique = (key: string) => {
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? key : `${key}~${n}`;
  };
  const push = (kind: BlockKind, start: number, end: number, name?: string) => {
    const block: AgreementBlock = { kind, lines: [start, end], markdown: lines.slice(start, end).join('\n') };
    if (clause !== undefined) block.clause = clause;
    else block.paragraph = unique(name ?? `${part}#${++count}`);
    blocks.push(block);
  };
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const fence = CLAUSE_FENCE.exec(line);
    const heading = HEADING.exec(line);
    if (line.trim() === '') i++;
    else if (fence) {
      clause = clauseKeys.get(fromMarkdownId(fence[1]!)) ?? fence[1]!;
      i++;
    } else if (FENCE_CLOSE.test(line)) {
      clause = undefined;
      i++;
    } else if (heading) {
      if (clause === undefined) {
        part = heading[3] ?? (blocks.length === 0 && heading[1] === '#' ? 'title' : slug(blockText(heading[2]!).text));
        count = 0;
      }
      push('heading', i, i + 1, part);
      i++;
    } else if (line.startsWith('|')) {
      while (i < lines.length && lines[i]!.startsWith('|')) {
        if (!TABLE_RULE.test(lines[i]!)) push('row', i, i + 1, `${part}/${tableCells(lines[i]!)[0] ?? ''}`);
        i++;
      }
    } else if (ITEM.test(line)) {
      const start = i++;
      while (i < lines.length && lines[i]!.trim() !== '' && !ITEM.test(lines[i]!) && !startsBlock(lines[i]!)) i++;
      push('item', start, i);
    } else {
      const start = i++;
      while (i < lines.length && lines[i]!.trim() !== '' && !startsBlock(lines[i]!)) i++;
      push('paragraph', start, i);
    }
  }
  return blocks;
}

const startsBlock = (line: string) => HEADING.test(line) || CLAUSE_FENCE.test(line) || FENCE_CLOSE.test(line);

/** The plain text of each cell of a pipe-table row. */
export function tableCells(row: string): string[] {
  return splitRow(row).map((cell) => blockText(cell).text);
}

/** A term value inside a block's text: `[start, end)` in characters. */
export interface TermRange {
  id: string;
  start: number;
  end: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
const TAG = /<(\/?)([a-z0-9]+)([^>]*)>|&(amp|lt|gt|quot|#39);/g;

/**
 * What a reader sees of one block (or inline Markdown): markup removed, escapes resolved, list
 * markers, heading marks and table pipes dropped (cells joined by a space), and where each term
 * value sits in that text.
 */
export function blockText(markdown: string, kind?: BlockKind): { text: string; terms: TermRange[] } {
  let source = markdown;
  if (kind === 'heading') source = HEADING.exec(markdown)?.[2] ?? markdown;
  else if (kind === 'item') source = markdown.replace(ITEM, '');
  else if (kind === 'row') return { text: tableCells(markdown).join(' '), terms: rowTerms(markdown) };
  const html = inlineToHtml(source, fromMarkdownId);
  const terms: TermRange[] = [];
  const open: (TermRange | undefined)[] = [];
  let text = '';
  let last = 0;
  for (const m of html.matchAll(TAG)) {
    text += html.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[4]) text += ENTITIES[m[4]]!;
    else if (m[2] === 'br') text += '\n';
    else if (m[2] === 'span' && m[1] === '/') {
      const range = open.pop();
      if (range) terms.push({ ...range, end: text.length });
    } else if (m[2] === 'span') {
      const id = /\bid="([^"]*)"/.exec(m[3]!)?.[1];
      open.push(id && ANCHOR_ID.test(id) ? { id, start: text.length, end: text.length } : undefined);
    }
  }
  text += html.slice(last);
  return collapseSpaces(text, terms);
}

/** Whitespace runs → one space, ends trimmed, with the term ranges moved to match. */
function collapseSpaces(text: string, terms: TermRange[]): { text: string; terms: TermRange[] } {
  const at = new Int32Array(text.length + 1);
  let out = '';
  for (let j = 0; j < text.length; j++) {
    at[j] = out.length;
    const space = /\s/.test(text[j]!);
    if (!space) out += text[j];
    else if (out.length > 0 && !/\s/.test(text[j + 1] ?? ' ')) out += ' ';
  }
  at[text.length] = out.length;
  const moved = terms.map((t) => ({ id: t.id, start: at[t.start]!, end: Math.max(at[t.start]!, at[t.end]!) }));
  return { text: out.trimEnd(), terms: moved.sort((a, b) => a.start - b.start) };
}

/** Term ranges of a table row, in the text of its cells joined by spaces. */
function rowTerms(row: string): TermRange[] {
  const raw = splitRow(row);
  const out: TermRange[] = [];
  let offset = 0;
  for (const c of raw) {
    const { text, terms } = blockText(c);
    for (const t of terms) out.push({ id: t.id, start: t.start + offset, end: t.end + offset });
    offset += text.length + 1;
  }
  return out;
}

/**
 * A table's header row: its first (the delimiter row follows it). Without it the rows below are no
 * table, so a header row the counterparty emptied keeps its place. `lines`: the Markdown the blocks were read from.
 */
export const isHeaderRow = (lines: readonly string[], block: AgreementBlock): boolean =>
  block.kind === 'row' && !(lines[block.lines[0] - 1] ?? '').startsWith('|');
