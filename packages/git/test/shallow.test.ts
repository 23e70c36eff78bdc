import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRound, fileHistory, isShallow, openRepo, resolveRef, type Repo } from '../src/index.js';
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
    await createRound(await openRepo(origin), 'contracts/acme.yaml', 'acme', 'r1');
    commitFile(origin, 'contracts/acme.yaml', 'price: 90\n', 'two');
    git(dir, 'clone', '-q', '--depth', '1', `file://${origin}`, clone);
    repo = await openRepo(clone);
  });
  afterAll(cleanup);

  it('explains how to unshallow when a round is missing', async () => {
    expect(await isShallow(repo)).toBe(true);
    const error = await resolveRef(repo, 'round-1', 'acme').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'git/shallow', message: expect.stringContaining('git fetch --unshallow') });
    expect((error as Error).message).toContain('fetch-depth: 0');
    await expect(resolveRef(repo, 'HEAD~1')).rejects.toMatchObject({ code: 'git/shallow' });
  });

  it('refuses a history cut by the clone, unless asked for a partial one', async () => {
    await expect(fileHistory(repo, 'contracts/acme.yaml')).rejects.toMatchObject({ code: 'git/shallow' });
    const partial = await fileHistory(repo, 'contracts/acme.yaml', { allowShallow: true });
    expect(partial.map((h) => h.subject)).toEqual(['two']);
  });
});
