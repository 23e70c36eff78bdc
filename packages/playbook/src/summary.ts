import type { CheckSummary, Inconsistency, RuleFinding, TermResult, Tier } from './types.js';

export type TierCounts = Omit<CheckSummary, 'text'>;

/** Adds one rated term to the counts. A missing term counts only when the playbook expects it or a rule requires it. */
export function countTier(counts: TierCounts, tier: Tier, expectedOrRequired: boolean): void {
  if (tier === 'preferred') counts.preferred++;
  else if (tier === 'fallback') counts.fallback++;
  else if (tier === 'walk-away') counts.walkAway++;
  else if (tier === 'unrated') counts.unrated++;
  else if (expectedOrRequired) counts.missing++;
}

/** Counts tiers for one contract: risk findings are enforced rule findings plus evaluation/terms inconsistencies. */
export function summarize(terms: readonly TermResult[], findings: readonly RuleFinding[], inconsistencies: readonly Inconsistency[] = []): CheckSummary {
  let upcoming = 0;
  for (const f of findings) if (f.status === 'upcoming') upcoming++;
  const s = { preferred: 0, fallback: 0, walkAway: 0, missing: 0, unrated: 0, risk: findings.length - upcoming + inconsistencies.length, upcoming };
  for (const t of terms) countTier(s, t.tier, t.requiredBy.length > 0 || t.expected);
  return summaryOf(s);
}

/** The summary, with its one-line text, from tier counts. */
export function summaryOf(s: TierCounts): CheckSummary {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const text = `${s.walkAway} walk-away, ${s.fallback} fallback, ${s.preferred} preferred, ${s.missing} missing, ${plural(s.risk, 'risk finding')}`;
  return {
    preferred: s.preferred,
    fallback: s.fallback,
    walkAway: s.walkAway,
    missing: s.missing,
    unrated: s.unrated,
    risk: s.risk,
    upcoming: s.upcoming,
    text,
  };
}
