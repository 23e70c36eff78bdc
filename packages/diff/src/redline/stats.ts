/** Statistics and reconstruction helpers over redline blocks. */
import { visibleText } from './inline.js';
import { isFenceLine, shownParagraph } from './paragraph-diff.js';
import { countWords } from './tokenize.js';
import type { RedlineBlock, RedlineStats } from './types.js';

/**
 * Counts inserted/deleted words (word tokens a reader sees: not punctuation, markup, anchor ids or link
 * targets) and paragraphs per kind (fence lines are structure, not paragraphs).
 */
export function redlineStats(blocks: readonly RedlineBlock[]): RedlineStats {
  const stats: RedlineStats = {
    wordsInserted: 0,
    wordsDeleted: 0,
    paragraphsInserted: 0,
    paragraphsDeleted: 0,
    paragraphsChanged: 0,
    paragraphsUnchanged: 0,
    paragraphsMoved: 0,
  };
  for (const block of blocks) {
    if (isFenceLine(shownParagraph(block))) continue;
    if (block.moved) {
      if (block.moved === 'to') stats.paragraphsMoved++;
      continue; // moved words were neither written nor struck out
    }
    if (block.kind === 'equal') stats.paragraphsUnchanged++;
    else if (block.kind === 'insert') stats.paragraphsInserted++;
    else if (block.kind === 'delete') stats.paragraphsDeleted++;
    else stats.paragraphsChanged++;
    for (const op of block.ops) {
      if (op.kind === 'insert') stats.wordsInserted += countWords(visibleText(op.text));
      else if (op.kind === 'delete') stats.wordsDeleted += countWords(visibleText(op.text));
    }
  }
  return stats;
}

/**
 * Rebuilds one side of the diff as text: `'new'` applies equal+insert ops, `'old'` applies
 * equal+delete ops. The result equals the source with line endings normalised, blank-line
 * runs collapsed to one and leading/trailing blank lines dropped (what the paragraph split keeps).
 */
export function reconstruct(blocks: readonly RedlineBlock[], side: 'old' | 'new'): string {
  const skipBlock = side === 'new' ? 'delete' : 'insert';
  const skipOp = side === 'new' ? 'delete' : 'insert';
  let s = '';
  let first = true;
  for (const block of blocks) {
    if (block.kind === skipBlock) continue;
    if (!first) s += (side === 'new' ? block.blankBefore : block.oldBlankBefore) ? '\n\n' : '\n';
    first = false;
    s += side === 'new' ? block.prefix : block.oldPrefix;
    for (const op of block.ops) if (op.kind !== skipOp) s += side === 'old' ? (op.oldText ?? op.text) : op.text;
  }
  return s;
}
