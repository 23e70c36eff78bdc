import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUYER, commitFile, makeRepo, renameFile, springfieldDrafts, VENDOR, writeFile, type TestRepo } from './git-fixture.js';
import { runCli } from './run-cli.js';

describe('contracts round / rounds', () => {
  let repo: TestRepo;
  const first = 'contracts/springfield-smartcam.yaml';
  const file = 'contracts/springfield/smartcam.yaml';
  const cli = (args: string[], date = '2024-03-20T09:00:00Z') =>
    runCli(args, { cwd: repo.dir, env: { ...repo.env, GIT_COMMITTER_DATE: date, GIT_COMMITTER_NAME: 'Nick Negotiator' } });

  beforeAll(() => {
    repo = makeRepo();
  });
  afterAll(() => repo.cleanup());

  it('tags each round on the commit that last changed the file, numbering from 1', async () => {
    const d = springfieldDrafts();
    const c1 = commitFile(repo, first, d.vendorDraft, { message: "Vendor's first draft", author: VENDOR, date: '2024-03-01T10:00:00Z' });
    commitFile(repo, 'README.md', 'notes\n', { message: 'Unrelated', date: '2024-03-02T10:00:00Z' });
    const r1 = await cli(['round', first], '2024-03-02T11:00:00Z');
    expect(r1).toMatchObject({ exitCode: 0, stderr: '' });
    expect(r1.stdout).toContain(`Tagged springfield-smartcam/round-1 on ${c1.slice(0, 12)}`);
    expect(repo.git('cat-file', '-t', 'springfield-smartcam/round-1').trim()).toBe('tag'); // annotated

    commitFile(repo, first, d.buyerCounter, { message: "Buyer's counter", author: BUYER, date: '2024-03-08T10:00:00Z' });
    expect((await cli(['round', first, '-m', 'Buyer counter-proposal'], '2024-03-08T11:00:00Z')).exitCode).toBe(0);
    renameFile(repo, first, file, { message: 'Move', date: '2024-03-10T10:00:00Z' });
    commitFile(repo, file, d.compromise, { message: 'Compromise', author: VENDOR, date: '2024-03-15T10:00:00Z' });
    const r3 = await cli(['round', file], '2024-03-15T11:00:00Z');
    expect(r3.stdout).toContain('Tagged springfield-smartcam/round-3');
    expect(repo.git('tag', '-l').trim().split('\n')).toEqual(['springfield-smartcam/round-1', 'springfield-smartcam/round-2', 'springfield-smartcam/round-3']);
  });

  it('lists rounds with date, author and how many positions moved since the previous round', async () => {
    const text = await cli(['rounds', file]);
    expect(text.exitCode).toBe(0);
    const lines = text.stdout.trim().split('\n');
    expect(lines[0]).toBe(`${file} (springfield-smartcam): 3 rounds`);
    expect(lines[1]).toMatch(/round-1\s+2024-03-02\s+Vic Vendor\s+—\s+Round 1 of springfield-smartcam/);
    expect(lines[2]).toMatch(/round-2\s+2024-03-08\s+Bea Buyer\s+5 moved\s+Buyer counter-proposal/);
    expect(lines[3]).toMatch(/round-3\s+2024-03-15\s+Vic Vendor\s+2 moved/);

    const json = JSON.parse((await cli(['rounds', file, '--format', 'json'])).stdout);
    expect(json.rounds.map((r: { moved: number | null }) => r.moved)).toEqual([null, 5, 2]);
    expect(json.rounds[1]).toMatchObject({ round: 2, tag: 'springfield-smartcam/round-2', author: 'Bea Buyer', tagger: 'Nick Negotiator <nick@example.com>' });
    expect((await cli(['rounds', file, '--format', 'markdown'])).stdout).toContain('| round-2 | 2024-03-08 | Bea Buyer | 5 moved | Buyer counter-proposal |');
  });

  it('refuses to tag a round while the file has uncommitted changes', async () => {
    writeFile(repo, file, springfieldDrafts().vendorDraft);
    const r = await cli(['round', file]);
    expect(r).toMatchObject({ exitCode: 2, stdout: '' });
    expect(r.stderr).toMatch(/^contracts: .*has uncommitted changes/);
    repo.git('checkout', '--', file);
  });

  it('reports a working-tree file with YAML errors as diagnostics named after the file (exit 1)', async () => {
    writeFile(repo, 'broken.yaml', 'id: x\nid: y\n');
    const r = await cli(['round', 'broken.yaml']);
    expect(r.exitCode).toBe(1);
    expect(r.stdout + r.stderr).toContain('broken.yaml');
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
  });

  it('explains that a contract without an id cannot have rounds (exit 2)', async () => {
    commitFile(repo, 'noid.yaml', 'schemaVersion: 1\ntitle: No id\n', { message: 'no id' });
    const r = await cli(['round', 'noid.yaml']);
    expect(r).toMatchObject({ exitCode: 2 });
    expect(r.stderr).toContain('has no `id` field');
  });

  it('says so when there are no rounds yet', async () => {
    commitFile(repo, 'other.yaml', 'schemaVersion: 1\nid: other\n', { message: 'other' });
    const r = await cli(['rounds', 'other.yaml']);
    expect(r).toMatchObject({ exitCode: 0 });
    expect(r.stdout).toContain('no rounds yet');
  });
});
