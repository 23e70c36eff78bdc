/**
 * Splits Markdown into paragraph-level units: the granularity of the first diff pass and
 * of the blocks in a redline.
 *
 * A unit starts after a blank line, at a heading, at a list item or quote line that follows another
 * (one cannot interrupt a paragraph), after a heading and around a fence line (`::: {#a_c…}`, `:::`):
 * both are one line.
 * Each row of a pipe table is a unit of its own. Other lines are soft-wrapped continuations of the
 * current unit and stay in it, joined by "\n".
 */

/** One paragraph, heading or list item of a source document. */
export interface Paragraph {
  /** Full text of the unit (prefix + body), without trailing newline. */
  text: string;
  /** Block marker and leading indentation, kept outside redline spans. */
  prefix: string;
  /** Text after the prefix: what is diffed word by word. */
  body: string;
  /** Whether a blank line preceded the unit in the source (used to reproduce layout). */
  blankBefore: boolean;
}

// Optional indentation, optional blockquote markers, then at most one heading or list marker.
const PREFIX_RE = /^[ \t]*(?:>[ \t]?)*(?:(?:#{1,6}|[-*+]|\d{1,9}[.)])[ \t]+)?/;
/**
 * The kind of a list item or quote line. Such a line starts a unit only in a list or quote of its kind:
 * it cannot interrupt a paragraph (pandoc's and render's rule), and in a bullet list `1. x` is text.
 */
export const itemKind = (line: string): number =>
  /^[ \t]*(?:(>)|([-*+])[ \t]|(\d{1,9}[.)])[ \t])/
    .exec(line)
    ?.slice(1)
    .findIndex((g) => g !== undefined) ?? -1;
const HEADING_RE = /^#{1,6}[ \t]/;
const BLANK_RE = /^[ \t]*$/;
const FENCE_RE = /^:{3,}/;

/** Splits `markdown` into units. Line endings are normalised; blank-line runs collapse. */
export function splitParagraphs(markdown: string): Paragraph[] {
  const out: Paragraph[] = [];
  let current: string[] | null = null;
  let currentBlank = false;
  let closeAfter = false; // the current unit is a heading: nothing continues it
  let sawBlank = false;
  const flush = (): void => {
    if (current === null) return;
    const text = current.join('\n');
    const prefix = PREFIX_RE.exec(text)?.[0] ?? '';
    out.push({ text, prefix, body: text.slice(prefix.length), blankBefore: currentBlank });
    current = null;
  };
  for (const line of markdown.split(/\r\n|\r|\n/)) {
    if (BLANK_RE.test(line)) {
      flush();
      sawBlank = out.length > 0;
      continue;
    }
    const fence = FENCE_RE.test(line);
    const row = current !== null && line.startsWith('|') && current[0]!.startsWith('|');
    const item = current !== null && itemKind(line) >= 0 && itemKind(line) === itemKind(current[0]!);
    if (current === null || closeAfter || fence || row || item || HEADING_RE.test(line)) {
      flush();
      current = [line];
      currentBlank = sawBlank;
      closeAfter = fence || HEADING_RE.test(line);
      sawBlank = false;
    } else {
      current.push(line);
    }
  }
  flush();
  return out;
}

/** The canonical text of a list of units: what `splitParagraphs` preserves of a document. */
export function joinParagraphs(units: readonly { text: string; blankBefore: boolean }[]): string {
  let s = '';
  units.forEach((u, i) => {
    if (i > 0) s += u.blankBefore ? '\n\n' : '\n';
    s += u.text;
  });
  return s;
}
