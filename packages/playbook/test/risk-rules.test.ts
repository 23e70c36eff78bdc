import { describe, expect, it } from 'vitest';
import { checkContract, evaluateRules } from '../src/index.js';
import { asLoaded, baseContract, defaultPlaybook, unset, type Contract } from './helpers.js';

type Mutation = (c: Contract) => void;
const product = (c: Contract) => c.product;
const buyer = (c: Contract) => c.parties.buyer;
const gov: Mutation = (c) => Object.assign(buyer(c), { kind: 'government', jurisdiction: 'US-IL', regulations: [] });

/** For every shipped rule: a change that makes its condition hold, and one that makes it not hold. */
const cases: Record<string, { on: Mutation; off: Mutation }> = {
  'eu-gdpr-processor-terms': {
    on: (c) => (product(c).dataSubjects = ['eu-residents']),
    off: (c) => Object.assign(product(c), { dataSubjects: ['employees'], dataLocations: { storage: ['US'], processing: ['US'] } }),
  },
  'eu-transfer-mechanism': {
    on: (c) => Object.assign(product(c), { dataSubjects: ['eu-residents'], dataLocations: { storage: ['EU'], processing: ['EU', 'US'] } }),
    off: (c) => (product(c).dataLocations = { storage: ['EU'], processing: ['EEA'], backups: ['EU'], supportAccess: ['EU'] }),
  },
  'us-government-data-residency': { on: gov, off: (c) => (buyer(c).kind = 'company') },
  'us-government-crypto': { on: gov, off: (c) => Object.assign(buyer(c), { kind: 'government', jurisdiction: 'DE' }) },
  'us-government-fedramp': {
    on: (c) => (gov(c), (product(c).featuresEnabled.cloudSync = true)),
    off: (c) => (gov(c), (product(c).featuresEnabled.cloudSync = false), (product(c).deployment.network = 'segmented-vlan')),
  },
  'vendor-remote-access-controls': {
    on: (c) => (product(c).vendorRemoteAccess.enabled = true),
    off: (c) => (product(c).vendorRemoteAccess = { enabled: false }),
  },
  'privacy-impact-assessment': {
    on: (c) => Object.assign(product(c), { dataCollected: ['video'], deployment: { ...product(c).deployment, physical: ['public-space'] } }),
    off: (c) => Object.assign(product(c), { dataCollected: ['environmental'], dataSubjects: ['employees'] }),
  },
  'audio-off-by-default': { on: (c) => (product(c).featuresEnabled.audio = true), off: (c) => (product(c).featuresEnabled.audio = false) },
  'illinois-biometrics': {
    on: (c) => Object.assign(product(c), { dataCollected: ['biometric'], dataSubjects: ['illinois-residents'] }),
    off: (c) => Object.assign(product(c), { dataCollected: ['environmental'], dataSubjects: ['illinois-residents'] }),
  },
  'hipaa-business-associate': {
    on: (c) => (buyer(c).regulations = ['HIPAA']),
    off: (c) => Object.assign(buyer(c), { kind: 'company', regulations: ['GDPR'] }),
  },
  'medical-device-cybersecurity': { on: (c) => (product(c).category = 'medical-device'), off: (c) => (product(c).category = 'building-sensor') },
  'eu-cra-support-period': { on: (c) => (product(c).markets = ['EU']), off: (c) => (product(c).markets = ['US']) },
  'uk-psti': {
    on: (c) => Object.assign(product(c), { consumerProduct: true, markets: ['UK'] }),
    off: (c) => Object.assign(product(c), { consumerProduct: false, markets: ['UK'] }),
  },
  'internet-facing-testing': { on: (c) => (product(c).deployment.internetFacing = true), off: (c) => (product(c).deployment.internetFacing = false) },
  'nydfs-notice-clock': { on: (c) => (buyer(c).regulations = ['NYDFS-500']), off: (c) => (buyer(c).regulations = []) },
  'sec-disclosure-clock': { on: (c) => (buyer(c).kind = 'public-company'), off: (c) => Object.assign(buyer(c), { kind: 'company', regulations: [] }) },
  'nis2-early-warning': { on: (c) => (buyer(c).regulations = ['NIS2']), off: (c) => (buyer(c).regulations = ['GDPR']) },
  'dfars-cui': { on: (c) => (buyer(c).kind = 'defence-contractor'), off: (c) => Object.assign(buyer(c), { kind: 'company', regulations: [] }) },
  'subcontractor-flow-down': {
    on: (c) => (c.terms.flowDown.subcontractors = [{ name: 'X', service: 'hosting', location: 'US', dataAccess: true }]),
    off: (c) => delete c.terms.flowDown.subcontractors,
  },
  'california-ccpa': {
    on: (c) => (product(c).dataSubjects = ['california-residents']),
    off: (c) => Object.assign(product(c), { dataSubjects: ['employees'] }),
  },
};

