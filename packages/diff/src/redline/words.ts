/**
 * Word-level diff of one paragraph pair, with merging and a small semantic cleanup so a redline reads
 * as "old phrase -> new phrase" rather than a comb of one-word alternations.
 *
 * Text with inline markup is diffed as a tree (inline.ts): nodes of one level are compared whole, and
 * two constructs of one shape (the same `**…**`, the same term span, the same link) are diffed inside,
 * their delimiters kept as equal text. Every change is therefore whole tokens and constructs of one
 * level: wrapped in an insertion or deletion span it stays well-formed Markdown, and no change can
 * assemble markup that neither version had. Plain text takes a faster path over tokens.
 */
import { DELETE, diffSequences, EQUAL, forEachRun } from './myers.js';
import { INLINE_MARKUP_RE, parseInline, type InlineNode } from './inline.js';
import { type Interner, tokenize } from './tokenize.js';
import type { WordOp } from './types.js';

/**
 * Equal text (`oldText`: the same on the old side, up to term-anchor ids; `hard`: a construct's
 * delimiter, never folded into a change) or a change: everything deleted and inserted between two equals.
 */
type Segment = { kind: 'equal'; text: string; oldText: string; hard: boolean } | { kind: 'change'; del: string; ins: string };

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
 * Word diff of two paragraph bodies. Plain text: only the part between the common prefix and suffix is
 * tokenized and diffed (an edited 100-word clause usually differs in a few tokens). With markup: the
 * tree diff described above.
 */
export function diffWords(a: string, b: string, interner: Interner): WordOp[] {
  const segments: Segment[] = [];
  if (INLINE_MARKUP_RE.test(a) || INLINE_MARKUP_RE.test(b)) diffNodes(parseInline(a), parseInline(b), interner, segments);
  else {
    const { prefix, suffix } = commonEnds(a, b);
    const head = a.slice(0, prefix);
    const tail = a.slice(a.length - suffix);
    if (head) pushEqual(segments, head, head, false);
    diffTokens(tokenize(a.slice(prefix, a.length - suffix)), tokenize(b.slice(prefix, b.length - suffix)), interner, segments);
    if (tail) pushEqual(segments, tail, tail, false);
  }
  return toOps(cleanup(segments));
}

const textOf = (nodes: readonly InlineNode[], from: number, to: number) => {
  let s = '';
  for (let k = from; k < to; k++) s += nodes[k]!.text;
  return s;
};

function pushEqual(out: Segment[], text: string, oldText: string, hard: boolean): void {
  const last = out.at(-1);
  if (last?.kind === 'equal' && last.hard === hard) {
    last.text += text;
    last.oldText += oldText;
  } else out.push({ kind: 'equal', text, oldText, hard });
}

function pushChange(out: Segment[], del: string, ins: string): void {
  const last = out.at(-1);
  if (last?.kind === 'change') {
    last.del += del;
    last.ins += ins;
  } else out.push({ kind: 'change', del, ins });
}

/** Myers over plain tokens (no markup: no construct to look into). */
function diffTokens(a: readonly string[], b: readonly string[], interner: Interner, out: Segment[]): void {
  const script = diffSequences(interner.ids32(a), interner.ids32(b));
  let i = 0;
  let j = 0;
  for (let r = 0; r < script.kinds.length; r++) {
    const n = script.lengths[r]!;
    const kind = script.kinds[r];
    if (kind === EQUAL) {
      const text = a.slice(i, i + n).join('');
      pushEqual(out, text, text, false);
      i += n;
      j += n;
    } else if (kind === DELETE) {
      pushChange(out, a.slice(i, i + n).join(''), '');
      i += n;
    } else {
      pushChange(out, '', b.slice(j, j + n).join(''));
      j += n;
    }
  }
}

/** Myers over node keys; each run of changes is then looked at again by shape (see {@link changeRun}). */
function diffNodes(a: readonly InlineNode[], b: readonly InlineNode[], interner: Interner, out: Segment[]): void {
  const script = diffSequences(interner.ids32(a.map((n) => n.key)), interner.ids32(b.map((n) => n.key)));
  forEachRun(
    script,
    (i, j, n) => pushEqual(out, textOf(b, j, j + n), textOf(a, i, i + n), false),
    (i, dels, j, ins) => changeRun(a.slice(i, i + dels), b.slice(j, j + ins), interner, out),
  );
}

