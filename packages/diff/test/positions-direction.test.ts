import { fileURLToPath } from 'node:url';
import { loadYamlFile } from '@contracts/core';
import { loadPlaybook, loadPlaybookText, type Playbook, type Tier } from '@contracts/playbook';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffPositions, formatDiffText } from '../src/index.js';

const PLAYBOOK = `
playbookVersion: 1
title: Direction test playbook
terms:
  incidentResponse.notificationHours:
    { label: Breach notice, kind: number, unit: hours, better: lower, preferred: 24, fallback: 48, walkAwayBeyond: 72, rationale: r, source: s }
  audit.onSite:
    { label: On-site audit, kind: boolean, preferred: true, rationale: r, source: s }
  jurisdiction.governingLaw:
    { label: Governing law, kind: text, rationale: r, source: s }
`;

/** A value of the notice term at each tier (60 h is "beyond fallback", still rated fallback). */
const AT: Record<Exclude<Tier, 'missing' | 'unrated'>, number[]> = { preferred: [12, 24], fallback: [48, 60], 'walk-away': [96] };
/** Expected direction of missing → tier (the reverse move is the opposite). */
const APPEARING: Record<keyof typeof AT, 'buyer' | 'vendor'> = { preferred: 'buyer', fallback: 'buyer', 'walk-away': 'vendor' };

const withNotice = (hours?: number) => ({ terms: { incidentResponse: hours === undefined ? {} : { notificationHours: hours } } });

let playbook: Playbook;
beforeAll(async () => {
  playbook = (await loadPlaybookText(PLAYBOOK)).playbook!;
});

describe('direction of a move, from the playbook', () => {
  for (const [tier, values] of Object.entries(AT) as [keyof typeof AT, number[]][]) {
    for (const value of values) {
      it(`rates a term that appears at ${tier} (${value} h) toward the ${APPEARING[tier]}, and its disappearance toward the other side`, () => {
        const appear = diffPositions(withNotice(), withNotice(value), playbook);
        expect(appear.positions).toMatchObject([{ change: 'added', tierFrom: 'missing', tierTo: tier, gained: APPEARING[tier] }]);
        const disappear = diffPositions(withNotice(value), withNotice(), playbook);
        expect(disappear.positions).toMatchObject([
          { change: 'removed', tierFrom: tier, tierTo: 'missing', gained: APPEARING[tier] === 'buyer' ? 'vendor' : 'buyer' },
        ]);
        if (tier === 'walk-away') {
          expect(appear.positions[0]!.walkAway).toBe('entered');
          expect(disappear.positions[0]!.walkAway).toBe('left');
        }
      });
    }
  }

  it('rates every pair of tiers consistently: preferred > fallback > missing > walk-away', () => {
    const order: (number | undefined)[] = [96, undefined, 48, 12];
    for (const [i, a] of order.entries())
      for (const [j, b] of order.entries()) {
        if (i === j) continue;
        const [move] = diffPositions(withNotice(a), withNotice(b), playbook).positions;
        expect(move?.gained, `${a} → ${b}`).toBe(j > i ? 'buyer' : 'vendor');
      }
  });

  it('rates a boolean protection that appears or disappears by its tier, and an unrated term as neutral', () => {
    const on = { terms: { audit: { onSite: true } } };
    const off = { terms: { audit: { onSite: false } } };
    const none = { terms: {} };
    const gained = (a: object, b: object) => diffPositions(a, b, playbook).positions.map((p) => [p.path, p.gained]);
    expect(gained(none, on)).toEqual([['audit.onSite', 'buyer']]);
    expect(gained(on, none)).toEqual([['audit.onSite', 'vendor']]);
    expect(gained(none, off)).toEqual([['audit.onSite', 'vendor']]); // false is walk-away: entering it from nothing
    expect(gained(off, none)).toEqual([['audit.onSite', 'buyer']]);
    expect(gained({ terms: { jurisdiction: { governingLaw: 'US-IL' } } }, none)).toEqual([['jurisdiction.governingLaw', 'neutral']]);
  });

  it('counts the summary from the rows it prints', () => {
    const diff = diffPositions(
      { terms: { incidentResponse: { notificationHours: 24 }, audit: { onSite: true } } },
      { terms: { incidentResponse: {}, audit: { onSite: false }, jurisdiction: { governingLaw: 'US-IL' } } },
      playbook,
    );
    const rows = diff.positions;
    expect(diff.summary).toEqual({
      moved: rows.length,
      towardBuyer: rows.filter((r) => r.gained === 'buyer').length,
      towardVendor: rows.filter((r) => r.gained === 'vendor').length,
      neutral: rows.filter((r) => r.gained === 'neutral').length,
      walkAwayEntered: rows.filter((r) => r.walkAway === 'entered').length,
      walkAwayLeft: rows.filter((r) => r.walkAway === 'left').length,
    });
    expect(diff.summary).toMatchObject({ moved: 3, towardBuyer: 0, towardVendor: 2, neutral: 1, walkAwayEntered: 1 });
  });
});

describe('the bundled playbook', () => {
  it('reads a 2× data-breach super-cap replacing "uncapped" as two moves toward the vendor (issue 11)', async () => {
    const { playbook: real } = await loadPlaybook();
    const loaded = await loadYamlFile(fileURLToPath(new URL('../../../contracts/springfield-smartcam.yaml', import.meta.url)));
    const contract = structuredClone(loaded.value) as { terms: Record<string, unknown> };
    contract.terms.liability = { dataBreachCap: 'uncapped', generalCapMultipleOfFees: 1, indemnity: true };
    const next = structuredClone(contract);
    next.terms.liability = { dataBreachCap: 'super-cap', superCapMultipleOfFees: 2, generalCapMultipleOfFees: 1, indemnity: true };
    const diff = diffPositions(contract, next, real!);
    expect(diff.positions.map((p) => [p.path, p.tierFrom, p.tierTo, p.gained, p.walkAway])).toEqual([
      ['liability.dataBreachCap', 'preferred', 'fallback', 'vendor', undefined],
      ['liability.superCapMultipleOfFees', 'missing', 'walk-away', 'vendor', 'entered'],
    ]);
    expect(diff.summary).toMatchObject({ moved: 2, towardBuyer: 0, towardVendor: 2, walkAwayEntered: 1 });
    const text = formatDiffText(diff, { file: 'springfield-smartcam.yaml', fromLabel: 'round-1', toLabel: 'round-2' });
    expect(text).toMatch(/Data-breach super-cap.*vendor\s+missing → walk-away\s+entered walk-away/);
    expect(text).toContain('2 positions moved: 0 toward the buyer, 2 toward the vendor; 1 entered walk-away.');
  });
});
