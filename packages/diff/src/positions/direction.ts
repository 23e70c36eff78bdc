/**
 * Who gained when a term moved, decided by the playbook every time. A term present on both sides is
 * compared by its score (the same goodness function its tiers come from); a term that appears or
 * disappears is compared by its tier, with an absent term rated `missing`:
 *
 *   preferred  >  fallback  >  missing  >  walk-away        (for a term that appears)
 *
 * so gaining a protection at fallback or better is toward the buyer, losing one is toward the vendor,
 * and entering walk-away (even from nothing, e.g. a 2× super-cap where there was none) is toward the
 * vendor. A term that disappears is never a move toward the buyer: the contract falls silent, which
 * gives the buyer nothing it did not have (the rendered clause is often word for word the same) and
 * takes away the stated position. Dropped from walk-away it is toward the vendor when the playbook
 * expects the term or a risk rule requires it (what was an explicit walk-away is now only "missing"),
 * else neutral; either way the row is flagged for review. A term the playbook takes no position on,
 * or a value it cannot rate, is neutral.
 */
import { findTerm, type BuyerDirection, type Playbook, type Tier } from '@contracts/playbook';
import { absent } from './values.js';

const RANK: Partial<Record<Tier, number>> = { preferred: 3, fallback: 2, missing: 1, 'walk-away': 0 };

/**
 * The direction of a move from `from` (rated `tierFrom`) to `to` (rated `tierTo`). `required`: a risk
 * rule binding either version requires the term (the playbook's own `expected` is read here).
 */
export function gainedBy(playbook: Playbook, path: string, from: unknown, to: unknown, tierFrom: Tier, tierTo: Tier, required = false): BuyerDirection {
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
  if (absent(to) && tierFrom === 'walk-away') return required || term.spec.expected !== false ? 'vendor' : 'neutral';
  return rankTo === rankFrom ? 'neutral' : rankTo > rankFrom ? 'buyer' : 'vendor';
}

/** A term at walk-away that is now absent: not a walk-away left, a position dropped. */
export const droppedAtWalkAway = (tierFrom: Tier, to: unknown): boolean => tierFrom === 'walk-away' && absent(to);
