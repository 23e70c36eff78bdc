import { showValue } from '@contracts/playbook';
import type { PositionChange, ProductChange } from './types.js';

/** A value for people: `24 hours`, `aes-256`, `[SOC2, ISO-27001-2022]`, `—` when absent. */
export function show(value: unknown, unit?: string): string {
  if (value === undefined || value === null) return '—';
  const text = showValue(value);
  return unit && typeof value === 'number' ? `${text} ${unit}` : text;
}

/** `72 → 24 hours`, `+eu-residents −public`, `(added) 48 hours`. */
export function showMove(c: PositionChange | ProductChange): string {
  const unit = 'unit' in c ? c.unit : undefined;
  if (c.change === 'changed' && Array.isArray(c.from) && Array.isArray(c.to)) {
    const parts = [...(c.membersAdded ?? []).map((m) => `+${showValue(m)}`), ...(c.membersRemoved ?? []).map((m) => `−${showValue(m)}`)];
    if (parts.length > 0) return parts.join(' ');
  }
  if (c.change === 'added') return `(added) ${show(c.to, unit)}`;
  if (c.change === 'removed') return `${show(c.from, unit)} (removed)`;
  const sameUnit = typeof c.from === 'number' && typeof c.to === 'number';
  return `${show(c.from, sameUnit ? undefined : unit)} → ${show(c.to, unit)}`;
}

/** `fallback → preferred`, or one tier when it did not change. */
export function showTiers(c: PositionChange): string {
  return c.tierFrom === c.tierTo ? c.tierTo : `${c.tierFrom} → ${c.tierTo}`;
}

/**
 * What a reader must not miss about a move, the one wording every format prints: `entered walk-away`,
 * `left walk-away`, `walk-away term dropped: review`, `now fails us-gov-residency`, `now meets …`.
 */
export function walkAwayNote(c: PositionChange): string {
  const notes = [
    c.walkAway === 'entered' ? 'entered walk-away' : c.walkAway === 'left' ? 'left walk-away' : '',
    c.review === 'walk-away-dropped' ? 'walk-away term dropped: review' : '',
    ...(c.rules ?? []).map((r) => `${r.change === 'unmet' ? 'now fails' : 'now meets'} ${r.ruleId}`),
  ];
  return notes.filter(Boolean).join('; ');
}
