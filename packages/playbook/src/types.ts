import type { Diagnostic } from '@contracts/core';

/** Where a value stands for the buyer. `unrated`: the playbook records the term but takes no position. */
export type Tier = 'preferred' | 'fallback' | 'walk-away' | 'missing' | 'unrated';
export type TermKind = 'number' | 'option' | 'boolean' | 'list' | 'text';
export type PositionValue = number | string | boolean | string[];

/** One term entry as written in playbook.yaml. */
export interface TermPositionSource {
  label: string;
  kind: TermKind;
  unit?: string;
  better?: 'lower' | 'higher';
  order?: string[];
  match?: 'all' | 'any';
  preferred?: PositionValue;
  fallback?: PositionValue;
  walkAwayBeyond?: PositionValue;
  expected?: boolean;
  rationale: string;
  source: string;
}

export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | ({ path: string } & Record<string, unknown>);

export interface RequirementSource {
  term: string;
  /** The obligation starts later than the law (ISO date): before it, an unmet requirement is reported as upcoming. */
  appliesFrom?: string;
  /** The obligation only exists when this holds (e.g. a TIA only for Art. 46 safeguards). */
  when?: Condition;
  /** Citation of this obligation when it differs from the rule's. */
  source?: string;
  equals?: string | number | boolean;
  oneOf?: (string | number | boolean)[];
  only?: string[];
  includes?: string[];
  includesAny?: string[];
  atMost?: number;
  atLeast?: number;
}

/** Whom, where, which data and which product a law reaches: every facet given must hold. */
export interface RuleScopeSource {
  who?: Condition;
  where?: Condition;
  data?: Condition;
  product?: Condition;
}

/** A carve-out the law itself makes (740 ILCS 14/25(c), CRA Art. 2(2)): when it holds, the rule is silent. */
export interface ExemptionSource {
  id: string;
  description: string;
  source: string;
  when: Condition;
}

export interface RiskRuleSource {
  id: string;
  message: string;
  source: string;
  /** Optional extra trigger beyond the scope (e.g. a fact that makes the law matter for this deal). */
  when?: Condition;
  scope?: RuleScopeSource;
  exemptions?: ExemptionSource[];
  /** The date the law (or the rule's first obligation) binds, ISO `YYYY-MM-DD`. */
  inForceFrom?: string;
  /** From this date the rule no longer applies (repealed, or superseded by `supersededBy`). */
  repealedOn?: string;
  supersededBy?: string;
  /** What counsel must confirm before relying on the rule. */
  counselReview?: string;
  then: RequirementSource[];
}

/** Named sets of jurisdiction codes (EU member states, …) for the `within` / `outside` operators. */
export type RegionSets = Record<string, string[]>;

/** One check that the product evaluation and the terms say the same thing. */
export interface ConsistencyCheckSource {
  id: string;
  message: string;
  source: string;
  /** `conflict`: both conditions hold. `within`: evaluation locations outside the terms' list. `listed`: evaluation items missing from the terms' list. */
  kind: 'conflict' | 'within' | 'listed';
  /** Evaluation path(s): one path, or several (each checked). */
  evaluation: string | string[];
  terms: string;
  /** For `conflict`: the evaluation / terms tests, one operator each (as in conditions, without `path`). */
  evaluationTest?: Record<string, unknown>;
  termsTest?: Record<string, unknown>;
  /** For `listed`: the key naming an item in both lists (default `name`). */
  key?: string;
  /** Only check when this holds (e.g. the residency clause covers backups). */
  when?: Condition;
  severity?: 'error' | 'warning';
}

/** playbook.yaml as written. */
export interface PlaybookSource {
  playbookVersion: 1;
  title: string;
  description?: string;
  terms: Record<string, TermPositionSource>;
  regions?: RegionSets;
  /** Regulation code (as contracts list it) → the rules that decide whether it applies to a deal. */
  laws?: Record<string, string[]>;
  riskRules?: RiskRuleSource[];
  consistencyChecks?: ConsistencyCheckSource[];
}

/** A term compiled once: pointer segments, goodness function and thresholds precomputed. */
export interface CompiledTerm {
  /** Dotted path inside `terms` (`incidentResponse.notificationHours`). */
  path: string;
  /** JSON Pointer from the document root (`/terms/incidentResponse/notificationHours`). */
  pointer: string;
  segments: string[];
  /** Pointer of the entry in the playbook file (for positions of playbook problems). */
  playbookPointer: string;
  spec: TermPositionSource;
  /** Goodness for the buyer (higher is better); `undefined` when the value cannot be rated. */
  score: (value: unknown) => number | undefined;
  thresholds: { preferred?: number; fallback?: number; walkAway?: number };
  /** The preferred value as a suggestion (`fix`). */
  suggestion?: string;
}

