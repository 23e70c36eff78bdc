import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkContract, evaluateRules, ruleApplicability, type PlaybookSource } from '../src/index.js';
import { boundaries } from './boundaries.js';
import { asLoaded, baseContract, defaultPlaybook, repoRoot } from './helpers.js';
import { buyer, data, dayBefore, deal, located, on, people, product, terms, vendor, type Facts } from './law.js';

const fed = buyer({ entityType: 'federal-agency', kind: 'government', jurisdiction: 'US-DC' });
const dod = buyer({ entityType: 'for-profit', statuses: ['dod-contractor'], kind: 'defence-contractor', jurisdiction: 'US-VA' });
const euBuyer = buyer({ entityType: 'for-profit', jurisdiction: 'DE' });
const gov = buyer({ entityType: 'local-government', kind: 'government', jurisdiction: 'US-IL' });
const face = product({ featuresEnabled: { facialRecognition: true }, regulatedData: ['biometric-identifiers'] });
const fingerprint = product({ category: 'access-control', dataCollected: ['biometric'], regulatedData: ['biometric-identifiers'] });
const radio = product({ connectivity: ['wifi'], markets: ['EU'] });
/** The HIPAA rule's test of a vendor that never holds the buyer's data, which the state breach-notice rules share. */
const vendorNeverHoldsData = product({ deployment: { network: 'isolated' }, vendorRemoteAccess: { enabled: false }, featuresEnabled: { cloudSync: false } });

/**
 * For every shipped rule: facts that bring a contract under it (`fire`), facts that leave it out
 * (`silent`), and, per exemption, facts that are in scope but exempt. Date boundaries are derived
 * from the rule's own `inForceFrom` / `appliesFrom`.
 */
