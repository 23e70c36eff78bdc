/** Kind of a word-level operation inside a block. */
export type OpKind = 'equal' | 'insert' | 'delete';

/** One run of text that is unchanged, inserted (new side only) or deleted (old side only). */
export interface WordOp {
  kind: OpKind;
  text: string;
  /**
   * Equal ops only, when the old side spells the same visible text differently: a term anchor's id
   * (`{#a_t…_3}` → `{#a_t…_2}`) or a heading's. `text` is the new side's.
   */
  oldText?: string;
}

/** Paragraph-level classification of a block. */
export type BlockKind = 'equal' | 'insert' | 'delete' | 'change';

/**
 * One paragraph-level unit of the redline (a paragraph, heading or list item).
 *
 * The Markdown block marker (`## `, `- `, `1. `, `> `, indentation) is split off into
 * `prefix` so emitters can keep it outside insertion/deletion spans; `ops` covers only the
 * text after it. For `equal`/`insert`/`delete` blocks `ops` is a single op of that kind
 * (or empty when the body is empty); `change` blocks carry word-level ops.
 */
export interface RedlineBlock {
  kind: BlockKind;
  /** Block marker as shown in the redline (new side; old side for deleted blocks). */
  prefix: string;
  /** Block marker on the old side (differs from `prefix` e.g. after renumbering). */
  oldPrefix: string;
  /** Whether a blank line precedes this block in its source document (layout only). */
  blankBefore: boolean;
  /** `blankBefore` on the old side (for `reconstruct(blocks, 'old')`). */
  oldBlankBefore: boolean;
  ops: WordOp[];
  /** Set when the block is one end of a moved clause: deleted where it was (`from`), inserted where it is (`to`). */
  moved?: 'from' | 'to';
}

/** Summary numbers for a redline. */
export interface RedlineStats {
  wordsInserted: number;
  wordsDeleted: number;
  paragraphsInserted: number;
  paragraphsDeleted: number;
  paragraphsChanged: number;
  paragraphsUnchanged: number;
  /** Paragraphs of clauses that moved (counted once, where they are now). */
  paragraphsMoved: number;
}
