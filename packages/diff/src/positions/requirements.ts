import type { Playbook } from '@contracts/playbook';
import type { RequirementChange } from './types.js';
import { valueAt } from './values.js';

interface Required {
  ruleId: string;
  message: string;
  term: string;
  demand: string;
  met: boolean;
}

/**
 * Every term the playbook's risk rules require of a contract, met or not, keyed `ruleId|term`.
 * (`evaluateRules` reports unmet requirements only; a diff needs the full set on both sides.)
 */
export function requiredTerms(playbook: Playbook, contract: unknown): Map<string, Required> {
  const out = new Map<string, Required>();
  for (const rule of playbook.rules) {
    if (!rule.when(contract)) continue;
    for (const r of rule.requirements) {
      const term = r.term.replace(/^terms\./, '');
      out.set(`${rule.id}|${term}`, { ruleId: rule.id, message: rule.message, term, demand: r.demand, met: r.test(valueAt(contract, r.segments)) });
    }
  }
  return out;
}

/** Requirements present in one version only: `added` (new version) or `dropped` (old version). */
export function diffRequirements(playbook: Playbook, before: unknown, after: unknown, label: (term: string) => string): RequirementChange[] {
  const a = requiredTerms(playbook, before);
  const b = requiredTerms(playbook, after);
  const changes: RequirementChange[] = [];
  for (const [key, r] of b) if (!a.has(key)) changes.push({ change: 'added', ...r, label: label(r.term) });
  for (const [key, r] of a) if (!b.has(key)) changes.push({ change: 'dropped', ...r, label: label(r.term) });
  return changes;
}
