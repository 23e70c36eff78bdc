import { pointerOf, pathSegments, valueAt } from './paths.js';
import type { Condition } from './types.js';

/**
 * The condition operators, one small definition each (ajv's keyword style): a test of the field's
 * value against the operand. Adding an operator = one line here + one property in the schema.
 */
export const conditionOperators: Record<string, (actual: unknown, operand: any) => boolean> = {
  equals: (a, e) => a === e,
  in: (a, e: unknown[]) => e.includes(a),
  includes: (a, e) => Array.isArray(a) && a.includes(e),
  includesAny: (a, e: unknown[]) => Array.isArray(a) && a.some((m) => e.includes(m)),
  includesOtherThan: (a, e: unknown[]) => Array.isArray(a) && a.some((m) => !e.includes(m)),
  startsWith: (a, e: string) => typeof a === 'string' && a.startsWith(e),
  exists: (a, e: boolean) => (a !== undefined && a !== null) === e,
  truthy: (a, e: boolean) => isTruthy(a) === e,
  gt: (a, e: number) => typeof a === 'number' && a > e,
  gte: (a, e: number) => typeof a === 'number' && a >= e,
  lt: (a, e: number) => typeof a === 'number' && a < e,
  lte: (a, e: number) => typeof a === 'number' && a <= e,
};

const isTruthy = (v: unknown): boolean => (Array.isArray(v) ? v.length > 0 : Boolean(v));

/** A compiled condition: the JSON Pointers of the facts that made it hold, or `undefined`. */
export type CompiledCondition = (contract: unknown) => string[] | undefined;

export interface ConditionProblem {
  /** Pointer inside the condition (relative), e.g. `/any/1`. */
  at: string;
  message: string;
}

/** Compiles a condition tree once into nested closures. Problems are collected, never thrown. */
export function compileCondition(condition: Condition, problems: ConditionProblem[], at = ''): CompiledCondition {
  const c = condition as Record<string, unknown>;
  if (Array.isArray(c.all)) {
    const parts = (c.all as Condition[]).map((x, i) => compileCondition(x, problems, `${at}/all/${i}`));
    return (doc) => {
      const facts: string[] = [];
      for (const part of parts) {
        const found = part(doc);
        if (!found) return undefined;
        facts.push(...found);
      }
      return facts;
    };
  }
  if (Array.isArray(c.any)) {
    const parts = (c.any as Condition[]).map((x, i) => compileCondition(x, problems, `${at}/any/${i}`));
    return (doc) => {
      let facts: string[] | undefined;
      for (const part of parts) {
        const found = part(doc);
        if (found) (facts ??= []).push(...found);
      }
      return facts;
    };
  }
  if (c.not !== undefined && typeof c.not === 'object') {
    const inner = compileCondition(c.not as Condition, problems, `${at}/not`);
    return (doc) => (inner(doc) ? undefined : []);
  }
  const ops = Object.keys(c).filter((k) => k !== 'path');
  if (typeof c.path !== 'string' || ops.length !== 1 || !(ops[0]! in conditionOperators)) {
    problems.push({
      at,
      message:
        'A condition is `all`, `any`, `not`, or a `path` with exactly one operator (equals, in, includes, includesAny, includesOtherThan, startsWith, exists, truthy, gt, gte, lt, lte)',
    });
    return () => undefined;
  }
  const segments = pathSegments(c.path);
  const pointer = pointerOf(segments);
  const test = conditionOperators[ops[0]!]!;
  const operand = c[ops[0]!];
  return (doc) => (test(valueAt(doc, segments), operand) ? [pointer] : undefined);
}

/** Every `path` a condition reads, with its location inside the condition (for semantic checks). */
export function conditionPaths(condition: Condition, at = ''): { path: string; at: string; operand?: unknown }[] {
  const c = condition as Record<string, unknown>;
  if (Array.isArray(c.all)) return (c.all as Condition[]).flatMap((x, i) => conditionPaths(x, `${at}/all/${i}`));
  if (Array.isArray(c.any)) return (c.any as Condition[]).flatMap((x, i) => conditionPaths(x, `${at}/any/${i}`));
  if (c.not && typeof c.not === 'object') return conditionPaths(c.not as Condition, `${at}/not`);
  if (typeof c.path !== 'string') return [];
  const op = Object.keys(c).find((k) => k !== 'path');
  return [{ path: c.path, at, operand: op === undefined ? undefined : c[op] }];
}
