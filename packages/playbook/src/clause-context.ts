import { ruleApplicability, type EvaluateOptions, type RuleApplicability } from './evaluate-rules.js';
import type { Playbook } from './types.js';

/** A rule that binds the deal, as the clause library sees it (`applicable.<rule-id>`). */
export interface ApplicableRule {
  status: 'applies' | 'upcoming' | 'not-in-force';
  /** First date an obligation binds, when that is after the contract's effective date. */
  from?: string;
  source: string;
}

/** A regulation the contract names that no rule binds (`notApplicable.<code>`), and why. */
export interface InapplicableLaw {
  rules: string[];
  /** One line per rule: its id and standing (`illinois-biometrics: out of scope`). */
  reason: string;
}

/**
 * What the clause library needs from the playbook to name only the laws that bind a deal: render's
 * `extraContext` (see `@contracts/render`). `applicable` holds every rule that binds (in force, or in
 * force with obligations that start later); `notApplicable` every regulation code of the playbook's
 * `laws` whose rules all stay silent.
 *
 * @example renderAgreement(contract, { extraContext: clauseContext(playbook, contract) })
 */
export function clauseContext(
  playbook: Playbook,
  contract: unknown,
  options: EvaluateOptions = {},
): { applicable: Record<string, ApplicableRule>; notApplicable: Record<string, InapplicableLaw> } {
  const standing = ruleApplicability(playbook, contract, options);
  return { applicable: applicableRules(standing), notApplicable: inapplicableLaws(playbook, standing) };
}

const BINDING = new Set(['applies', 'upcoming', 'not-in-force']);

function applicableRules(standing: readonly RuleApplicability[]): Record<string, ApplicableRule> {
  const out: Record<string, ApplicableRule> = {};
  for (const r of standing) {
    if (!BINDING.has(r.status)) continue;
    const rule: ApplicableRule = { status: r.status as ApplicableRule['status'], source: r.source };
    if (r.from !== undefined) rule.from = r.from;
    out[r.ruleId] = rule;
  }
  return out;
}

/** Regulation codes of `playbook.laws` none of whose rules binds (of the rules in `standing`), with the reason for each rule. */
export function inapplicableLaws(playbook: Playbook, standing: readonly RuleApplicability[]): Record<string, InapplicableLaw> {
  const byId = new Map(standing.map((r) => [r.ruleId, r]));
  const out: Record<string, InapplicableLaw> = {};
  for (const [code, ids] of playbook.laws) {
    const rules = ids.map((id) => byId.get(id)).filter((r): r is RuleApplicability => r !== undefined);
    if (rules.length === 0 || rules.some((r) => BINDING.has(r.status))) continue;
    out[code] = { rules: [...ids], reason: rules.map(describe).join('; ') };
  }
  return out;
}

const describe = (r: RuleApplicability) =>
  `${r.ruleId}: ${r.status === 'exempt' && r.exemption ? `exempt (${r.exemption.description})` : r.status.replace(/-/g, ' ')}`;
