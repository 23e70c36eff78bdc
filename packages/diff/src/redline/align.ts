/**
 * Two-pass document diff: paragraphs first (Myers over interned paragraph texts), then
 * words, but only inside deleted/inserted paragraph pairs that are similar enough to be
 * "the same paragraph, edited". Unchanged paragraphs are never tokenized, which is what
 * keeps a 100k-word redline with a handful of edits fast.
 */
import { diffAnchored } from './anchors.js';
import { TERM_ID_RE } from './inline.js';
import { forEachRun } from './myers.js';
import { diffParagraph, isFenceLine, isHeading, isTableRow } from './paragraph-diff.js';
import { splitParagraphs, type Paragraph } from './paragraphs.js';
import { ParagraphSimilarity } from './similarity.js';
import { Interner } from './tokenize.js';
import type { RedlineBlock } from './types.js';

/** Minimum Dice similarity (shared words) for a deleted and an inserted paragraph to pair. */
const PAIR_THRESHOLD = 0.5;
/**
 * Lower bar for the inserted paragraph at the same position as the deleted one: short
 * edited clauses ("Pay 24." -> "Pay 48 & costs.") share few words yet are clearly one edit.
 */
const POSITIONAL_THRESHOLD = 0.25;
/** How many inserted paragraphs ahead a deleted one looks for its partner (bounds cost). */
const PAIR_WINDOW = 8;

/**
 * Diffs two Markdown documents into paragraph-level blocks; edited paragraphs carry
 * word-level ops. Blocks appear in reading order of the redline: a deleted paragraph comes
 * before the paragraph inserted in its place.
 */
export function diffDocuments(oldMarkdown: string, newMarkdown: string): RedlineBlock[] {
  const oldParas = splitParagraphs(oldMarkdown);
  const newParas = splitParagraphs(newMarkdown);
  const paraIds = new Interner();
  // Paragraphs that differ only in term-anchor ids read the same: they are equal.
  const comparable = (p: Paragraph) => (p.text.includes('#a_t') ? p.text.replace(TERM_ID_RE, '') : p.text);
  const oldIds = paraIds.ids32(oldParas.map(comparable));
  const newIds = paraIds.ids32(newParas.map(comparable));
  const script = diffAnchored(oldIds, newIds, paraIds.size);
  const ctx: Ctx = { words: new Interner(), similarity: new ParagraphSimilarity(PAIR_THRESHOLD) };
  const blocks: RedlineBlock[] = [];
  forEachRun(
    script,
    (i, j, n) => {
      for (let k = 0; k < n; k++) blocks.push(whole('equal', newParas[j + k]!, undefined, oldParas[i + k]!));
    },
    // The whole run of changes between two equal runs is paired inside it.
    (i, dels, j, ins) => pairRun(oldParas.slice(i, i + dels), newParas.slice(j, j + ins), ctx, blocks),
  );
  return blocks;
}

interface Ctx {
  words: Interner;
  similarity: ParagraphSimilarity;
}

/**
 * A paragraph as one block of one kind (`moved`: it is one end of a moved clause). An equal block is the
 * new side's paragraph; `old` is its old spelling when that differs in anchor ids only.
 */
export function whole(kind: 'equal' | 'insert' | 'delete', p: Paragraph, moved?: 'from' | 'to', old?: Paragraph): RedlineBlock {
  const oldText = old && old.text !== p.text ? old.body : undefined;
  return {
    kind,
    prefix: p.prefix,
    oldPrefix: kind === 'insert' ? '' : (old?.prefix ?? p.prefix),
    blankBefore: p.blankBefore,
    oldBlankBefore: kind === 'insert' ? false : (old?.blankBefore ?? p.blankBefore),
    ops: p.body || oldText ? [{ kind, text: p.body, ...(oldText !== undefined ? { oldText } : {}) }] : [],
    ...(moved ? { moved } : {}),
  };
}

/** Greedy in-order pairing: each deleted paragraph takes the best match in a window ahead. */
function pairRun(dels: Paragraph[], ins: Paragraph[], ctx: Ctx, out: RedlineBlock[]): void {
  let next = 0; // first inserted paragraph not yet emitted
  for (const d of dels) {
    let best = -1;
    let bestScore = 0;
    for (let k = next; k < ins.length && k < next + PAIR_WINDOW; k++) {
      if (!pairable(d, ins[k]!)) continue;
      const score = ctx.similarity.score(d.body, ins[k]!.body);
      const threshold = k === next ? POSITIONAL_THRESHOLD : PAIR_THRESHOLD;
      if (score >= threshold && (best < 0 || score > bestScore)) {
        best = k;
        bestScore = score;
      }
      // A clearly similar paragraph in the same position is the common case: take it
      // without scoring the look-ahead window.
      if (k === next && score >= PAIR_THRESHOLD) break;
    }
    const ops = best < 0 ? undefined : diffParagraph(d, ins[best]!, ctx.words);
    if (ops === undefined) {
      out.push(whole('delete', d));
      continue;
    }
    for (; next < best; next++) out.push(whole('insert', ins[next]!));
    const n = ins[best]!;
    const visible = ops.some((op) => op.kind !== 'equal') || n.prefix !== d.prefix;
    out.push({ kind: visible ? 'change' : 'equal', prefix: n.prefix, oldPrefix: d.prefix, blankBefore: n.blankBefore, oldBlankBefore: d.blankBefore, ops });
    next = best + 1;
  }
  for (; next < ins.length; next++) out.push(whole('insert', ins[next]!));
}

/**
 * Whether two paragraphs may be one edited paragraph: a table row pairs only with a row, a heading (one
 * line) only with a heading, a fence line with nothing.
 */
const pairable = (a: Paragraph, b: Paragraph) =>
  !isFenceLine(a) && !isFenceLine(b) && isTableRow(a) === isTableRow(b) && isHeading(a.prefix) === isHeading(b.prefix);
