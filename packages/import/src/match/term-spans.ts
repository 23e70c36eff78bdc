/**
 * Where each term a region prints stands in the counterparty's text: the base rendering's words are
 * aligned with theirs, and a term's words are whatever they wrote between the kept words around it.
 * These are the hints candidate values are made from, and what the import reports when it cannot read
 * a term the counterparty rewrote in its own words.
 */
import type { Rendering } from './rendering.js';
import { type Leaf, leafOf } from './schema-leaves.js';
import { alignWords } from './words.js';

/** One printed term: its schema leaf, what the counterparty's text has in its place, whether that changed. */
export interface TermSpanText {
  leaf: Leaf;
  text: string;
  changed: boolean;
  /** Every word the base printed for the term is still there, in one run: only words around it changed. */
  kept: boolean;
}

/** The region's printed terms in `rendering`, read in `proposed`, and the words the counterparty added to the region. */
export function termSpans(region: string, rendering: Rendering, proposed: readonly string[]): { spans: TermSpanText[]; inserted: string[] } {
  const blocks = rendering.blocks.filter((b) => b.region === region);
  const current = blocks.flatMap((b) => b.words);
  const map = alignWords(current, proposed);
  const kept = new Set<number>();
  map.forEach((j) => {
    if (j >= 0) kept.add(j);
  });
  const inserted = proposed.filter((_, j) => !kept.has(j));
  let offset = 0;
  const spans: TermSpanText[] = [];
  for (const block of blocks) {
    for (const t of block.terms) {
      const leaf = leafOf(t.path);
      if (!leaf) continue;
      const from = offset + t.from;
      const to = offset + t.to;
      let start = 0;
      for (let i = from - 1; i >= 0; i--)
        if (map[i]! >= 0) {
          start = map[i]! + 1;
          break;
        }
      let end = proposed.length;
      for (let i = to; i < current.length; i++)
        if (map[i]! >= 0) {
          end = map[i]!;
          break;
        }
      const words = proposed.slice(start, Math.max(start, end)).join(' ');
      // The value without the punctuation its first and last words share with the text around it ("Inc.," → "Inc.").
      const text = words.slice(words.startsWith(t.before) ? t.before.length : 0, words.endsWith(t.after) ? words.length - t.after.length : undefined);
      let kept = to > from;
      for (let i = from; i < to && kept; i++) kept = map[i]! >= 0 && (i === from || map[i]! === map[i - 1]! + 1);
      spans.push({ leaf, text, changed: words !== current.slice(from, to).join(' '), kept });
    }
    offset += block.words.length;
  }
  return { spans, inserted };
}
