/**
 * Myers' O(ND) difference algorithm, linear-space variant (bisect on the middle snake),
 * over integer sequences (interned paragraphs or tokens).
 *
 * Common prefix/suffix are stripped before each bisection: in a redline most of the input
 * is unchanged, so this removes nearly all work before the quadratic-in-D part starts.
 */

/** Run kinds in an edit script. */
export const EQUAL = 0;
export const INSERT = 1;
export const DELETE = 2;
export type RunKind = typeof EQUAL | typeof INSERT | typeof DELETE;

/** An edit script: `kinds[i]` applies to `lengths[i]` consecutive elements. */
export interface EditScript {
  kinds: RunKind[];
  lengths: number[];
}

type Seq = ArrayLike<number>;

/**
 * Walks an edit script as its callers read it: each run of equal elements (`a[i…i+n)` = `b[j…j+n)`), and
 * each whole stretch of changes between two equal runs (`a[i…i+dels)` deleted, `b[j…j+ins)` inserted,
 * however the script interleaves them), so that the caller can pair what changed inside it.
 */
export function forEachRun(
  script: EditScript,
  onEqual: (i: number, j: number, n: number) => void,
  onChange: (i: number, dels: number, j: number, ins: number) => void,
): void {
  let i = 0;
  let j = 0;
  for (let r = 0; r < script.kinds.length; ) {
    if (script.kinds[r] === EQUAL) {
      const n = script.lengths[r++]!;
      onEqual(i, j, n);
      i += n;
      j += n;
      continue;
    }
    let dels = 0;
    let ins = 0;
    for (; r < script.kinds.length && script.kinds[r] !== EQUAL; r++) {
      if (script.kinds[r] === DELETE) dels += script.lengths[r]!;
      else ins += script.lengths[r]!;
    }
    onChange(i, dels, j, ins);
    i += dels;
    j += ins;
  }
}

/** Computes a shortest edit script turning `a` into `b`. Adjacent runs of one kind are merged. */
export function diffSequences(a: Seq, b: Seq): EditScript {
  const script: EditScript = { kinds: [], lengths: [] };
  diffRange(a, 0, a.length, b, 0, b.length, script);
  return script;
}

function push(script: EditScript, kind: RunKind, length: number): void {
  if (length <= 0) return;
  const last = script.kinds.length - 1;
  if (last >= 0 && script.kinds[last] === kind) script.lengths[last]! += length;
  else {
    script.kinds.push(kind);
    script.lengths.push(length);
  }
}

/** Appends the edit script of `a[aLo..aHi)` -> `b[bLo..bHi)` to `out` (for anchored diffs). */
export function diffRangeInto(a: Seq, aLo: number, aHi: number, b: Seq, bLo: number, bHi: number, out: EditScript): void {
  diffRange(a, aLo, aHi, b, bLo, bHi, out);
}

function diffRange(a: Seq, aLo: number, aHi: number, b: Seq, bLo: number, bHi: number, out: EditScript): void {
  let prefix = 0;
  while (aLo + prefix < aHi && bLo + prefix < bHi && a[aLo + prefix] === b[bLo + prefix]) prefix++;
  aLo += prefix;
  bLo += prefix;
  let suffix = 0;
  while (aHi - suffix > aLo && bHi - suffix > bLo && a[aHi - 1 - suffix] === b[bHi - 1 - suffix]) suffix++;
  aHi -= suffix;
  bHi -= suffix;
  push(out, EQUAL, prefix);
  if (aLo === aHi) push(out, INSERT, bHi - bLo);
  else if (bLo === bHi) push(out, DELETE, aHi - aLo);
  else bisect(a, aLo, aHi, b, bLo, bHi, out);
  push(out, EQUAL, suffix);
}

/** Walks forward and reverse paths until they overlap, then recurses on both halves. */
function bisect(a: Seq, aLo: number, aHi: number, b: Seq, bLo: number, bHi: number, out: EditScript): void {
  const n = aHi - aLo;
  const m = bHi - bLo;
  const maxD = Math.ceil((n + m) / 2);
  const off = maxD;
  const len = 2 * maxD + 2;
  const v1 = new Int32Array(len).fill(-1);
  const v2 = new Int32Array(len).fill(-1);
  v1[off + 1] = 0;
  v2[off + 1] = 0;
  const delta = n - m;
  // With an odd delta the forward path is the one that can first overlap the reverse one.
  const front = (delta & 1) !== 0;
  let k1start = 0,
    k1end = 0,
    k2start = 0,
    k2end = 0;
  for (let d = 0; d < maxD; d++) {
    for (let k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
      const i = off + k1;
      let x1 = k1 === -d || (k1 !== d && v1[i - 1]! < v1[i + 1]!) ? v1[i + 1]! : v1[i - 1]! + 1;
      let y1 = x1 - k1;
      while (x1 < n && y1 < m && a[aLo + x1] === b[bLo + y1]) {
        x1++;
        y1++;
      }
      v1[i] = x1;
      if (x1 > n)
        k1end += 2; // ran off the right edge
      else if (y1 > m)
        k1start += 2; // ran off the bottom edge
      else if (front) {
        const j = off + delta - k1;
        if (j >= 0 && j < len && v2[j]! !== -1 && x1 >= n - v2[j]!) {
          split(a, aLo, aHi, b, bLo, bHi, x1, y1, out);
          return;
        }
      }
    }
    for (let k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
      const i = off + k2;
      let x2 = k2 === -d || (k2 !== d && v2[i - 1]! < v2[i + 1]!) ? v2[i + 1]! : v2[i - 1]! + 1;
      let y2 = x2 - k2;
      while (x2 < n && y2 < m && a[aHi - 1 - x2] === b[bHi - 1 - y2]) {
        x2++;
        y2++;
      }
      v2[i] = x2;
      if (x2 > n) k2end += 2;
      else if (y2 > m) k2start += 2;
      else if (!front) {
        const j = off + delta - k2;
        if (j >= 0 && j < len && v1[j]! !== -1) {
          const x1 = v1[j]!;
          const y1 = off + x1 - j;
          if (x1 >= n - x2) {
            split(a, aLo, aHi, b, bLo, bHi, x1, y1, out);
            return;
          }
        }
      }
    }
  }
  // No common element at all.
  push(out, DELETE, n);
  push(out, INSERT, m);
}

function split(a: Seq, aLo: number, aHi: number, b: Seq, bLo: number, bHi: number, x: number, y: number, out: EditScript): void {
  diffRange(a, aLo, aLo + x, b, bLo, bLo + y, out);
  diffRange(a, aLo + x, aHi, b, bLo + y, bHi, out);
}
