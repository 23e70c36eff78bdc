import { describe, expect, it } from 'vitest';
import type { PositionSeries } from '../src/model.js';
import { describe as describeSeries, positionChart } from '../src/pages/chart.js';

const notice: PositionSeries = {
  path: 'incidentResponse.notificationHours',
  label: 'Vendor breach notice to buyer',
  unit: 'hours',
  kind: 'number',
  order: [],
  better: 'lower',
  preferred: 24,
  fallback: 48,
  points: [
    { round: 1, value: 168, tier: 'walk-away' },
    { round: 2, value: 24, tier: 'preferred' },
    { round: 3, value: 48, tier: 'fallback' },
  ],
};

const circles = (svg: string) => [...svg.matchAll(/<circle class="point tier-([a-z-]+)" cx="([\d.]+)" cy="([\d.]+)"[^>]*data-round="(\d+)"/g)];

describe('the key-position chart', () => {
  it('draws one point per round, in round order, coloured and titled by its tier', () => {
    const svg = positionChart(notice, [1, 2, 3], 'c1');
    const points = circles(svg);
    expect(points.map((m) => [m[4], m[1]])).toEqual([
      ['1', 'walk-away'],
      ['2', 'preferred'],
      ['3', 'fallback'],
    ]);
    const xs = points.map((m) => Number(m[2]));
    expect(xs[0]).toBeLessThan(xs[1]!);
    expect(xs[1]).toBeLessThan(xs[2]!);
    expect(svg).toContain('<title>Round 1: 168 hours (walk-away)</title>');
  });

  it('puts the better position for the buyer higher, whichever way the term is better', () => {
    const [walkAway, preferred] = circles(positionChart(notice, [1, 2, 3], 'c1')).map((m) => Number(m[3]));
    expect(preferred).toBeLessThan(walkAway!); // 24 hours (better) is drawn above 168 hours
    const insurance: PositionSeries = {
      ...notice,
      unit: 'USD',
      better: 'higher',
      preferred: 10_000_000,
      fallback: 5_000_000,
      points: [
        { round: 1, value: 1_000_000, tier: 'walk-away' },
        { round: 2, value: 10_000_000, tier: 'preferred' },
      ],
    };
    const [low, high] = circles(positionChart(insurance, [1, 2], 'c2')).map((m) => Number(m[3]));
    expect(high).toBeLessThan(low!);
    const cap: PositionSeries = {
      ...notice,
      kind: 'option',
      order: ['uncapped', 'super-cap', 'general-cap'],
      unit: '',
      preferred: 'uncapped',
      fallback: 'super-cap',
      points: [
        { round: 1, value: 'general-cap', tier: 'walk-away' },
        { round: 2, value: 'uncapped', tier: 'preferred' },
      ],
    };
    const [worst, best] = circles(positionChart(cap, [1, 2], 'c3')).map((m) => Number(m[3]));
    expect(best).toBeLessThan(worst!);
  });

  it('leaves a round without the term without a point, on the same x axis', () => {
    const gap = { ...notice, points: [notice.points[0]!, notice.points[2]!] };
    const svg = positionChart(gap, [1, 2, 3], 'c4');
    expect(circles(svg).map((m) => m[4])).toEqual(['1', '3']);
    expect(svg.match(/text-anchor="middle">\d+<\/text>/g)).toHaveLength(3);
  });

  it('is an image with a title and a description naming every point and the playbook positions', () => {
    const svg = positionChart(notice, [1, 2, 3], 'c5');
    expect(svg).toMatch(/^<svg class="chart" role="img" [^>]*aria-labelledby="c5-title c5-desc"/);
    expect(svg).toContain('<title id="c5-title">Vendor breach notice to buyer by round</title>');
    expect(describeSeries(notice)).toBe(
      'round 1: 168 hours (walk-away); round 2: 24 hours (preferred); round 3: 48 hours (fallback). Playbook: preferred 24 hours, fallback 48 hours; lower is better for the buyer.',
    );
  });

  it('escapes what a contract wrote, and draws a single round in the middle', () => {
    const hostile = { ...notice, label: '<script>alert(1)</script>', points: [{ round: 4, value: 12, tier: 'preferred' as const }] };
    const svg = positionChart(hostile, [4], 'c6');
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    expect(circles(svg)).toHaveLength(1);
  });
});
