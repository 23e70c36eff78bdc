/**
 * One key position across the rounds as an inline SVG line chart, made at build time: no script, no
 * fonts, no network. The axis is oriented so that up is always better for the buyer (for "lower is
 * better" terms the numbers grow downwards), with the playbook's preferred and fallback positions as
 * dashed lines. Accessible as an image with a title and a description that lists every point; the
 * page also carries the same numbers as a table.
 */
import { text } from '../html/escape.js';
import { compactNumber, showPosition, tierName } from '../html/values.js';
import type { PositionSeries } from '../model.js';

const W = 420;
const H = 190;
const M = { left: 78, right: 72, top: 14, bottom: 36 };
const PLOT_W = W - M.left - M.right;
const PLOT_H = H - M.top - M.bottom;

/** The chart of `series` over `rounds` (every round of the agreement, in order); `id` makes element ids unique. */
export function positionChart(series: PositionSeries, rounds: readonly number[], id: string): string {
  const x = (round: number) => {
    const i = rounds.indexOf(round);
    return M.left + (rounds.length <= 1 ? PLOT_W / 2 : (i * PLOT_W) / (rounds.length - 1));
  };
  const axis = series.kind === 'number' ? numberAxis(series) : optionAxis(series);
  const fmt = (n: number) => Math.round(n * 10) / 10;
  const parts: string[] = [];
  for (const tick of axis.ticks) {
    const y = fmt(axis.y(tick.value));
    parts.push(`<line class="grid" x1="${M.left}" x2="${M.left + PLOT_W}" y1="${y}" y2="${y}"/>`);
    parts.push(`<text x="${M.left - 6}" y="${y + 4}" text-anchor="end">${text(tick.label)}</text>`);
  }
  for (const [name, value] of [
    ['preferred', series.preferred],
    ['fallback', series.fallback],
  ] as const) {
    const y = value === undefined ? undefined : axis.at(value);
    if (y === undefined) continue;
    parts.push(`<line class="ref ref-${name}" x1="${M.left}" x2="${M.left + PLOT_W}" y1="${fmt(y)}" y2="${fmt(y)}"/>`);
    parts.push(`<text x="${M.left + PLOT_W + 6}" y="${fmt(y) + 4}">${name}</text>`);
  }
  parts.push(`<line class="axis" x1="${M.left}" x2="${M.left}" y1="${M.top}" y2="${M.top + PLOT_H}"/>`);
  parts.push(`<line class="axis" x1="${M.left}" x2="${M.left + PLOT_W}" y1="${M.top + PLOT_H}" y2="${M.top + PLOT_H}"/>`);
  for (const round of rounds) parts.push(`<text x="${fmt(x(round))}" y="${M.top + PLOT_H + 16}" text-anchor="middle">${round}</text>`);
  parts.push(`<text x="${M.left + PLOT_W / 2}" y="${H - 4}" text-anchor="middle">round</text>`);
  const points = series.points.map((p) => ({ ...p, cx: fmt(x(p.round)), cy: fmt(axis.at(p.value) ?? M.top + PLOT_H) }));
  if (points.length > 1) parts.push(`<polyline class="line" points="${points.map((p) => `${p.cx},${p.cy}`).join(' ')}"/>`);
  for (const p of points) {
    const label = `Round ${p.round}: ${showPosition(p.value, series.unit)} (${tierName(p.tier).toLowerCase()})`;
    parts.push(`<circle class="point tier-${p.tier}" cx="${p.cx}" cy="${p.cy}" r="5" data-round="${p.round}"><title>${text(label)}</title></circle>`);
  }
  const title = `${series.label} by round`;
  return `<svg class="chart" role="img" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" aria-labelledby="${id}-title ${id}-desc" xmlns="http://www.w3.org/2000/svg">
<title id="${id}-title">${text(title)}</title>
<desc id="${id}-desc">${text(describe(series))}</desc>
${parts.join('\n')}
</svg>`;
}

/** Every point in words, then the playbook's positions and which way is better. */
export function describe(series: PositionSeries): string {
  const points = series.points.map((p) => `round ${p.round}: ${showPosition(p.value, series.unit)} (${tierName(p.tier).toLowerCase()})`);
  const positions = [
    series.preferred !== undefined ? `preferred ${showPosition(series.preferred, series.unit)}` : '',
    series.fallback !== undefined ? `fallback ${showPosition(series.fallback, series.unit)}` : '',
  ].filter(Boolean);
  const better = series.kind === 'number' ? `${series.better} is better for the buyer` : `options from best to worst for the buyer: ${series.order.join(', ')}`;
  return `${points.join('; ')}. ${positions.length > 0 ? `Playbook: ${positions.join(', ')}; ` : ''}${better}.`;
}

interface Axis {
  ticks: { value: number; label: string }[];
  y: (v: number) => number;
  /** The y of a position value, or undefined when it is not on this axis. */
  at: (value: unknown) => number | undefined;
}

function numberAxis(series: PositionSeries): Axis {
  const values = [...series.points.map((p) => p.value), series.preferred, series.fallback].filter((v): v is number => typeof v === 'number');
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (lo === hi) {
    const pad = Math.max(1, Math.abs(lo) * 0.1);
    lo -= pad;
    hi += pad;
  }
  const step = niceStep((hi - lo) / 4);
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  if (lo < 0 && values.every((v) => v >= 0)) lo = 0;
  // Up is better: for "lower is better" the smallest number is at the top.
  const y = (v: number) => M.top + (series.better === 'lower' ? (v - lo) / (hi - lo) : (hi - v) / (hi - lo)) * PLOT_H;
  const ticks: Axis['ticks'] = [];
  for (let v = lo; v <= hi + step / 2; v += step) ticks.push({ value: v, label: compactNumber(v) });
  return { ticks, y, at: (v) => (typeof v === 'number' ? y(v) : undefined) };
}

function optionAxis(series: PositionSeries): Axis {
  const order = series.order;
  const y = (index: number) => M.top + (order.length <= 1 ? PLOT_H / 2 : (index * PLOT_H) / (order.length - 1));
  const short = (s: string) => (s.length > 12 ? `${s.slice(0, 11)}…` : s);
  return {
    ticks: order.map((option, index) => ({ value: index, label: short(option) })),
    y,
    at: (v) => (typeof v === 'string' && order.includes(v) ? y(order.indexOf(v)) : undefined),
  };
}

function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 2.5 ? 2.5 : m <= 5 ? 5 : 10) * power;
}
