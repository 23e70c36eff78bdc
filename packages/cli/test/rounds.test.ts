import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUYER, commitFile, makeRepo, renameFile, shallowClone, springfieldDrafts, VENDOR, writeFile, type TestRepo } from './git-fixture.js';
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

  it('lists rounds with the date and author of the version each marks, the same in text, Markdown and JSON', async () => {
    const text = await cli(['rounds', file]);
    expect(text.exitCode).toBe(0);
    const lines = text.stdout.trim().split('\n');
    expect(lines[0]).toBe(`${file} (springfield-smartcam): 3 rounds`);
    expect(lines[1]).toMatch(/^ {2}Round +Authored +Author +Moved +Tag message$/);
    // round-1 was tagged on 2024-03-02, but its version was written by the vendor on 2024-03-01.
    expect(lines[2]).toMatch(/round-1\s+2024-03-01\s+Vic Vendor\s+—\s+Round 1 of springfield-smartcam/);
    expect(lines[3]).toMatch(/round-2\s+2024-03-08\s+Bea Buyer\s+5 moved\s+Buyer counter-proposal/);
    expect(lines[4]).toMatch(/round-3\s+2024-03-15\s+Vic Vendor\s+2 moved/);

    const json = JSON.parse((await cli(['rounds', file, '--format', 'json'])).stdout);
    expect(json.rounds.map((r: { moved: number | null }) => r.moved)).toEqual([null, 5, 2]);
    expect(json.rounds[0]).toMatchObject({ round: 1, author: 'Vic Vendor', authorDate: '2024-03-01T10:00:00+00:00', taggedAt: '2024-03-02T11:00:00+00:00' });
    expect(json.rounds[1]).toMatchObject({ round: 2, tag: 'springfield-smartcam/round-2', author: 'Bea Buyer', tagger: 'Nick Negotiator <nick@example.com>' });
    expect(json.rounds[0]).not.toHaveProperty('date');
    const markdown = (await cli(['rounds', file, '--format', 'markdown'])).stdout;
    expect(markdown).toContain('| Round | Authored | Author | Moved | Tag message |');
    expect(markdown).toContain('| round-1 | 2024-03-01 | Vic Vendor | — | Round 1 of springfield-smartcam |');
    expect(markdown).toContain('| round-2 | 2024-03-08 | Bea Buyer | 5 moved | Buyer counter-proposal |');
  });

  it('refuses to tag the last round again, or a file unchanged since it, unless --force', async () => {
    const again = await cli(['round', file]);
    expect(again).toMatchObject({ exitCode: 2, stdout: '' });
    expect(again.stderr).toMatch(
      /^contracts: contracts\/springfield\/smartcam\.yaml last changed in [0-9a-f]{12}, which is springfield-smartcam\/round-3 already; .*--force.*\n$/,
    );
    commitFile(repo, file, `${springfieldDrafts().compromise}# a comment\n`, { message: 'Comment', date: '2024-03-16T10:00:00Z' });
    repo.git('revert', '--no-edit', 'HEAD');
    const unchanged = await cli(['round', file]);
    expect(unchanged.exitCode).toBe(2);
    expect(unchanged.stderr).toMatch(/^contracts: .* is the same in [0-9a-f]{12} as in springfield-smartcam\/round-3; .*--force/);
    expect(unchanged.stderr.trim().split('\n')).toHaveLength(1);
    const forced = await cli(['round', file, '--force', '-m', 'Resent unchanged']);
    expect(forced).toMatchObject({ exitCode: 0 });
    expect(forced.stdout).toContain('Tagged springfield-smartcam/round-4');
    repo.git('tag', '-d', 'springfield-smartcam/round-4');
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

  it.each([
    ['a tag-squatting id', 'x/round-1'],
    ['a Cyrillic look-alike', 'sprіngfield-smartcam'],
    ['a name Windows reserves', 'con'],
  ])('refuses %s before tagging anything (exit 2, one line)', async (_name, id) => {
    commitFile(repo, 'squat.yaml', `schemaVersion: 1\nid: ${id}\n`, { message: 'squat' });
    const r = await cli(['round', 'squat.yaml']);
    expect(r).toMatchObject({ exitCode: 2, stdout: '' });
    expect(r.stderr).toMatch(/^contracts: Contract id .* is not a valid agreement id/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(
      repo
        .git('tag', '-l')
        .trim()
        .split('\n')
        .every((t) => t.startsWith('springfield-smartcam/')),
    ).toBe(true);
  });
});

describe('contracts round / rounds in a shallow clone', () => {
  it('are errors that say to fetch the tags and the history, not "no rounds yet" or round-1 again', async () => {
    const repo = makeRepo();
    const d = springfieldDrafts();
    const first = 'contracts/springfield-smartcam.yaml';
    try {
      commitFile(repo, first, d.vendorDraft, { message: 'Draft', author: VENDOR, date: '2024-03-01T10:00:00Z' });
      repo.git('tag', '-a', '-m', 'Round 1', 'springfield-smartcam/round-1');
      commitFile(repo, first, d.buyerCounter, { message: 'Counter', author: BUYER, date: '2024-03-08T10:00:00Z' });
      const shallow = shallowClone(repo, 1);
      try {
        for (const args of [
          ['rounds', first],
          ['round', first],
        ]) {
          const r = await runCli(args, { cwd: shallow.dir, env: repo.env });
          expect(r).toMatchObject({ exitCode: 2, stdout: '' });
          expect(r.stderr).toMatch(
            /^contracts: The rounds of springfield-smartcam cannot be read because this is a shallow clone.*git fetch --tags --unshallow.*fetch-depth: 0/,
          );
          expect(r.stderr.trim().split('\n')).toHaveLength(1);
        }
        expect(shallow.git('tag', '-l')).toBe('');
      } finally {
        shallow.cleanup();
      }
    } finally {
      repo.cleanup();
    }
  });
});
