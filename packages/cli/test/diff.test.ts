import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitFile, makeRepo, shallowClone, springfieldDrafts, springfieldNegotiation, tag, writeFile, type TestRepo } from './git-fixture.js';
import { runCli } from './run-cli.js';

const noStack = (r: { stdout: string; stderr: string }) => expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .*:\d+/);

describe('contracts diff on a three-round negotiation', () => {
  let repo: TestRepo;
  let file: string;
  const cli = (args: string[]) => runCli(args, { cwd: repo.dir, env: repo.env });
  beforeAll(() => ({ repo, file } = springfieldNegotiation({ tagRounds: true })));
  afterAll(() => repo.cleanup());

  it('shows each moved position with who gained and the tiers, following the rename', async () => {
    const r = await cli(['diff', file, '--from', 'round-1', '--to', 'round-2']);
    expect(r).toMatchObject({ exitCode: 0, stderr: '' });
    expect(r.stdout).toContain(`${file}: round-1 → round-2  5 positions moved: 5 toward the buyer, 0 toward the vendor; 2 left walk-away.`);
    expect(r.stdout).toMatch(/Vendor breach notice to buyer\s+168 → 24 hours\s+buyer\s+walk-away → preferred\s+left walk-away/);
    expect(r.stdout).toMatch(/Who bears remediation costs\s+shared → vendor\s+buyer\s+fallback → preferred/);
    expect(r.stdout).toMatch(/Breach costs covered\s+\+legal-defence \+notification \+credit-monitoring\s+buyer\s+walk-away → fallback\s+left walk-away/);
    expect(r.stdout).toMatch(/On-site audit right\s+false → true\s+buyer\s+fallback → preferred/);
  });

  it('shows the vendor gains of the compromise and the requirements a product change adds', async () => {
    const r = await cli(['diff', file, '--from', 'round-2', '--to', 'round-3']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/Vendor breach notice to buyer\s+24 → 48 hours\s+vendor\s+preferred → fallback/);
    expect(r.stdout).toContain('product.dataSubjects  +eu-residents');
    expect(r.stdout).toMatch(/\+ now required .*jurisdiction\.regulations.*must include GDPR \[eu-gdpr-processor-terms\] — NOT met/);
  });

  it('prints parseable JSON with refs, commits and the summary', async () => {
    const r = await cli(['diff', file, '--from', 'round-1', '--to', 'round-3', '--format', 'json']);
    expect(r.exitCode).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ file, from: { ref: 'round-1' }, to: { ref: 'round-3' }, summary: { walkAwayLeft: 2 } });
    expect(json.from.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(json.positions).toContainEqual(
      expect.objectContaining({
        path: 'incidentResponse.notificationHours',
        from: 168,
        to: 48,
        gained: 'buyer',
        tierFrom: 'walk-away',
        tierTo: 'fallback',
        walkAway: 'left',
      }),
    );
    expect(json.requirements).toContainEqual(expect.objectContaining({ change: 'added', ruleId: 'eu-gdpr-processor-terms', term: 'jurisdiction.regulations' }));
  });

  it('renders the pull-request comment table in markdown and diffs against the working tree by default', async () => {
    writeFile(repo, file, springfieldDrafts().vendorDraft);
    const r = await cli(['diff', file, '--from', 'round-3', '--format', 'markdown']);
    repo.git('checkout', '--', file);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('round-3 → working tree');
    expect(r.stdout).toContain('| Term | Before | After | Gained | Tier | |');
    expect(r.stdout).toContain('| Vendor breach notice to buyer | 48 hours | 168 hours | 🔴 vendor | fallback → walk-away | **entered walk-away** |');
  });

  it('reports no moves between identical versions', async () => {
    const r = await cli(['diff', file, '--from', 'HEAD']);
    expect(r).toMatchObject({ exitCode: 0 });
    expect(r.stdout).toContain('No positions moved.');
  });
});

