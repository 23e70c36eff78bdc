/**
 * Patience-style anchoring in front of Myers for the paragraph pass.
 *
 * Myers costs O((N+M)·D); a contract where hundreds of paragraphs each got a small edit has
 * a large D at paragraph level. Paragraphs that occur exactly once in both documents are
 * almost always "the same paragraph", so the longest increasing run of such pairs splits the
 * problem into many tiny gaps that Myers then solves exactly (same idea as git's
 * patience/histogram diffs).
 */
import { diffRangeInto, type EditScript } from './myers.js';

/** Edit script for `a` -> `b` (ids in `0..idCount-1`), anchored on unique common elements. */
export function diffAnchored(a: Int32Array, b: Int32Array, idCount: number): EditScript {
  const countA = new Int32Array(idCount);
  const countB = new Int32Array(idCount);
  const posB = new Int32Array(idCount);
  for (const id of a) countA[id]!++;
  b.forEach((id, j) => {
    countB[id]!++;
    posB[id] = j;
  });
  // Candidate anchors in the order of `a`: (i, j) pairs of elements unique on both sides.
  const ai: number[] = [];
  const bj: number[] = [];
  a.forEach((id, i) => {
    if (countA[id] === 1 && countB[id] === 1) {
      ai.push(i);
      bj.push(posB[id]!);
    }
  });
  const keep = longestIncreasing(bj);
  const script: EditScript = { kinds: [], lengths: [] };
  let i = 0;
  let j = 0;
  for (const k of keep) {
    const ia = ai[k]!;
    const jb = bj[k]!;
    diffRangeInto(a, i, ia, b, j, jb, script);
    diffRangeInto(a, ia, ia + 1, b, jb, jb + 1, script); // the anchor itself: one EQUAL
    i = ia + 1;
    j = jb + 1;
  }
  diffRangeInto(a, i, a.length, b, j, b.length, script);
  return script;
}

/** Indices of a longest strictly increasing subsequence of `xs` (patience sorting, O(n log n)). */
export function longestIncreasing(xs: readonly number[]): number[] {
  const tails: number[] = []; // tails[len-1] = index of smallest tail of an increasing run of length len
  const prev = new Int32Array(xs.length).fill(-1);
  xs.forEach((x, idx) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (xs[tails[mid]!]! < x) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[idx] = tails[lo - 1]!;
    tails[lo] = idx;
  });
  const out: number[] = [];
  for (let k = tails.length > 0 ? tails[tails.length - 1]! : -1; k >= 0; k = prev[k]!) out.push(k);
  return out.reverse();
}
