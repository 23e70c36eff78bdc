/**
 * What pandoc's Markdown reader makes of the text between the markup, so that the built-in writer
 * prints the words pandoc prints: whitespace runs are one space (per container: a space inside a span
 * and one after it are two), a paragraph is trimmed, and the `smart` extension applies — `'` and `"`
 * become curly quotes or apostrophes by pandoc's rules (a quote opens unless it follows a word or a
 * space follows it, and is paired with the next closing one in the same container), `--`/`---`
 * become en and em dashes, `...` an ellipsis, and a known abbreviation ("Inc.", "e.g.") keeps the
 * next word on its line with a no-break space. Escaped characters stay as written.
 */
import type { Attributes, Inline } from '../markdown/syntax.js';

/** Text as Word will show it: the inlines after pandoc's reading of them. */
export type WordInline =
  | { kind: 'text'; text: string }
  | { kind: 'break' }
  | { kind: 'strong' | 'emph'; children: WordInline[] }
  | { kind: 'code'; text: string }
  | { kind: 'span'; attributes: Attributes; children: WordInline[] }
  | { kind: 'link'; href: string; children: WordInline[] };

type Token = { t: 'char'; c: string; escaped: boolean } | { t: 'ws'; raw: string } | { t: 'break' } | { t: 'node'; node: Inline };
type Piece = string | { ws: true } | WordInline;
interface Context {
  single: boolean;
  double: boolean;
}

/** pandoc's `data/abbreviations`: a following space becomes a no-break space. */
const ABBREVIATIONS = new Set(
  'aet. aetat. al. Apr. Aug. bk. Bros. c. Capt. cf. ch. chap. chs. Co. col. Corp. cp. d. Dec. Dr. e.g. ed. eds. esp. f. fasc. Feb. ff. fig. fl. fol. fols. Fr. Gen. Gov. Hon. i.e. ill. Inc. incl. Jan. Jr. Jul. Jun. Ltd. M.A. M.D. Mar. Mr. Mrs. Ms. n. n.b. nn. No. Nov. Oct. p. Ph.D. pp. Pres. Prof. pt. q.v. Rep. Rev. s.v. s.vv. saec. sec. Sen. Sep. Sept. Sgt. Sr. St. univ. viz. vol. vs.'.split(
    ' ',
  ),
);
const ALNUM = /^[\p{L}\p{N}]$/u;

function tokenize(inlines: readonly Inline[]): Token[] {
  const out: Token[] = [];
  for (const node of inlines) {
    if (node.kind === 'break') out.push({ t: 'break' });
    else if (node.kind !== 'text') out.push({ t: 'node', node });
    else if (node.escaped) out.push({ t: 'char', c: node.text, escaped: true });
    else
      for (const m of node.text.matchAll(/[ \t\n]+|[^ \t\n]/gu))
        out.push(/^[ \t\n]/.test(m[0]) ? { t: 'ws', raw: m[0] } : { t: 'char', c: m[0], escaped: false });
  }
  // A line break swallows the whitespace around it.
  return out.filter((tok, i) => tok.t !== 'ws' || (out[i - 1]?.t !== 'break' && out[i + 1]?.t !== 'break'));
}

const plain = (tok: Token | undefined, c: string) => tok?.t === 'char' && !tok.escaped && tok.c === c;

class Reader {
  /** Index just after the last word pandoc's `str` read (a quote there cannot open). */
  private strEnd = -1;
  constructor(private readonly toks: Token[]) {}

  /** Everything from `pos` to the end. */
  all(ctx: Context): Piece[] {
    const out: Piece[] = [];
    for (let pos = 0; pos < this.toks.length; ) pos = this.inline(pos, ctx, out);
    return out;
  }

  /** One inline at `pos` into `out`; returns the next position. */
  private inline(pos: number, ctx: Context, out: Piece[]): number {
    const tok = this.toks[pos]!;
    if (tok.t === 'node') {
      out.push(wordInline(tok.node, ctx));
      return pos + 1;
    }
    if (tok.t === 'ws') out.push({ ws: true });
    else if (tok.t === 'break') out.push({ kind: 'break' });
    if (tok.t !== 'char') return pos + 1;
    const { c } = tok;
    if (tok.escaped) {
      out.push(c);
      return pos + 1;
    }
    if (c === "'" || c === '\u2018') return this.single(pos, ctx, out);
    if (c === '"' || c === '\u201c') return this.double(pos, ctx, out);
    if (c === '-' && plain(this.toks[pos + 1], '-')) {
      const em = plain(this.toks[pos + 2], '-');
      out.push(em ? '\u2014' : '\u2013');
      return pos + (em ? 3 : 2);
    }
    if (c === '.' && plain(this.toks[pos + 1], '.') && plain(this.toks[pos + 2], '.')) {
      out.push('\u2026');
      return pos + 3;
    }
    if (!ALNUM.test(c) && c !== '.') {
      out.push(c);
      return pos + 1;
    }
    return this.word(pos, out);
  }

