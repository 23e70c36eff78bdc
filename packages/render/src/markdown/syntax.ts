/**
 * The syntax tree of the Markdown subset the clause library and the redline emit (see blocks.ts and
 * inlines.ts). One parser, two writers: markdown-to-html.ts writes HTML from it, docx-writer/ writes
 * WordprocessingML. Inline text keeps its source spelling (whitespace, straight quotes): each writer
 * decides what pandoc would make of it.
 */

/** Pandoc attributes `{#id .class key="value"}`. */
export interface Attributes {
  id?: string;
  classes: string[];
  pairs: [string, string][];
}

export type Inline =
  /** Literal text. `escaped`: one character written `\x` (never smart punctuation, never a word's end). */
  | { kind: 'text'; text: string; escaped?: true }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'emph'; children: Inline[] }
  | { kind: 'code'; text: string }
  | { kind: 'span'; attributes: Attributes; children: Inline[] }
  | { kind: 'link'; href: string; children: Inline[] }
  /** A backslash at the end of a line. */
  | { kind: 'break' };

export type Alignment = 'default' | 'left' | 'right' | 'center';

/** A list item or table cell: its source (for the HTML writer's auto ids and the subset check) and its inlines. */
export interface InlineText {
  source: string;
  inlines: Inline[];
  /** 1-based line of the source's first character. */
  line: number;
}

export type Block =
  | { kind: 'heading'; level: number; id?: string; text: InlineText }
  | { kind: 'para'; text: InlineText }
  /** `width`: the longest source line, in code points (pandoc sizes the columns when it exceeds 72). */
  | { kind: 'table'; aligns: Alignment[]; separator: string[]; head: InlineText[]; rows: InlineText[][]; line: number; width: number }
  | { kind: 'list'; ordered: boolean; start: number; markers: string[]; items: InlineText[]; line: number }
  | { kind: 'div'; attributes: Attributes; children: Block[]; line: number; closed: boolean };
