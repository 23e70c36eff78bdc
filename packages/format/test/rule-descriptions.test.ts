import { contractCodes, draftingCodes, ioCodes, playbookCodes, schemaCodes, yamlCodes } from '@contracts/core';
import { describeRule } from '@contracts/format';
import { describe, expect, it } from 'vitest';
import { describedCodes } from '../src/rule-descriptions.js';

describe('rule descriptions', () => {
  it('describe every released code in full, with help', () => {
    for (const code of [...yamlCodes, ...ioCodes, ...contractCodes, ...schemaCodes, ...playbookCodes, ...draftingCodes]) {
      expect(describedCodes()).toContain(code);
      const d = describeRule(code);
      expect(d.full.length, code).toBeGreaterThan(d.short.length - 10);
      expect(d.help, code).toMatch(/\.$/);
    }
  });

  it("take a risk rule's wording from the playbook that defines it", () => {
    const rules = { 'risk/eu-transfer-mechanism': { description: 'EU personal data leaves the EU: a transfer mechanism is required.', source: 'GDPR Ch. V' } };
    expect(describeRule('risk/eu-transfer-mechanism', rules)).toMatchObject({
      name: 'RiskEuTransferMechanism',
      short: 'Risk rule "eu-transfer-mechanism" is not satisfied.',
      full: 'EU personal data leaves the EU: a transfer mechanism is required.',
    });
    expect(describeRule('risk/unknown').full).toMatch(/product evaluation/);
  });
});