/**
 * Deleted and inserted nodes between two equal runs. Constructs of one shape on both sides (the number in
 * `**10.2**` → `**10.1**`, the value in a term span) pair up and are diffed inside; the rest changes whole.
 */
function changeRun(dels: readonly InlineNode[], ins: readonly InlineNode[], interner: Interner, out: Segment[]): void {
  if (!dels.some((n) => n.shape) || !ins.some((n) => n.shape)) {
    if (dels.length + ins.length > 0) pushChange(out, textOf(dels, 0, dels.length), textOf(ins, 0, ins.length));
    return;
  }
  // Leaves get a shape no construct has, so only constructs can pair.
  const shapeOf = (n: InlineNode) => n.shape ?? `\u0004${n.key}`;
  const script = diffSequences(interner.ids32(dels.map(shapeOf)), interner.ids32(ins.map(shapeOf)));
  let i = 0;
  let j = 0;
  for (let r = 0; r < script.kinds.length; r++) {
    const n = script.lengths[r]!;
    if (script.kinds[r] === DELETE) {
      pushChange(out, textOf(dels, i, i + n), '');
      i += n;
    } else if (script.kinds[r] === EQUAL) {
      for (let k = 0; k < n; k++, i++, j++) {
        const [d, e] = [dels[i]!, ins[j]!];
        pushEqual(out, e.open!, d.open!, true);
        diffNodes(d.children!, e.children!, interner, out);
        pushEqual(out, e.close!, d.close!, true);
      }
    } else {
      pushChange(out, '', textOf(ins, j, j + n));
      j += n;
    }
  }
}

// An equal run this short sandwiched between two changes is noise for a reader:
// whitespace, one punctuation mark or one word of up to three characters ("of", "the").
const SHORT_EQUAL_RE = /^\s*\S{0,3}\s*$/u;

/**
 * Folds short equal runs between two changes into one larger change (left to right). Only plain text
 * folds: a construct's delimiter between two changes means they are on different levels.
 */
function cleanup(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const seg of segments) {
    const prev = out.at(-1);
    const prevPrev = out.at(-2);
    if (seg.kind === 'change' && prev?.kind === 'equal' && !prev.hard && prevPrev?.kind === 'change' && SHORT_EQUAL_RE.test(prev.text)) {
      out.pop();
      prevPrev.del += prev.oldText + seg.del;
      prevPrev.ins += prev.text + seg.ins;
      continue;
    }
    out.push(seg);
  }
  return out;
}

/**
 * Appends `op` to `ops`, merging it into the last op when both are equal (their old spellings too), so
 * ops alternate kinds. An equal op with no text of its own (a heading id the new side dropped) only adds
 * to the old spelling.
 */
export function appendOp(ops: WordOp[], op: WordOp): void {
  const last = ops.at(-1);
  if (op.kind === 'equal' && op.text === '' && (op.oldText ?? '') === '') return;
  if (last?.kind === 'equal' && op.kind === 'equal') {
    const oldText = (last.oldText ?? last.text) + (op.oldText ?? op.text);
    last.text += op.text;
    if (oldText !== last.text) last.oldText = oldText;
    else delete last.oldText;
  } else if (op.kind === 'equal' && op.oldText === op.text) ops.push({ kind: 'equal', text: op.text });
  else ops.push({ ...op });
}

function toOps(segments: readonly Segment[]): WordOp[] {
  const ops: WordOp[] = [];
  for (const seg of segments) {
    if (seg.kind === 'equal') appendOp(ops, { kind: 'equal', text: seg.text, oldText: seg.oldText });
    else {
      if (seg.del) ops.push({ kind: 'delete', text: seg.del });
      if (seg.ins) ops.push({ kind: 'insert', text: seg.ins });
    }
  }
  return ops;
}
