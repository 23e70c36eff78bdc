/**
 * Who gained when a term moved, decided by the playbook every time. A term present on both sides is
 * compared by its score (the same goodness function its tiers come from); a term that appears or
 * disappears is compared by its tier, with an absent term rated `missing`:
 *
 *   preferred  >  fallback  >  missing  >  walk-away
 *
 * so gaining a protection at fallback or better is toward the buyer, losing one is toward the vendor,
 * and entering walk-away (even from nothing, e.g. a 2× super-cap where there was none) is toward the
 * vendor. A term the playbook takes no position on, or a value it cannot rate, is neutral.
 */
import { findTerm, type BuyerDirection, type Playbook, type Tier } from '@contracts/playbook';
import { absent } from './values.js';

const RANK: Partial<Record<Tier, number>> = { preferred: 3, fallback: 2, missing: 1, 'walk-away': 0 };

/** The direction of a move from `from` (rated `tierFrom`) to `to` (rated `tierTo`). */
export function gainedBy(playbook: Playbook, path: string, from: unknown, to: unknown, tierFrom: Tier, tierTo: Tier): BuyerDirection {
  const term = findTerm(playbook, path);
  if (!term || term.thresholds.preferred === undefined) return 'neutral';
  const rankFrom = RANK[tierFrom];
  const rankTo = RANK[tierTo];
  if (rankFrom === undefined || rankTo === undefined) return 'neutral';
  if (!absent(from) && !absent(to)) {
    const before = term.score(from);
    const after = term.score(to);
    if (before !== undefined && after !== undefined && before !== after) return after > before ? 'buyer' : 'vendor';
  }
  return rankTo === rankFrom ? 'neutral' : rankTo > rankFrom ? 'buyer' : 'vendor';
}
