import { compileCondition, valueTest, type ConditionContext, type ConditionProblem } from './conditions.js';
import { showValue } from './compile-term.js';
import { pathSegments, pointerOf, valueAt } from './paths.js';
import { expandRegions, regionTest } from './regions.js';
import type { CompiledConsistencyCheck, ConsistencyCheckSource } from './types.js';

type Found = ReturnType<CompiledConsistencyCheck['run']>[number];

/**
 * Compiles the playbook's consistency checks: places where the product evaluation and the terms must
 * say the same thing (locations, remote access, enabled features, named subprocessors). Each finding
 * names a terms pointer and an evaluation pointer, so a report can show both lines.
 */
export function compileConsistencyChecks(
  checks: readonly ConsistencyCheckSource[],
  context: ConditionContext,
  problems: (ConditionProblem & { check: number })[],
): CompiledConsistencyCheck[] {
  return checks.map((check, i) => {
    const local: ConditionProblem[] = [];
    const guard = check.when ? compileCondition(check.when, local, '/when', context) : undefined;
    const evaluations = (Array.isArray(check.evaluation) ? check.evaluation : [check.evaluation]).map((p) => {
      const segments = pathSegments(p);
      return { segments, pointer: pointerOf(segments) };
    });
    const termsSegments = pathSegments(check.terms);
    const termsPointer = pointerOf(termsSegments);
    const find = finder(check, context, local);
    for (const p of local) problems.push({ ...p, check: i });
    const run = (doc: unknown): Found[] => {
      if (guard && !guard(doc)) return [];
      const terms = valueAt(doc, termsSegments);
      const out: Found[] = [];
      for (const e of evaluations) {
        const evaluation = valueAt(doc, e.segments);
        if (evaluation === undefined) continue;
        for (const f of find(evaluation, terms))
          out.push({ termsPointer, evaluationPointer: f.at === undefined ? e.pointer : `${e.pointer}/${f.at}`, detail: f.detail });
      }
      return out;
    };
    return { id: check.id, message: check.message, source: check.source, severity: check.severity ?? 'error', run, playbookPointer: `/consistencyChecks/${i}` };
  });
}

type Finder = (evaluation: unknown, terms: unknown) => { at?: string; detail: string }[];

function finder(check: ConsistencyCheckSource, context: ConditionContext, problems: ConditionProblem[]): Finder {
  switch (check.kind) {
    case 'conflict': {
      const one = (test: Record<string, unknown> | undefined, at: string) => {
        const ops = Object.keys(test ?? {});
        if (ops.length !== 1) {
          problems.push({ at, message: 'A consistency test names exactly one operator' });
          return () => false;
        }
        return valueTest(ops[0]!, test![ops[0]!], context);
      };
      const evaluationHolds = one(check.evaluationTest, '/evaluationTest');
      const termsHold = one(check.termsTest, '/termsTest');
      return (evaluation, terms) =>
        evaluationHolds(evaluation) && termsHold(terms)
          ? [{ detail: `the evaluation says ${showValue(evaluation)}, the terms say ${terms === undefined ? 'nothing' : showValue(terms)}` }]
          : [];
    }
    case 'within':
      // Locations the evaluation names that the terms' list (a residency promise) does not cover.
      return (evaluation, terms) => {
        if (!Array.isArray(terms) || terms.length === 0 || !Array.isArray(evaluation)) return [];
        const inside = regionTest(expandRegions(terms as string[], context.regions));
        const out: { at: string; detail: string }[] = [];
        evaluation.forEach((code, index) => {
          if (!inside(code)) out.push({ at: String(index), detail: `the evaluation says ${showValue(code)}, the terms allow only ${showValue(terms)}` });
        });
        return out;
      };
    case 'listed': {
      // Items the evaluation names (by key) that the terms' list does not.
      const key = check.key ?? 'name';
      const norm = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : undefined);
      return (evaluation, terms) => {
        if (!Array.isArray(evaluation)) return [];
        const named = new Set((Array.isArray(terms) ? terms : []).map((t) => norm((t as Record<string, unknown> | null)?.[key])));
        const out: { at: string; detail: string }[] = [];
        evaluation.forEach((item, index) => {
          const name = (item as Record<string, unknown> | null)?.[key];
          if (norm(name) !== undefined && !named.has(norm(name)))
            out.push({ at: `${index}/${key}`, detail: `the evaluation names ${showValue(name)}, the terms do not` });
        });
        return out;
      };
    }
    default:
      problems.push({ at: '/kind', message: `Unknown consistency check kind ${String(check.kind)}` });
      return () => [];
  }
}
