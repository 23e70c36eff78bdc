import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRepo, repoRoundVersions, roundVersions, type Repo } from '../src/index.js';
import { commitFile, git, initRepo, tempDir, write } from './helpers.js';

// repoRoundVersions must give exactly what roundVersions gives contract by contract: the report's
// rounds are held to `contracts rounds` through it.
describe('the rounds of every contract in a repository, in one pass', () => {
  const { dir, cleanup } = tempDir();
  let repo: Repo;
  const contracts = [
    { relPath: 'contracts/acme.yaml', contractId: 'acme' },
    { relPath: 'contracts/globex.yaml', contractId: 'globex' },
    { relPath: 'contracts/initech.yaml', contractId: 'initech' },
    { relPath: 'contracts/renamed.yaml', contractId: 'hooli' },
    { relPath: 'contracts/never-tagged.yaml', contractId: 'never-tagged' },
    { relPath: 'contracts/broken.yaml', contractId: 'broken' },
  ];

  beforeAll(async () => {
    initRepo(dir);
    const subject = 'Vendor draft, first line\nsecond line of the same paragraph\n\nBody text.';
    commitFile(dir, 'contracts/acme.yaml', 'id: acme\nprice: 100\n', subject);
    git(dir, 'tag', '-a', 'acme/round-1', '-m', 'Round 1: draft');
    commitFile(dir, 'contracts/globex.yaml', 'id: globex\nprice: 5\n', 'globex draft');
    git(dir, 'tag', 'globex/round-1'); // lightweight
    commitFile(dir, 'contracts/acme.yaml', 'id: acme\nprice: 90\n', 'counter');
    commitFile(dir, 'README.md', 'notes\n', 'unrelated');
    git(dir, 'tag', '-a', 'acme/round-2', '-m', 'Round 2 on a commit that did not touch the file');
    git(dir, 'tag', '-a', 'acme/round-10', '-m', 'ten', 'HEAD');
    git(dir, 'tag', 'acme/round-3', 'HEAD^{tree}'); // a tree tag is no round
    git(dir, 'tag', 'acme/final'); // not a round tag
    commitFile(dir, 'contracts/hooli-draft.yaml', 'id: hooli\nprice: 1\n', 'hooli draft');
    git(dir, 'tag', '-a', 'hooli/round-1', '-m', 'before the rename');
    git(dir, 'mv', 'contracts/hooli-draft.yaml', 'contracts/renamed.yaml');
    git(dir, 'commit', '-q', '-m', 'rename');
    commitFile(dir, 'contracts/renamed.yaml', 'id: hooli\nprice: 2\n', 'hooli counter');
    git(dir, 'tag', '-a', 'hooli/round-2', '-m', 'after the rename');
    commitFile(dir, 'contracts/initech.yaml', 'id: initech\n', 'initech');
    commitFile(dir, 'contracts/broken.yaml', 'id: broken\nprice: [\n', 'broken yaml');
    git(dir, 'tag', '-a', 'broken/round-1', '-m', 'unreadable');
    write(dir, 'contracts/never-tagged.yaml', 'id: never-tagged\n');
    repo = await openRepo(dir);
  });
  afterAll(cleanup);

  it('equals roundVersions for each contract: annotated and lightweight tags, renames, unreadable versions', async () => {
    const named = contracts.map((c) => ({ ...c, name: `shown/${c.relPath}` }));
    const batched = await repoRoundVersions(repo, named);
    const one = await Promise.all(named.map((c) => roundVersions(repo, c.relPath, c.contractId, { name: c.name })));
    expect(batched).toEqual(one);
    expect(batched.map((r) => r.map((v) => v.tag))).toEqual([
      ['acme/round-1', 'acme/round-2', 'acme/round-10'],
      ['globex/round-1'],
      [],
      ['hooli/round-1', 'hooli/round-2'],
      [],
      ['broken/round-1'],
    ]);
    expect(batched[0]![0]).toMatchObject({
      subject: 'Vendor draft, first line second line of the same paragraph',
      authorName: 'Ada Author',
      value: { price: 100 },
    });
    expect(batched[3]![0]).toMatchObject({ path: 'contracts/hooli-draft.yaml', value: { price: 1 } });
    expect(batched[5]![0]!.problem).toMatch(/YAML error/);
  });

  it('parses the bytes several rounds mark once: those rounds share one value, as roundVersions gives them', async () => {
    const [acme] = await repoRoundVersions(repo, contracts.slice(0, 1));
    const [round1, round2, round10] = acme!;
    expect(round2!.value).toBe(round10!.value); // round-2 and round-10 mark the same bytes
    expect(round1!.value).not.toBe(round2!.value);
    expect(acme).toEqual(await roundVersions(repo, 'contracts/acme.yaml', 'acme'));
  });

  it('runs one for-each-ref and one cat-file for the whole repository when no file was renamed', async () => {
    const trace = `${dir}/.git/trace.log`;
    process.env.GIT_TRACE = trace;
    try {
      await repoRoundVersions(repo, contracts.slice(0, 3));
    } finally {
      delete process.env.GIT_TRACE;
    }
    const commands = execFileSync('grep', ['-o', 'built-in: git [a-z-]*', trace], { encoding: 'utf8' }).trim().split('\n');
    expect(commands.filter((c) => !c.endsWith('rev-parse')).sort()).toEqual(['built-in: git cat-file', 'built-in: git for-each-ref']);
  });
});
