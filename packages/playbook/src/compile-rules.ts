import { compileCondition, type CompiledCondition, type ConditionContext, type ConditionProblem } from './conditions.js';
import { asOfDate } from './dates.js';
import { showValue } from './compile-term.js';
import { pathSegments, pointerOf, termDotted } from './paths.js';
import type { CompiledRequirement, CompiledRule, CompiledTerm, Condition, RequirementSource, RiskRuleSource } from './types.js';

type Scalar = string | number | boolean;

/** Compiles one requirement into a test, its wording and a suggested value. */
export function compileRequirement(r: RequirementSource, term: CompiledTerm | undefined): CompiledRequirement {
  const segments = pathSegments(r.term, ['terms']);
  const base = { term: termDotted(segments), pointer: pointerOf(segments), segments };
  // Suggest the playbook's preferred value when it satisfies the rule, else the rule's own value.
  const preferredIf = (ok: (v: unknown) => boolean, otherwise: string) =>
    term?.spec.preferred !== undefined && ok(term.spec.preferred) ? showValue(term.spec.preferred) : otherwise;
  // The same choice as a value a new agreement can take (`satisfy`).
  const preferredOr = (ok: (v: unknown) => boolean, otherwise: unknown) =>
    term?.spec.preferred !== undefined && ok(term.spec.preferred) ? term.spec.preferred : otherwise;
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  const present = (v: unknown) => v !== undefined && v !== null;
  if (r.equals !== undefined) {
    const e = r.equals;
    return { ...base, test: (v) => v === e, demand: `must be ${showValue(e)}`, fix: showValue(e), satisfy: () => e };
  }
  if (r.oneOf) {
    const set = new Set<Scalar>(r.oneOf);
    const test = (v: unknown) => set.has(v as Scalar);
    return {
      ...base,
      test,
      demand: `must be one of ${r.oneOf.join(', ')}`,
      fix: preferredIf(test, showValue(r.oneOf[0])),
      satisfy: () => preferredOr(test, r.oneOf![0]),
    };
  }
  if (r.only) {
    const set = new Set<unknown>(r.only);
    const test = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every((m) => set.has(m));
    const only = r.only;
    return {
      ...base,
      test,
      demand: `must list only ${only.join(', ')}`,
      fix: showValue(only),
      satisfy: (v) => (list(v).some((m) => set.has(m)) ? list(v).filter((m) => set.has(m)) : [...only]),
    };
  }
  if (r.includes) {
    const need = r.includes;
    return {
      ...base,
      test: (v) => Array.isArray(v) && need.every((m) => v.includes(m)),
      demand: `must include ${need.join(', ')}`,
      fix: `add ${need.join(', ')}`,
      satisfy: (v) => [...list(v), ...need.filter((m) => !list(v).includes(m))],
    };
  }
  if (r.includesAny) {
    const any = r.includesAny;
    return {
      ...base,
      test: (v) => Array.isArray(v) && v.some((m) => any.includes(m)),
      demand: `must include one of ${any.join(', ')}`,
      fix: `add ${any[0]}`,
      satisfy: (v) => [...list(v), any[0]],
    };
  }
  if (r.atMost !== undefined || r.atLeast !== undefined) {
    const max = r.atMost ?? Infinity;
    const min = r.atLeast ?? -Infinity;
    const test = (v: unknown) => typeof v === 'number' && v <= max && v >= min;
    const demand =
      r.atMost !== undefined && r.atLeast !== undefined
        ? `must be between ${min} and ${max}`
        : r.atMost !== undefined
          ? `must be at most ${max}`
          : `must be at least ${min}`;
    return { ...base, test, demand, fix: preferredIf(test, String(r.atMost ?? r.atLeast)), satisfy: () => preferredOr(test, r.atMost ?? r.atLeast) };
  }
  const preferred = term?.spec.preferred;
  return {
    ...base,
    test: present,
    demand: 'must be stated',
    fix: term?.suggestion ?? 'state the term',
    ...(preferred !== undefined ? { satisfy: () => preferred } : {}),
  };
}

/** The facts of every part, or `undefined` when one part fails (an empty `all`). */
function allOf(parts: CompiledCondition[]): CompiledCondition {
  if (parts.length === 1) return parts[0]!;
  return (doc) => {
    const facts: string[] = [];
    for (const part of parts) {
      const found = part(doc);
      if (!found) return undefined;
      for (const f of found) facts.push(f);
    }
    return facts;
  };
}

const scopeFacets = ['who', 'where', 'data', 'product'] as const;

/** Compiles every rule once: scope, exemptions and trigger into closures, requirements into tests. */
export function compileRules(
  rules: readonly RiskRuleSource[],
  termsByPath: Map<string, CompiledTerm>,
  problems: (ConditionProblem & { rule: number })[],
  context: ConditionContext = { regions: {} },
): CompiledRule[] {
  return rules.map((rule, i) => {
    const local: ConditionProblem[] = [];
    const compile = (c: Condition, at: string) => compileCondition(c, local, at, context);
    const parts: CompiledCondition[] = [];
    for (const facet of scopeFacets) {
      const c = rule.scope?.[facet];
      if (c) parts.push(compile(c, `/scope/${facet}`));
    }
    if (rule.when) parts.push(compile(rule.when, '/when'));
    const inScope = parts.length > 0 ? allOf(parts) : () => [];
    const exemptions = (rule.exemptions ?? []).map((e, j) => ({
      id: e.id,
      description: e.description,
      source: e.source,
      when: compile(e.when, `/exemptions/${j}/when`),
    }));
    const requirements = rule.then.map((r, j) => {
      const compiled = compileRequirement(r, termsByPath.get(termDotted(pathSegments(r.term, ['terms']))));
      const start = laterDate(rule.inForceFrom, r.appliesFrom);
      if (start) compiled.appliesFrom = start;
      if (r.source) compiled.source = r.source;
      if (r.when) {
        const applies = compile(r.when, `/then/${j}/when`);
        compiled.applies = (doc) => applies(doc) !== undefined;
      }
      return compiled;
    });
    for (const p of local) problems.push({ ...p, rule: i });
    const { repealedOn } = rule;
    const when = (doc: unknown) => {
      if (repealedOn !== undefined && asOfDate(doc) >= repealedOn) return undefined;
      const facts = inScope(doc);
      if (!facts) return undefined;
      for (const e of exemptions) if (e.when(doc)) return undefined;
      return facts;
    };
    const compiled: CompiledRule = {
      id: rule.id,
      message: rule.message,
      source: rule.source,
      when,
      inScope,
      exemptions,
      requirements,
      playbookPointer: `/riskRules/${i}`,
    };
    if (rule.inForceFrom) compiled.inForceFrom = rule.inForceFrom;
    if (repealedOn) compiled.repealedOn = repealedOn;
    if (rule.supersededBy) compiled.supersededBy = rule.supersededBy;
    if (rule.counselReview) compiled.counselReview = rule.counselReview;
    return compiled;
  });
}

/** The later of two ISO dates (either may be absent). ISO dates compare as text. */
const laterDate = (a: string | undefined, b: string | undefined): string | undefined => (a === undefined ? b : b === undefined ? a : a > b ? a : b);