describe('shipped risk rules', async () => {
  const playbook = await defaultPlaybook();

  it('has a trigger / no-trigger case for every rule in the default playbook', () => {
    expect(Object.keys(cases).sort()).toEqual(playbook.rules.map((r) => r.id).sort());
  });

  describe.each(playbook.rules.map((r) => [r.id, r] as const))('%s', (id, rule) => {
    // Break the rule's first requirement (drop the term), then toggle the condition.
    const contractWith = (mutation: Mutation) => {
      const c = baseContract();
      mutation(c);
      unset(c, rule.requirements[0]!.segments);
      return c;
    };

    it('reports an unmet requirement when its condition holds', () => {
      const findings = evaluateRules(playbook, contractWith(cases[id]!.on)).filter((f) => f.ruleId === id);
      expect(findings.length).toBeGreaterThan(0);
      expect(findings[0]).toMatchObject({ code: `risk/${id}`, pointer: rule.requirements[0]!.pointer, missing: true, source: rule.source });
      expect(findings[0]!.triggeredBy.length).toBeGreaterThan(0);
    });

    it('stays silent when its condition does not hold', () => {
      expect(evaluateRules(playbook, contractWith(cases[id]!.off)).filter((f) => f.ruleId === id)).toEqual([]);
    });
  });

  it('points a rule diagnostic at the term and names the triggering product field as related', async () => {
    const c = baseContract();
    c.terms.jurisdiction.crossBorderTransfer.mechanism = 'not-needed';
    const loaded = asLoaded(c);
    const { diagnostics } = checkContract(loaded, playbook);
    const d = diagnostics.find((x) => x.code === 'risk/eu-transfer-mechanism');
    expect(d).toMatchObject({ severity: 'error', path: '/terms/jurisdiction/crossBorderTransfer/mechanism', fix: 'sccs-2021-914' });
    expect(loaded.text.split('\n')[d!.line - 1]).toContain('mechanism: not-needed');
    expect(d!.related!.map((r) => r.path)).toEqual(expect.arrayContaining(['/product/dataSubjects', '/product/dataLocations/processing']));
    expect(loaded.text.split('\n')[d!.related![0]!.line - 1]).toMatch(/dataSubjects|processing/);
  });

  it('reports a required term that is missing as an error at its nearest parent, once', () => {
    const c = baseContract();
    delete c.terms.jurisdiction.dataProcessingAgreement;
    const loaded = asLoaded(c);
    const { diagnostics, summary } = checkContract(loaded, playbook);
    const at = diagnostics.filter((d) => d.path === '/terms/jurisdiction/dataProcessingAgreement');
    expect(at).toEqual([expect.objectContaining({ code: 'risk/eu-gdpr-processor-terms', severity: 'error' })]);
    expect(loaded.text.split('\n')[at[0]!.line - 1]).toMatch(/^\s*jurisdiction:/);
    expect(summary.missing).toBeGreaterThanOrEqual(1);
  });

  it('checks numeric limits: a SEC registrant needs notice within 96 hours', () => {
    const c = baseContract();
    c.terms.incidentResponse.notificationHours = 120;
    expect(evaluateRules(playbook, c).map((f) => f.ruleId)).toContain('sec-disclosure-clock');
    c.terms.incidentResponse.notificationHours = 96;
    expect(evaluateRules(playbook, c).map((f) => f.ruleId)).not.toContain('sec-disclosure-clock');
  });
});
