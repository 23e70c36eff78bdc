import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRound, fileHistory, isShallow, listRounds, openRepo, resolveRef, roundVersions, type Repo } from '../src/index.js';
import { commitFile, git, initRepo, tempDir } from './helpers.js';

describe('shallow clones', () => {
  const { dir, cleanup } = tempDir();
  const origin = join(dir, 'origin');
  const clone = join(dir, 'clone');
  let repo: Repo;

  beforeAll(async () => {
    git(dir, 'init', '-q', origin);
    initRepo(origin);
    commitFile(origin, 'contracts/acme.yaml', 'price: 100\n', 'one');
    await createRound(await openRepo(origin), 'contracts/acme.yaml', 'acme', { message: 'r1' });
    commitFile(origin, 'contracts/acme.yaml', 'price: 90\n', 'two');
    git(dir, 'clone', '-q', '--depth', '1', `file://${origin}`, clone);
    repo = await openRepo(clone);
  });
  afterAll(cleanup);

  it('explains how to unshallow when a round is missing', async () => {
    expect(await isShallow(repo)).toBe(true);
    const error = await resolveRef(repo, 'round-1', 'acme').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'git/shallow', message: expect.stringContaining('git fetch --tags --unshallow') });
    expect((error as Error).message).toContain('fetch-depth: 0');
    await expect(resolveRef(repo, 'HEAD~1')).rejects.toMatchObject({ code: 'git/shallow' });
  });

  it('refuses to list or tag rounds, which a shallow clone may lack, and says how to fetch them', async () => {
    const fix = expect.stringMatching(/shallow clone.*git fetch --tags --unshallow.*fetch-depth: 0/);
    await expect(listRounds(repo, 'acme')).rejects.toMatchObject({ code: 'git/shallow', exitCode: 2, message: fix });
    await expect(roundVersions(repo, 'contracts/acme.yaml', 'acme')).rejects.toMatchObject({ code: 'git/shallow' });
    // Without the check, the clone (which fetched no round tag) would start again at round-1.
    await expect(createRound(repo, 'contracts/acme.yaml', 'acme')).rejects.toMatchObject({ code: 'git/shallow', message: fix });
    expect(git(clone, 'tag', '-l')).toBe('');
  });

  it('refuses a history cut by the clone, unless asked for a partial one', async () => {
    await expect(fileHistory(repo, 'contracts/acme.yaml')).rejects.toMatchObject({ code: 'git/shallow' });
    const partial = await fileHistory(repo, 'contracts/acme.yaml', { allowShallow: true });
    expect(partial.map((h) => h.subject)).toEqual(['two']);
  });
});
