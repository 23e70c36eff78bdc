/**
 * Semantic position diff: which negotiated terms moved between two versions of an agreement, who
 * gained by the playbook's ordering, tiers crossed, and what product-fact changes do to the risk rules.
 */
export type { ChangeKind, PositionChange, PositionDiff, ProductChange, RequirementChange, RequirementState } from './types.js';
export {
  diffPositions,
  diffVersions,
  diffTerms,
  diffFlatTerms,
  flattenTerms,
  rateMoves,
  termChange,
  versionToRate,
  type VersionToRate,
} from './diff-positions.js';
export { requiredTerms, diffRequirements, requirementChanges, type RuleRequirement } from './requirements.js';
export { positionHistory, type HistoryStep, type HistoryVersion } from './history.js';
export { formatDiffText, formatDiffMarkdown, summaryLine, type DiffFormatOptions } from './format-diff.js';
export { formatHistoryText, formatHistoryMarkdown, type HistoryFormatOptions } from './format-history.js';
export { show, showMove } from './show.js';
export {
  formatRoundsText,
  formatRoundsMarkdown,
  formatRoundsJson,
  roundRows,
  roundChanges,
  type RoundRow,
  type RoundStep,
  type RoundsFormatOptions,
} from './format-rounds.js';
