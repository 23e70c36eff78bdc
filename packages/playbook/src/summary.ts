import type { CheckSummary, RuleFinding, TermResult } from './types.js';

/** Counts tiers for one contract. Missing counts only terms the playbook expects or a rule requires. */
export function summarize(terms: readonly TermResult[], findings: readonly RuleFinding[]): CheckSummary {
  const s = { preferred: 0, fallback: 0, walkAway: 0, missing: 0, unrated: 0, risk: findings.length };
  for (const t of terms) {
    if (t.tier === 'preferred') s.preferred++;
    else if (t.tier === 'fallback') s.fallback++;
    else if (t.tier === 'walk-away') s.walkAway++;
    else if (t.tier === 'unrated') s.unrated++;
    else if (t.requiredBy.length > 0 || t.expected) s.missing++;
  }
  return summaryOf(s);
}

/** The summary, with its one-line text, from tier counts. */
export function summaryOf(s: Omit<CheckSummary, 'text'>): CheckSummary {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const text = `${s.walkAway} walk-away, ${s.fallback} fallback, ${s.preferred} preferred, ${s.missing} missing, ${plural(s.risk, 'risk finding')}`;
  return { preferred: s.preferred, fallback: s.fallback, walkAway: s.walkAway, missing: s.missing, unrated: s.unrated, risk: s.risk, text };
}
