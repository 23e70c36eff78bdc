import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUYER, commitFile, edit, makeRepo, springfieldDrafts, tag, VENDOR, type TestRepo } from '../../cli/test/git-fixture.js';
import { repoRoot } from '../../cli/test/run-cli.js';

/**
 * A real git repository holding the three bundled agreements mid-negotiation, every round an annotated
 * tag: Springfield's three rounds (the vendor's draft, the buyer's counter, the compromise), Nordlicht's
 * two, Bright Smile's one. After its round 3, Springfield's vendor sent a Word markup, imported and
 * committed but not yet a round: wording of their own (`SPRINGFIELD_WORDING`). Authors, taggers and
 * dates are fixed, so SHAs are the same on every run.
 */
export function portfolioRepo(): TestRepo {
  const repo = makeRepo('contracts-report-');
  const bundled = (name: string) => readFileSync(join(repoRoot, 'contracts', name), 'utf8');
  const round = (id: string, n: number, date: string, message: string) => tag(repo, `${id}/round-${n}`, { message, date });

  const s = springfieldDrafts();
  const springfield = 'contracts/springfield-smartcam.yaml';
  commitFile(repo, springfield, s.vendorDraft, { message: "Vendor's first draft", author: VENDOR, date: '2026-03-02T10:00:00Z' });
  round('springfield-smartcam', 1, '2026-03-02T11:00:00Z', "Round 1: vendor's first draft");

  const nordlicht = 'contracts/nordlicht-building-sensors.yaml';
  const nordlichtText = bundled('nordlicht-building-sensors.yaml');
  const nordlichtDraft = edit(nordlichtText, [
    ['notificationHours: 24', 'notificationHours: 72'],
    ['perClaimUsd: 10000000', 'perClaimUsd: 2000000'],
  ]);
  commitFile(repo, nordlicht, nordlichtDraft, { message: 'Nordlicht draft', author: VENDOR, date: '2026-03-05T10:00:00Z' });
  round('nordlicht-building-sensors', 1, '2026-03-05T11:00:00Z', 'Round 1: Nordlicht draft');

  commitFile(repo, springfield, s.buyerCounter, { message: "Buyer's counter-proposal", author: BUYER, date: '2026-03-09T10:00:00Z' });
  round('springfield-smartcam', 2, '2026-03-09T11:00:00Z', "Round 2: buyer's counter");

  const brightSmile = 'contracts/bright-smile-sterilizer.yaml';
  commitFile(repo, brightSmile, bundled('bright-smile-sterilizer.yaml'), { message: 'Bright Smile draft', author: VENDOR, date: '2026-03-12T10:00:00Z' });
  round('bright-smile-sterilizer', 1, '2026-03-12T11:00:00Z', 'Round 1: Bright Smile draft');

  commitFile(repo, springfield, s.compromise, { message: 'Compromise on notice and remediation', author: VENDOR, date: '2026-03-16T10:00:00Z' });
  round('springfield-smartcam', 3, '2026-03-16T11:00:00Z', 'Round 3: compromise');

  // The counter settles on a three-year support period: short of what the CRA demands from 2027-12-11,
  // an obligation that starts after the effective date (an upcoming deadline).
  const counter = edit(nordlichtText, [['supportPeriodYears: 5', 'supportPeriodYears: 3']]);
  commitFile(repo, nordlicht, counter, { message: "Buyer's counter", author: BUYER, date: '2026-03-20T10:00:00Z' });
  round('nordlicht-building-sensors', 2, '2026-03-20T11:00:00Z', "Round 2: buyer's counter");

  commitFile(repo, springfield, `${s.compromise}${SPRINGFIELD_WORDING}`, {
    message: "Import Acme's markup of round 3",
    author: VENDOR,
    date: '2026-03-25T10:00:00Z',
  });
  return repo;
}

/**
 * What `contracts import` keeps of the vendor's markup as negotiated wording: a cover-page row restating
 * the per-claim insurance in their words, which the import could not read (the term stays USD 5,000,000);
 * a relabelled row with a row added, restating the data-return days as 60 while the term says 30; a
 * clause rewritten by an untracked edit, with a comment and its reply; and a question on a clause whose
 * wording stands.
 */
export const SPRINGFIELD_WORDING = `negotiatedWording:
  - paragraph: cover-page/Cyber insurance
    text: USD 2,000,000 per claim, USD 10,000,000 aggregate
    proposedBy: Vic Vendor
    proposedAt: 2026-03-24T09:30:00Z
    tracked: true
    round: 3
    restates:
      - term: terms.incidentResponse.cyberInsurance.perClaimUsd
        said: USD 2,000,000
  - paragraph: cover-page/Data return
    label: Return of data
    rowsAfter:
      - label: Data retention
        text: backups kept for one year after the Agreement ends
    proposedBy: Vic Vendor
    proposedAt: 2026-03-24T09:30:00Z
    tracked: true
    round: 3
    restates:
      - term: terms.termination.dataReturnDays
        said: sixty (60) days
        value: 60
  - clause: audit/costs
    text: |-
      Costs. The Buyer bears the costs of every audit.

      The Vendor bears its own costs of cooperating.
    proposedBy: Vic Vendor
    proposedAt: 2026-03-24T09:31:00Z
    tracked: false
    round: 3
    comments:
      - author: Vic Vendor
        date: 2026-03-24T09:32:00Z
        text: Audits are expensive for us.
        on: reasonable audit costs
        replies:
          - author: Bea Buyer
            date: 2026-03-25T08:00:00Z
            text: Only if they find no material breach.
  - clause: incidentResponse/notice
    round: 3
    comments:
      - author: Vic Vendor
        date: 2026-03-24T09:33:00Z
        text: Our SOC cannot commit to less than 72 hours.
`;

/** The report date the tests use: 2026-04-01T00:00:00Z. */
export const REPORT_EPOCH = '1775001600';
