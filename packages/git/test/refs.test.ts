import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedFilesSince, commitInfo, configuredUserName, contractAt, fileHistory, openRepo, resolveRef, versionAuthor, type Repo } from '../src/index.js';
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
      await expect(contractAt(repo, ref, 'contracts/acme.yaml'), ref).rejects.toMatchObject({ code: 'git/bad-ref' });
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
      subject: 'first',
    });
  });

  it('attributes a version to its commit author at the author date, the working tree to user.name now, and lets SOURCE_DATE_EPOCH date only the file', async () => {
    const saved = process.env.SOURCE_DATE_EPOCH;
    const savedGlobal = process.env.GIT_CONFIG_GLOBAL;
    delete process.env.SOURCE_DATE_EPOCH;
    process.env.GIT_CONFIG_GLOBAL = '/dev/null'; // no user.name from the machine's own configuration
    try {
      const info = await commitInfo(repo, 'v1');
      const committed = Date.parse(info.authorDate) / 1000;
      expect(await versionAuthor(repo, 'v1')).toEqual({ name: 'Ada Author', changedAt: committed, epoch: committed });
      expect(await configuredUserName(repo)).toBe('Nick Negotiator');
      const working = await versionAuthor(repo, undefined);
      expect(working.name).toBe('Nick Negotiator');
      expect(Math.abs(working.epoch - Date.now() / 1000)).toBeLessThan(60);
      process.env.SOURCE_DATE_EPOCH = '1767225600';
      expect(await versionAuthor(repo, undefined)).toEqual({ name: 'Nick Negotiator', changedAt: 1767225600, epoch: 1767225600 });
      // SOURCE_DATE_EPOCH dates the output file; the changes keep the commit's own date.
      expect(await versionAuthor(repo, 'v1')).toEqual({ name: 'Ada Author', changedAt: committed, epoch: 1767225600 });
      git(dir, 'config', '--unset', 'user.name');
      expect(await configuredUserName(repo)).toBe('');
      expect((await versionAuthor(repo, undefined)).name).toBe('Working copy');
    } finally {
      git(dir, 'config', 'user.name', 'Nick Negotiator');
      if (savedGlobal === undefined) delete process.env.GIT_CONFIG_GLOBAL;
      else process.env.GIT_CONFIG_GLOBAL = savedGlobal;
      if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = saved;
    }
  });
});
