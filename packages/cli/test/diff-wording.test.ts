import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUYER, commitFile, makeRepo, SPRINGFIELD, tag, VENDOR, type TestRepo } from './git-fixture.js';
import { runCli } from './run-cli.js';

/**
 * The counterparty's own wording (`negotiatedWording`, as `contracts import` writes it) across four
 * rounds in a real git repository: round-2 adds wording to two regions, a comment-only entry and a
 * restatement import could not read; round-3 changes one region's text (and, listed in another order,
 * must still be matched by key), relabels a row and adds a row after it, withdraws the other, adds a
 * comment and moves a term its wording restates; round-4 moves that term again (its restatement already
 * out of step, so not listed again).
 */
const FILE = 'contracts/springfield-smartcam.yaml';
const AUDIT_COSTS =
  'Costs. The Buyer bears the costs of an audit, unless it reveals a material breach by the Vendor, in which case the Vendor shall reimburse the Buyer’s reasonable audit costs, and in every other case the Buyer shall bear them.';
const SUSPEND = 'The Vendor may suspend remote support while undisputed invoices are more than ninety (90) days overdue.';

const round2 = `negotiatedWording:
  - clause: audit/costs
    text: "${AUDIT_COSTS}"
    proposedBy: Marcus Lee (Acme Cameras)
    proposedAt: 2024-03-08T10:00:00Z
    tracked: true
    round: 1
  - clause: termination/termination-for-breach
    text: "${SUSPEND}"
    proposedBy: Marcus Lee (Acme Cameras)
    proposedAt: 2024-03-08T10:00:00Z
    tracked: false
    round: 1
  - clause: incidentResponse/notice
    round: 1
    comments:
      - author: Marcus Lee (Acme Cameras)
        date: 2024-03-08T10:05:00Z
        text: Our SOC cannot commit to less than 72 hours.
  - paragraph: cover-page/Cyber insurance
    text: USD 3,000,000 per claim (Section 14)
    proposedBy: Marcus Lee (Acme Cameras)
    proposedAt: 2024-03-08T10:00:00Z
    tracked: true
    restates:
      - term: terms.incidentResponse.cyberInsurance.perClaimUsd
        said: USD 3,000,000
    round: 1
  - paragraph: cover-page/Breach notice
    text: forty-eight (48) hours
    proposedBy: Marcus Lee (Acme Cameras)
    proposedAt: 2024-03-08T10:00:00Z
    tracked: true
    restates:
      - term: terms.incidentResponse.notificationHours
        said: forty-eight (48) hours
        value: 48
    round: 1
`;

const round3 = `negotiatedWording:
  - paragraph: cover-page/Breach notice
    text: forty-eight (48) hours
    proposedBy: Marcus Lee (Acme Cameras)
    proposedAt: 2024-03-08T10:00:00Z
    tracked: true
    restates:
      - term: terms.incidentResponse.notificationHours
        said: forty-eight (48) hours
        value: 48
    round: 1
  - paragraph: cover-page/Data return
    label: Data return and deletion
    rowsAfter:
      - label: Deletion certificate
        text: signed by an officer of the Vendor within ten (10) days after deletion
    proposedBy: Bea Buyer
    proposedAt: 2024-03-15T10:00:00Z
    tracked: true
    round: 2
  - clause: incidentResponse/notice
    round: 1
    comments:
      - author: Marcus Lee (Acme Cameras)
        date: 2024-03-08T10:05:00Z
        text: Our SOC cannot commit to less than 72 hours.
      - author: Bea Buyer
        date: 2024-03-15T10:05:00Z
        text: 48 hours is our floor.
  - clause: audit/costs
    text: "Costs. The Vendor bears the costs of an audit."
    proposedBy: Bea Buyer
    proposedAt: 2024-03-15T10:00:00Z
    tracked: true
    round: 2
  - paragraph: cover-page/Cyber insurance
    text: USD 3,000,000 per claim (Section 14)
    proposedBy: Marcus Lee (Acme Cameras)
    proposedAt: 2024-03-08T10:00:00Z
    tracked: true
    restates:
      - term: terms.incidentResponse.cyberInsurance.perClaimUsd
        said: USD 3,000,000
    round: 1
`;

