import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateTerm, listTerms, negotiableTermPaths, type Tier } from '../src/index.js';
import { defaultPlaybook } from './helpers.js';

const rank: Record<Tier, number> = { missing: -1, unrated: -1, 'walk-away': 0, fallback: 1, preferred: 2 };

describe('default playbook positions', async () => {
  const playbook = await defaultPlaybook();

  it('covers every negotiable term (every leaf under `terms`) in the vendor-agreement schema', () => {
    expect(
      listTerms(playbook)
        .map((t) => t.path)
        .sort(),
    ).toEqual(negotiableTermPaths().sort());
  });

  it.each([
    ['incidentResponse.notificationHours', 24, 'preferred'],
    ['incidentResponse.notificationHours', 48, 'fallback'],
    ['incidentResponse.notificationHours', 72, 'fallback'],
    ['incidentResponse.notificationHours', 73, 'walk-away'],
    ['/incidentResponse/notificationHours', 120, 'walk-away'],
    ['vulnerabilityManagement.patchDays.critical', 14, 'preferred'],
    ['vulnerabilityManagement.patchDays.critical', 91, 'walk-away'],
    ['vulnerabilityManagement.supportPeriodYears', 5, 'preferred'],
    ['vulnerabilityManagement.supportPeriodYears', 3, 'fallback'],
    ['vulnerabilityManagement.supportPeriodYears', 1, 'walk-away'],
    ['incidentResponse.cyberInsurance.perClaimUsd', 10_000_000, 'preferred'],
    ['incidentResponse.cyberInsurance.perClaimUsd', 500_000, 'walk-away'],
    ['liability.dataBreachCap', 'uncapped', 'preferred'],
    ['liability.dataBreachCap', 'super-cap', 'fallback'],
    ['liability.dataBreachCap', 'general-cap', 'walk-away'],
    ['securityProgram.safeguards.encryptionInTransit', 'tls-1.1', 'walk-away'],
    ['vulnerabilityManagement.defaultPasswords', 'universal-default', 'walk-away'],
    ['vulnerabilityManagement.defaultPasswords', 'unique-per-device', 'preferred'],
    ['flowDown.subprocessorChange', 'notice-only', 'walk-away'],
    ['incidentResponse.costsCovered', ['forensics', 'notification'], 'fallback'],
    ['incidentResponse.costsCovered', ['forensics'], 'walk-away'],
    ['flowDown.subcontractorsBound', false, 'walk-away'],
    ['audit.onSite', false, 'fallback'],
    ['jurisdiction.governingLaw', 'US-NY', 'unrated'],
    ['liability.indemnity', undefined, 'missing'],
    ['liability.dataBreachCap', 'not-an-option', 'unrated'],
  ] as const)('rates %s = %j as %s', (path, value, tier) => {
    expect(evaluateTerm(playbook, path, value).tier).toBe(tier);
  });

  it('never lowers the tier when a value moves toward the buyer', () => {
    const numbers = playbook.terms.filter((t) => t.spec.kind === 'number' && t.spec.preferred !== undefined);
    const options = playbook.terms.filter((t) => t.spec.kind === 'option' && t.spec.preferred !== undefined);
    const lists = playbook.terms.filter((t) => t.spec.kind === 'list' && t.spec.preferred !== undefined);
    fc.assert(
      fc.property(
        fc.constantFrom(...numbers),
        fc.double({ min: 0, max: 1e8, noNaN: true }),
        fc.double({ min: 0, max: 1e8, noNaN: true }),
        (term, value, delta) => {
          const moved = term.spec.better === 'lower' ? value - delta : value + delta;
          expect(rank[evaluateTerm(playbook, term.path, moved).tier]).toBeGreaterThanOrEqual(rank[evaluateTerm(playbook, term.path, value).tier]);
        },
      ),
    );
    fc.assert(
      fc.property(fc.constantFrom(...options), fc.nat(), fc.nat(), (term, a, b) => {
        const order = term.spec.order!;
        const from = order[a % order.length]!;
        const to = order[Math.min(a % order.length, b % order.length)]!; // index ≤: better or equal
        expect(rank[evaluateTerm(playbook, term.path, to).tier]).toBeGreaterThanOrEqual(rank[evaluateTerm(playbook, term.path, from).tier]);
      }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...lists), fc.array(fc.string()), fc.array(fc.string()), (term, start, extra) => {
        const wanted = [...((term.spec.preferred as string[]) ?? []), ...((term.spec.fallback as string[]) ?? [])];
        const from = [...start, ...wanted.filter((_, i) => start.length % (i + 2) === 0)];
        const to = [...from, ...extra, ...wanted.filter((_, i) => extra.length % (i + 1) === 0)];
        expect(rank[evaluateTerm(playbook, term.path, to).tier]).toBeGreaterThanOrEqual(rank[evaluateTerm(playbook, term.path, from).tier]);
      }),
    );
  });
});
