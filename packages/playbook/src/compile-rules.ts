import { compileCondition, type ConditionProblem } from './conditions.js';
import { showValue } from './compile-term.js';
import { pathSegments, pointerOf, termDotted } from './paths.js';
import type { CompiledRequirement, CompiledRule, CompiledTerm, RequirementSource, RiskRuleSource } from './types.js';

type Scalar = string | number | boolean;

/** Compiles one requirement into a test, its wording and a suggested value. */
export function compileRequirement(r: RequirementSource, term: CompiledTerm | undefined): CompiledRequirement {
  const segments = pathSegments(r.term, ['terms']);
  const base = { term: termDotted(segments), pointer: pointerOf(segments), segments };
  // Suggest the playbook's preferred value when it satisfies the rule, else the rule's own value.
  const preferredIf = (ok: (v: unknown) => boolean, otherwise: string) =>
    term?.spec.preferred !== undefined && ok(term.spec.preferred) ? showValue(term.spec.preferred) : otherwise;
  const present = (v: unknown) => v !== undefined && v !== null;
  if (r.equals !== undefined) {
    const e = r.equals;
    return { ...base, test: (v) => v === e, demand: `must be ${showValue(e)}`, fix: showValue(e) };
  }
  if (r.oneOf) {
    const set = new Set<Scalar>(r.oneOf);
    const test = (v: unknown) => set.has(v as Scalar);
    return { ...base, test, demand: `must be one of ${r.oneOf.join(', ')}`, fix: preferredIf(test, showValue(r.oneOf[0])) };
  }
  if (r.only) {
    const set = new Set(r.only);
    const test = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every((m) => set.has(m));
    return { ...base, test, demand: `must list only ${r.only.join(', ')}`, fix: showValue(r.only) };
  }
  if (r.includes) {
    const need = r.includes;
    return {
      ...base,
      test: (v) => Array.isArray(v) && need.every((m) => v.includes(m)),
      demand: `must include ${need.join(', ')}`,
      fix: `add ${need.join(', ')}`,
    };
  }
  if (r.includesAny) {
    const any = r.includesAny;
    return { ...base, test: (v) => Array.isArray(v) && v.some((m) => any.includes(m)), demand: `must include one of ${any.join(', ')}`, fix: `add ${any[0]}` };
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
    return { ...base, test, demand, fix: preferredIf(test, String(r.atMost ?? r.atLeast)) };
  }
  return { ...base, test: present, demand: 'must be stated', fix: term?.suggestion ?? 'state the term' };
}

/** Compiles every rule once: condition closures and requirement tests. */
export function compileRules(
  rules: readonly RiskRuleSource[],
  termsByPath: Map<string, CompiledTerm>,
  problems: (ConditionProblem & { rule: number })[],
): CompiledRule[] {
  return rules.map((rule, i) => {
    const local: ConditionProblem[] = [];
    const when = compileCondition(rule.when, local, '');
    for (const p of local) problems.push({ ...p, rule: i });
    const requirements = rule.then.map((r) => compileRequirement(r, termsByPath.get(termDotted(pathSegments(r.term, ['terms'])))));
    return { id: rule.id, message: rule.message, source: rule.source, when, requirements, playbookPointer: `/riskRules/${i}` };
  });
}
