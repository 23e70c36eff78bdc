import { describe, expect, it } from 'vitest';
import { evaluateRules, withRequiredTerms } from '../src/index.js';
import { baseContract, defaultPlaybook } from './helpers.js';

describe('withRequiredTerms', () => {
  it('sets what the binding rules require, leaves the contract it was given alone, and meets every requirement it can', async () => {
    const playbook = await defaultPlaybook();
    const contract = baseContract('springfield-smartcam');
    delete contract.terms.remoteAccess.mfa;
    contract.terms.incidentResponse.notificationHours = 240;
    const before = evaluateRules(playbook, contract).map((f) => f.term);
    expect(before).toEqual(expect.arrayContaining(['remoteAccess.mfa']));

    const { contract: completed, set } = withRequiredTerms(playbook, contract);
    expect(contract.terms.remoteAccess.mfa).toBeUndefined();
    expect(completed.terms.remoteAccess.mfa).toBe(true);
    expect(set).toContainEqual({ term: 'remoteAccess.mfa', value: true, ruleId: 'vendor-remote-access-controls' });
    // The playbook's preferred value where it meets the rule, not merely the rule's bound.
    const after = evaluateRules(playbook, completed);
    expect(after.map((f) => `${f.term} ${f.demand}`)).toEqual([]);
    for (const term of set.map((s) => s.term)) expect(before).toContain(term);
  });

  it('adds a list’s missing members and keeps the ones it has', async () => {
    const playbook = await defaultPlaybook();
    const rule = playbook.rules.flatMap((r) => r.requirements).find((r) => r.demand.startsWith('must include ') && !r.demand.includes('one of'));
    expect(rule?.satisfy).toBeDefined();
    const need = rule!.demand.replace('must include ', '').split(', ');
    expect(rule!.satisfy!(['kept'])).toEqual(['kept', ...need]);
    expect(rule!.test(rule!.satisfy!(['kept']))).toBe(true);
  });
});
