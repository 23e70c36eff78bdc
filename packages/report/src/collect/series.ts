import type { RoundVersion } from '@contracts/git';
import { evaluateTerm, valueAt, type CompiledTerm, type Playbook, type Tier } from '@contracts/playbook';
import type { PositionSeries } from '../model.js';

/** Positions counsel watches in every negotiation: charted whenever the agreement has them, moved or not. */
export const KEY_POSITIONS = [
  'incidentResponse.notificationHours',
  'incidentResponse.cyberInsurance.perClaimUsd',
  'liability.dataBreachCap',
  'liability.superCapMultipleOfFees',
  'vulnerabilityManagement.patchDays.critical',
  'vulnerabilityManagement.supportPeriodYears',
] as const;

const chartable = (term: CompiledTerm) => term.spec.kind === 'number' || (term.spec.kind === 'option' && (term.spec.order?.length ?? 0) > 1);

/**
 * How the key positions moved across the rounds: the key positions the agreement has, then every other
 * number or ordered option that changed between rounds, in playbook order. Each round whose version
 * has the term gives one point, rated by the playbook (`evaluateTerm`).
 */
export function positionSeries(versions: readonly RoundVersion[], playbook: Playbook): PositionSeries[] {
  const readable = versions.filter((v) => v.value !== undefined);
  if (readable.length === 0) return [];
  const key = new Set<string>(KEY_POSITIONS);
  const tierOf = tiers(playbook);
  const series: PositionSeries[] = [];
  for (const term of playbook.terms) {
    if (!chartable(term)) continue;
    const points = readable.flatMap((v) => {
      const value = valueAt(v.value, term.segments);
      if (value === undefined || value === null || (term.spec.kind === 'number' ? typeof value !== 'number' : typeof value !== 'string')) return [];
      return [{ round: v.n, value, tier: tierOf(term, value as number | string) }];
    });
    if (points.length === 0) continue;
    const moved = points.some((p) => p.value !== points[0]!.value);
    if (!key.has(term.path) && !moved) continue;
    const { spec } = term;
    series.push({
      path: term.path,
      label: spec.label,
      unit: spec.unit ?? '',
      kind: spec.kind === 'number' ? 'number' : 'option',
      order: spec.order ?? [],
      better: spec.better ?? 'lower',
      points,
      ...(spec.preferred !== undefined ? { preferred: spec.preferred } : {}),
      ...(spec.fallback !== undefined ? { fallback: spec.fallback } : {}),
    });
  }
  // Key positions first, in the order above; the rest in playbook order.
  const rank = (s: PositionSeries) => {
    const k = (KEY_POSITIONS as readonly string[]).indexOf(s.path);
    return k < 0 ? KEY_POSITIONS.length : k;
  };
  return series
    .map((s, i) => ({ s, i }))
    .sort((a, b) => rank(a.s) - rank(b.s) || a.i - b.i)
    .map(({ s }) => s);
}

const cache = new WeakMap<Playbook, Map<CompiledTerm, Map<number | string, Tier>>>();

/** `evaluateTerm`'s tier, remembered per term and value: 10,000 rounds repeat a few values per term. */
function tiers(playbook: Playbook): (term: CompiledTerm, value: number | string) => Tier {
  let byTerm = cache.get(playbook);
  if (!byTerm) cache.set(playbook, (byTerm = new Map()));
  return (term, value) => {
    let byValue = byTerm.get(term);
    if (!byValue) byTerm.set(term, (byValue = new Map()));
    let tier = byValue.get(value);
    if (tier === undefined) byValue.set(value, (tier = evaluateTerm(playbook, term.path, value).tier));
    return tier;
  };
}
