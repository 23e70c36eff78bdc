/**
 * Negotiated wording between two versions: the counterparty's own text (`negotiatedWording`) added,
 * changed or withdrawn, comments added, restated terms out of step — and the one formatter of wording
 * that `contracts diff`, `pr` and `import` print.
 */
export type { AddedRow, CommentAdded, RestatementOutOfStep, WordingChange, WordingDiff, WordingState } from './types.js';
export { diffWording, wordingMoved } from './diff-wording.js';
export {
  commentLineMarkdown,
  commentLinesText,
  excerpt,
  formatWordingMarkdown,
  formatWordingText,
  regionName,
  wordingLineMarkdown,
  wordingLinesText,
  wordingParts,
  wordingSummary,
  wordingWhen,
  type CommentView,
  type WordingView,
} from './format-wording.js';
