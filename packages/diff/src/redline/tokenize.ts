/**
 * Word tokenizer for the redline diff.
 *
 * Tokens are: a Markdown backslash escape (`\*`, kept atomic so an escape is never split
 * from the character it protects), a run of letters/digits/underscore (a "word"), a run of
 * whitespace, or any other single character (punctuation). Splitting punctuation off means
 * "24" -> "48" changes one token and the parens of "(24)" stay equal.
 */
const TOKEN_RE = /\\[!-/:-@[-`{-~]|[\p{L}\p{N}\p{M}_]+|\s+|[\s\S]/gu;
const WORD_RE = /^[\p{L}\p{N}\p{M}_]/u;

/** Splits `text` into tokens whose concatenation is exactly `text`. */
export function tokenize(text: string): string[] {
  return text.match(TOKEN_RE) ?? [];
}

/** True when the token is a word (letters/digits), as counted by the statistics. */
export function isWordToken(token: string): boolean {
  return WORD_RE.test(token);
}

/** Counts word tokens in `text`. */
export function countWords(text: string): number {
  let n = 0;
  for (const t of tokenize(text)) if (isWordToken(t)) n++;
  return n;
}

/**
 * Maps strings to small integers so the diff core compares numbers, not strings.
 * One interner is shared by a whole diff so equal tokens get equal ids on both sides.
 */
export class Interner {
  private readonly ids = new Map<string, number>();

  /** Returns the id for `s`, allocating a new one on first sight. */
  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(s, id);
    }
    return id;
  }

  /** Number of distinct strings seen so far (ids are `0..size-1`). */
  get size(): number {
    return this.ids.size;
  }

  /** Interns every string of `items`. */
  ids32(items: readonly string[]): Int32Array {
    const out = new Int32Array(items.length);
    for (let i = 0; i < items.length; i++) out[i] = this.id(items[i]!);
    return out;
  }
}
