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

/** Who gained when a term moved: decided by `@contracts/diff` (`gainedBy`), the one direction rule. */
export type BuyerDirection = 'buyer' | 'vendor' | 'neutral';
