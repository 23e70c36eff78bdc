/**
 * Word-level diff of one paragraph pair, with merging and a small semantic cleanup so a
 * redline reads as "old phrase -> new phrase" rather than a comb of one-word alternations.
 */
import { DELETE, EQUAL, diffSequences } from './myers.js';
import { type Interner, tokenize } from './tokenize.js';
import type { WordOp } from './types.js';

/** A maximal run of changes: everything deleted and everything inserted between two equals. */
interface Change {
  del: string;
  ins: string;
}
type Segment = string | Change; // string = equal text

const SPACE_RE = /\s/u; // must agree with the tokenizer's notion of whitespace
const isSpace = (c: string | undefined): boolean => c !== undefined && SPACE_RE.test(c);

/**
 * Lengths of the common prefix and suffix of `a` and `b`, shrunk to token boundaries that
 * are boundaries on both sides (just after whitespace, before non-whitespace), so the
 * middles can be tokenized on their own and the ends stay equal. Cheap: character compares.
 */
export function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
  const max = Math.min(a.length, b.length);
  let p = 0;
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  while (p > 0 && !(isSpace(a[p - 1]) && !isSpace(a[p]) && !isSpace(b[p]))) p--;
  let s = 0;
  while (s < max - p && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  while (s > 0 && !(isSpace(a[a.length - s - 1]) && isSpace(b[b.length - s - 1]) && !isSpace(a[a.length - s]))) s--;
  return { prefix: p, suffix: s };
}

/**
 * Word diff of two texts. Only the part between the common prefix and suffix is tokenized
 * and diffed: an edited 100-word clause usually differs in a few tokens.
 */
export function diffWords(a: string, b: string, interner: Interner, ends = commonEnds(a, b)): WordOp[] {
  const { prefix, suffix } = ends;
  const head = a.slice(0, prefix);
  const tail = a.slice(a.length - suffix);
  const ops = diffTokens(tokenize(a.slice(prefix, a.length - suffix)), tokenize(b.slice(prefix, b.length - suffix)), interner, head, tail);
  return ops;
}

/**
 * Diffs two token lists and returns merged ops: within each change, the deletion comes
 * before the insertion, and there are never two adjacent ops of one kind.
 */
export function diffTokens(oldTokens: readonly string[], newTokens: readonly string[], interner: Interner, head = '', tail = ''): WordOp[] {
  const script = diffSequences(interner.ids32(oldTokens), interner.ids32(newTokens));
  const segments: Segment[] = [];
  if (head) segments.push(head);
  let i = 0;
  let j = 0;
  for (let r = 0; r < script.kinds.length; r++) {
    const kind = script.kinds[r]!;
    const n = script.lengths[r]!;
    if (kind === EQUAL) {
      const text = oldTokens.slice(i, i + n).join('');
      const last = segments[segments.length - 1];
      if (typeof last === 'string') segments[segments.length - 1] = last + text;
      else segments.push(text);
      i += n;
      j += n;
      continue;
    }
    let last = segments[segments.length - 1];
    if (last === undefined || typeof last === 'string') {
      last = { del: '', ins: '' };
      segments.push(last);
    }
    if (kind === DELETE) {
      last.del += oldTokens.slice(i, i + n).join('');
      i += n;
    } else {
      last.ins += newTokens.slice(j, j + n).join('');
      j += n;
    }
  }
  if (tail) {
    const last = segments[segments.length - 1];
    if (typeof last === 'string') segments[segments.length - 1] = last + tail;
    else segments.push(tail);
  }
  return toOps(cleanup(segments));
}

// An equal run this short sandwiched between two changes is noise for a reader:
// whitespace, one punctuation mark or one word of up to three characters ("of", "the").
const SHORT_EQUAL_RE = /^\s*\S{0,3}\s*$/u;

/** Folds short equal runs between two changes into one larger change (left to right). */
function cleanup(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const seg of segments) {
    const prev = out[out.length - 1];
    const prevPrev = out[out.length - 2];
    if (typeof seg !== 'string' && typeof prev === 'string' && prevPrev !== undefined && typeof prevPrev !== 'string' && SHORT_EQUAL_RE.test(prev)) {
      out.pop();
      prevPrev.del += prev + seg.del;
      prevPrev.ins += prev + seg.ins;
      continue;
    }
    out.push(seg);
  }
  return out;
}

function toOps(segments: Segment[]): WordOp[] {
  const ops: WordOp[] = [];
  for (const seg of segments) {
    if (typeof seg === 'string') {
      if (seg) ops.push({ kind: 'equal', text: seg });
      continue;
    }
    if (seg.del) ops.push({ kind: 'delete', text: seg.del });
    if (seg.ins) ops.push({ kind: 'insert', text: seg.ins });
  }
  return ops;
}