describe('contracts diff, rounds and history with the counterparty’s negotiated wording', () => {
  let repo: TestRepo;
  const cli = (args: string[]) => runCli(args, { cwd: repo.dir, env: repo.env });
  beforeAll(() => {
    repo = makeRepo();
    const original = readFileSync(SPRINGFIELD, 'utf8');
    const versions = [
      { text: original.replace('notificationHours: 48', 'notificationHours: 24'), author: BUYER },
      { text: `${original}${round2}`, author: VENDOR },
      { text: `${original.replace('notificationHours: 48', 'notificationHours: 24')}${round3}`, author: BUYER },
      { text: `${original.replace('notificationHours: 48', 'notificationHours: 36')}${round3}`, author: VENDOR },
    ];
    versions.forEach((v, i) => {
      commitFile(repo, FILE, v.text, { message: `Round ${i + 1}`, author: v.author, date: `2024-03-0${i + 1}T10:00:00Z` });
      tag(repo, `springfield-smartcam/round-${i + 1}`, { message: `Round ${i + 1}`, date: `2024-03-0${i + 1}T11:00:00Z` });
    });
  });
  afterAll(() => repo.cleanup());

  it('lists the wording added after the positions, with who proposed it, what it replaced, the comments and the restated term not read', async () => {
    const r = await cli(['diff', FILE, '--from', 'round-1', '--to', 'round-2']);
    expect(r).toMatchObject({ exitCode: 0, stderr: '' });
    expect(r.stdout).toContain(
      `${FILE}: round-1 → round-2  1 position moved: 0 toward the buyer, 1 toward the vendor; negotiated wording 4 added; 1 comment added; 1 restated term out of step.`,
    );
    const wording = r.stdout.slice(r.stdout.indexOf('Negotiated wording outside the playbook'));
    expect(wording.split('\n').slice(0, 5)).toEqual([
      'Negotiated wording outside the playbook: counsel to review',
      '  + clause audit/costs  Marcus Lee (Acme Cameras), 2024-03-08 10:00Z',
      `      ${AUDIT_COSTS.slice(0, 159)}…`,
      "      replaces the template's wording",
      '  + clause termination/termination-for-breach  Marcus Lee (Acme Cameras), 2024-03-08 10:00Z, untracked edit',
    ]);
    expect(r.stdout.indexOf('Positions')).toBeLessThan(r.stdout.indexOf('Negotiated wording'));
    expect(r.stdout).toContain(
      'Comments added\n  clause incidentResponse/notice  Marcus Lee (Acme Cameras), 2024-03-08 10:05Z: Our SOC cannot commit to less than 72 hours.',
    );
    expect(r.stdout).toContain(
      '  ! terms.incidentResponse.cyberInsurance.perClaimUsd: paragraph cover-page/Cyber insurance says "USD 3,000,000", not read: the term is rated at 5000000; counsel to settle',
    );
  });

  it('matches regions by key: a changed text shows what it replaced, a relabelled row its rows, a withdrawn one the template restored', async () => {
    const r = await cli(['diff', FILE, '--from', 'round-2', '--to', 'round-3']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('negotiated wording 1 added, 1 changed, 1 withdrawn; 1 comment added; 1 restated term out of step.');
    // The unchanged Breach-notice and Cyber-insurance entries, listed in another order, are no change.
    expect(r.stdout).not.toMatch(/[+~−] paragraph cover-page\/(Cyber insurance|Breach notice)/);
    expect(r.stdout).toContain(
      `  ~ clause audit/costs  Bea Buyer, 2024-03-15 10:00Z\n      Costs. The Vendor bears the costs of an audit.\n      replaces: ${AUDIT_COSTS.slice(0, 159)}…`,
    );
    expect(r.stdout).toContain(
      '  − clause termination/termination-for-breach  Marcus Lee (Acme Cameras), 2024-03-08 10:00Z, untracked edit\n' +
        `      ${SUSPEND}\n      withdrawn: the template's wording stands again`,
    );
    expect(r.stdout).toContain(
      '  + paragraph cover-page/Data return  Bea Buyer, 2024-03-15 10:00Z\n      label "Data return and deletion"\n      + row "Deletion certificate": signed by an officer of the Vendor within ten (10) days after deletion',
    );
    expect(r.stdout).toContain('Comments added\n  clause incidentResponse/notice  Bea Buyer, 2024-03-15 10:05Z: 48 hours is our floor.\n');
    // The Breach-notice wording still says 48 while the term moved to 24: out of step now, not before.
    expect(r.stdout).toContain(
      '  ! terms.incidentResponse.notificationHours: paragraph cover-page/Breach notice says "forty-eight (48) hours" (48), but the term is now 24',
    );
    expect(r.stdout).not.toContain('! terms.incidentResponse.cyberInsurance.perClaimUsd');
  });

  it('gives JSON a wording key: changes with before and after by region key, comments added, restatements out of step, and counts', async () => {
    const r = await cli(['diff', FILE, '--from', 'round-2', '--to', 'round-3', '--format', 'json']);
    expect(r.exitCode).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['file', 'from', 'to', 'positions', 'product', 'requirements', 'summary', 'wording']);
    expect(json.wording.summary).toEqual({ added: 1, changed: 1, withdrawn: 1, comments: 1, restatements: 1 });
    expect(json.wording.changes).toContainEqual({
      region: 'clause:audit/costs',
      kind: 'clause',
      key: 'audit/costs',
      change: 'changed',
      before: { text: AUDIT_COSTS, proposedBy: 'Marcus Lee (Acme Cameras)', proposedAt: '2024-03-08T10:00:00Z', tracked: true },
      after: { text: 'Costs. The Vendor bears the costs of an audit.', proposedBy: 'Bea Buyer', proposedAt: '2024-03-15T10:00:00Z', tracked: true },
    });
    expect(json.wording.changes).toContainEqual(
      expect.objectContaining({
        region: 'clause:termination/termination-for-breach',
        change: 'withdrawn',
        after: null,
        before: expect.objectContaining({ text: SUSPEND, tracked: false }),
      }),
    );
    expect(json.wording.changes).toContainEqual(
      expect.objectContaining({
        region: 'paragraph:cover-page/Data return',
        change: 'added',
        before: null,
        rowsAdded: [{ label: 'Deletion certificate', text: 'signed by an officer of the Vendor within ten (10) days after deletion' }],
        labelChanged: { from: null, to: 'Data return and deletion' },
      }),
    );
    expect(json.wording.comments).toEqual([
      {
        region: 'clause:incidentResponse/notice',
        kind: 'clause',
        key: 'incidentResponse/notice',
        author: 'Bea Buyer',
        date: '2024-03-15T10:05:00Z',
        text: '48 hours is our floor.',
      },
    ]);
    expect(json.wording.restatements).toEqual([
      {
        region: 'paragraph:cover-page/Breach notice',
        kind: 'paragraph',
        key: 'cover-page/Breach notice',
        term: 'terms.incidentResponse.notificationHours',
        said: 'forty-eight (48) hours',
        read: 48,
        current: 24,
        problem: 'contradicted',
      },
    ]);
  });

  it('prints the whole text in Markdown, escaped, with what it replaced', async () => {
    const r = await cli(['diff', FILE, '--from', 'round-2', '--to', 'round-3', '--format', 'markdown']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('#### Negotiated wording outside the playbook: counsel to review (3)');
    expect(r.stdout).toContain('- changed: **clause audit/costs** — Bea Buyer, 2024-03-15 10:00Z: Costs. The Vendor bears the costs of an audit.\n');
    expect(r.stdout).toContain(`  - replaces: ${AUDIT_COSTS}`);
    expect(r.stdout).toContain("  - withdrawn: the template's wording stands again");
    expect(r.stdout).toContain('#### Comments added (1)\n\n- **clause incidentResponse/notice** — Bea Buyer, 2024-03-15 10:05Z: 48 hours is our floor.');
    expect(r.stdout).toContain('#### Restated terms out of step with their value: counsel to settle (1)');
  });

  it('says nothing of wording between versions whose wording is the same', async () => {
    const r = await cli(['diff', FILE, '--from', 'round-3', '--to', 'round-4', '--format', 'json']);
    const json = JSON.parse(r.stdout);
    expect(json.wording).toEqual({
      changes: [],
      comments: [],
      restatements: [],
      summary: { added: 0, changed: 0, withdrawn: 0, comments: 0, restatements: 0 },
    });
    const text = await cli(['diff', FILE, '--from', 'round-3', '--to', 'round-4']);
    expect(text.stdout).toMatch(/round-3 → round-4 {2}1 position moved: 0 toward the buyer, 1 toward the vendor\.\n/);
    expect(text.stdout).not.toContain('Negotiated wording');
  });

  it('counts wording changes and comments per round beside the moves, in text and JSON', async () => {
    const text = await cli(['rounds', FILE]);
    expect(text.exitCode).toBe(0);
    const cells = text.stdout
      .trim()
      .split('\n')
      .slice(2)
      .map((l) => l.match(/(—|\d+ moved[^R]*?)\s+Round \d$/)![1]!.trim());
    expect(cells).toEqual(['—', '1 moved, 4 wording, 1 comment', '1 moved, 3 wording, 1 comment', '1 moved']);
    const json = JSON.parse((await cli(['rounds', FILE, '--format', 'json'])).stdout);
    expect(json.rounds.map((r: { moved: number | null; wording: number | null; comments: number | null }) => [r.moved, r.wording, r.comments])).toEqual([
      [null, null, null],
      [1, 4, 1],
      [1, 3, 1],
      [1, 0, 0],
    ]);
  });

  it('lists the wording changes of each version in history, and none when the history is of one term', async () => {
    const r = await cli(['history', FILE]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('  clause audit/costs: negotiated wording changed (Bea Buyer)');
    expect(r.stdout).toContain('  clause termination/termination-for-breach: negotiated wording withdrawn (Marcus Lee (Acme Cameras))');
    expect(r.stdout).toContain('  clause incidentResponse/notice: comment by Bea Buyer');
    const md = await cli(['history', FILE, '--format', 'markdown']);
    expect(md.stdout).toMatch(/\| clause audit\/costs \| negotiated wording changed \(Bea Buyer\) \| counsel to review \|/);
    const one = await cli(['history', FILE, '--term', 'incidentResponse.notificationHours']);
    expect(one.stdout).not.toContain('negotiated wording');
  });
});
