/**
 * Splits Markdown into paragraph-level units: the granularity of the first diff pass and
 * of the blocks in a redline.
 *
 * A unit starts after a blank line, at a line carrying a block marker (heading, list item,
 * blockquote) and after a heading (headings are one line). Other lines are soft-wrapped
 * continuations of the current unit and stay in it, joined by "\n".
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
const PREFIX_RE = /^[ \t]*(?:>[ \t]?)*(?:(?:#{1,6}|[-*+]|\d{1,9}[.)])(?:[ \t]+|$))?/;
const MARKER_RE = /^[ \t]*(?:>|#{1,6}(?:[ \t]|$)|[-*+][ \t]|\d{1,9}[.)][ \t])/;
const HEADING_RE = /^[ \t]{0,3}#{1,6}(?:[ \t]|$)/;
const BLANK_RE = /^[ \t]*$/;

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
    if (current === null || closeAfter || MARKER_RE.test(line)) {
      flush();
      current = [line];
      currentBlank = sawBlank;
      closeAfter = HEADING_RE.test(line);
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
