import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitFile, makeRepo, shallowClone, springfieldDrafts, springfieldNegotiation, type TestRepo } from './git-fixture.js';
import { runCli } from './run-cli.js';

describe('contracts history on a three-round negotiation', () => {
  let repo: TestRepo;
  let file: string;
  let commits: string[];
  const cli = (args: string[]) => runCli(args, { cwd: repo.dir, env: repo.env });
  beforeAll(() => ({ repo, file, commits } = springfieldNegotiation({ tagRounds: true })));
  afterAll(() => repo.cleanup());

  it('shows each move of one term with author, date, round and who gained, across the rename', async () => {
    const r = await cli(['history', file, '--term', 'incidentResponse.notificationHours']);
    expect(r).toMatchObject({ exitCode: 0, stderr: '' });
    const lines = r.stdout
      .trim()
      .split('\n')
      .filter((l) => l !== '');
    expect(lines).toEqual([
      `${file} — incidentResponse.notificationHours: 3 changes`,
      `${commits[0]!.slice(0, 10)} 2024-03-01 Vic Vendor [round-1]  Vendor's first draft`,
      '  Vendor breach notice to buyer: (added) 168 hours  neutral (entered walk-away)',
      `${commits[1]!.slice(0, 10)} 2024-03-08 Bea Buyer [round-2]  Buyer's counter-proposal`,
      '  Vendor breach notice to buyer: 168 → 24 hours  buyer (left walk-away)',
      `${commits[3]!.slice(0, 10)} 2024-03-15 Vic Vendor [round-3]  Compromise on notice and remediation`,
      '  Vendor breach notice to buyer: 24 → 48 hours  vendor',
    ]);
  });

  it('lists every commit, including the rename, in JSON with the path the file had', async () => {
    const r = await cli(['history', file, '--format', 'json']);
    expect(r.exitCode).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.steps.map((s: { commit: string }) => s.commit)).toEqual(commits);
    expect(json.steps.map((s: { path: string }) => s.path)).toEqual(['contracts/springfield-smartcam.yaml', 'contracts/springfield-smartcam.yaml', file, file]);
    expect(json.steps[2].changes).toEqual([]); // the rename moved no position
    expect(json.steps[1]).toMatchObject({ authorName: 'Bea Buyer', authorEmail: 'bea@springfield.example', rounds: ['springfield-smartcam/round-2'] });
    expect(json.steps[1].changes).toContainEqual(expect.objectContaining({ path: 'audit.onSite', from: false, to: true, gained: 'buyer' }));
  });

  it('renders a markdown table, one row per move', async () => {
    const r = await cli(['history', file, '--term', 'incidentResponse.notificationHours', '--format', 'markdown']);
    expect(r.stdout).toContain(
      `| \`${commits[1]!.slice(0, 10)}\` | 2024-03-08 | Bea Buyer | round-2 | Vendor breach notice to buyer | 168 → 24 hours | buyer (left walk-away) |`,
    );
  });

  it('rejects a term that is neither in the playbook nor in the file', async () => {
    const r = await cli(['history', file, '--term', 'incidentResponse.notificationHourz']);
    expect(r).toMatchObject({ exitCode: 2 });
    expect(r.stderr).toMatch(/^contracts: Unknown term "incidentResponse.notificationHourz"/);
  });

  it('explains that a shallow clone cuts the history (exit 2)', async () => {
    const shallow = shallowClone(repo, 1);
    const r = await runCli(['history', file], { cwd: shallow.dir, env: repo.env });
    shallow.cleanup();
    expect(r).toMatchObject({ exitCode: 2, stdout: '' });
    expect(r.stderr).toMatch(/^contracts: .*shallow/i);
  });
});

describe('contracts history with unreadable versions', () => {
  let repo: TestRepo;
  beforeAll(() => {
    repo = makeRepo();
    const d = springfieldDrafts();
    commitFile(repo, 'contract.yaml', d.vendorDraft, { message: 'draft', date: '2024-02-01T10:00:00Z' });
    commitFile(repo, 'contract.yaml', 'id: springfield-smartcam\nterms: [unclosed\n', { message: 'oops', date: '2024-02-02T10:00:00Z' });
    commitFile(repo, 'contract.yaml', Buffer.from([0, 1, 2, 0]), { message: 'binary', date: '2024-02-03T10:00:00Z' });
    commitFile(repo, 'contract.yaml', d.buyerCounter, { message: 'fixed', date: '2024-02-04T10:00:00Z' });
  });
  afterAll(() => repo.cleanup());

  it('marks broken versions and compares the next good one with the last good one', async () => {
    const r = await runCli(['history', 'contract.yaml', '--format', 'json'], { cwd: repo.dir, env: repo.env });
    expect(r.exitCode).toBe(0);
    const steps = JSON.parse(r.stdout).steps;
    expect(steps[1].problem).toMatch(/YAML error/);
    expect(steps[2].problem).toBe('binary content');
    expect(steps[3].changes).toContainEqual(expect.objectContaining({ path: 'incidentResponse.notificationHours', from: 168, to: 24 }));
  });

  it('fails clearly for a file git has never seen', async () => {
    const r = await runCli(['history', 'missing.yaml'], { cwd: repo.dir, env: repo.env });
    expect(r).toMatchObject({ exitCode: 2 });
    expect(r.stderr).toMatch(/^contracts: Cannot read missing\.yaml: no such file/);
  });
});
