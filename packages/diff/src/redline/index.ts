/**
 * Word-level redline between two Markdown renderings of a contract: `diffDocuments`
 * computes paragraph blocks with word ops; `toRedlineMarkdown` (pandoc tracked-change
 * spans) and `toRedlineHtml` (<ins>/<del>) render them; `redlineStats` summarises.
 */
export { diffDocuments } from './align.js';
export { diffStructured } from './structure.js';
export { clauseKeys } from './clause-keys.js';
export { toRedlineMarkdown, escapeMarkdownText, type RedlineAuthor } from './markdown.js';
export { toRedlineHtml, escapeHtml } from './html.js';
export { redlineStats, reconstruct } from './stats.js';
export { splitParagraphs, joinParagraphs, type Paragraph } from './paragraphs.js';
export type { BlockKind, OpKind, RedlineBlock, RedlineStats, WordOp } from './types.js';
