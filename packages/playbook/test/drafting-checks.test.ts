import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clauseContext, draftingChecks, loadPlaybookText } from '../src/index.js';
import { asLoaded, baseContract, defaultPlaybook, repoRoot } from './helpers.js';

const playbook = await defaultPlaybook();
const drafting = (contract: Record<string, any>) => draftingChecks(asLoaded(contract), playbook);

describe('data-level drafting checks (every contracts check)', () => {
  it('reports a data-breach super-cap below the cyber insurance the vendor must carry, at the multiple, with the multiple that fixes it', () => {
    // Springfield as first reviewed: 3 × USD 420,000 = USD 1.26M against USD 5M insurance (the bundled file now has 12).
    const reviewed = baseContract('springfield-smartcam');
    reviewed.terms.liability.superCapMultipleOfFees = 3;
    const found = drafting(reviewed).filter((d) => d.code === 'drafting/cap-below-insurance');
    expect(found).toMatchObject([
      {
        severity: 'warning',
        path: '/terms/liability/superCapMultipleOfFees',
        message: expect.stringContaining('3 × USD 420,000 = USD 1,260,000, below the USD 5,000,000 per-claim cyber insurance'),
        fix: 'superCapMultipleOfFees: 12 (USD 5,040,000)',
        related: [{ path: '/terms/incidentResponse/cyberInsurance/perClaimUsd' }],
      },
    ]);
  });

  it('stays silent when the cap covers the insurance, the cap is uncapped, or no insurance is required', () => {
    const met = baseContract('springfield-smartcam');
    met.terms.liability.superCapMultipleOfFees = 12;
    const uncapped = baseContract('springfield-smartcam');
    uncapped.terms.liability.dataBreachCap = 'uncapped';
    const uninsured = baseContract('springfield-smartcam');
    uninsured.terms.incidentResponse.cyberInsurance.required = false;
    for (const c of [met, uncapped, uninsured]) expect(drafting(c).filter((d) => d.code.startsWith('drafting/cap'))).toEqual([]);
  });

  it('reports a general cap that data breaches share when it is below the insurance', () => {
    const found = drafting(baseContract('bright-smile-sterilizer')).filter((d) => d.code === 'drafting/cap-below-insurance');
    expect(found).toMatchObject([{ path: '/terms/liability/dataBreachCap', message: expect.stringContaining('1 × USD 36,000 = USD 36,000') }]);
  });

  it('reports a governing law that names only the United States or Canada, with the source and the fix, and not a state, a province or a unitary country', () => {
    const at = (law: string, venue?: string) => {
      const c = baseContract('springfield-smartcam');
      c.terms.jurisdiction.governingLaw = law;
      if (venue === undefined) delete c.terms.jurisdiction.venue;
      else c.terms.jurisdiction.venue = venue;
      return drafting(c).filter((d) => d.code === 'drafting/country-only-law');
    };
    expect(at('US')).toMatchObject([
      {
        severity: 'warning',
        path: '/terms/jurisdiction/governingLaw',
        message: expect.stringContaining('"the laws of the United States" and "the courts of the United States" name no law'),
        source: 'Erie R. Co. v. Tompkins, 304 U.S. 64 (1938)',
        fix: 'name the state: US-NY, US-DE, US-IL',
      },
    ]);
    expect(at('US', 'state and federal courts in Sangamon County, Illinois')[0]!.message).not.toContain('courts of');
    expect(at('CA')).toMatchObject([{ source: 'Constitution Act, 1867, s. 92(13)', fix: expect.stringContaining('CA-ON') }]);
    for (const law of ['US-IL', 'CA-ON', 'DE', 'GB-ENG', 'FR']) expect(at(law), law).toEqual([]);
  });

  it('reports a US party said to be organised under the laws of the United States, but not a federal agency, a state or another country', () => {
    const at = (side: 'buyer' | 'vendor', jurisdiction: string, entityType?: string) => {
      const c = baseContract('springfield-smartcam');
      c.parties[side].jurisdiction = jurisdiction;
      if (entityType) (c.parties.buyer as { entityType?: string }).entityType = entityType;
      return drafting(c).filter((d) => d.code === 'drafting/country-only-organisation');
    };
    expect(at('vendor', 'US')).toMatchObject([
      {
        severity: 'warning',
        path: '/parties/vendor/jurisdiction',
        message: expect.stringContaining('the cover page says the Vendor is "organised under the laws of the United States"'),
        source: 'Cort v. Ash, 422 U.S. 66, 84 (1975)',
        fix: 'name the state the Vendor is organised in: US-DE, US-NY, US-CA',
      },
    ]);
    expect(at('buyer', 'US')).toMatchObject([{ path: '/parties/buyer/jurisdiction' }]);
    expect(at('buyer', 'US', 'federal-agency')).toEqual([]);
    for (const j of ['US-DE', 'CA', 'DE', 'GB']) expect(at('vendor', j), j).toEqual([]);
  });

  it('reports incident terms with no security contact to notify, at the buyer, and stays silent once one is named', () => {
    const none = baseContract('springfield-smartcam');
    delete none.parties.buyer.notices;
    expect(drafting(none).filter((d) => d.code === 'drafting/no-incident-contact')).toMatchObject([
      {
        severity: 'warning',
        path: '/parties/buyer',
        message: expect.stringContaining('so the 48-hour clock has no channel'),
        related: [{ path: '/terms/incidentResponse' }],
      },
    ]);
    const phoneOnly = baseContract('springfield-smartcam');
    phoneOnly.parties.buyer.notices = { securityPhone: '+1 217 555 0142' };
    const noTerms = baseContract('springfield-smartcam');
    delete noTerms.parties.buyer.notices;
    delete noTerms.terms.incidentResponse;
    for (const c of [baseContract('springfield-smartcam'), phoneOnly, noTerms])
      expect(drafting(c).filter((d) => d.code === 'drafting/no-incident-contact')).toEqual([]);
  });

  it('reports a super-cap with no amount at all', () => {
    const c = baseContract('springfield-smartcam');
    delete c.terms.liability.superCapMultipleOfFees;
    c.terms.incidentResponse.cyberInsurance.required = false;
    expect(drafting(c).map((d) => d.code)).toContain('drafting/cap-without-amount');
  });

  it('reports each regulation the contract names that no rule binds, with the reason, and not those that bind', () => {
    // Springfield as first reviewed named BIPA (government is exempt) and the IoT Act (it binds federal agencies).
    const reviewed = baseContract('springfield-smartcam');
    reviewed.terms.jurisdiction.regulations = ['BIPA', 'IoT-Cybersecurity-Improvement-Act'];
    const city = drafting(reviewed).filter((d) => d.code === 'drafting/law-not-applicable');
    expect(city.map((d) => [d.path, d.message.split(' (')[1]?.split(')')[0]])).toEqual([
      ['/terms/jurisdiction/regulations/0', 'illinois-biometrics: out of scope'],
      ['/terms/jurisdiction/regulations/1', 'us-federal-iot-baseline: out of scope'],
    ]);
    expect(drafting(baseContract('nordlicht-building-sensors')).filter((d) => d.code === 'drafting/law-not-applicable')).toEqual([]);
    // A biometric camera for a bank: in BIPA's scope, but exempt (740 ILCS 14/25(c)).
    const bank = baseContract('springfield-smartcam');
    Object.assign(bank.parties.buyer, { kind: 'financial', entityType: 'for-profit', statuses: ['glba-financial-institution'] });
    bank.product.featuresEnabled.facialRecognition = true;
    bank.terms.jurisdiction.regulations = ['BIPA'];
    const [bipa] = drafting(bank).filter((d) => d.code === 'drafting/law-not-applicable');
    expect(bipa!.message).toMatch(/illinois-biometrics: exempt \(A financial institution/);
  });
});

describe('clauseContext: what the clause library needs to name only the laws that apply', () => {
  it('lists the rules that bind the deal and the listed regulations that bind nothing', () => {
    const city = clauseContext(playbook, baseContract('springfield-smartcam'));
    expect(Object.keys(city.applicable)).toEqual(expect.arrayContaining(['fcc-covered-list', 'federal-grant-covered-equipment', 'audio-off-by-default']));
    expect(city.applicable['illinois-biometrics']).toBeUndefined();
    expect(city.notApplicable['BIPA']).toMatchObject({ rules: ['illinois-biometrics'] });
    const eu = clauseContext(playbook, baseContract('nordlicht-building-sensors'));
    expect(eu.applicable['eu-gdpr-processor-terms']).toMatchObject({ status: 'applies', source: 'GDPR Art. 3; GDPR Art. 28(3)' });
    expect(eu.notApplicable['GDPR']).toBeUndefined();
  });

  it('reports an upcoming obligation with the date it binds', () => {
    const early = baseContract('nordlicht-building-sensors');
    early.effectiveDate = '2026-01-15';
    expect(clauseContext(playbook, early).applicable['eu-cra-product-security']).toMatchObject({ status: 'upcoming', from: '2026-09-11' });
  });

  it('is refused by the playbook loader when a law names a rule the playbook lacks', async () => {
    const text = readFileSync(`${repoRoot}playbook.yaml`, 'utf8').replace('  BIPA: [illinois-biometrics]', '  BIPA: [illinois-biometric]');
    const { playbook: broken, diagnostics } = await loadPlaybookText(text);
    expect(broken).toBeUndefined();
    expect(diagnostics.map((d) => d.message)).toContain('laws.BIPA names rule illinois-biometric, which the playbook does not have');
  });
});
