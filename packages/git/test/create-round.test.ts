import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreementIdProblem, createRound, listRounds, openRepo, type Repo } from '../src/index.js';
import { commitFile, git, initRepo, tempDir } from './helpers.js';

describe('createRound refuses a round that holds nothing new', () => {
  const { dir, cleanup } = tempDir();
  let repo: Repo;

  beforeAll(async () => {
    initRepo(dir);
    commitFile(dir, 'contracts/acme.yaml', 'price: 100\n', 'draft');
    repo = await openRepo(dir);
    await createRound(repo, 'contracts/acme.yaml', 'acme');
  });
  afterAll(cleanup);

  it('refuses the commit that is already the last round, unless forced', async () => {
    await expect(createRound(repo, 'contracts/acme.yaml', 'acme')).rejects.toMatchObject({
      code: 'git/already-tagged',
      exitCode: 2,
      message: expect.stringMatching(/contracts\/acme\.yaml last changed in [0-9a-f]{12}, which is acme\/round-1 already; .*--force/),
    });
    const again = await createRound(repo, 'contracts/acme.yaml', 'acme', { force: true });
    expect(again.n).toBe(2);
    expect((await listRounds(repo, 'acme')).map((r) => r.commit)).toEqual([again.commit, again.commit]);
  });

  it('refuses a file whose content is back to that of the last round, unless forced', async () => {
    commitFile(dir, 'contracts/acme.yaml', 'price: 90\n', 'counter');
    commitFile(dir, 'contracts/acme.yaml', 'price: 100\n', 'back to the draft');
    await expect(createRound(repo, 'contracts/acme.yaml', 'acme')).rejects.toMatchObject({ code: 'git/no-change' });
    commitFile(dir, 'contracts/acme.yaml', 'price: 80\n', 'new offer');
    expect((await createRound(repo, 'contracts/acme.yaml', 'acme')).n).toBe(3);
  });
});

describe('createRound compares content across a rename', () => {
  const { dir, cleanup } = tempDir();
  let repo: Repo;
  afterAll(cleanup);

  it('calls a pure rename since the last round no change, and a changed file new', async () => {
    initRepo(dir);
    commitFile(dir, 'acme.yaml', 'price: 100\n', 'draft');
    repo = await openRepo(dir);
    await createRound(repo, 'acme.yaml', 'acme');
    git(dir, 'mv', 'acme.yaml', 'acme-cameras.yaml');
    git(dir, 'commit', '-q', '-m', 'rename');
    await expect(createRound(repo, 'acme-cameras.yaml', 'acme')).rejects.toMatchObject({
      code: 'git/no-change',
      message: expect.stringMatching(/^acme-cameras\.yaml is the same in [0-9a-f]{12} as in acme\/round-1; .*--force/),
    });
    commitFile(dir, 'acme-cameras.yaml', 'price: 90\n', 'counter');
    expect(await createRound(repo, 'acme-cameras.yaml', 'acme')).toMatchObject({ n: 2, tag: 'acme/round-2' });
  });
});

describe('createRound checks the contract id against the schema first', () => {
  const { dir, cleanup } = tempDir();
  let repo: Repo;
  beforeAll(async () => {
    initRepo(dir);
    commitFile(dir, 'c.yaml', 'price: 100\n', 'draft');
    repo = await openRepo(dir);
  });
  afterAll(cleanup);

  // `x/round-1` would be read as a round of contract `x`; `аcme` starts with a Cyrillic а.
  it.each(['x/round-1', 'аcme', 'acme/x', 'Acme', 'acme--cams', 'con', 'nul', 'com1', 'lpt9', 'a'.repeat(65)])('refuses %j and tags nothing', async (id) => {
    await expect(createRound(repo, 'c.yaml', id)).rejects.toMatchObject({ code: 'git/bad-contract-id', exitCode: 2 });
    expect(git(dir, 'tag', '-l')).toBe('');
  });

  it('accepts ids that only contain a reserved name', async () => {
    for (const id of ['con-x', 'console', 'com10', 'aux2']) expect(await agreementIdProblem(id), id).toBeUndefined();
    expect(await agreementIdProblem('con')).toMatch(/Windows reserves/);
    expect(await agreementIdProblem('a'.repeat(65))).toBe('it may have at most 64 characters');
  });
});

describe('createRound keeps one negotiation per id', () => {
  const { dir, cleanup } = tempDir();
  afterAll(cleanup);

  it('refuses to tag a contract whose id another committed contract has, and names that file', async () => {
    initRepo(dir);
    const contract = (title: string) => `schemaVersion: 1\nid: door-sensors\ntitle: ${title}\n`;
    commitFile(dir, 'contracts/door-sensors.yaml', contract('Door sensors'), 'draft');
    const repo = await openRepo(dir);
    expect((await createRound(repo, 'contracts/door-sensors.yaml', 'door-sensors')).n).toBe(1);
    // A copy made to start another deal, its id left as it was.
    commitFile(dir, 'contracts/other-deal.yaml', contract('Other deal'), 'copy');
    await expect(createRound(repo, 'contracts/other-deal.yaml', 'door-sensors')).rejects.toMatchObject({
      code: 'git/duplicate-id',
      exitCode: 2,
      message: expect.stringContaining('contracts/door-sensors.yaml has the id door-sensors too'),
    });
    commitFile(dir, 'contracts/door-sensors.yaml', `${contract('Door sensors')}# round 2\n`, 'counter');
    await expect(createRound(repo, 'contracts/door-sensors.yaml', 'door-sensors')).rejects.toMatchObject({ code: 'git/duplicate-id' });
    expect((await listRounds(repo, 'door-sensors')).length).toBe(1);
    // Once the copy has its own id, both can be tagged.
    commitFile(dir, 'contracts/other-deal.yaml', contract('Other deal').replace('id: door-sensors', 'id: other-deal'), 'own id');
    expect((await createRound(repo, 'contracts/door-sensors.yaml', 'door-sensors')).n).toBe(2);
    expect((await createRound(repo, 'contracts/other-deal.yaml', 'other-deal')).n).toBe(1);
  });
});
