import { describe, expect, it } from 'vitest';
import { ruleApplicability } from '../src/index.js';
import { defaultPlaybook } from './helpers.js';
import { buyer, deal, product, type Facts } from './law.js';

/**
 * Realistic purchases the rules were not written from, with the laws counsel expects to bind each
 * (`binds`: in force or upcoming at the effective date) and those counsel expects an exemption to
 * take out (`exempt`). The test asserts exact agreement, both ways.
 */
const purchases: { name: string; facts: Facts[]; binds: string[]; exempt?: string[] }[] = [
  {
    name: 'county water utility buying HVAC sensors (telemetry only, vendor maintenance access)',
    facts: [
      buyer({ entityType: 'local-government', kind: 'government', jurisdiction: 'US-OH', sector: 'water' }),
      product({ category: 'hvac', personalData: { processed: false }, vendorRemoteAccess: { enabled: true }, markets: ['US'], connectivity: ['ethernet'] }),
    ],
    binds: ['us-government-data-residency', 'vendor-remote-access-controls'],
  },
  {
    name: 'German hospital buying networked patient monitors (MDR devices, US support desk)',
    facts: [
      buyer({ entityType: 'for-profit', kind: 'healthcare', jurisdiction: 'DE-BE', statuses: ['nis2-important-entity'] }),
      product({
        category: 'medical-device',
        regulatedAs: ['eu-mdr-medical-device'],
        markets: ['EU'],
        connectivity: ['wifi'],
        dataCollected: ['health', 'personal'],
        dataSubjects: ['patients', 'employees'],
        personalData: { processed: true, subjectsLocatedIn: ['DE'] },
        vendorRemoteAccess: { enabled: true },
        dataLocations: { storage: ['DE'], supportAccess: ['DE', 'US'] },
      }),
    ],
    binds: [
      'eu-gdpr-processor-terms',
      'eu-transfer-mechanism',
      'eu-data-act-connected-product',
      'nis2-supply-chain',
      'germany-works-council',
      'vendor-remote-access-controls',
    ],
    exempt: ['eu-cra-product-security', 'eu-red-cybersecurity'],
  },
  {
    name: 'Chicago bank buying lobby cameras with face matching',
    facts: [
      buyer({ entityType: 'for-profit', kind: 'financial', jurisdiction: 'US-IL', statuses: ['glba-financial-institution'] }),
      product({
        category: 'camera',
        markets: ['US'],
        dataCollected: ['video', 'biometric'],
        dataSubjects: ['customers', 'employees'],
        featuresEnabled: { facialRecognition: true },
        regulatedData: ['biometric-identifiers'],
        deployment: { physical: ['bank-branch'], installedIn: ['US-IL'] },
        personalData: { processed: true, subjectsLocatedIn: ['US-IL'] },
      }),
    ],
    // The bank's vendor holds face templates of Illinois customers: PIPA's biometric data (from 2017); PIPA has no GLBA exemption for the
    // maintainer's notice (the GLBA deemed compliance recalled for 530/45 is for the data-security section: not verified).
    binds: ['privacy-impact-assessment', 'fcc-covered-list', 'illinois-breach-notice-to-owner'],
    exempt: ['illinois-biometrics'],
  },
  {
    name: 'California school district buying pupil tablets with a cloud learning service',
    facts: [
      buyer({
        entityType: 'local-government',
        kind: 'education',
        sector: 'education',
        jurisdiction: 'US-CA',
        statuses: ['ferpa-educational-agency', 'coppa-school'],
      }),
      product({
        category: 'other',
        markets: ['US'],
        connectivity: ['wifi'],
        featuresEnabled: { cloudSync: true },
        regulatedData: ['student-education-records', 'children-under-13'],
        dataSubjects: ['children'],
        personalData: { processed: true, subjectsLocatedIn: ['US-CA'] },
        deployment: { installedIn: ['US-CA'], physical: ['classroom'] },
      }),
    ],
    binds: ['us-government-data-residency', 'coppa-school-authorised', 'ferpa-school-official', 'california-connected-device-security'],
  },
  {
    name: 'defence contractor buying car-park occupancy sensors (no CDI, cloud dashboard)',
    facts: [
      buyer({ entityType: 'for-profit', kind: 'defence-contractor', jurisdiction: 'US-VA', statuses: ['dod-contractor', 'federal-contractor'] }),
      product({
        category: 'building-sensor',
        markets: ['US'],
        regulatedData: [],
        personalData: { processed: false },
        deployment: { network: 'cloud-only', internetFacing: true, physical: ['car-park'] },
      }),
    ],
    binds: ['ndaa-889-contractor-use', 'internet-facing-testing'],
  },
  {
    name: 'EU-established retailer buying in-store cameras that see shoppers',
    facts: [
      buyer({ entityType: 'for-profit', kind: 'company', jurisdiction: 'FR', establishedIn: ['ES'] }),
      product({
        category: 'camera',
        markets: ['EU'],
        connectivity: ['ethernet'],
        dataCollected: ['video'],
        dataSubjects: ['customers', 'employees'],
        personalData: { processed: true, subjectsLocatedIn: ['FR', 'ES'] },
        deployment: { physical: ['retail-store'] },
        dataLocations: { storage: ['EU'], processing: ['EU'], backups: ['EU'], supportAccess: ['EU'] },
      }),
    ],
    binds: ['eu-gdpr-processor-terms', 'eu-cra-product-security', 'eu-data-act-connected-product', 'privacy-impact-assessment'],
  },
  {
    name: 'UK retailer buying consumer smart plugs to resell (app data in the US, support in India)',
    facts: [
      buyer({ entityType: 'for-profit', kind: 'company', jurisdiction: 'GB-ENG' }),
      product({
        category: 'other',
        consumerProduct: true,
        markets: ['GB'],
        connectivity: ['wifi'],
        personalData: { processed: true, subjectsLocatedIn: ['GB'] },
        dataLocations: { storage: ['IE'], processing: ['US'], supportAccess: ['IN'] },
      }),
    ],
    binds: ['uk-psti', 'uk-gdpr-processor-terms', 'uk-transfer-mechanism'],
  },
  {
    name: 'Dutch hospital buying infusion pumps placed on the EU market',
    facts: [
      buyer({ entityType: 'non-profit', kind: 'healthcare', jurisdiction: 'NL', statuses: ['nis2-essential-entity'] }),
      product({
        category: 'medical-device',
        regulatedAs: ['eu-mdr-medical-device'],
        markets: ['EU'],
        connectivity: ['wifi'],
        dataSubjects: ['patients'],
        personalData: { processed: true, subjectsLocatedIn: ['NL'] },
        vendorRemoteAccess: { enabled: true },
        dataLocations: { storage: ['NL'], supportAccess: ['NL'] },
      }),
    ],
    binds: ['eu-gdpr-processor-terms', 'eu-data-act-connected-product', 'nis2-supply-chain', 'vendor-remote-access-controls'],
    exempt: ['eu-cra-product-security', 'eu-red-cybersecurity'],
  },
  {
    name: 'federal agency buying consumer-grade cloud cameras',
    facts: [
      buyer({ entityType: 'federal-agency', kind: 'government', jurisdiction: 'US-DC' }),
      product({
        category: 'camera',
        consumerProduct: true,
        markets: ['US'],
        featuresEnabled: { cloudSync: true },
        dataCollected: ['video'],
        personalData: { processed: true, subjectsLocatedIn: ['US-DC'] },
      }),
    ],
    binds: [
      'us-government-data-residency',
      'us-federal-fips-crypto',
      'us-federal-iot-baseline',
      'us-federal-fedramp',
      'us-federal-cyber-trust-mark',
      'ndaa-889-federal-procurement',
      'fcc-covered-list',
    ],
  },
  {
    name: 'German manufacturer buying machine controllers that send telemetry to the US',
    facts: [
      buyer({ entityType: 'for-profit', kind: 'company', jurisdiction: 'DE' }),
      product({
        category: 'industrial-controller',
        markets: ['EU'],
        connectivity: ['ethernet'],
        personalData: { processed: false },
        dataLocations: { storage: ['US'], processing: ['US'] },
      }),
    ],
    binds: ['eu-cra-product-security', 'eu-data-act-connected-product'],
  },
  {
    name: 'California non-profit museum buying visitor-counting cameras',
    facts: [
      buyer({ entityType: 'non-profit', kind: 'nonprofit', jurisdiction: 'US-CA' }),
      product({
        category: 'camera',
        // IP cameras: SB-327 reaches devices with an IP or Bluetooth address.
        connectivity: ['ethernet'],
        markets: ['US'],
        dataCollected: ['video'],
        dataSubjects: ['public'],
        personalData: { processed: true, subjectsLocatedIn: ['US-CA'] },
        deployment: { physical: ['public-space'], installedIn: ['US-CA'] },
      }),
    ],
    binds: ['california-connected-device-security', 'privacy-impact-assessment', 'fcc-covered-list'],
  },
  {
    name: 'Florida hotel group buying cloud-managed door locks with guest app logins',
    facts: [
      buyer({ entityType: 'for-profit', kind: 'company', jurisdiction: 'US-FL' }),
      product({
        category: 'access-control',
        markets: ['US'],
        connectivity: ['bluetooth', 'wifi'],
        featuresEnabled: { cloudSync: true },
        dataCollected: ['credentials', 'personal'],
        dataSubjects: ['customers', 'employees'],
        personalData: { processed: true },
        deployment: { network: 'cloud-only', internetFacing: true, physical: ['residential'], installedIn: ['US-FL'] },
        vendorRemoteAccess: { enabled: true },
      }),
    ],
    // Logins are Florida personal information (501.171(1)(g)1.b); the vendor's cloud makes it a third-party agent.
    binds: ['florida-third-party-agent-notice', 'fcc-covered-list', 'vendor-remote-access-controls', 'internet-facing-testing'],
  },
  {
    name: 'Massachusetts retailer buying payment terminals with a cloud back office (stores in MA and NH)',
    facts: [
      buyer({ entityType: 'for-profit', kind: 'company', jurisdiction: 'US-MA' }),
      product({
        category: 'other',
        markets: ['US'],
        connectivity: ['ethernet'],
        featuresEnabled: { cloudSync: true },
        dataCollected: ['personal'],
        regulatedData: ['cardholder-data'],
        dataSubjects: ['customers'],
        personalData: { processed: true, subjectsLocatedIn: ['US-MA', 'US-NH'] },
        deployment: { network: 'segmented-vlan', internetFacing: false, physical: ['retail-store'], installedIn: ['US-MA', 'US-NH'] },
        vendorRemoteAccess: { enabled: false },
      }),
    ],
    // New Hampshire shoppers' card numbers held in the vendor's cloud bring in the maintainer's notice of RSA 359-C:20(I)(c).
    binds: ['massachusetts-service-provider-security', 'new-hampshire-breach-notice-to-owner'],
  },
  {
    name: 'New York clinic (HIPAA covered entity) buying cloud-connected patient scales',
    facts: [
      buyer({ entityType: 'for-profit', kind: 'healthcare', jurisdiction: 'US-NY', statuses: ['hipaa-covered-entity'] }),
      product({
        category: 'other',
        markets: ['US'],
        connectivity: ['wifi'],
        featuresEnabled: { cloudSync: true },
        dataCollected: ['health', 'personal'],
        regulatedData: ['phi'],
        dataSubjects: ['patients'],
        personalData: { processed: true, subjectsLocatedIn: ['US-NY'] },
        deployment: { network: 'segmented-vlan', internetFacing: false, physical: ['clinic'], installedIn: ['US-NY'] },
        vendorRemoteAccess: { enabled: true },
      }),
    ],
    // Medical information is New York private information from 2025-03-21; a HIPAA-compliant covered entity is deemed to meet 899-bb.
    binds: ['hipaa-business-associate', 'ny-breach-notice-to-owner', 'vendor-remote-access-controls'],
    exempt: ['ny-shield-safeguards'],
  },
  {
    name: "Rhode Island city buying cloud parking-permit kiosks that scan driver's licences and take card payments",
    facts: [
      buyer({ entityType: 'local-government', kind: 'government', jurisdiction: 'US-RI' }),
      product({
        category: 'other',
        markets: ['US'],
        connectivity: ['cellular'],
        featuresEnabled: { cloudSync: true },
        dataCollected: ['personal', 'video'],
        regulatedData: ['government-id-numbers', 'cardholder-data'],
        dataSubjects: ['public'],
        personalData: { processed: true, subjectsLocatedIn: ['US-RI', 'US-MA'] },
        deployment: { network: 'cellular', internetFacing: true, physical: ['public-space'], installedIn: ['US-RI'] },
        vendorRemoteAccess: { enabled: false },
      }),
    ],
    // A municipal agency is bound by 11-49.3-2(b); Massachusetts commuters bring in 201 CMR 17.03(2)(f), whose "person" leaves out only
    // the Commonwealth's own agencies and subdivisions (see that rule's counselReview).
    binds: [
      'rhode-island-third-party-security',
      'massachusetts-service-provider-security',
      'us-government-data-residency',
      'privacy-impact-assessment',
      'internet-facing-testing',
      'fcc-covered-list',
    ],
  },
  {
    name: "Colorado county buying cloud-managed door controllers that keep employees' PIN codes",
    facts: [
      buyer({ entityType: 'local-government', kind: 'government', jurisdiction: 'US-CO' }),
      product({
        category: 'access-control',
        markets: ['US'],
        connectivity: ['ethernet'],
        featuresEnabled: { cloudSync: true },
        dataCollected: ['personal', 'credentials'],
        dataSubjects: ['employees'],
        personalData: { processed: true, subjectsLocatedIn: ['US-CO'] },
        deployment: { network: 'segmented-vlan', internetFacing: false, physical: ['office'], installedIn: ['US-CO'] },
        vendorRemoteAccess: { enabled: false },
      }),
    ],
    // A governmental entity must require its service provider's security (C.R.S. 24-73-102); a PIN is personal identifying information with
    // no name. The Colorado Privacy Act does not reach a county, nor employees. Access-control hardware must exclude FCC Covered List gear.
    binds: ['colorado-service-provider-security', 'us-government-data-residency', 'fcc-covered-list'],
  },
  {
    name: 'US company with a Dutch office buying badge-presence sensors (subjects not tagged as EU residents)',
    facts: [
      buyer({ entityType: 'for-profit', kind: 'company', jurisdiction: 'US-NY', establishedIn: ['NL'] }),
      product({ category: 'building-sensor', dataSubjects: ['employees'], personalData: { processed: true }, dataLocations: { storage: ['NL'] } }),
    ],
    binds: ['eu-gdpr-processor-terms'],
  },
];

describe('a corpus of purchases, reviewed as counsel would', async () => {
  const playbook = await defaultPlaybook();
  it.each(purchases.map((p) => [p.name, p] as const))('%s', (_name, p) => {
    const standing = ruleApplicability(playbook, deal(...p.facts));
    expect(
      standing
        .filter((s) => s.status === 'applies' || s.status === 'upcoming')
        .map((s) => s.ruleId)
        .sort(),
    ).toEqual([...p.binds].sort());
    expect(
      standing
        .filter((s) => s.status === 'exempt')
        .map((s) => s.ruleId)
        .sort(),
    ).toEqual([...(p.exempt ?? [])].sort());
  });
});
