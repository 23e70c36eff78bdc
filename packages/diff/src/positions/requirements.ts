import type { BuyerDirection, Playbook } from '@contracts/playbook';
import type { RequirementChange, RequirementState } from './types.js';
import { valueAt } from './values.js';

/** One requirement of a rule that binds a contract, and whether the contract meets it. */
export interface RuleRequirement {
  ruleId: string;
  message: string;
  /** The primary source the requirement rests on (the requirement's own, else its rule's). */
  source: string;
  term: string;
  demand: string;
  met: boolean;
}

/**
 * Every term the playbook's risk rules require of a contract, met or not, keyed `ruleId|term`: the
 * rules that bind it (in scope, not exempt, not repealed) and, of those, the requirements whose own
 * precondition holds. (`evaluateRules` reports unmet requirements only; a diff needs the full set on both sides.)
 */
export function requiredTerms(playbook: Playbook, contract: unknown): Map<string, RuleRequirement> {
  const out = new Map<string, RuleRequirement>();
  for (const rule of playbook.rules) {
    if (!rule.when(contract)) continue;
    for (const r of rule.requirements) {
      if (r.applies && !r.applies(contract)) continue;
      const term = r.term.replace(/^terms\./, '');
      const met = r.test(valueAt(contract, r.segments));
      out.set(`${rule.id}|${term}`, { ruleId: rule.id, message: rule.message, source: r.source ?? rule.source, term, demand: r.demand, met });
    }
  }
  return out;
}

const state = (r: RuleRequirement | undefined): RequirementState => (r === undefined ? 'absent' : r.met ? 'met' : 'unmet');

/**
 * Requirements whose state differs between the versions, in the order the playbook lists them:
 * `added` / `dropped` when the rule starts or stops binding (the product facts changed), `unmet` /
 * `met` when it binds both and the term stopped or started meeting it.
 *
 * Who gained: a requirement that becomes unmet — met before, or newly binding and not met — is a move
 * toward the vendor (the buyer now carries a risk the law or its policy forbids); one that becomes met,
 * toward the buyer. A rule that starts binding a contract that meets it, or stops binding, changes a
 * fact, not a position: neutral.
 */
export function diffRequirements(playbook: Playbook, before: unknown, after: unknown, label: (term: string) => string): RequirementChange[] {
  return requirementChanges(requiredTerms(playbook, before), requiredTerms(playbook, after), label);
}

/** `diffRequirements` over the `requiredTerms` of each version, worked out once. */
export function requirementChanges(a: Map<string, RuleRequirement>, b: Map<string, RuleRequirement>, label: (term: string) => string): RequirementChange[] {
  const changes: RequirementChange[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const was = state(a.get(key));
    const now = state(b.get(key));
    if (was === now) continue;
    const r = (b.get(key) ?? a.get(key))!;
    const change = was === 'absent' ? 'added' : now === 'absent' ? 'dropped' : now === 'met' ? 'met' : 'unmet';
    changes.push({ change, ...r, label: label(r.term), before: was, after: now, gained: gainedByRequirement(was, now) });
  }
  return changes;
}

function gainedByRequirement(was: RequirementState, now: RequirementState): BuyerDirection {
  if (now === 'unmet') return 'vendor';
  if (was === 'unmet' && now === 'met') return 'buyer';
  return 'neutral';
}
