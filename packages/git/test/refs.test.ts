import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedFilesSince, commitInfo, fileAtRef, fileHistory, openRepo, resolveRef, type Repo } from '../src/index.js';
import { commitFile, git, initRepo, tempDir } from './helpers.js';

describe('ref safety and resolution', () => {
  const { dir, cleanup } = tempDir();
  let repo: Repo;
  let first: string;
  let second: string;

  beforeAll(async () => {
    initRepo(dir);
    first = commitFile(dir, 'contracts/acme.yaml', 'price: 100\n', 'first');
    second = commitFile(dir, 'contracts/acme.yaml', 'price: 90\n', 'second');
    git(dir, 'tag', 'v1', first);
    repo = await openRepo(dir);
  });
  afterAll(cleanup);

  it('resolves names, suffixes and SHAs to full commit SHAs', async () => {
    expect(await resolveRef(repo, 'HEAD')).toBe(second);
    expect(await resolveRef(repo, 'main~1')).toBe(first);
    expect(await resolveRef(repo, 'HEAD^')).toBe(first);
    expect(await resolveRef(repo, 'v1')).toBe(first);
    expect(await resolveRef(repo, first.slice(0, 10))).toBe(first);
  });

  it('rejects an unknown ref with git/bad-ref naming the ref', async () => {
    await expect(resolveRef(repo, 'no-such-branch')).rejects.toMatchObject({
      code: 'git/bad-ref',
      message: expect.stringContaining('"no-such-branch"'),
    });
    await expect(resolveRef(repo, 'round-7', 'acme')).rejects.toMatchObject({
      code: 'git/bad-ref',
      message: expect.stringContaining('acme/round-7'),
    });
  });

  it('rejects malformed refs before running git', async () => {
    for (const bad of ['a..b', 'x:y', 'a b', 'foo.lock', '@{-1}', 'main@{1}', '', 'a//b', '.hidden']) {
      await expect(resolveRef(repo, bad), bad).rejects.toMatchObject({ code: 'git/bad-ref' });
    }
  });

  it('never lets an option-shaped ref reach git', async () => {
    const pwned = join(dir, '..', `pwned-${process.pid}`);
    const output = join(dir, '..', `output-${process.pid}`);
    const evil = [`--upload-pack=touch ${pwned}`, '-c', `-ccore.pager=touch ${pwned}`, `--output=${output}`, '-', '--end-of-options'];
    for (const ref of evil) {
      await expect(resolveRef(repo, ref), ref).rejects.toMatchObject({ code: 'git/bad-ref' });
      await expect(fileAtRef(repo, 'contracts/acme.yaml', ref), ref).rejects.toMatchObject({ code: 'git/bad-ref' });
      await expect(commitInfo(repo, ref), ref).rejects.toMatchObject({ code: 'git/bad-ref' });
      await expect(changedFilesSince(repo, ref), ref).rejects.toMatchObject({ code: 'git/bad-ref' });
      await expect(fileHistory(repo, 'contracts/acme.yaml', { ref }), ref).rejects.toMatchObject({ code: 'git/bad-ref' });
    }
    expect(existsSync(pwned)).toBe(false);
    expect(existsSync(output)).toBe(false);
  });

  it('rejects an option-shaped contract id used in the round shorthand', async () => {
    await expect(resolveRef(repo, 'round-1', '--output=/tmp/x')).rejects.toMatchObject({ code: 'git/bad-contract-id' });
  });

  it('reports commit metadata for a ref', async () => {
    const info = await commitInfo(repo, 'v1');
    expect(info).toEqual({
      sha: first,
      authorName: 'Ada Author',
      authorEmail: 'ada@example.com',
      authorDate: expect.stringMatching(/^2024-01-01T\d\d:\d\d:\d\d\+00:00$/),
    });
  });
});
