/**
 * How alike a deleted and an inserted paragraph are, to decide whether the redline shows
 * them as one edited paragraph (word diff) or as a deletion plus an insertion.
 */
import { isWordToken, tokenize } from './tokenize.js';
import { commonEnds } from './words.js';

/** Scores paragraph bodies in [0, 1], caching tokenizations across calls. */
export class ParagraphSimilarity {
  private readonly tokens = new Map<string, string[]>();

  /** @param enough score above which the cheap estimate is trusted without tokenizing */
  constructor(private readonly enough: number) {}

  /**
   * Fast path: the share of characters in a common prefix + suffix (a typical edit leaves
   * most of a clause around it untouched), which needs no tokenizing. Otherwise the Dice
   * coefficient over the multisets of word tokens (catches edits at both ends).
   */
  score(a: string, b: string): number {
    const total = a.length + b.length;
    const { prefix, suffix } = commonEnds(a, b);
    const quick = total > 0 ? (2 * (prefix + suffix)) / total : 1;
    if (quick >= this.enough) return quick;
    return Math.max(quick, wordDice(this.tokensOf(a), this.tokensOf(b)));
  }

  private tokensOf(text: string): string[] {
    let t = this.tokens.get(text);
    if (t === undefined) {
      t = tokenize(text);
      this.tokens.set(text, t);
    }
    return t;
  }
}

/** Dice coefficient over the multisets of word tokens (whitespace/punctuation ignored). */
export function wordDice(a: readonly string[], b: readonly string[]): number {
  const counts = new Map<string, number>();
  let na = 0;
  let nb = 0;
  for (const t of a) {
    if (!isWordToken(t)) continue;
    na++;
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  let common = 0;
  for (const t of b) {
    if (!isWordToken(t)) continue;
    nb++;
    const c = counts.get(t);
    if (c) {
      common++;
      counts.set(t, c - 1);
    }
  }
  if (na + nb === 0) return 1; // two punctuation-only paragraphs: treat as an edit
  return (2 * common) / (na + nb);
}
