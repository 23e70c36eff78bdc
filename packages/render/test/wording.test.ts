import { describe, expect, it } from 'vitest';
import { numberToWords, quantity, renderMarkdown, sentence } from '@contracts/render';
import { clone, loadContract } from './helpers.js';

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
    const nordlicht = renderMarkdown(await loadContract('nordlicht-building-sensors.yaml'));
    expect(nordlicht).toContain('GDPR Art. 28(3)');
    expect(nordlicht).toContain('GDPR Art. 33');
    expect(nordlicht).toContain('Regulation (EU) 2024/2847');
    const dentist = renderMarkdown(await loadContract('bright-smile-sterilizer.yaml'));
    expect(dentist).toContain('45 C.F.R. § 164.504(e)');
    expect(dentist).toContain('NIST SP 800-88');
    const city = renderMarkdown(await loadContract('springfield-smartcam.yaml'));
    expect(city).toContain('740 ILCS 14');
  });

  it('drops the clause of an absent term and renumbers sections and cross-references', async () => {
    const full = await loadContract('springfield-smartcam.yaml');
    expect(renderMarkdown(full)).toContain('## 5. Incident Response {#incident-response}');
    const contract = clone(full);
    delete contract.terms.securityProgram;
    delete contract.terms.vulnerabilityManagement;
    const md = renderMarkdown(contract);
    expect(md).not.toContain('Information Security Program');
    expect(md).not.toContain('Secure Development');
    expect(md).toContain('## 2. Incident Response {#incident-response}');
    expect(md).toContain('**2.1** **Notice.**');
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
    expect(md).toContain('processes for the Buyer, and every copy of it');
  });
});
