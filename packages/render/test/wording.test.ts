import { describe, expect, it } from 'vitest';
import { readSchemaText } from '@contracts/core';
import { numberToWords, quantity, renderMarkdown, sentence } from '@contracts/render';
import { asRendered, clone, loadContract } from './helpers.js';

describe('wording follows the values', () => {
  it('writes numbers as words followed by figures', () => {
    expect(quantity(24, 'hour')).toBe('twenty-four (24) hours');
    expect(quantity(1, 'day')).toBe('one (1) day');
    expect(numberToWords(180)).toBe('one hundred and eighty');
    expect(numberToWords(2024)).toBe('two thousand and twenty-four');
  });

  it('joins a list into a sentence', () => {
    expect(sentence(['ISO/IEC 27001:2022', 'NIST CSF 2.0', 'SOC 2'])).toBe('ISO/IEC 27001:2022, NIST CSF 2.0 and SOC 2');
    expect(sentence(['A'])).toBe('A');
    expect(sentence(['A', 'B'], 'or')).toBe('A or B');
  });

  it('renders 24 notification hours and a framework list as prose', async () => {
    const contract = clone(await loadContract('nordlicht-building-sensors.yaml'));
    contract.terms.incidentResponse!.notificationHours = 24;
    contract.terms.securityProgram!.frameworks = ['ISO-27001-2022', 'NIST-CSF-2.0', 'SOC2'];
    const md = renderMarkdown(contract);
    expect(md).toContain('in any event within twenty-four (24) hours');
    expect(md).toContain('conform to ISO/IEC 27001:2022, NIST CSF 2.0 and SOC 2,');
  });

  it('cites the law or standard a clause implements', async () => {
    const nordlicht = renderMarkdown(await loadContract('nordlicht-building-sensors.yaml'), asRendered);
    expect(nordlicht).toContain('Article 28(3) of the GDPR');
    for (const point of 'abcdefgh') expect(nordlicht).toContain(`Art. 28(3)(${point})`);
    expect(nordlicht).toContain('GDPR Art. 33');
    expect(nordlicht).toContain('Regulation (EU) 2024/2847');
    expect(nordlicht).toContain(
      'Module Three (transfer processor to processor) of the standard contractual clauses adopted by Commission Implementing Decision (EU) 2021/914',
    );
    const dentist = renderMarkdown(await loadContract('bright-smile-sterilizer.yaml'), asRendered);
    expect(dentist).toContain('45 CFR § 164.504(e)');
    expect(dentist).toContain('45 CFR § 164.314(a)(2)(i)(C)');
    expect(dentist).toContain('45 CFR § 164.410(b)');
    expect(dentist).toContain('NIST SP 800-88 Rev. 2');
    const city = renderMarkdown(await loadContract('springfield-smartcam.yaml'), asRendered);
    expect(city).toContain('720 ILCS 5/14-2');
    expect(city).toContain('2 CFR § 200.216');
  });

  it('makes the SCCs the exporter’s: a vendor in the EEA exports to its Subcontractors outside it, a vendor outside the EEA imports from the Buyer', async () => {
    // A transfer needs an importer in a third country (EDPB Guidelines 05/2021): Nordlicht (Hamburg) receives the
    // buyer's data without one, and sends it on to Northwind (US) under Module Three.
    const annex = (md: string) => md.slice(md.indexOf('Annex B: Standard Contractual Clauses'));
    const nordlicht = await loadContract('nordlicht-building-sensors.yaml');
    const inEea = annex(renderMarkdown(nordlicht, asRendered));
    expect(inEea).toContain('is not a transfer to a third country under Chapter V of the GDPR');
    expect(inEea).toContain('Data exporter: Nordlicht Sensorik GmbH, Am Sandtorkai 50, 20457 Hamburg, processor on behalf of Meridian Logistics Group, Inc.');
    expect(inEea).toContain('Data importer: Northwind Analytics Inc. (the United States, occupancy analytics), sub-processor');
    expect(inEea).toContain('governed by the law of Germany');
    expect(inEea).not.toContain('Module Two');
    expect(inEea).not.toContain('the Vendor the data importer');

    for (const seat of ['US-CA', 'CH']) {
      const outside = clone(nordlicht);
      outside.parties.vendor.jurisdiction = seat;
      const md = annex(renderMarkdown(outside, asRendered));
      expect(md, seat).toContain('Module Two (transfer controller to processor)');
      expect(md, seat).toContain('the Buyer is the data exporter and the Vendor the data importer');
      expect(md, seat).toContain('Data exporter: Meridian Logistics Group, Inc.');
      expect(md, seat).toContain('governed by the law of the Netherlands'); // the buyer's first EU establishment
    }
    // Norway is in the EEA though not in the EU: no transfer to the Vendor; the SCCs' law falls back to the buyer's Member State.
    const oslo = clone(nordlicht);
    oslo.parties.vendor.jurisdiction = 'NO';
    const md = annex(renderMarkdown(oslo, asRendered));
    expect(md).toContain('Module Three (transfer processor to processor)');
    expect(md).toContain('governed by the law of the Netherlands');
  });

  it('names only the laws that apply to the deal', async () => {
    // The city collects no biometrics and is no federal agency: BIPA, the IoT Act, FedRAMP law, CRA and PSTI stay unnamed
    // even though the contract lists the first two; without the playbook, the contract's own list is named.
    const contract = clone(await loadContract('springfield-smartcam.yaml'));
    contract.terms.jurisdiction!.regulations = ['BIPA', 'IoT-Cybersecurity-Improvement-Act'];
    const city = renderMarkdown(contract, asRendered);
    for (const law of ['740 ILCS 14', 'IoT Cybersecurity Improvement Act', 'Cyber Resilience Act', 'PSTI', '1798.91.04', '44 U.S.C.', 'GDPR'])
      expect(city, law).not.toContain(law);
    expect(renderMarkdown(contract)).toContain('the Illinois Biometric Information Privacy Act (740 ILCS 14)');
  });

  it('drops the clause of an absent term and renumbers sections and cross-references', async () => {
    const full = await loadContract('springfield-smartcam.yaml');
    expect(renderMarkdown(full)).toContain('## 7. Incident Response {#incident-response}');
    const contract = clone(full);
    delete contract.terms.securityProgram;
    delete contract.terms.vulnerabilityManagement;
    const md = renderMarkdown(contract);
    expect(md).not.toContain('Information Security Program');
    expect(md).not.toContain('Secure Development');
    expect(md).toContain('## 4. Incident Response {#incident-response}');
    expect(md).toContain('**4.1** **Notice.**');
    // Every "Section N (Title)" reference points at the heading that really has number N.
    const headings = new Map([...md.matchAll(/^## (\d+)\. (.+?) \{#/gm)].map((m) => [m[2], m[1]]));
    const refs = [...md.matchAll(/\[Section (\d+) \((.+?)\)\]\(#/g)];
    expect(refs.length).toBeGreaterThan(5);
    for (const [, number, title] of refs) expect(headings.get(title)).toBe(number);
  });
});

describe('an empty list reads as no list', () => {
  it('drops the words that would introduce it instead of printing "conform to ," or "including ,"', async () => {
    const contract = clone(await loadContract('nordlicht-building-sensors.yaml'));
    contract.product.dataCollected = [];
    contract.product.dataLocations.storage = [];
    contract.product.dataLocations.processing = [];
    contract.terms.securityProgram!.frameworks = [];
    contract.terms.jurisdiction!.dataResidency = [];
    contract.terms.jurisdiction!.regulations = [];
    contract.terms.incidentResponse!.costsCovered = [];
    const md = renderMarkdown(contract);
    expect(md).not.toMatch(/(?:to|in|including|of|with|include) [,.;]|\(\s*\)| ,/);
    expect(md).toContain('- **Data collected:** none.');
    expect(md).toContain('processes for the Buyer, all data derived from it, and every copy of it');
  });
});

describe('every agreed term reaches the agreement', () => {
  it('prints each enumerated safeguard the schema has, and drops it when it is not agreed', async () => {
    const schema = JSON.parse(readSchemaText('vendor-agreement')) as {
      properties: { terms: { properties: { securityProgram: { properties: { safeguards: { properties: Record<string, { type?: string }> } } } } } };
    };
    const safeguards = Object.entries(schema.properties.terms.properties.securityProgram.properties.safeguards.properties)
      .filter(([, spec]) => spec.type === 'boolean')
      .map(([name]) => name);
    expect(safeguards).toContain('softwareIntegrityVerification');
    const base = clone(await loadContract('nordlicht-building-sensors.yaml'));
    for (const name of safeguards) {
      const on = clone(base);
      const off = clone(base);
      (on.terms.securityProgram!.safeguards as Record<string, unknown>)[name] = true;
      (off.terms.securityProgram!.safeguards as Record<string, unknown>)[name] = false;
      expect(renderMarkdown(on, asRendered), `${name}: true changes nothing in the agreement`).not.toBe(renderMarkdown(off, asRendered));
    }
  });

  it('ends a list whose last items were left out with a full stop, not a semicolon', async () => {
    const contract = clone(await loadContract('nordlicht-building-sensors.yaml'));
    delete contract.terms.vulnerabilityManagement!.patchDays!.low;
    const md = renderMarkdown(contract, asRendered);
    expect(md).toMatch(/^- Medium Vulnerabilities: within [^\n]*days\.$/m);
    expect(md).not.toMatch(/^- [^\n]*;\n\n/m);
  });

  it('defines each severity the patch deadlines use, by CVSS score, and no other', async () => {
    const contract = clone(await loadContract('nordlicht-building-sensors.yaml'));
    contract.terms.vulnerabilityManagement!.patchDays = { critical: 7, high: 30 };
    const md = renderMarkdown(contract, asRendered);
    expect(md).toContain(
      'it is **Critical** if it scores 9.0 or higher or appears in the CISA Known Exploited Vulnerabilities catalog (CISA BOD 22-01); **High** if it scores 7.0 to 8.9.',
    );
    expect(md).not.toContain('**Medium**');
    expect(md).toMatch(/^- High Vulnerabilities: within thirty \(30\) days\.$/m);
  });
});
