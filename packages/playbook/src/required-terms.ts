import { asOfDate } from './dates.js';
import { unmetRequirements } from './evaluate-rules.js';
import type { Playbook } from './types.js';

/** A term `withRequiredTerms` set, and the rule that asks for it. */
export interface RequiredTerm {
  /** Dotted path below `terms`, as findings name it (`remoteAccess.mfa`). */
  term: string;
  value: unknown;
  ruleId: string;
  /** The date the obligation starts, when that is after the contract's effective date. */
  appliesFrom?: string;
}

/** Passes over the rules: a term set can bring another rule into scope, which can ask for more. */
const MAX_PASSES = 8;

/**
 * A copy of `contract` whose terms meet every requirement of the rules that bind it: each unmet one
 * (in force on the effective date or starting later, since a first draft should ask for what the law
 * will require) takes the value its requirement's `satisfy` gives — the playbook's preferred value
 * when that meets it. Requirements that only ask for a term to be stated, where the playbook prefers
 * no value, are left for the drafter and still reported by `check`. This is what `contracts new`
 * starts from, so a new agreement passes its own check.
 */
export function withRequiredTerms<T>(playbook: Playbook, contract: T): { contract: T; set: RequiredTerm[] } {
  const copy = structuredClone(contract);
  const set: RequiredTerm[] = [];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const asOf = asOfDate(copy);
    let changed = false;
    for (const { rule, requirement, value } of [...unmetRequirements(playbook, copy, asOf)]) {
      if (!requirement.satisfy) continue;
      const next = requirement.satisfy(value);
      if (!requirement.test(next)) continue; // a rule whose demands cannot all be met by one value
      setAt(copy, requirement.segments, next);
      changed = true;
      const done = set.findIndex((s) => s.term === requirement.term);
      const entry: RequiredTerm = { term: requirement.term, value: next, ruleId: rule.id };
      if (requirement.appliesFrom !== undefined && asOf < requirement.appliesFrom) entry.appliesFrom = requirement.appliesFrom;
      if (done >= 0) set[done] = entry;
      else set.push(entry);
    }
    if (!changed) break;
  }
  return { contract: copy, set };
}

function setAt(root: unknown, segments: readonly string[], value: unknown): void {
  let node = root as Record<string, unknown>;
  for (const segment of segments.slice(0, -1)) {
    const next = node[segment];
    node = (next !== null && typeof next === 'object' ? next : (node[segment] = {})) as Record<string, unknown>;
  }
  node[segments.at(-1)!] = Array.isArray(value) ? [...value] : value;
}
