import { loadPlaybookText, type Playbook } from '@contracts/playbook';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffPositions, formatDiffMarkdown, formatDiffText, positionHistory } from '../src/index.js';

const PLAYBOOK = `
playbookVersion: 1
title: Test playbook
terms:
  incidentResponse.notificationHours:
    { label: Breach notice, kind: number, unit: hours, better: lower, preferred: 24, fallback: 48, walkAwayBeyond: 72, rationale: r, source: s }
  incidentResponse.cyberInsurance.perClaimUsd:
    { label: Insurance per claim, kind: number, better: higher, preferred: 5000000, fallback: 2000000, rationale: r, source: s }
  securityProgram.safeguards.encryptionInTransit:
    { label: Encryption in transit, kind: option, order: [tls-1.3, tls-1.2, tls-1.0], preferred: tls-1.3, fallback: tls-1.2, rationale: r, source: s }
  audit.onSite:
    { label: On-site audit, kind: boolean, preferred: true, fallback: false, rationale: r, source: s }
  securityProgram.safeguards.accessControlMfa:
    { label: MFA, kind: boolean, preferred: true, rationale: r, source: s }
  incidentResponse.costsCovered:
    { label: Costs covered, kind: list, match: all, preferred: [forensics, notification], fallback: [forensics], rationale: r, source: s }
  jurisdiction.regulations:
    { label: Regulations, kind: list, expected: false, rationale: r, source: s }
  jurisdiction.dataProcessingAgreement:
    { label: DPA, kind: boolean, preferred: true, expected: false, rationale: r, source: s }
riskRules:
  - id: eu-gdpr
    message: EU residents' data needs GDPR terms.
    source: GDPR Art. 28
    when: { path: product.dataSubjects, includes: eu-residents }
    then:
      - { term: jurisdiction.regulations, includes: [GDPR] }
      - { term: jurisdiction.dataProcessingAgreement, equals: true }
`;

const base = {
  id: 'acme',
  product: { dataSubjects: ['public'], featuresEnabled: { audio: false } },
  terms: {
    incidentResponse: { notificationHours: 48, costsCovered: ['forensics'], cyberInsurance: { perClaimUsd: 2000000 } },
    securityProgram: { safeguards: { encryptionInTransit: 'tls-1.2', accessControlMfa: true } },
    audit: { onSite: false },
    jurisdiction: { regulations: ['BIPA'] },
  },
};
type Contract = typeof base;
const withTerms = (patch: (t: Contract) => void): Contract => {
  const copy = structuredClone(base);
  patch(copy);
  return copy;
};

let playbook: Playbook;
beforeAll(async () => {
  const loaded = await loadPlaybookText(PLAYBOOK);
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  playbook = loaded.playbook!;
});

