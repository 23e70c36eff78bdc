import { fileURLToPath } from 'node:url';
import { loadYamlFile } from '@contracts/core';
import { checkContract, loadPlaybook, loadPlaybookText, type Playbook, type Tier } from '@contracts/playbook';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffPositions, formatDiffText, positionHistory, termChange } from '../src/index.js';

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
  disputes.escalationDays:
    { label: Escalation period, kind: number, unit: days, better: lower, preferred: 24, fallback: 48, walkAwayBeyond: 72, expected: false, rationale: r, source: s }
riskRules:
  - id: eu-escalation
    message: A deal with EU residents' data needs a bounded escalation period.
    source: Buyer policy OPS-7 (in force from 2024-01-01)
    when: { path: product.dataSubjects, includes: eu-residents }
    then:
      - { term: disputes.escalationDays, atMost: 72 }
`;

/** A value of the notice term at each tier (60 h is "beyond fallback", still rated fallback). */
const AT: Record<Exclude<Tier, 'missing' | 'unrated'>, number[]> = { preferred: [12, 24], fallback: [48, 60], 'walk-away': [96] };
/** Expected direction of missing → tier (the reverse move is the opposite). */
const APPEARING: Record<keyof typeof AT, 'buyer' | 'vendor'> = { preferred: 'buyer', fallback: 'buyer', 'walk-away': 'vendor' };

const withNotice = (hours?: number) => ({ terms: { incidentResponse: hours === undefined ? {} : { notificationHours: hours } } });

let playbook: Playbook;
beforeAll(async () => {
  const loaded = await loadPlaybookText(PLAYBOOK);
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  playbook = loaded.playbook!;
});

/** How a term behaves when it appears or disappears, by how much the playbook wants it. */
const TERMS = {
  'expected by the playbook': (hours?: number) => ({ terms: { incidentResponse: hours === undefined ? {} : { notificationHours: hours } } }),
  'optional, no rule requires it': (hours?: number) => ({ terms: { disputes: hours === undefined ? {} : { escalationDays: hours } } }),
  'optional, required by a risk rule': (hours?: number) => ({
    product: { dataSubjects: ['eu-residents'] },
    terms: { disputes: hours === undefined ? {} : { escalationDays: hours } },
  }),
} as const;
/** Who gains when a term at this tier disappears: never the buyer (issue 11 item 5, probe item 6). */
const DISAPPEARING: Record<keyof typeof TERMS, Record<keyof typeof AT, 'vendor' | 'neutral'>> = {
  'expected by the playbook': { preferred: 'vendor', fallback: 'vendor', 'walk-away': 'vendor' },
  'optional, no rule requires it': { preferred: 'vendor', fallback: 'vendor', 'walk-away': 'neutral' },
  'optional, required by a risk rule': { preferred: 'vendor', fallback: 'vendor', 'walk-away': 'vendor' },
};

describe('direction of a move, from the playbook', () => {
  for (const [kind, contract] of Object.entries(TERMS) as [keyof typeof TERMS, (hours?: number) => object][]) {
    for (const [tier, values] of Object.entries(AT) as [keyof typeof AT, number[]][]) {
      for (const value of values) {
        it(`rates a term ${kind} that appears at ${tier} (${value}) toward the ${APPEARING[tier]}, and its disappearance ${DISAPPEARING[kind][tier] === 'vendor' ? 'toward the vendor' : 'as neutral'}`, () => {
          const appear = diffPositions(contract(), contract(value), playbook);
          expect(appear.positions).toMatchObject([{ change: 'added', tierFrom: 'missing', tierTo: tier, gained: APPEARING[tier] }]);
          const disappear = diffPositions(contract(value), contract(), playbook);
          expect(disappear.positions).toMatchObject([{ change: 'removed', tierFrom: tier, tierTo: 'missing', gained: DISAPPEARING[kind][tier] }]);
          expect(appear.positions[0]!.walkAway).toBe(tier === 'walk-away' ? 'entered' : undefined);
          // A walk-away term that vanishes did not leave walk-away: the contract is no better. It is flagged instead.
          expect(disappear.positions[0]!.walkAway).toBeUndefined();
          expect(disappear.positions[0]!.review).toBe(tier === 'walk-away' ? 'walk-away-dropped' : undefined);
          expect(disappear.summary).toMatchObject({ towardBuyer: 0, walkAwayLeft: 0, walkAwayDropped: tier === 'walk-away' ? 1 : 0 });
        });
      }
    }
  }

  it('prints a walk-away term that was dropped as a row to review, never as a gain for the buyer', () => {
    const diff = diffPositions(withNotice(96), withNotice(), playbook);
    const text = formatDiffText(diff, { file: 'a.yaml', fromLabel: 'round-4', toLabel: 'round-5' });
    expect(text).toContain('1 position moved: 0 toward the buyer, 1 toward the vendor; 1 walk-away term dropped (review).');
    expect(text).toMatch(/Breach notice\s+96 hours \(removed\)\s+vendor\s+walk-away → missing\s+walk-away term dropped: review/);
    expect(text).not.toContain('left walk-away');
  });

  it('rates every pair of tiers consistently: preferred > fallback > missing > walk-away, except that a dropped walk-away is no gain', () => {
    const order: (number | undefined)[] = [96, undefined, 48, 12];
    for (const [i, a] of order.entries())
      for (const [j, b] of order.entries()) {
        if (i === j) continue;
        const [move] = diffPositions(withNotice(a), withNotice(b), playbook).positions;
        expect(move?.gained, `${a} → ${b}`).toBe(j > i && !(a === 96 && b === undefined) ? 'buyer' : 'vendor');
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
    expect(gained(off, none)).toEqual([['audit.onSite', 'vendor']]); // false dropped: the contract is as silent as false
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
      walkAwayDropped: rows.filter((r) => r.review === 'walk-away-dropped').length,
      requirementsUnmet: diff.requirements.filter((r) => r.gained === 'vendor').length,
      requirementsMet: diff.requirements.filter((r) => r.gained === 'buyer').length,
    });
    expect(diff.summary).toMatchObject({ moved: 3, towardBuyer: 0, towardVendor: 2, neutral: 1, walkAwayEntered: 1 });
  });
});

describe('the bundled playbook', () => {
  /** Who gained when one term moves from `from` to `to`, as diff, history and the redline rate it. */
  const gained = (playbook: Playbook, path: string, from: unknown, to: unknown) => termChange(playbook, ['terms', ...path.split('.')], from, to)?.gained;

  it('says who gained when a term moves', async () => {
    const { playbook: real } = await loadPlaybook();
    expect(gained(real!, 'incidentResponse.notificationHours', 72, 24)).toBe('buyer');
    expect(gained(real!, 'incidentResponse.notificationHours', 24, 72)).toBe('vendor');
    expect(gained(real!, 'liability.dataBreachCap', 'general-cap', 'super-cap')).toBe('buyer');
    expect(gained(real!, 'incidentResponse.costsCovered', ['forensics'], ['forensics', 'call-centre'])).toBe('buyer');
    expect(gained(real!, 'liability.indemnity', true, undefined)).toBe('vendor');
    expect(gained(real!, 'jurisdiction.governingLaw', 'US-NY', 'DE')).toBe('neutral');
    expect(gained(real!, 'audit.onSite', true, true)).toBeUndefined(); // not a move
  });

  it('never reads a number moving toward the buyer as a gain for the vendor', async () => {
    const { playbook: real } = await loadPlaybook();
    const numbers = real!.terms.filter((t) => t.spec.kind === 'number' && t.spec.preferred !== undefined);
    fc.assert(
      fc.property(
        fc.constantFrom(...numbers),
        fc.double({ min: 0, max: 1e8, noNaN: true }),
        fc.double({ min: 0, max: 1e8, noNaN: true }),
        (term, value, delta) => {
          const moved = term.spec.better === 'lower' ? value - delta : value + delta;
          expect(gained(real!, term.path, value, moved)).not.toBe('vendor');
        },
      ),
    );
  });

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

  it("reads EU added to a US government buyer's data residency as a requirement now unmet, toward the vendor, as check does (probe item 5)", async () => {
    const { playbook: real } = await loadPlaybook();
    const file = fileURLToPath(new URL('../../../contracts/springfield-smartcam.yaml', import.meta.url));
    const loaded = await loadYamlFile(file);
    const before = loaded.value as { terms: { jurisdiction: { dataResidency: string[] } } };
    const after = structuredClone(before);
    after.terms.jurisdiction.dataResidency = ['US', 'EU'];
    // The judge: check finds the rule broken in the later version only.
    const broken = (value: unknown) => checkContract({ ...loaded, value }, real!).findings.map((f) => f.ruleId);
    expect(broken(before)).not.toContain('us-government-data-residency');
    expect(broken(after)).toContain('us-government-data-residency');

    const diff = diffPositions(before, after, real!);
    const rule = real!.rules.find((r) => r.id === 'us-government-data-residency')!;
    expect(diff.requirements).toEqual([
      expect.objectContaining({
        change: 'unmet',
        ruleId: 'us-government-data-residency',
        term: 'jurisdiction.dataResidency',
        before: 'met',
        after: 'unmet',
        met: false,
        gained: 'vendor',
        source: rule.requirements[0]!.source ?? rule.source,
      }),
    ]);
    expect(diff.positions).toMatchObject([
      { path: 'jurisdiction.dataResidency', gained: 'vendor', rules: [{ ruleId: 'us-government-data-residency', change: 'unmet' }] },
    ]);
    expect(diff.summary).toMatchObject({ moved: 1, towardVendor: 1, towardBuyer: 0, requirementsUnmet: 1 });
    const text = formatDiffText(diff, { file: 'springfield-smartcam.yaml', fromLabel: 'round-1', toLabel: 'round-2' });
    expect(text).toContain('1 position moved: 0 toward the buyer, 1 toward the vendor; risk requirement: 1 now unmet.');
    expect(text).toMatch(/Data residency\s+\+EU\s+vendor\s+unrated\s+now fails us-government-data-residency/);
    expect(text).toMatch(
      /✗ no longer met {2}Data residency \(jurisdiction\.dataResidency\): .* \[us-government-data-residency\] — NOT met, toward the vendor\n {6}source: \S/,
    );

    // History rates each step as diff rates it.
    const meta = (n: number) => ({
      commit: String(n).repeat(40),
      authorName: 'A',
      authorEmail: 'a@x',
      authorDate: '2024-01-01T00:00:00Z',
      subject: 's',
      path: 'a.yaml',
      rounds: [],
    });
    const steps = positionHistory(
      [
        { ...meta(1), value: before },
        { ...meta(2), value: after },
      ],
      real!,
    );
    expect(steps[1]!.changes).toEqual(diff.positions);

    // And back: the requirement met again is toward the buyer.
    const back = diffPositions(after, before, real!);
    expect(back.requirements).toMatchObject([{ change: 'met', before: 'unmet', after: 'met', gained: 'buyer' }]);
    expect(back.positions).toMatchObject([{ path: 'jurisdiction.dataResidency', gained: 'buyer', rules: [{ change: 'met' }] }]);
  });
});