  /** pandoc's `str`: letters and digits, and dots not followed by a dot; then an abbreviation's space. */
  private word(pos: number, out: Piece[]): number {
    let word = '';
    let end = pos;
    for (; end < this.toks.length; end++) {
      const tok = this.toks[end]!;
      if (tok.t !== 'char' || tok.escaped) break;
      if (tok.c === '.' ? plain(this.toks[end + 1], '.') : !ALNUM.test(tok.c)) break;
      word += tok.c;
    }
    if (word === '') {
      out.push('.'); // a dot before a dot: pandoc reads it as a symbol
      return pos + 1;
    }
    out.push(word);
    this.strEnd = end;
    const next = this.toks[end];
    if (next?.t === 'ws' && /^[ \t]/.test(next.raw) && ABBREVIATIONS.has(word)) {
      out.push('\u00a0');
      if (next.raw.includes('\n')) out.push({ ws: true });
      return end + 1;
    }
    return end;
  }

  private opens(pos: number): boolean {
    const next = this.toks[pos + 1];
    return next !== undefined && next.t !== 'ws';
  }

  private single(pos: number, ctx: Context, out: Piece[]): number {
    if (!ctx.single && this.strEnd !== pos && this.opens(pos)) {
      const inner = this.until(pos + 1, { ...ctx, single: true }, (p) => {
        const tok = this.toks[p];
        const after = this.toks[p + 1];
        const closes = tok?.t === 'char' && !tok.escaped && (tok.c === "'" || tok.c === '\u2019');
        return closes && !(after?.t === 'char' && ALNUM.test(after.c));
      });
      out.push(...(inner ? ['\u2018', ...inner.pieces, '\u2019'] : ['\u2019']));
      return inner ? inner.next : pos + 1;
    }
    out.push(this.toks[pos]!.t === 'char' && (this.toks[pos] as { c: string }).c === "'" ? '\u2019' : '\u2018');
    return pos + 1;
  }

  private double(pos: number, ctx: Context, out: Piece[]): number {
    if (!ctx.double && this.strEnd !== pos && this.opens(pos)) {
      const inner = this.until(pos + 1, { ...ctx, double: true }, (p) => {
        const tok = this.toks[p];
        return tok?.t === 'char' && !tok.escaped && (tok.c === '"' || tok.c === '\u201d');
      });
      out.push(...(inner ? ['\u201c', ...inner.pieces, '\u201d'] : ['\u201c']));
      return inner ? inner.next : pos + 1;
    }
    out.push((this.toks[pos] as { c: string }).c === '"' ? '\u201d' : '\u201c');
    return pos + 1;
  }

  /** pandoc's `many1Till inline end` from `pos`; undefined (state restored) when no end comes. */
  private until(pos: number, ctx: Context, isEnd: (pos: number) => boolean): { pieces: Piece[]; next: number } | undefined {
    const saved = this.strEnd;
    const pieces: Piece[] = [];
    if (pos >= this.toks.length) return undefined;
    let p = this.inline(pos, ctx, pieces);
    for (;;) {
      if (isEnd(p)) return { pieces, next: p + 1 };
      if (p >= this.toks.length) {
        this.strEnd = saved;
        return undefined;
      }
      p = this.inline(p, ctx, pieces);
    }
  }
}

/** Pieces → inlines: adjacent text joined, whitespace runs one space. */
function assemble(pieces: Piece[]): WordInline[] {
  const out: WordInline[] = [];
  let text = '';
  let space = false;
  const flush = () => {
    if (space) text += ' ';
    space = false;
    if (text) out.push({ kind: 'text', text });
    text = '';
  };
  for (const piece of pieces) {
    if (typeof piece === 'string') {
      if (space) text += ' ';
      space = false;
      text += piece;
    } else if ('ws' in piece) space = true;
    else {
      flush();
      out.push(piece);
    }
  }
  flush();
  return out;
}

function wordInline(node: Inline, ctx: Context): WordInline {
  switch (node.kind) {
    case 'strong':
    case 'emph':
      return { kind: node.kind, children: container(node.children, ctx) };
    case 'span':
      return { kind: 'span', attributes: node.attributes, children: container(node.children, ctx) };
    case 'link':
      return { kind: 'link', href: node.href, children: container(node.children, ctx) };
    case 'code':
      return { kind: 'code', text: node.text };
    case 'break':
      return { kind: 'break' };
    case 'text':
      return { kind: 'text', text: node.text };
  }
}

const container = (inlines: readonly Inline[], ctx: Context) => assemble(new Reader(tokenize(inlines)).all(ctx));

/** A paragraph's, heading's, list item's or table cell's inlines as pandoc reads them (trimmed). */
export function typeset(inlines: readonly Inline[]): WordInline[] {
  const toks = tokenize(inlines);
  let start = 0;
  let end = toks.length;
  while (start < end && (toks[start]!.t === 'ws' || toks[start]!.t === 'break')) start++;
  while (end > start && (toks[end - 1]!.t === 'ws' || toks[end - 1]!.t === 'break')) end--;
  return assemble(new Reader(toks.slice(start, end)).all({ single: false, double: false }));
}
