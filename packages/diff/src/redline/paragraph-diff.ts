/**
 * The word ops of one paragraph edited between two versions, with what is structure kept out of the
 * changes: a table row is diffed cell by cell (its pipes stay equal, so it stays a row), a heading's
 * `{#id}` stays outside the changed words, and a fence line (`::: {#a_c…}`) is never an edited paragraph.
 */
import type { Paragraph } from './paragraphs.js';
import type { Interner } from './tokenize.js';
import type { RedlineBlock, WordOp } from './types.js';
import { appendOp, diffWords } from './words.js';

const ROW_RE = /^\|.*\|$/;
const SEPARATOR_RE = /^\|?\s*:?-{2,}/;
const FENCE_RE = /^:{3,}/;
const HEADING_MARKER_RE = /^[ \t]{0,3}#{1,6}[ \t]*$/;
/** A heading's trailing identifier, as render's converter reads it. */
const HEADING_ID_RE = /\s+\{#[A-Za-z][\w.:-]*\}\s*$/;

/** A block as the paragraph it shows (the new side's text; a deleted block's old text). */
export const shownParagraph = (b: RedlineBlock): { prefix: string; body: string } => ({ prefix: b.prefix, body: b.ops.map((op) => op.text).join('') });

/** A pipe-table row (one line, `| … |`). */
export const isTableRow = (p: { prefix: string; body: string }): boolean => p.prefix === '' && ROW_RE.test(p.body);
/** A fenced-div line: an opening `::: {…}` or a closing `:::`. */
export const isFenceLine = (p: { prefix: string; body: string }): boolean => p.prefix === '' && FENCE_RE.test(p.body);
export const isSeparatorRow = (row: string): boolean => SEPARATOR_RE.test(row);
export const isHeading = (prefix: string): boolean => HEADING_MARKER_RE.test(prefix);

/** A heading's text and its trailing ` {#id}` (empty when it has none, or is no heading). */
export function headingParts(p: { prefix: string; body: string }): [string, string] {
  const id = isHeading(p.prefix) ? HEADING_ID_RE.exec(p.body) : null;
  return id ? [p.body.slice(0, id.index), id[0]] : [p.body, ''];
}

/** The cells of a row between its outer pipes, split at unescaped pipes as pipe tables are. */
export function rowCells(row: string): string[] {
  const cells: string[] = [];
  let cell = '';
  for (let j = 1; j < row.length - 1; j++) {
    if (row[j] === '\\' && j + 1 < row.length - 1) cell += row[j]! + row[++j]!;
    else if (row[j] === '|') {
      cells.push(cell);
      cell = '';
    } else cell += row[j];
  }
  cells.push(cell);
  return cells;
}

/** Ops of `old` → `new` as one edited paragraph, or undefined when the two cannot be one (rows of different widths…). */
export function diffParagraph(old: Paragraph, neu: Paragraph, words: Interner): WordOp[] | undefined {
  if (isFenceLine(old) || isFenceLine(neu) || isTableRow(old) !== isTableRow(neu)) return undefined;
  if (isTableRow(old)) return diffRows(old.body, neu.body, words);
  const [oldBody, oldId] = headingParts(old);
  const [newBody, newId] = headingParts(neu);
  const ops = diffWords(oldBody, newBody, words);
  if (oldId || newId) appendOp(ops, { kind: 'equal', text: newId, oldText: oldId });
  return ops;
}

function diffRows(old: string, neu: string, words: Interner): WordOp[] | undefined {
  if (isSeparatorRow(old) && isSeparatorRow(neu)) return [{ kind: 'equal', text: neu, ...(old !== neu ? { oldText: old } : {}) }];
  const before = rowCells(old);
  const after = rowCells(neu);
  if (before.length !== after.length || isSeparatorRow(old) || isSeparatorRow(neu)) return undefined;
  const ops: WordOp[] = [{ kind: 'equal', text: '|' }];
  before.forEach((cell, k) => {
    for (const op of diffWords(cell, after[k]!, words)) appendOp(ops, op);
    appendOp(ops, { kind: 'equal', text: '|' });
  });
  return ops;
}