const cases: Record<string, { fire: Facts[]; silent: Facts[]; exempt?: Record<string, Facts[]> }> = {
  'eu-gdpr-processor-terms': {
    fire: [euBuyer, people('DE')],
    silent: [euBuyer, product({ personalData: { processed: false } })],
    exempt: { 'eea-efta-before-2018-07-20': [buyer({ jurisdiction: 'NO' }), people('NO'), on('2018-07-19')] },
  },
  'eu-transfer-mechanism': {
    fire: [euBuyer, people('DE'), located('processing', 'US')],
    silent: [euBuyer, people('DE'), located('storage', 'DE')],
    exempt: { 'eea-efta-before-2018-07-20': [buyer({ jurisdiction: 'IS' }), people('IS'), on('2018-07-19')] },
  },
  'eu-cra-product-security': {
    fire: [product({ markets: ['EU'] })],
    silent: [product({ markets: ['US'] })],
    exempt: {
      'medical-device': [product({ markets: ['EU'], regulatedAs: ['eu-mdr-medical-device'] })],
      'motor-vehicle': [product({ markets: ['EU'], regulatedAs: ['eu-motor-vehicle'] })],
      'civil-aviation-or-marine': [product({ markets: ['EU'], regulatedAs: ['eu-marine-equipment'] })],
      'national-security': [product({ markets: ['EU'], regulatedAs: ['national-security-or-defence'] })],
    },
  },
  'eu-red-cybersecurity': {
    fire: [radio],
    silent: [product({ connectivity: ['ethernet'], markets: ['EU'] })],
    exempt: { 'medical-device': [radio, product({ category: 'medical-device' })] },
  },
  'eu-data-act-connected-product': { fire: [product({ markets: ['NO'] })], silent: [product({ markets: ['US', 'CA'] })] },
  'eu-ai-act-prohibited-practices': {
    fire: [euBuyer, product({ featuresEnabled: { emotionRecognition: true }, dataSubjects: ['employees'] })],
    silent: [euBuyer, product({ featuresEnabled: { emotionRecognition: true }, dataSubjects: ['customers'] })],
  },
  'eu-ai-act-biometric-identification': { fire: [euBuyer, face], silent: [buyer({ jurisdiction: 'US-IL' }), face] },
  'nis2-supply-chain': { fire: [buyer({ statuses: ['nis2-important-entity'], jurisdiction: 'FR' })], silent: [euBuyer] },
  'dora-ict-third-party': {
    fire: [buyer({ statuses: ['dora-financial-entity'], jurisdiction: 'IE' }), product({ vendorRemoteAccess: { enabled: true } })],
    silent: [buyer({ statuses: ['glba-financial-institution'] })],
  },
  'uk-gdpr-processor-terms': {
    fire: [buyer({ jurisdiction: 'GB-ENG' }), people('GB')],
    silent: [buyer({ jurisdiction: 'GB-ENG' }), product({ personalData: { processed: false } })],
  },
  'uk-transfer-mechanism': {
    fire: [buyer({ jurisdiction: 'GB-SCT' }), people('GB'), located('supportAccess', 'IN')],
    silent: [buyer({ jurisdiction: 'GB-SCT' }), people('GB'), located('storage', 'GB', 'DE')],
  },
  'uk-psti': {
    fire: [product({ consumerProduct: true, markets: ['GB'] })],
    silent: [product({ consumerProduct: false, markets: ['UK'] })],
    exempt: { 'medical-device': [product({ consumerProduct: true, markets: ['UK'], category: 'medical-device' })] },
  },
  'us-government-data-residency': { fire: [gov], silent: [buyer({ entityType: 'public-body', kind: 'government', jurisdiction: 'DE' })] },
  'us-federal-fips-crypto': {
    fire: [fed],
    silent: [gov],
    exempt: { 'national-security-system': [fed, product({ regulatedAs: ['national-security-or-defence'] })] },
  },
  'us-federal-iot-baseline': {
    fire: [fed],
    silent: [buyer({ entityType: 'state-agency', kind: 'government', jurisdiction: 'US-TX' })],
    exempt: { 'national-security-system': [fed, product({ regulatedAs: ['national-security-or-defence'] })] },
  },
  'us-federal-fedramp': { fire: [fed, product({ featuresEnabled: { cloudSync: true } })], silent: [fed, product({ deployment: { network: 'isolated' } })] },
  'us-federal-cyber-trust-mark': { fire: [fed, product({ consumerProduct: true })], silent: [fed, product({ consumerProduct: false })] },
  'ndaa-889-federal-procurement': { fire: [fed], silent: [gov] },
  'ndaa-889-contractor-use': { fire: [buyer({ statuses: ['federal-contractor'] })], silent: [buyer({ statuses: [] })] },
  'federal-grant-covered-equipment': { fire: [gov, buyer({ statuses: ['federal-grant-recipient'] })], silent: [gov] },
  'fcc-covered-list': { fire: [product({ category: 'camera', markets: ['US'] })], silent: [product({ category: 'camera', markets: ['EU'] })] },
  'dfars-cdi': { fire: [dod, data('covered-defense-information')], silent: [dod, data()] },
  'dfars-cdi-cloud': {
    fire: [dod, data('cui'), product({ deployment: { network: 'cloud-only' } })],
    silent: [dod, data('cui'), product({ deployment: { network: 'isolated' } })],
  },
  'cmmc-flow-down': { fire: [dod, data('federal-contract-information')], silent: [dod, data()] },
  'hipaa-business-associate': {
    fire: [buyer({ statuses: ['hipaa-covered-entity'], jurisdiction: 'US-MA' }), data('phi')],
    silent: [buyer({ statuses: ['hipaa-covered-entity'], jurisdiction: 'US-MA' }), data()],
    exempt: {
      'no-vendor-access-to-phi': [
        product({ deployment: { network: 'isolated' }, vendorRemoteAccess: { enabled: false }, featuresEnabled: { cloudSync: false } }),
      ],
    },
  },
  'medical-device-cybersecurity': { fire: [product({ regulatedAs: ['us-fda-device'] })], silent: [product({ category: 'medical-device', markets: ['EU'] })] },
  'nydfs-third-party-service-providers': { fire: [buyer({ statuses: ['nydfs-covered-entity'] })], silent: [buyer({ statuses: ['sec-registrant'] })] },
  'sec-disclosure-clock': { fire: [buyer({ statuses: ['sec-registrant'] })], silent: [buyer({ statuses: ['nydfs-covered-entity'] })] },
  'nerc-cip-supply-chain': {
    fire: [buyer({ statuses: ['nerc-registered-entity'] }), product({ regulatedAs: ['nerc-cip-bes-cyber-system'] })],
    silent: [buyer({ statuses: ['nerc-registered-entity'] }), product({ regulatedAs: [] })],
  },
  'coppa-school-authorised': {
    fire: [buyer({ statuses: ['coppa-school'] }), data('children-under-13')],
    silent: [buyer({ statuses: ['coppa-school'] }), data()],
  },
  'ferpa-school-official': {
    fire: [buyer({ statuses: ['ferpa-educational-agency'] }), data('student-education-records')],
    silent: [buyer({ statuses: [] }), data('student-education-records')],
  },
  'illinois-biometrics': {
    fire: [buyer({ entityType: 'for-profit' }), face, product({ deployment: { installedIn: ['US-IL'] } })],
    silent: [buyer({ entityType: 'for-profit' }), face, product({ deployment: { installedIn: ['US-IN'] } })],
    exempt: {
      'government-body': [gov, face],
      'glba-financial-institution': [
        buyer({ entityType: 'for-profit', statuses: ['glba-financial-institution'] }),
        face,
        product({ deployment: { installedIn: ['US-IL'] } }),
      ],
    },
  },
  'texas-biometric-identifiers': {
    fire: [face, product({ deployment: { installedIn: ['US-TX'] } })],
    silent: [face, product({ deployment: { installedIn: ['US-OK'] } })],
    exempt: { 'government-body': [buyer({ entityType: 'local-government' }), face, product({ deployment: { installedIn: ['US-TX'] } })] },
  },
  'washington-biometric-identifiers': {
    fire: [fingerprint, product({ deployment: { installedIn: ['US-WA'] }, purposes: ['marketing'] })],
    silent: [fingerprint, product({ deployment: { installedIn: ['US-OR'] } })],
    exempt: {
      'security-purpose': [fingerprint, product({ deployment: { installedIn: ['US-WA'] }, purposes: ['security'] })],
      'government-body': [buyer({ entityType: 'state-agency' }), fingerprint, product({ deployment: { installedIn: ['US-WA'] } })],
      'hipaa-health-care-information': [buyer({ statuses: ['hipaa-covered-entity'] }), product({ purposes: ['clinical-care'] })],
    },
  },
  'california-ccpa-2020': {
    fire: [buyer({ entityType: 'for-profit' }), people('US-CA'), on('2021-06-01')],
    silent: [buyer({ entityType: 'non-profit' }), people('US-CA'), on('2021-06-01')],
    exempt: {
      'below-thresholds': [buyer({ entityType: 'for-profit', annualRevenueUsd: 25_000_000 }), people('US-CA'), on('2021-06-01')],
      'employee-data': [product({ dataSubjects: ['employees', 'california-residents'] })],
    },
  },
  'california-ccpa': {
    fire: [buyer({ entityType: 'for-profit' }), people('US-CA')],
    silent: [buyer({ entityType: 'non-profit' }), people('US-CA')],
    exempt: { 'below-thresholds': [buyer({ entityType: 'for-profit', annualRevenueUsd: 5_000_000 }), people('US-CA')] },
  },
  'california-connected-device-security': {
    fire: [product({ connectivity: ['wifi'], deployment: { installedIn: ['US-CA'] } })],
    silent: [product({ connectivity: ['wifi'], deployment: { installedIn: ['US-NV'] } })],
    exempt: { 'federally-regulated-device': [product({ deployment: { installedIn: ['US-CA'] }, regulatedAs: ['us-fda-device'] })] },
  },
  'oregon-connected-device-security': {
    fire: [product({ consumerProduct: true, connectivity: ['wifi'], deployment: { installedIn: ['US-OR'] } })],
    // Only consumer devices (personal, family or household use), unlike California's law.
    silent: [product({ consumerProduct: false, connectivity: ['wifi'], deployment: { installedIn: ['US-OR'] } })],
    exempt: {
      'federally-regulated-device': [
        product({ consumerProduct: true, connectivity: ['wifi'], deployment: { installedIn: ['US-OR'] }, regulatedAs: ['us-fda-device'] }),
      ],
    },
  },
  'california-breach-notice-to-owner': {
    fire: [people('US-CA'), data('cardholder-data')],
    silent: [people('US-NV'), data('cardholder-data')],
    exempt: { 'vendor-never-holds-data': [people('US-CA'), data('cardholder-data'), vendorNeverHoldsData] },
  },
  'florida-third-party-agent-notice': {
    fire: [people('US-FL'), data('phi')],
    silent: [people('US-GA'), data('phi')],
    exempt: { 'vendor-never-holds-data': [people('US-FL'), data('phi'), vendorNeverHoldsData] },
  },
  'illinois-breach-notice-to-owner': {
    fire: [people('US-IL'), data('government-id-numbers')],
    silent: [people('US-IN'), data('government-id-numbers')],
    exempt: { 'vendor-never-holds-data': [people('US-IL'), data('government-id-numbers'), vendorNeverHoldsData] },
  },
  'massachusetts-service-provider-security': {
    fire: [people('US-MA'), data('financial-account')],
    // Credentials and biometrics are outside Massachusetts' definition of personal information.
    silent: [people('US-MA'), product({ dataCollected: ['credentials', 'biometric'] })],
    exempt: { 'vendor-never-holds-data': [people('US-MA'), data('financial-account'), vendorNeverHoldsData] },
  },
  'ny-breach-notice-to-owner': {
    fire: [people('US-NY'), data('financial-account')],
    silent: [people('US-NJ'), data('financial-account')],
    exempt: { 'vendor-never-holds-data': [people('US-NY'), data('financial-account'), vendorNeverHoldsData] },
  },
  'ny-shield-safeguards': {
    fire: [people('US-NY'), data('financial-account')],
    silent: [people('US-NY'), data()],
    exempt: {
      'compliant-regulated-entity': [people('US-NY'), data('financial-account'), buyer({ statuses: ['glba-financial-institution'] })],
      'vendor-never-holds-data': [people('US-NY'), data('financial-account'), vendorNeverHoldsData],
    },
  },
  'texas-breach-notice-to-owner': {
    fire: [people('US-TX'), data('phi')],
    silent: [people('US-OK'), data('phi')],
    exempt: { 'vendor-never-holds-data': [people('US-TX'), data('phi'), vendorNeverHoldsData] },
  },
  'washington-breach-notice-to-owner': {
    fire: [people('US-WA'), data('cardholder-data')],
    silent: [people('US-OR'), data('cardholder-data')],
    exempt: { 'vendor-never-holds-data': [people('US-WA'), data('cardholder-data'), vendorNeverHoldsData] },
  },
  'new-jersey-breach-notice-to-owner': {
    fire: [people('US-NJ'), data('financial-account')],
    silent: [people('US-PA'), data('financial-account')],
    exempt: { 'vendor-never-holds-data': [people('US-NJ'), data('financial-account'), vendorNeverHoldsData] },
  },
  'new-hampshire-breach-notice-to-owner': {
    fire: [people('US-NH'), data('government-id-numbers')],
    // Health data and logins are outside New Hampshire's definition of personal information.
    silent: [people('US-NH'), product({ dataCollected: ['health', 'credentials'] }), data('phi')],
    exempt: { 'vendor-never-holds-data': [people('US-NH'), data('government-id-numbers'), vendorNeverHoldsData] },
  },
  'california-service-provider-security': {
    fire: [people('US-CA'), data('cardholder-data')],
    silent: [people('US-NV'), data('cardholder-data')],
    exempt: {
      'hipaa-covered-entity': [people('US-CA'), data('cardholder-data'), buyer({ kind: 'healthcare', statuses: ['hipaa-covered-entity'] })],
      'vendor-never-holds-data': [people('US-CA'), data('cardholder-data'), vendorNeverHoldsData],
    },
  },
  'maryland-service-provider-security': {
    fire: [people('US-MD'), data('financial-account')],
    silent: [people('US-VA'), data('financial-account')],
    exempt: { 'vendor-never-holds-data': [people('US-MD'), data('financial-account'), vendorNeverHoldsData] },
  },
  'nevada-contract-security': {
    fire: [people('US-NV'), data('government-id-numbers')],
    // Biometric data is outside Nevada's definition of personal information.
    silent: [people('US-NV'), product({ dataCollected: ['biometric'] }), data('biometric-identifiers')],
    exempt: { 'vendor-never-holds-data': [people('US-NV'), data('government-id-numbers'), vendorNeverHoldsData] },
  },
  'rhode-island-third-party-security': {
    fire: [people('US-RI'), data('phi')],
    silent: [people('US-CT'), data('phi')],
    exempt: { 'vendor-never-holds-data': [people('US-RI'), data('phi'), vendorNeverHoldsData] },
  },
  'colorado-service-provider-security': {
    fire: [people('US-CO'), data('government-id-numbers')],
    // Health data is outside Colorado's personal identifying information.
    silent: [people('US-CO'), product({ dataCollected: ['health'] })],
    exempt: {
      'regulated-entity-own-procedures': [people('US-CO'), data('government-id-numbers'), buyer({ statuses: ['glba-financial-institution'] })],
      'vendor-never-holds-data': [people('US-CO'), data('government-id-numbers'), vendorNeverHoldsData],
    },
  },
  'virginia-cdpa-processor': {
    fire: [people('US-VA')],
    silent: [buyer({ entityType: 'non-profit' }), people('US-VA')],
    exempt: { 'glba-or-hipaa-entity': [buyer({ statuses: ['hipaa-covered-entity'] }), people('US-VA')] },
  },
  'colorado-cpa-processor': {
    fire: [buyer({ entityType: 'non-profit' }), people('US-CO')],
    silent: [buyer({ entityType: 'local-government' }), people('US-CO')],
    exempt: { 'glba-financial-institution': [buyer({ entityType: 'for-profit', statuses: ['glba-financial-institution'] }), people('US-CO')] },
  },
  'connecticut-dpa-processor': {
    fire: [people('US-CT')],
    silent: [people('US-NY')],
    exempt: { 'glba-financial-institution-before-2026-07': [buyer({ statuses: ['glba-financial-institution'] }), on('2026-01-15')] },
  },
  'texas-dpsa-processor': {
    fire: [people('US-TX')],
    silent: [people('US-NM')],
    exempt: {
      'glba-financial-institution': [buyer({ statuses: ['glba-financial-institution'] }), people('US-TX')],
      'hipaa-entity': [buyer({ kind: 'healthcare', entityType: 'for-profit', statuses: ['hipaa-covered-entity'] }), people('US-TX')],
    },
  },
  'oregon-cpa-processor': {
    fire: [buyer({ entityType: 'for-profit' }), people('US-OR')],
    silent: [buyer({ entityType: 'state-agency' }), people('US-OR')],
    exempt: { 'non-profit-before-2025-07': [buyer({ entityType: 'non-profit' }), on('2025-06-30')] },
  },
  'connecticut-electronic-monitoring': {
    fire: [product({ deployment: { installedIn: ['US-CT'] }, dataSubjects: ['employees'], dataCollected: ['video'] })],
    silent: [product({ deployment: { installedIn: ['US-CT'] }, dataSubjects: ['public'], dataCollected: ['video'] })],
  },
  'germany-works-council': {
    fire: [euBuyer, product({ dataSubjects: ['employees'], dataCollected: ['video'] })],
    silent: [euBuyer, product({ dataSubjects: ['employees'], dataCollected: ['environmental'], personalData: { processed: false } })],
    exempt: {
      'public-body': [buyer({ entityType: 'public-body', jurisdiction: 'DE-BY' }), product({ dataSubjects: ['employees'], dataCollected: ['video'] })],
    },
  },
  'canada-pipeda-processor': {
    fire: [buyer({ entityType: 'for-profit', jurisdiction: 'CA-ON' }), people('CA')],
    silent: [buyer({ entityType: 'public-body', jurisdiction: 'CA-ON' }), people('CA')],
  },
  'australia-privacy-act-cross-border': {
    fire: [buyer({ jurisdiction: 'AU' }), people('AU'), located('storage', 'SG')],
    silent: [buyer({ jurisdiction: 'AU' }), people('AU'), located('storage', 'AU')],
  },
  'japan-appi-entrustment': {
    fire: [buyer({ jurisdiction: 'JP' }), people('JP')],
    silent: [buyer({ jurisdiction: 'JP' }), product({ personalData: { processed: false } })],
  },
  'singapore-pdpa-transfer': {
    fire: [buyer({ jurisdiction: 'SG' }), people('SG'), located('processing', 'US')],
    silent: [buyer({ jurisdiction: 'SG' }), people('SG'), located('storage', 'SG')],
  },
  'india-dpdp-processor': { fire: [people('IN')], silent: [people('US-NY')] },
  'china-pipl-entrusted-processing': { fire: [buyer({ jurisdiction: 'CN' }), people('CN')], silent: [buyer({ jurisdiction: 'HK' }), people('HK')] },
  'vendor-remote-access-controls': {
    fire: [product({ vendorRemoteAccess: { enabled: true } })],
    silent: [product({ vendorRemoteAccess: { enabled: false } })],
  },
  'privacy-impact-assessment': {
    fire: [product({ dataCollected: ['video'], deployment: { physical: ['public-space'] } })],
    silent: [product({ dataCollected: ['video'], deployment: { physical: ['data-centre'] } })],
  },
  'audio-off-by-default': { fire: [product({ featuresEnabled: { audio: true } })], silent: [product({ featuresEnabled: { audio: false } })] },
  'internet-facing-testing': { fire: [product({ deployment: { internetFacing: true } })], silent: [product({ deployment: { internetFacing: false } })] },
  'subcontractor-flow-down': { fire: [product({ subprocessors: [{ name: 'Host', service: 'hosting', dataAccess: true }] })], silent: [product({})] },
};

