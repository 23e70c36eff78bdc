/**
 * Word-level redline between two Markdown renderings of a contract: `diffStructured` aligns them clause
 * by clause (render's anchors) and `diffDocuments` paragraph by paragraph, with word ops inside edited
 * paragraphs; `toRedlineMarkdown` writes pandoc insertion/deletion spans (render's converter makes the
 * HTML redline of them); `redlineStats` summarises.
 */
export { diffDocuments } from './align.js';
export { diffStructured, type StructuredDiffOptions } from './structure.js';
export { clauseKeys } from './clause-keys.js';
export { toRedlineMarkdown, type RedlineAuthor, type RedlineMarkdownOptions } from './markdown.js';
export { redlineStats, reconstruct } from './stats.js';
export { splitParagraphs, joinParagraphs, type Paragraph } from './paragraphs.js';
export { visibleText } from './inline.js';
export type { BlockKind, OpKind, RedlineBlock, RedlineStats, WordOp } from './types.js';
