import type { RuleFinding } from '@contracts/playbook';
import type { Deadline } from '../model.js';

/**
 * The obligations a contract does not meet yet that start after its effective date: the `upcoming`
 * findings of `evaluateRules` (what `contracts check` counts as upcoming), soonest first.
 */
export function deadlinesOf(findings: readonly RuleFinding[]): Deadline[] {
  return findings
    .filter((f) => f.status === 'upcoming' && f.appliesFrom !== undefined)
    .map((f) => ({ date: f.appliesFrom!, ruleId: f.ruleId, term: f.term }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}
