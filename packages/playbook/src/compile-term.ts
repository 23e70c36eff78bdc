import type { CompiledTerm, PositionValue, TermEvaluation, TermPositionSource } from './types.js';

/**
 * Compiles a term's positions into one goodness function (higher = better for the buyer) and three
 * thresholds on the same scale. Tiers then reduce to two comparisons, and "better for the buyer" means
 * the same thing for tiers (check) and for movements (diff).
 */
export function compileTerm(path: string, segments: string[], playbookPointer: string, spec: TermPositionSource): CompiledTerm {
  const score = scorer(spec);
  const at = (v: PositionValue | undefined) => (v === undefined ? undefined : score(v));
  const thresholds =
    spec.kind === 'list' ? listThresholds(spec) : { preferred: at(spec.preferred), fallback: at(spec.fallback), walkAway: at(spec.walkAwayBeyond) };
  const suggestion = spec.preferred === undefined ? undefined : showValue(spec.preferred);
  return { path, pointer: '', segments, playbookPointer, spec, score, thresholds, ...(suggestion !== undefined ? { suggestion } : {}) };
}

function scorer(spec: TermPositionSource): (value: unknown) => number | undefined {
  switch (spec.kind) {
    case 'number': {
      const sign = spec.better === 'higher' ? 1 : -1;
      return (v) => (typeof v === 'number' && Number.isFinite(v) ? sign * v : undefined);
    }
    case 'option': {
      const rank = new Map((spec.order ?? []).map((option, i) => [option, -i]));
      return (v) => (typeof v === 'string' ? rank.get(v) : undefined);
    }
    case 'boolean': {
      const preferred = spec.preferred;
      if (typeof preferred !== 'boolean') return () => undefined;
      return (v) => (typeof v === 'boolean' ? (v === preferred ? 1 : 0) : undefined);
    }
    case 'list': {
      const preferred = asList(spec.preferred);
      const fallback = asList(spec.fallback);
      if (preferred === undefined) return () => undefined;
      const wanted = new Set([...preferred, ...(fallback ?? [])]);
      const meets = (members: Set<unknown>, required: string[]) =>
        spec.match === 'any' ? required.length === 0 || required.some((m) => members.has(m)) : required.every((m) => members.has(m));
      // Tier first (×1000), then how many wanted members are present: adding a member never lowers it.
      return (v) => {
        if (!Array.isArray(v)) return undefined;
        const members = new Set<unknown>(v);
        const tier = meets(members, preferred) ? 2 : fallback !== undefined && meets(members, fallback) ? 1 : 0;
        let count = 0;
        for (const m of wanted) if (members.has(m)) count++;
        return tier * 1000 + count;
      };
    }
    default:
      return () => undefined;
  }
}

function listThresholds(spec: TermPositionSource): CompiledTerm['thresholds'] {
  if (asList(spec.preferred) === undefined) return {};
  return { preferred: 2000, ...(asList(spec.fallback) !== undefined ? { fallback: 1000 } : {}) };
}

const asList = (v: PositionValue | undefined): string[] | undefined => (Array.isArray(v) ? v : undefined);

// Shared, frozen results: rating runs for every term of every file and allocates nothing.
const evaluations = {
  missing: Object.freeze({ tier: 'missing' }),
  unrated: Object.freeze({ tier: 'unrated' }),
  preferred: Object.freeze({ tier: 'preferred' }),
  fallback: Object.freeze({ tier: 'fallback' }),
  beyondFallback: Object.freeze({ tier: 'fallback', beyondFallback: true }),
  walkAway: Object.freeze({ tier: 'walk-away' }),
} as const satisfies Record<string, TermEvaluation>;

/** Rates a value with a compiled term. The result is shared and frozen: copy it to change it. */
export function rate(term: CompiledTerm, value: unknown): TermEvaluation {
  if (value === undefined || value === null) return evaluations.missing;
  const { preferred, fallback, walkAway } = term.thresholds;
  if (preferred === undefined) return evaluations.unrated;
  const s = term.score(value);
  if (s === undefined) return evaluations.unrated;
  if (s >= preferred) return evaluations.preferred;
  if (fallback !== undefined && s >= fallback) return evaluations.fallback;
  if (walkAway !== undefined && s >= walkAway) return evaluations.beyondFallback;
  return evaluations.walkAway;
}

/** A value as a user writes it in YAML: `24`, `aes-256`, `[forensics, notification]`. */
export function showValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(showValue).join(', ')}]`;
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A position in words: `at most 24 hours`, `aes-128 or better`, `includes forensics, notification`. */
export function describePosition(spec: TermPositionSource, value: PositionValue): string {
  switch (spec.kind) {
    case 'number':
      return `${spec.better === 'higher' ? 'at least' : 'at most'} ${value}${spec.unit ? ` ${spec.unit}` : ''}`;
    case 'option': {
      const order = spec.order ?? [];
      const index = order.indexOf(String(value));
      if (index <= 0) return String(value);
      // Few acceptable options read best as a list; many as "x or better".
      return index < 3
        ? order
            .slice(0, index + 1)
            .reverse()
            .join(' or ')
        : `${value} or better`;
    }
    case 'list': {
      const list = Array.isArray(value) ? value : [String(value)];
      if (list.length === 0) return 'any list';
      return `${spec.match === 'any' ? 'includes one of' : 'includes'} ${list.join(', ')}`;
    }
    default:
      return showValue(value);
  }
}