describe('shipped risk rules', async () => {
  const playbook = await defaultPlaybook();
  const findingsOf = (id: string, c: Facts) => evaluateRules(playbook, c).filter((f) => f.ruleId === id);

  it('has a case for every rule and for every exemption of the default playbook', () => {
    expect(Object.keys(cases).sort()).toEqual(playbook.rules.map((r) => r.id).sort());
    for (const rule of playbook.rules) expect(Object.keys(cases[rule.id]!.exempt ?? {}).sort(), rule.id).toEqual(rule.exemptions.map((e) => e.id).sort());
  });

  describe.each(playbook.rules.map((r) => [r.id, r] as const))('%s', (id, rule) => {
    const { fire, silent, exempt } = cases[id]!;

    it('fires where the law applies, citing its source and the facts that brought the contract in', () => {
      const findings = findingsOf(id, deal(...fire));
      expect(findings.length).toBe(rule.requirements.filter((r) => !r.applies || r.applies(deal(...fire))).length);
      expect(findings[0]!.source).toBe(rule.requirements[0]!.source ?? rule.source);
      expect(findings[0]!.triggeredBy.length).toBeGreaterThan(0);
    });

    it('stays silent where it does not', () => {
      expect(findingsOf(id, deal(...silent))).toEqual([]);
      expect(ruleApplicability(playbook, deal(...silent)).find((a) => a.ruleId === id)!.status).toBe('out-of-scope');
    });

    for (const [exemption, facts] of Object.entries(exempt ?? {}))
      it(`stays silent for exemption ${exemption}, and says so`, () => {
        expect(findingsOf(id, deal(...fire, ...facts))).toEqual([]);
        expect(ruleApplicability(playbook, deal(...fire, ...facts)).find((a) => a.ruleId === id)).toMatchObject({
          status: 'exempt',
          exemption: { id: exemption },
        });
      });

    const starts = [...new Set(rule.requirements.map((r) => r.appliesFrom).filter((d): d is string => d !== undefined))];
    for (const start of starts)
      it(`reports obligations starting ${start} as upcoming the day before and enforces them from that day`, () => {
        const due = (date: string) => findingsOf(id, deal(...fire, on(date))).filter((f) => f.appliesFrom === start);
        const before = due(dayBefore(start));
        expect(before.length).toBeGreaterThan(0);
        expect(before.every((f) => f.status === 'upcoming')).toBe(true);
        expect(due(start).every((f) => f.status === 'enforced')).toBe(true);
      });
  });

  describe.each(Object.entries(boundaries))('%s at the boundaries counsel found', (id, scenarios) => {
    it.each(scenarios)('%s', (_scenario, facts, status) => {
      expect(ruleApplicability(playbook, deal(...facts), { rules: new Set([id]) })[0]!.status).toBe(status);
      const found = findingsOf(id, deal(...facts));
      if (status === 'not-in-force' || status === 'upcoming') expect(found.every((f) => f.status === 'upcoming')).toBe(true);
      else if (status !== 'applies') expect(found).toEqual([]);
    });
  });

  it('reads "personal data processed" from one definition in every privacy rule, so the rules cannot drift apart', () => {
    const source = parse(readFileSync(`${repoRoot}playbook.yaml`, 'utf8')) as PlaybookSource;
    const definition = source.riskRules!.find((r) => r.id === 'eu-gdpr-processor-terms')!.scope!.data;
    const text = readFileSync(`${repoRoot}playbook.yaml`, 'utf8');
    expect(text.match(/&personal-data-processed/g)).toHaveLength(1);
    for (const id of ['eu-transfer-mechanism', 'uk-gdpr-processor-terms', 'uk-transfer-mechanism', 'california-ccpa'])
      expect(JSON.stringify(source.riskRules!.find((r) => r.id === id)!.scope!.data), id).toContain(JSON.stringify(definition));
  });

  it('reads the California residents whose information is held from one scope in both California data-security rules', () => {
    const source = parse(readFileSync(`${repoRoot}playbook.yaml`, 'utf8')) as PlaybookSource;
    const where = (id: string) => JSON.stringify(source.riskRules!.find((r) => r.id === id)!.scope!.where);
    expect(readFileSync(`${repoRoot}playbook.yaml`, 'utf8').match(/&california-residents-held/g)).toHaveLength(1);
    expect(where('california-service-provider-security')).toBe(where('california-breach-notice-to-owner'));
  });

  it('reports an upcoming obligation as a warning with its date, not as an error', () => {
    const c = baseContract();
    c.effectiveDate = '2026-06-01';
    delete c.terms.vulnerabilityManagement.exploitedVulnerabilityReportingHours;
    const { diagnostics, summary } = checkContract(asLoaded(c), playbook);
    const d = diagnostics.find((x) => x.code === 'risk/eu-cra-product-security' && x.path.endsWith('exploitedVulnerabilityReportingHours'))!;
    expect(d).toMatchObject({ severity: 'warning', source: 'Reg. (EU) 2024/2847 (CRA) Art. 14' });
    expect(d.message).toContain('applies from 2026-09-11, after the effective date 2026-06-01');
    expect(summary.upcoming).toBeGreaterThan(0);
  });

  it('asks for a transfer impact assessment only where the transfer rests on Art. 46 safeguards, not on the EU-US DPF', () => {
    const c = deal(euBuyer, people('DE'), located('processing', 'US'), terms({ jurisdiction: { crossBorderTransfer: { mechanism: 'eu-us-dpf' } } }));
    expect(findingsOf('eu-transfer-mechanism', c)).toEqual([]);
    c.terms.jurisdiction.crossBorderTransfer.mechanism = 'bcrs';
    expect(findingsOf('eu-transfer-mechanism', c).map((f) => f.pointer)).toEqual(['/terms/jurisdiction/crossBorderTransfer/transferImpactAssessment']);
  });

  it('accepts the EU-US DPF only for transfers to the US, not for storage in India', () => {
    const dpf = terms({ jurisdiction: { crossBorderTransfer: { mechanism: 'eu-us-dpf' } } });
    expect(findingsOf('eu-transfer-mechanism', deal(euBuyer, people('DE'), located('storage', 'US'), dpf))).toEqual([]);
    const india = findingsOf('eu-transfer-mechanism', deal(euBuyer, people('DE'), located('storage', 'IN'), dpf));
    expect(india.map((f) => f.demand)).toEqual(['must be one of sccs-2021-914, adequacy-decision, bcrs']);
  });

  it('cites a law for a recommendation only where that law reaches the deal, and labels the rest as practice', () => {
    const sourceOf = (id: string, ...facts: Facts[]) => findingsOf(id, deal(...facts)).map((f) => f.source);
    const filmsPublic = product({ dataCollected: ['video'], deployment: { physical: ['public-space'] } });
    expect(sourceOf('privacy-impact-assessment', euBuyer, filmsPublic)).toEqual(['GDPR Art. 35']);
    expect(sourceOf('privacy-impact-assessment', gov, filmsPublic)).toEqual(['Merker, Buying IoT Technology (Ice Miller)']);
    const audio = product({ featuresEnabled: { audio: true } });
    expect(sourceOf('audio-off-by-default', buyer({ jurisdiction: 'US-CA' }), audio)).toEqual(['18 U.S.C. 2511; Cal. Penal Code 632; 720 ILCS 5/14-2']);
    expect(sourceOf('audio-off-by-default', euBuyer, audio)).toEqual(['Merker, Buying IoT Technology (Ice Miller)']);
    const patches = findingsOf('medical-device-cybersecurity', deal(product({ regulatedAs: ['us-fda-device'] }))).filter((f) =>
      f.term.startsWith('vulnerabilityManagement.patchDays'),
    );
    expect(patches.map((f) => f.source)).toEqual(['common practice', 'common practice']);
  });

  it.each([
    ['california-breach-notice-to-owner', 'US-CA'],
    ['florida-third-party-agent-notice', 'US-FL'],
    ['illinois-breach-notice-to-owner', 'US-IL'],
    ['massachusetts-service-provider-security', 'US-MA'],
    ['ny-breach-notice-to-owner', 'US-NY'],
    ['ny-shield-safeguards', 'US-NY'],
    ['texas-breach-notice-to-owner', 'US-TX'],
    ['washington-breach-notice-to-owner', 'US-WA'],
    ['new-jersey-breach-notice-to-owner', 'US-NJ'],
    ['new-hampshire-breach-notice-to-owner', 'US-NH'],
    ['california-service-provider-security', 'US-CA'],
    ['maryland-service-provider-security', 'US-MD'],
    ['nevada-contract-security', 'US-NV'],
    ['rhode-island-third-party-security', 'US-RI'],
    ['colorado-service-provider-security', 'US-CO'],
  ])("reads Social Security and driver's licence numbers as personal information for %s (a visitor kiosk scanning IDs in %s)", (id, state) => {
    const kiosk = product({ category: 'access-control', dataCollected: ['personal', 'video'], regulatedData: ['government-id-numbers'] });
    const status = (...facts: Facts[]) => ruleApplicability(playbook, deal(...facts), { rules: new Set([id]) })[0]!.status;
    expect(status(people(state), kiosk)).toBe('applies');
    // The same kiosk that only films visitors holds no personal information under these statutes.
    expect(status(people(state), product({ category: 'access-control', dataCollected: ['personal', 'video'] }))).not.toBe('applies');
  });

  it('treats the legacy UK region as ISO GB and a subdivision as within its country', () => {
    expect(findingsOf('uk-psti', deal(product({ consumerProduct: true, markets: ['UK'] }))).length).toBeGreaterThan(0);
    expect(findingsOf('illinois-biometrics', deal(face, product({ deployment: { installedIn: ['US-IL'] } }), vendor({ roles: ['manufacturer'] }))).length).toBe(
      2,
    );
  });

  it('points a rule diagnostic at the term and names the triggering product field as related', () => {
    const c = baseContract();
    c.terms.jurisdiction.crossBorderTransfer.mechanism = 'not-needed';
    const loaded = asLoaded(c);
    const d = checkContract(loaded, playbook).diagnostics.find((x) => x.code === 'risk/eu-transfer-mechanism')!;
    expect(d).toMatchObject({ severity: 'error', path: '/terms/jurisdiction/crossBorderTransfer/mechanism', fix: 'sccs-2021-914' });
    expect(loaded.text.split('\n')[d.line - 1]).toContain('mechanism: not-needed');
    expect(d.related!.map((r) => r.path)).toEqual(expect.arrayContaining(['/parties/buyer/establishedIn', '/product/dataLocations/processing']));
  });

  it('names a triggering fact that is absent as not given, in the words counsel reads', () => {
    const c = baseContract();
    c.parties.buyer.jurisdiction = 'US-IL';
    c.product.regulatedData = ['government-id-numbers'];
    c.product.personalData = { processed: true };
    delete (c.product.deployment as { installedIn?: unknown }).installedIn;
    c.terms.incidentResponse.notificationHours = 48;
    const d = checkContract(asLoaded(c), playbook).diagnostics.find((x) => x.code === 'risk/illinois-breach-notice-to-owner')!;
    expect(d.related!.map((r) => r.message)).toEqual(
      expect.arrayContaining(['product.deployment.installedIn is not given', 'parties.buyer.jurisdiction is US-IL']),
    );
    expect(d.related!.map((r) => r.message).join('\n')).not.toContain('undefined');
  });

  it('checks numeric limits: a SEC registrant needs notice within 96 hours', () => {
    const c = baseContract();
    c.terms.incidentResponse.notificationHours = 120;
    expect(evaluateRules(playbook, c).map((f) => f.ruleId)).toContain('sec-disclosure-clock');
    c.terms.incidentResponse.notificationHours = 96;
    expect(evaluateRules(playbook, c).map((f) => f.ruleId)).not.toContain('sec-disclosure-clock');
  });
});
