import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractAt, createRound, listRounds, nextRoundNumber, openRepo, resolveRef, type Repo } from '../src/index.js';
import { commitFile, git, initRepo, tempDir, write } from './helpers.js';

describe('negotiation rounds', () => {
  const { dir, cleanup } = tempDir();
  let repo: Repo;
  let c1: string;
  let c2: string;

  beforeAll(async () => {
    initRepo(dir);
    c1 = commitFile(dir, 'contracts/acme.yaml', 'price: 100\n', 'draft');
    repo = await openRepo(dir);
  });
  afterAll(cleanup);

  it('creates round-1 and round-2 as annotated tags on the commit that last changed the file', async () => {
    expect(await nextRoundNumber(repo, 'acme')).toBe(1);
    // A later commit touching another file must not move the round.
    commitFile(dir, 'README.md', 'hi\n', 'unrelated');
    const r1 = await createRound(repo, 'contracts/acme.yaml', 'acme', { message: 'Sent to vendor' });
    expect(r1).toMatchObject({ n: 1, tag: 'acme/round-1', commit: c1, message: 'Sent to vendor' });
    expect(r1.tagger).toBe('Nick Negotiator <nick@example.com>');
    expect(r1.taggedAt).toBe('2024-05-01T12:00:00+02:00');
    expect(git(dir, 'cat-file', '-t', 'acme/round-1').trim()).toBe('tag');

    c2 = commitFile(dir, 'contracts/acme.yaml', 'price: 90\n', 'vendor counter');
    const r2 = await createRound(repo, 'contracts/acme.yaml', 'acme', { message: '' });
    expect(r2).toMatchObject({ n: 2, tag: 'acme/round-2', commit: c2, message: 'Round 2 of acme' });
    expect((await listRounds(repo, 'acme')).map((r) => r.n)).toEqual([1, 2]);
    expect(await nextRoundNumber(repo, 'acme')).toBe(3);
  });

  it('sorts rounds numerically and ignores other contracts and non-round tags', async () => {
    git(dir, 'tag', '-a', '-m', 'ten', 'globex/round-10', c1);
    git(dir, 'tag', '-a', '-m', 'nine', 'globex/round-9', c1);
    git(dir, 'tag', 'globex/final', c1);
    git(dir, 'tag', 'acme-extra/round-1', c1);
    expect((await listRounds(repo, 'globex')).map((r) => r.tag)).toEqual(['globex/round-9', 'globex/round-10']);
    expect((await listRounds(repo, 'acme')).map((r) => r.tag)).toEqual(['acme/round-1', 'acme/round-2']);
  });

  it('resolves the round-N shorthand for a contract', async () => {
    expect(await resolveRef(repo, 'round-1', 'acme')).toBe(c1);
    expect(await resolveRef(repo, 'round-2', 'acme')).toBe(c2);
    expect(await resolveRef(repo, 'round-2~1', 'acme')).not.toBe(c2);
    const r1 = await contractAt(repo, 'round-1', 'contracts/acme.yaml', { contractId: 'acme' });
    expect(Buffer.from(r1.bytes).toString()).toBe('price: 100\n');
    expect(r1.loaded.value).toEqual({ price: 100 });
    expect(r1.loaded.file).toBe('contracts/acme.yaml@round-1');
  });

  it('refuses to tag a file with unstaged or staged changes (git/dirty)', async () => {
    write(dir, 'contracts/acme.yaml', 'price: 80\n');
    await expect(createRound(repo, 'contracts/acme.yaml', 'acme')).rejects.toMatchObject({ code: 'git/dirty' });
    git(dir, 'add', 'contracts/acme.yaml');
    await expect(createRound(repo, 'contracts/acme.yaml', 'acme')).rejects.toMatchObject({ code: 'git/dirty' });
    git(dir, 'commit', '-q', '-m', 'counter');
    expect((await createRound(repo, 'contracts/acme.yaml', 'acme')).n).toBe(3);
  });

  it('refuses to tag a file that was never committed (git/untracked)', async () => {
    write(dir, 'contracts/new.yaml', 'a: 1\n');
    await expect(createRound(repo, 'contracts/new.yaml', 'new')).rejects.toMatchObject({ code: 'git/untracked' });
    git(dir, 'add', 'contracts/new.yaml');
    await expect(createRound(repo, 'contracts/new.yaml', 'new')).rejects.toMatchObject({ code: 'git/untracked' });
  });

  it('reports a concurrently created round as git/round-exists', async () => {
    const n = (await listRounds(repo, 'acme')).length;
    commitFile(dir, 'contracts/acme.yaml', 'price: 70\n', 'more');
    // Simulate another negotiator winning the race: the tag appears, but only as a tree tag.
    git(dir, 'tag', `acme/round-${n + 1}`, 'HEAD^{tree}');
    await expect(createRound(repo, 'contracts/acme.yaml', 'acme')).rejects.toMatchObject({ code: 'git/round-exists' });
  });

  it('rejects contract ids that cannot name a tag', async () => {
    await expect(createRound(repo, 'contracts/acme.yaml', '-c')).rejects.toMatchObject({ code: 'git/bad-contract-id' });
    await expect(listRounds(repo, 'a b')).rejects.toMatchObject({ code: 'git/bad-contract-id' });
  });
});
