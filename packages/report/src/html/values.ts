import { describePosition, type TermPositionSource, type Tier } from '@contracts/playbook';
import { formatNumber } from '@contracts/render';
import { text } from './escape.js';

/** A position as a reader says it: `48 hours`, `USD 5,000,000`, `forensics, notification`, `yes`. */
export function showPosition(value: unknown, unit = ''): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'number') return unit === 'USD' ? `USD ${formatNumber(value)}` : unit ? `${formatNumber(value)} ${unit}` : formatNumber(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map((v) => showPosition(v)).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Short axis labels: 10000000 → `10M`, 2500 → `2.5k`. */
export function compactNumber(n: number): string {
  const abs = Math.abs(n);
  const scaled = (d: number, suffix: string) => `${Number((n / d).toPrecision(3))}${suffix}`;
  if (abs >= 1e9) return scaled(1e9, 'B');
  if (abs >= 1e6) return scaled(1e6, 'M');
  if (abs >= 1e4) return scaled(1e3, 'k');
  return formatNumber(Number(n.toPrecision(4)));
}

const TIER_NAMES: Record<Tier, string> = {
  preferred: 'Preferred',
  fallback: 'Fallback',
  'walk-away': 'Walk-away',
  missing: 'Missing',
  unrated: 'No position',
};

/** The tier in words, as badges and chart descriptions say it. */
export const tierName = (tier: Tier, beyondFallback = false): string => (beyondFallback ? 'Fallback (beyond; needs sign-off)' : TIER_NAMES[tier]);

/** A tier badge: the word, coloured; the colour never carries the meaning alone. */
export const tierBadge = (tier: Tier, beyondFallback = false): string => `<span class="tier tier-${tier}">${text(tierName(tier, beyondFallback))}</span>`;

/** A playbook position in words (`at most 24 hours`, `aes-128 or better`; booleans as yes / no). */
export function playbookPosition(spec: TermPositionSource, value: unknown): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return describePosition(spec, value as Parameters<typeof describePosition>[1]);
}
