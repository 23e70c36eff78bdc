import { pathSegments, termDotted } from './paths.js';
import { rate } from './compile-term.js';
import type { CompiledTerm, Playbook, TermEvaluation } from './types.js';

/** The playbook entry for a term path (dotted or JSON Pointer, inside `terms` or from the root). */
export function findTerm(playbook: Playbook, termPath: string): CompiledTerm | undefined {
  return playbook.termsByPath.get(termDotted(pathSegments(termPath, ['terms'])));
}

/**
 * Where a value stands for the buyer: preferred / fallback / walk-away, `missing` for an absent value,
 * `unrated` when the playbook takes no position (or does not know the term or value).
 */
export function evaluateTerm(playbook: Playbook, termPath: string, value: unknown): TermEvaluation & { term?: CompiledTerm } {
  const term = findTerm(playbook, termPath);
  if (!term) return { tier: value === undefined ? 'missing' : 'unrated' };
  return { ...rate(term, value), term };
}

export type BuyerDirection = 'buyer' | 'vendor' | 'neutral';

/**
 * Who gained when a term moved from `oldValue` to `newValue`. Adding a rated term is a gain for the
 * buyer and dropping one a gain for the vendor; unrated terms and unrated values are neutral.
 */
export function compareForBuyer(playbook: Playbook, termPath: string, oldValue: unknown, newValue: unknown): BuyerDirection {
  const term = findTerm(playbook, termPath);
  if (!term || term.thresholds.preferred === undefined) return 'neutral';
  const score = (v: unknown) => (v === undefined || v === null ? -Infinity : term.score(v));
  const before = score(oldValue);
  const after = score(newValue);
  if (before === undefined || after === undefined || before === after) return 'neutral';
  return after > before ? 'buyer' : 'vendor';
}
