import { pointerOf, pathSegments, valueAt } from './paths.js';
import { expandRegions, regionTest } from './regions.js';
import type { Condition, RegionSets } from './types.js';

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
  // ISO dates (YYYY-MM-DD) compare as text.
  before: (a, e: string) => typeof a === 'string' && a < e,
  onOrAfter: (a, e: string) => typeof a === 'string' && a >= e,
};

const isTruthy = (v: unknown): boolean => (Array.isArray(v) ? v.length > 0 : Boolean(v));

/** What operators that need the playbook (region sets) read at compile time. */
export interface ConditionContext {
  regions: RegionSets;
}

const someMember = (value: unknown, test: (v: unknown) => boolean) => (Array.isArray(value) ? value.some(test) : test(value));

/**
 * Operators compiled once with the playbook: the operand is expanded (region sets, lower-cased
 * words) before any contract is read.
 */
export const compiledOperators: Record<string, (operand: any, context: ConditionContext) => (actual: unknown) => boolean> = {
  // The code (or, for a list, any member) lies within one of the regions: `DE` within `EEA`, `US-IL` within `US`.
  within: (regions: string[], { regions: sets }) => {
    const inside = regionTest(expandRegions(regions, sets));
    return (a) => someMember(a, inside);
  },
  // The code (or any member of a list) lies outside every one of the regions.
  outside: (regions: string[], { regions: sets }) => {
    const inside = regionTest(expandRegions(regions, sets));
    return (a) => someMember(a, (v) => v !== undefined && v !== null && !inside(v));
  },
  // Free text (or any member of a list of text) mentions one of the words, case-insensitively, as a whole word.
  mentionsAny: (words: string[]) => {
    const pattern = new RegExp(`\\b(?:${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`, 'i');
    return (a) => someMember(a, (v) => typeof v === 'string' && pattern.test(v));
  },
};

/** Every operator name a condition may use. */
export const operatorNames = [...Object.keys(conditionOperators), ...Object.keys(compiledOperators)];

/** A compiled condition: the JSON Pointers of the facts that made it hold, or `undefined`. */
export type CompiledCondition = (contract: unknown) => string[] | undefined;

export interface ConditionProblem {
  /** Pointer inside the condition (relative), e.g. `/any/1`. */
  at: string;
  message: string;
}

/** Compiles a condition tree once into nested closures. Problems are collected, never thrown. */
export function compileCondition(condition: Condition, problems: ConditionProblem[], at = '', context: ConditionContext = { regions: {} }): CompiledCondition {
  const c = condition as Record<string, unknown>;
  if (Array.isArray(c.all)) {
    const parts = (c.all as Condition[]).map((x, i) => compileCondition(x, problems, `${at}/all/${i}`, context));
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
    const parts = (c.any as Condition[]).map((x, i) => compileCondition(x, problems, `${at}/any/${i}`, context));
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
    const inner = compileCondition(c.not as Condition, problems, `${at}/not`, context);
    return (doc) => (inner(doc) ? undefined : []);
  }
  const ops = Object.keys(c).filter((k) => k !== 'path');
  if (typeof c.path !== 'string' || ops.length !== 1 || !operatorNames.includes(ops[0]!)) {
    problems.push({ at, message: `A condition is \`all\`, \`any\`, \`not\`, or a \`path\` with exactly one operator (${operatorNames.join(', ')})` });
    return () => undefined;
  }
  const segments = pathSegments(c.path);
  const pointer = pointerOf(segments);
  const test = valueTest(ops[0]!, c[ops[0]!], context);
  return (doc) => (test(valueAt(doc, segments)) ? [pointer] : undefined);
}

/** One operator and its operand as a test of a value (also used by consistency checks). */
export function valueTest(operator: string, operand: unknown, context: ConditionContext): (actual: unknown) => boolean {
  const compiled = compiledOperators[operator];
  if (compiled) return compiled(operand, context);
  const test = conditionOperators[operator]!;
  return (actual) => test(actual, operand);
}

/** Every `path` a condition reads, with its location inside the condition (for semantic checks). */
export function conditionPaths(condition: Condition, at = ''): { path: string; at: string; operator?: string; operand?: unknown }[] {
  const c = condition as Record<string, unknown>;
  if (Array.isArray(c.all)) return (c.all as Condition[]).flatMap((x, i) => conditionPaths(x, `${at}/all/${i}`));
  if (Array.isArray(c.any)) return (c.any as Condition[]).flatMap((x, i) => conditionPaths(x, `${at}/any/${i}`));
  if (c.not && typeof c.not === 'object') return conditionPaths(c.not as Condition, `${at}/not`);
  if (typeof c.path !== 'string') return [];
  const op = Object.keys(c).find((k) => k !== 'path');
  return [{ path: c.path, at, ...(op === undefined ? {} : { operator: op, operand: c[op] }) }];
}
