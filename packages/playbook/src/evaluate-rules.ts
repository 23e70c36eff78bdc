import { asOfDate } from './dates.js';
import { valueAt } from './paths.js';
import type { CompiledRequirement, CompiledRule, Playbook, RuleFinding, RuleStatus } from './types.js';

export interface EvaluateOptions {
  /** Date to apply law as of when the contract has no `effectiveDate` (default: today / SOURCE_DATE_EPOCH). */
  asOf?: string;
  /** `ruleApplicability` only: the standing of these rules alone (the rest are not evaluated). */
  rules?: ReadonlySet<string>;
}

/**
 * Runs every risk rule over a contract value, as of its effective date. Returns one finding per
 * unmet requirement of each rule that binds the contract: `enforced` when the obligation is in force
 * on that date, `upcoming` (with its date) when it starts later. Rules out of scope, exempt or
 * repealed by then report nothing; `triggeredBy` names the fields that brought the contract in scope.
 */
export function evaluateRules(playbook: Playbook, contract: unknown, options: EvaluateOptions = {}): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const asOf = asOfDate(contract, options.asOf);
  const facts = new Map<CompiledRule, string[]>();
  for (const { rule, requirement: r, value, triggeredBy } of unmetRequirements(playbook, contract, asOf)) {
    const upcoming = r.appliesFrom !== undefined && asOf < r.appliesFrom;
    let triggered = facts.get(rule);
    if (!triggered) facts.set(rule, (triggered = [...new Set(triggeredBy)]));
    const finding: RuleFinding = {
      ruleId: rule.id,
      code: `risk/${rule.id}`,
      message: rule.message,
      source: r.source ?? rule.source,
      term: r.term,
      pointer: r.pointer,
      missing: value === undefined || value === null,
      demand: r.demand,
      fix: r.fix,
      triggeredBy: triggered,
      status: upcoming ? 'upcoming' : 'enforced',
      asOf,
    };
    if (r.appliesFrom !== undefined) finding.appliesFrom = r.appliesFrom;
    findings.push(finding);
  }
  return findings;
}

/** An unmet requirement of a rule that binds the contract, with the value the contract has. */
export interface UnmetRequirement {
  rule: CompiledRule;
  requirement: CompiledRequirement;
  value: unknown;
  /** The facts that brought the contract into the rule's scope. */
  triggeredBy: string[];
}

/**
 * Every unmet requirement of every rule that binds `contract` as of `asOf` (in scope, not exempt, not
 * repealed; obligations that start later included): what `evaluateRules` reports and what
 * `withRequiredTerms` fills in.
 */
export function* unmetRequirements(playbook: Playbook, contract: unknown, asOf: string): Generator<UnmetRequirement> {
  for (const rule of playbook.rules) {
    if (rule.repealedOn !== undefined && asOf >= rule.repealedOn) continue;
    const triggeredBy = rule.inScope(contract);
    if (!triggeredBy || exemptionOf(rule, contract)) continue;
    for (const requirement of rule.requirements) {
      if (requirement.applies && !requirement.applies(contract)) continue;
      const value = valueAt(contract, requirement.segments);
      if (!requirement.test(value)) yield { rule, requirement, value, triggeredBy };
    }
  }
}

const exemptionOf = (rule: CompiledRule, contract: unknown) => rule.exemptions.find((e) => e.when(contract));

/** Which rules bind a contract (in scope, not exempt, not repealed), whether or not their requirements are met. */
export function triggeredRules(playbook: Playbook, contract: unknown): string[] {
  return playbook.rules.filter((rule) => rule.when(contract)).map((rule) => rule.id);
}

/** Why one rule does or does not bind one contract, for reports and for naming only the laws that apply. */
export interface RuleApplicability {
  ruleId: string;
  status: RuleStatus;
  /** As of this date (the contract's effective date, else the check date). */
  asOf: string;
  /** The exemption that took the contract out of the rule. */
  exemption?: { id: string; description: string; source: string };
  /** For `upcoming` and `not-in-force`: the first date an obligation binds. */
  from?: string;
  source: string;
}

/**
 * The standing of every rule for a contract: `applies`, `upcoming` (in scope, but every obligation
 * starts after the effective date), `not-in-force` (in scope, law not yet in force), `exempt`,
 * `out-of-scope` or `repealed`. The clause library can name exactly the laws that apply.
 */
export function ruleApplicability(playbook: Playbook, contract: unknown, options: EvaluateOptions = {}): RuleApplicability[] {
  const asOf = asOfDate(contract, options.asOf);
  const rules = options.rules ? playbook.rules.filter((r) => options.rules!.has(r.id)) : playbook.rules;
  return rules.map((rule) => {
    const base = { ruleId: rule.id, asOf, source: rule.source };
    if (rule.repealedOn !== undefined && asOf >= rule.repealedOn) return { ...base, status: 'repealed' as const };
    if (!rule.inScope(contract)) return { ...base, status: 'out-of-scope' as const };
    const exemption = exemptionOf(rule, contract);
    if (exemption) return { ...base, status: 'exempt' as const, exemption: { id: exemption.id, description: exemption.description, source: exemption.source } };
    const starts = rule.requirements.filter((r) => !r.applies || r.applies(contract)).map((r) => r.appliesFrom);
    if (starts.length > 0 && starts.every((d) => d !== undefined && asOf < d)) {
      const from = (starts as string[]).sort()[0]!;
      return { ...base, status: rule.inForceFrom !== undefined && asOf < rule.inForceFrom ? ('not-in-force' as const) : ('upcoming' as const), from };
    }
    return { ...base, status: 'applies' as const };
  });
}