describe('contracts diff with bad input', () => {
  let repo: TestRepo;
  const cli = (args: string[], cwd = repo.dir) => runCli(args, { cwd, env: repo.env });
  beforeAll(() => {
    repo = makeRepo();
    const d = springfieldDrafts();
    commitFile(repo, 'other.yaml', 'x: 1\n', { message: 'before the contract', date: '2024-02-01T10:00:00Z' });
    tag(repo, 'before-contract');
    commitFile(repo, 'contract.yaml', Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00]), { message: 'binary', date: '2024-02-02T10:00:00Z' });
    tag(repo, 'binary');
    commitFile(repo, 'contract.yaml', 'id: springfield-smartcam\nterms: [unclosed\n', { message: 'broken', date: '2024-02-03T10:00:00Z' });
    tag(repo, 'springfield-smartcam/round-1', { message: 'broken round' });
    commitFile(repo, 'contract.yaml', d.vendorDraft, { message: 'draft', date: '2024-02-04T10:00:00Z' });
    tag(repo, 'springfield-smartcam/round-2', { message: 'draft round' });
    commitFile(repo, 'contract.yaml', d.buyerCounter, { message: 'counter', date: '2024-02-05T10:00:00Z' });
  });
  afterAll(() => repo.cleanup());

  it('rejects an unknown ref with one line and exit 2', async () => {
    const r = await cli(['diff', 'contract.yaml', '--from', 'no-such-branch']);
    expect(r).toMatchObject({ exitCode: 2, stdout: '' });
    expect(r.stderr).toBe('contracts: Unknown git ref "no-such-branch": no such commit in this repository. [git/bad-ref]\n');
  });

  it('never passes a ref shaped like an option to git', async () => {
    for (const from of ['--upload-pack=touch pwned', '-c core.pager=touch pwned', '--output=pwned']) {
      const r = await cli(['diff', 'contract.yaml', `--from=${from}`]);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toMatch(/^contracts: Invalid git ref .*starts with "-"/);
      noStack(r);
    }
    const separate = await cli(['diff', 'contract.yaml', '--from', '-c', 'x']);
    expect(separate.exitCode).toBe(2);
    noStack(separate);
    expect(existsSync(join(repo.dir, 'pwned'))).toBe(false);
  });

  it('says the file did not exist at that ref', async () => {
    const r = await cli(['diff', 'contract.yaml', '--from', 'before-contract']);
    expect(r).toMatchObject({ exitCode: 2 });
    expect(r.stderr).toMatch(/^contracts: contract\.yaml does not exist at before-contract \([0-9a-f]{12}\)\. \[[a-z]+\/[a-z-]+\]\n$/);
  });

  it('refuses a binary file at a ref', async () => {
    const r = await cli(['diff', 'contract.yaml', '--from', 'binary']);
    expect(r).toMatchObject({ exitCode: 2 });
    expect(r.stderr).toContain('contract.yaml at binary');
    expect(r.stderr).toContain('is a binary file');
  });

  it('prints the diagnostics of invalid YAML at a ref under file@ref, exit 1', async () => {
    const r = await cli(['diff', 'contract.yaml', '--from', 'round-1']);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('contract.yaml@round-1');
    noStack(r);
    const json = await cli(['diff', 'contract.yaml', '--from', 'round-1', '--format', 'json']);
    expect(json.exitCode).toBe(1);
    expect(JSON.stringify(JSON.parse(json.stdout))).toContain('contract.yaml@round-1');
  });

  it('fails clearly outside a git repository', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'contracts-not-git-'));
    writeFileSync(join(dir, 'contract.yaml'), springfieldDrafts().vendorDraft);
    // The ceiling stops git from finding a repository above the temp dir.
    const r = await runCli(['diff', 'contract.yaml', '--from', 'HEAD'], { cwd: dir, env: { ...repo.env, GIT_CEILING_DIRECTORIES: tmpdir() } });
    rmSync(dir, { recursive: true, force: true });
    expect(r).toMatchObject({ exitCode: 2 });
    expect(r.stderr).toMatch(/^contracts: Not inside a git repository/);
  });

  it('explains that a shallow clone lacks the history a ref needs', async () => {
    const shallow = shallowClone(repo, 1);
    const r = await runCli(['diff', 'contract.yaml', '--from', 'HEAD~2'], { cwd: shallow.dir, env: repo.env });
    shallow.cleanup();
    expect(r).toMatchObject({ exitCode: 2 });
    expect(r.stderr).toMatch(/^contracts: .*shallow/i);
  });

  it('requires --from', async () => {
    const r = await cli(['diff', 'contract.yaml']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe(
      'contracts: --from is required (the version to compare with: a git ref or round-<n>); see contracts diff --help [usage/missing-flag]\n',
    );
  });
});
