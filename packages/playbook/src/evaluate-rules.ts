import { valueAt } from './paths.js';
import type { Playbook, RuleFinding } from './types.js';

/**
 * Runs every risk rule over a contract value. Returns one finding per unmet requirement of each rule
 * whose condition holds; `triggeredBy` names the product / parties fields that made it hold.
 */
export function evaluateRules(playbook: Playbook, contract: unknown): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const rule of playbook.rules) {
    const triggeredBy = rule.when(contract);
    if (!triggeredBy) continue;
    for (const r of rule.requirements) {
      const value = valueAt(contract, r.segments);
      if (r.test(value)) continue;
      const missing = value === undefined || value === null;
      findings.push({
        ruleId: rule.id,
        code: `risk/${rule.id}`,
        message: rule.message,
        source: rule.source,
        term: r.term,
        pointer: r.pointer,
        missing,
        demand: r.demand,
        fix: r.fix,
        triggeredBy: [...new Set(triggeredBy)],
      });
    }
  }
  return findings;
}

/** Which rules hold for a contract, whether or not their requirements are met (for reports). */
export function triggeredRules(playbook: Playbook, contract: unknown): string[] {
  return playbook.rules.filter((rule) => rule.when(contract)).map((rule) => rule.id);
}
