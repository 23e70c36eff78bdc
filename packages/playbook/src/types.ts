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
  equals?: string | number | boolean;
  oneOf?: (string | number | boolean)[];
  only?: string[];
  includes?: string[];
  includesAny?: string[];
  atMost?: number;
  atLeast?: number;
}

export interface RiskRuleSource {
  id: string;
  message: string;
  source: string;
  when: Condition;
  then: RequirementSource[];
}

/** playbook.yaml as written. */
export interface PlaybookSource {
  playbookVersion: 1;
  title: string;
  description?: string;
  terms: Record<string, TermPositionSource>;
  riskRules?: RiskRuleSource[];
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
}

export interface CompiledRule {
  id: string;
  message: string;
  source: string;
  /** Returns the paths (JSON Pointers) of the facts that made the condition hold, or `undefined`. */
  when: (contract: unknown) => string[] | undefined;
  requirements: CompiledRequirement[];
  playbookPointer: string;
}

/** A playbook ready to check contracts: lookups built once. */
export interface Playbook {
  file: string;
  title: string;
  terms: CompiledTerm[];
  termsByPath: Map<string, CompiledTerm>;
  rules: CompiledRule[];
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
}

export interface CheckSummary {
  preferred: number;
  fallback: number;
  walkAway: number;
  missing: number;
  unrated: number;
  risk: number;
  /** `3 walk-away, 2 fallback, 14 preferred, 1 missing, 2 risk findings` */
  text: string;
}

export interface CheckResult {
  diagnostics: Diagnostic[];
  terms: TermResult[];
  findings: RuleFinding[];
  summary: CheckSummary;
}
