import { describe, expect, it } from 'vitest';
import { checkContract } from '../src/index.js';
import { asLoaded, baseContract, defaultPlaybook } from './helpers.js';

describe('negotiated wording in check', () => {
  it('is a warning for counsel to review, at the entry, naming the clause and who proposed it', async () => {
    const contract = baseContract();
    contract.negotiatedWording = [
      { clause: 'audit/costs', text: 'Costs. Each party bears its own costs.', proposedBy: 'Marcus Lee', proposedAt: '2026-05-18T10:00:00Z', tracked: false },
      { paragraph: 'cover-page/Data return', comments: [{ author: 'Marcus Lee', text: 'Why thirty days?' }] },
    ];
    const { diagnostics } = checkContract(asLoaded(contract), await defaultPlaybook());
    const found = diagnostics.filter((d) => d.path.startsWith('/negotiatedWording'));
    expect(found).toMatchObject([
      {
        code: 'playbook/negotiated-wording',
        severity: 'warning',
        path: '/negotiatedWording/0',
        message: expect.stringMatching(
          /^negotiated wording outside the playbook: counsel to review \(clause audit\/costs, proposed by Marcus Lee, 2026-05-18, an untracked edit/,
        ),
      },
      {
        code: 'playbook/negotiation-comment',
        severity: 'warning',
        path: '/negotiatedWording/1',
        message: 'a counterparty comment on paragraph cover-page/Data return to answer (the template wording stands): Marcus Lee: "Why thirty days?"',
      },
    ]);
    expect(found[0]!.line).toBeGreaterThan(1);
  });

  it("says what the counterparty's comments say, shortened, so counsel answers them from the check", async () => {
    const contract = baseContract();
    const long = 'Our insurer will not cover more than five million dollars for any one claim, whatever the contract says about the cap.';
    contract.negotiatedWording = [
      {
        clause: 'audit/costs',
        text: 'Costs. Each party bears its own costs.',
        comments: [{ author: 'Marcus Lee', text: long }, { text: 'Second thought.' }, { author: 'A', text: 'x' }, { author: 'B', text: 'y' }],
      },
    ];
    const { diagnostics } = checkContract(asLoaded(contract), await defaultPlaybook());
    const [d] = diagnostics.filter((x) => x.path === '/negotiatedWording/0');
    expect(d!.message).toBe(
      `negotiated wording outside the playbook: counsel to review (clause audit/costs: "Costs. Each party bears its own costs."; 4 comments: Marcus Lee: "${long.slice(0, 79)}…"; "Second thought."; A: "x", and 1 more)`,
    );
  });

  it('says a row kept with its value emptied empties the value, and an emptied paragraph or clause deletes it', async () => {
    const contract = baseContract();
    contract.negotiatedWording = [
      { paragraph: 'cover-page/Data return', text: '', label: 'Data return' },
      { paragraph: 'cover-page/Governing law', text: '' },
      { clause: 'audit/costs', text: '' },
    ];
    const { diagnostics } = checkContract(asLoaded(contract), await defaultPlaybook());
    expect(diagnostics.filter((d) => d.path.startsWith('/negotiatedWording')).map((d) => d.message.replace(/^.*: (?=[^:]*\)$)/, ''))).toEqual([
      'labels the row "Data return"; empties the row\'s value)',
      'deletes the paragraph)',
      'deletes the clause)',
    ]);
  });

  it("is a warning for a row's label and the rows added after it, even where the row's value is the template's", async () => {
    const contract = baseContract();
    contract.negotiatedWording = [
      { paragraph: 'cover-page/Data return', label: 'Data return and deletion', proposedBy: 'Marcus Lee', tracked: true },
      { paragraph: 'cover-page/Governing law', rowsAfter: [{ label: 'Venue', text: 'Springfield' }], tracked: true },
    ];
    const { diagnostics } = checkContract(asLoaded(contract), await defaultPlaybook());
    expect(diagnostics.filter((d) => d.path.startsWith('/negotiatedWording')).map((d) => [d.code, d.severity, d.message])).toEqual([
      [
        'playbook/negotiated-wording',
        'warning',
        'negotiated wording outside the playbook: counsel to review (paragraph cover-page/Data return, proposed by Marcus Lee: labels the row "Data return and deletion")',
      ],
      [
        'playbook/negotiated-wording',
        'warning',
        'negotiated wording outside the playbook: counsel to review (paragraph cover-page/Governing law: adds 1 row after it)',
      ],
    ]);
  });

  it('is an error where wording restates a term it could not be read from, or no longer matches it', async () => {
    const contract = baseContract();
    const hours = contract.terms.incidentResponse?.notificationHours;
    contract.negotiatedWording = [
      {
        clause: 'incidentResponse/notice',
        text: 'Notice. Within ninety-six (96) hours.',
        restates: [{ term: 'terms.incidentResponse.notificationHours', said: 'ninety-six (96) hours' }],
      },
      {
        paragraph: 'cover-page/Incident notice',
        text: 'within 96 hours',
        restates: [{ term: 'terms.incidentResponse.notificationHours', said: '96 hours', value: 96 }],
      },
      {
        paragraph: 'cover-page/Data return',
        text: 'within 30 days',
        restates: [{ term: 'terms.incidentResponse.notificationHours', said: 'x', value: hours! }],
      },
    ];
    const { diagnostics } = checkContract(asLoaded(contract), await defaultPlaybook());
    const found = diagnostics.filter((d) => d.code === 'playbook/restated-term');
    expect(found).toMatchObject([
      {
        severity: 'error',
        path: '/negotiatedWording/0/restates/0',
        message: `clause incidentResponse/notice restates terms.incidentResponse.notificationHours as "ninety-six (96) hours", which contracts import could not read: the term is rated at ${hours}, which the wording contradicts; counsel to settle it`,
      },
      { severity: 'error', path: '/negotiatedWording/1/restates/0', message: expect.stringContaining(`(96), but the term is now ${hours}`) },
    ]);
  });

  it('is an error worded for a fact where wording changes the parties or the product, until counsel confirms or rejects it', async () => {
    const contract = baseContract();
    const jurisdiction = contract.parties.buyer.jurisdiction;
    contract.negotiatedWording = [
      {
        paragraph: 'cover-page/Buyer',
        text: 'Buyer Ltd, organised under the laws of the State of Delaware',
        restates: [{ term: 'parties.buyer.jurisdiction', said: 'the State of Delaware', value: 'US-DE' }],
      },
      { paragraph: 'cover-page/Product', text: 'Acme', restates: [{ term: 'product.name', said: 'Acme', value: contract.product.name }] },
    ];
    const { diagnostics } = checkContract(asLoaded(contract), await defaultPlaybook());
    expect(diagnostics.filter((d) => d.code === 'playbook/restated-term')).toMatchObject([
      {
        severity: 'error',
        path: '/negotiatedWording/0/restates/0',
        message: `paragraph cover-page/Buyer says parties.buyer.jurisdiction is "the State of Delaware" (US-DE), but the contract's fact is ${jurisdiction}: the counterparty changed a fact, and the parties and the product decide which laws apply, so it was not applied; counsel to confirm: accept (set parties.buyer.jurisdiction to US-DE and remove the wording) or reject (remove the wording)`,
      },
    ]);
  });

  it('is silent without any', async () => {
    const { diagnostics } = checkContract(asLoaded(baseContract()), await defaultPlaybook());
    expect(diagnostics.some((d) => d.code.startsWith('playbook/negotiat'))).toBe(false);
  });
});