/** A requirement compiled to a test plus its wording. */
export interface CompiledRequirement {
  term: string;
  pointer: string;
  segments: string[];
  /** True when the value meets the requirement. */
  test: (value: unknown) => boolean;
  /** What the rule demands, for messages: `at most 72`, `one of sccs-2021-914, …`. */
  demand: string;
  fix: string;
  /**
   * A value that meets the requirement, given the one the contract has (a list keeps its members and
   * gains the missing ones): the playbook's preferred value when that meets it, else the rule's own.
   * Absent when the rule only asks that the term be stated and the playbook prefers no value.
   */
  satisfy?: (value: unknown) => unknown;
  /** ISO date the obligation starts (the later of the rule's `inForceFrom` and the requirement's `appliesFrom`). */
  appliesFrom?: string;
  /** The obligation's precondition over the contract; absent: always. */
  applies?: (contract: unknown) => boolean;
  source?: string;
}

export interface CompiledExemption {
  id: string;
  description: string;
  source: string;
  when: (contract: unknown) => string[] | undefined;
}

/** Why a rule does or does not bind a contract (see `ruleApplicability`). */
export type RuleStatus = 'applies' | 'upcoming' | 'out-of-scope' | 'exempt' | 'not-in-force' | 'repealed';

export interface CompiledRule {
  id: string;
  message: string;
  source: string;
  /**
   * The facts (JSON Pointers) that bring the contract under the rule — in scope, not exempt, not
   * repealed as of the contract's effective date — or `undefined`. A rule whose obligations all
   * start later still holds here (its findings are `upcoming`).
   */
  when: (contract: unknown) => string[] | undefined;
  /** Scope and trigger only, before exemptions and dates. */
  inScope: (contract: unknown) => string[] | undefined;
  exemptions: CompiledExemption[];
  inForceFrom?: string;
  repealedOn?: string;
  supersededBy?: string;
  counselReview?: string;
  requirements: CompiledRequirement[];
  playbookPointer: string;
}

export interface CompiledConsistencyCheck {
  id: string;
  message: string;
  source: string;
  severity: 'error' | 'warning';
  /** Pairs of (terms pointer, evaluation pointer, what differs) found in one contract. */
  run: (contract: unknown) => { termsPointer: string; evaluationPointer: string; detail: string }[];
  playbookPointer: string;
}

/** A playbook ready to check contracts: lookups built once. */
export interface Playbook {
  file: string;
  title: string;
  terms: CompiledTerm[];
  termsByPath: Map<string, CompiledTerm>;
  rules: CompiledRule[];
  consistencyChecks: CompiledConsistencyCheck[];
  regions: RegionSets;
  /** Regulation code → rule ids (`laws` in playbook.yaml). */
  laws: ReadonlyMap<string, readonly string[]>;
}

/** Result of rating one term. */
export interface TermEvaluation {
  tier: Tier;
  /** For a fallback value worse than the fallback position but not past the walk-away limit. */
  beyondFallback?: boolean;
}

export interface TermResult extends TermEvaluation {
  path: string;
  pointer: string;
  label: string;
  value: unknown;
  /** Whether the playbook expects the term in every agreement. */
  expected: boolean;
  /** Risk rules that require this term in this contract. */
  requiredBy: string[];
}

/** One unmet requirement of a triggered risk rule. */
export interface RuleFinding {
  ruleId: string;
  code: `risk/${string}`;
  message: string;
  source: string;
  term: string;
  pointer: string;
  /** True when the term is absent. */
  missing: boolean;
  demand: string;
  fix: string;
  /** JSON Pointers of the product / parties fields that triggered the rule. */
  triggeredBy: string[];
  /** `enforced`: binds as of the contract's effective date; `upcoming`: starts on `appliesFrom`, after it. */
  status: 'enforced' | 'upcoming';
  appliesFrom?: string;
  /** The date the rules were applied as of (the contract's `effectiveDate`, else the check date). */
  asOf: string;
}

export interface CheckSummary {
  preferred: number;
  fallback: number;
  walkAway: number;
  missing: number;
  unrated: number;
  /** Unmet requirements of law in force at the effective date (errors). */
  risk: number;
  /** Unmet obligations that start after the effective date (warnings); not in `text`. */
  upcoming: number;
  /** `3 walk-away, 2 fallback, 14 preferred, 1 missing, 2 risk findings` */
  text: string;
}

/** The evaluation and the terms disagree (a consistency check found it). */
export interface Inconsistency {
  checkId: string;
  termsPointer: string;
  evaluationPointer: string;
  detail: string;
}

export interface CheckResult {
  diagnostics: Diagnostic[];
  terms: TermResult[];
  findings: RuleFinding[];
  inconsistencies: Inconsistency[];
  summary: CheckSummary;
}