describe('diffPositions', () => {
  it('finds nothing between equal versions', () => {
    expect(diffPositions(base, structuredClone(base), playbook)).toMatchObject({ positions: [], product: [], requirements: [], summary: { moved: 0 } });
  });

  it('rates numbers by the playbook direction: lower hours and higher cover favour the buyer', () => {
    const next = withTerms((c) => {
      c.terms.incidentResponse.notificationHours = 24;
      c.terms.incidentResponse.cyberInsurance.perClaimUsd = 1000000;
    });
    const { positions } = diffPositions(base, next, playbook);
    expect(positions).toMatchObject([
      {
        path: 'incidentResponse.notificationHours',
        label: 'Breach notice',
        from: 48,
        to: 24,
        unit: 'hours',
        gained: 'buyer',
        tierFrom: 'fallback',
        tierTo: 'preferred',
        change: 'changed',
      },
      {
        path: 'incidentResponse.cyberInsurance.perClaimUsd',
        from: 2000000,
        to: 1000000,
        gained: 'vendor',
        tierFrom: 'fallback',
        tierTo: 'walk-away',
        walkAway: 'entered',
      },
    ]);
  });

  it('rates options by their order in the playbook', () => {
    const down = diffPositions(
      base,
      withTerms((c) => void (c.terms.securityProgram.safeguards.encryptionInTransit = 'tls-1.0')),
      playbook,
    ).positions[0];
    expect(down).toMatchObject({ from: 'tls-1.2', to: 'tls-1.0', gained: 'vendor', tierTo: 'walk-away', walkAway: 'entered' });
    const up = diffPositions(
      base,
      withTerms((c) => void (c.terms.securityProgram.safeguards.encryptionInTransit = 'tls-1.3')),
      playbook,
    ).positions[0];
    expect(up).toMatchObject({ gained: 'buyer', tierFrom: 'fallback', tierTo: 'preferred' });
    expect(up).not.toHaveProperty('walkAway');
  });

  it('rates booleans against the preferred value', () => {
    const { positions } = diffPositions(
      base,
      withTerms((c) => {
        c.terms.audit.onSite = true;
        c.terms.securityProgram.safeguards.accessControlMfa = false;
      }),
      playbook,
    );
    expect(positions).toMatchObject([
      {
        path: 'securityProgram.safeguards.accessControlMfa',
        from: true,
        to: false,
        gained: 'vendor',
        tierFrom: 'preferred',
        tierTo: 'walk-away',
        walkAway: 'entered',
      },
      { path: 'audit.onSite', from: false, to: true, gained: 'buyer', tierFrom: 'fallback', tierTo: 'preferred' },
    ]);
  });

  it('lists the members a list term gained and lost', () => {
    const { positions } = diffPositions(
      base,
      withTerms((c) => void (c.terms.incidentResponse.costsCovered = ['notification', 'legal'])),
      playbook,
    );
    expect(positions[0]).toMatchObject({
      path: 'incidentResponse.costsCovered',
      membersAdded: ['notification', 'legal'],
      membersRemoved: ['forensics'],
      gained: 'vendor',
      tierFrom: 'fallback',
      tierTo: 'walk-away',
      walkAway: 'entered',
    });
  });

  it('reports a walk-away position that is left', () => {
    const from = withTerms((c) => void (c.terms.incidentResponse.notificationHours = 168));
    expect(diffPositions(from, base, playbook).positions[0]).toMatchObject({
      from: 168,
      to: 48,
      gained: 'buyer',
      tierFrom: 'walk-away',
      tierTo: 'fallback',
      walkAway: 'left',
    });
  });

  it('reports added and removed terms, including terms the playbook does not know (neutral)', () => {
    const next = withTerms((c) => {
      delete (c.terms as Partial<Contract['terms']>).audit;
      (c.terms as Record<string, unknown>).warranty = { months: 12 };
    });
    const { positions, summary } = diffPositions(base, next, playbook);
    expect(positions).toEqual([
      {
        path: 'audit.onSite',
        pointer: '/terms/audit/onSite',
        label: 'On-site audit',
        change: 'removed',
        from: false,
        gained: 'vendor',
        tierFrom: 'fallback',
        tierTo: 'missing',
      },
      {
        path: 'warranty.months',
        pointer: '/terms/warranty/months',
        label: 'warranty.months',
        change: 'added',
        to: 12,
        gained: 'neutral',
        tierFrom: 'missing',
        tierTo: 'unrated',
      },
    ]);
    expect(summary).toMatchObject({ moved: 2, towardVendor: 1, neutral: 1 });
  });

  it('reports a product change and the terms the risk rules now require', () => {
    const next = structuredClone(base);
    next.product.dataSubjects.push('eu-residents');
    const diff = diffPositions(base, next, playbook);
    expect(diff.positions).toEqual([]);
    expect(diff.product).toEqual([
      {
        path: 'product.dataSubjects',
        pointer: '/product/dataSubjects',
        change: 'changed',
        from: ['public'],
        to: ['public', 'eu-residents'],
        membersAdded: ['eu-residents'],
        membersRemoved: [],
      },
    ]);
    expect(diff.requirements).toMatchObject([
      { change: 'added', ruleId: 'eu-gdpr', term: 'jurisdiction.regulations', label: 'Regulations', met: false },
      { change: 'added', ruleId: 'eu-gdpr', term: 'jurisdiction.dataProcessingAgreement', label: 'DPA', met: false },
    ]);
    // …and the reverse change drops them.
    expect(diffPositions(next, base, playbook).requirements.map((r) => r.change)).toEqual(['dropped', 'dropped']);
  });

  it('formats text without colour codes unless asked, and a markdown table', () => {
    const next = withTerms((c) => void (c.terms.incidentResponse.notificationHours = 96));
    const diff = diffPositions(base, next, playbook);
    const names = { file: 'a.yaml', fromLabel: 'round-1', toLabel: 'round-2' };
    expect(formatDiffText(diff, names)).not.toContain('\u001b[');
    expect(formatDiffText(diff, { ...names, color: true })).toContain('\u001b[31m');
    expect(formatDiffMarkdown(diff, names)).toContain('| Breach notice | 48 hours | 96 hours | 🔴 vendor | fallback → walk-away | **entered walk-away** |');
  });
});

describe('positionHistory', () => {
  const meta = (n: number) => ({
    commit: String(n).repeat(40),
    authorName: 'A',
    authorEmail: 'a@x',
    authorDate: `2024-01-0${n}T00:00:00Z`,
    subject: `c${n}`,
    path: 'a.yaml',
    rounds: [],
  });

  it('treats the first version as the opening position and follows one term', () => {
    const v2 = withTerms((c) => void (c.terms.incidentResponse.notificationHours = 24));
    const v3 = withTerms((c) => void (c.terms.audit.onSite = true));
    const steps = positionHistory(
      [
        { ...meta(1), value: base },
        { ...meta(2), value: v2 },
        { ...meta(3), value: v3 },
      ],
      playbook,
      'incidentResponse.notificationHours',
    );
    expect(steps.map((s) => s.changes.map((c) => [c.from, c.to, c.gained]))).toEqual([[[undefined, 48, 'neutral']], [[48, 24, 'buyer']], [[24, 48, 'vendor']]]);
  });

  it('skips unreadable versions and compares across them', () => {
    const v3 = withTerms((c) => void (c.terms.incidentResponse.notificationHours = 24));
    const steps = positionHistory(
      [
        { ...meta(1), value: base },
        { ...meta(2), value: undefined, problem: 'binary content' },
        { ...meta(3), value: v3 },
      ],
      playbook,
    );
    expect(steps[1]).toMatchObject({ problem: 'binary content', changes: [] });
    expect(steps[2]!.changes).toMatchObject([{ from: 48, to: 24 }]);
  });
});
