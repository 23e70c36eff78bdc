/**
 * Keeping a changed paragraph's own Markdown (bold clause numbers, cross-reference links, table
 * rows) instead of escaping all of it. That is only safe when every change is plain words sitting
 * in plain text: a change that contains markup, or cuts into a code span, a link target, an
 * attribute block, raw HTML or a backslash escape, could assemble markup neither version had. Then
 * the caller falls back to escaping the whole paragraph.
 */
import type { RedlineBlock, WordOp } from './types.js';

// Characters that could open or close inline markup, a table cell or a new line of structure.
const MARKUP_RE = /[`*_[\]{}<>\\|$^~@&#\n]/;

/** Ranges [start, end) of constructs whose inside must not be cut: code, link targets, attributes, HTML, escapes. */
function protectedZones(text: string): [number, number][] {
  const zones: [number, number][] = [];
  const patterns = [/`+[^`]*`+/g, /\]\([^)]*\)/g, /\{[^}]*\}/g, /<[^>]*>/g, /\\./g];
  for (const re of patterns) for (const m of text.matchAll(re)) zones.push([m.index!, m.index! + m[0].length]);
  return zones;
}

/** Whether no side's changes contain markup or cut into a protected construct of their own side. */
function safeSide(ops: readonly WordOp[], changed: 'insert' | 'delete'): boolean {
  const side = ops.filter((op) => op.kind === 'equal' || op.kind === changed);
  const text = side.map((op) => op.text).join('');
  const zones = protectedZones(text);
  let at = 0;
  for (const op of side) {
    const end = at + op.text.length;
    if (op.kind === changed) {
      if (MARKUP_RE.test(op.text)) return false;
      for (const [s, e] of zones) if ((at > s && at < e) || (end > s && end < e) || (at <= s && end >= e)) return false;
    }
    at = end;
  }
  return true;
}

/** A changed paragraph whose own Markdown can be kept around the insertion/deletion spans. */
export function canPreserve(block: RedlineBlock): boolean {
  if (block.kind === 'change') return safeSide(block.ops, 'insert') && safeSide(block.ops, 'delete');
  if (block.kind === 'insert' || block.kind === 'delete') {
    // A whole paragraph can sit inside one span; a table, fence or several blocks cannot.
    const text = block.ops[0]?.text ?? '';
    return !/^\s*(\||```|~~~|:::)/m.test(text) && !/\n\s*\n/.test(text);
  }
  return true;
}
