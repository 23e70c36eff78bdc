import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openRepo, repoPath } from '../src/index.js';
import { commitFile, initRepo, tempDir } from './helpers.js';

describe('openRepo / repoPath', () => {
  const { dir, cleanup } = tempDir();
  afterAll(cleanup);

  it('throws git/not-a-repo outside a repository', async () => {
    const plain = join(dir, 'plain');
    mkdirSync(plain);
    await expect(openRepo(plain)).rejects.toMatchObject({ code: 'git/not-a-repo', exitCode: 2 });
  });

  it('finds the top level from a nested, not yet existing path', async () => {
    const root = join(dir, 'repo');
    mkdirSync(root);
    initRepo(root);
    commitFile(root, 'contracts/acme.yaml', 'a: 1\n', 'init');
    const repo = await openRepo(join(root, 'contracts', 'new', 'draft.yaml'));
    expect(repoPath(repo, join(root, 'contracts', 'acme.yaml'))).toBe('contracts/acme.yaml');
    expect(repoPath(repo, 'acme.yaml', join(root, 'contracts'))).toBe('contracts/acme.yaml');
    expect(repoPath(repo, join(root, 'contracts', 'new', 'draft.yaml'))).toBe('contracts/new/draft.yaml');
  });

  it('resolves paths through symlinks to the repository', async () => {
    const root = join(dir, 'repo');
    const link = join(dir, 'link');
    symlinkSync(root, link);
    const repo = await openRepo(link);
    expect(repoPath(repo, join(link, 'contracts', 'acme.yaml'))).toBe('contracts/acme.yaml');
  });

  it('rejects a path outside the repository with git/outside-repo', async () => {
    const repo = await openRepo(join(dir, 'repo'));
    expect(() => repoPath(repo, join(dir, 'plain', 'x.yaml'))).toThrow(expect.objectContaining({ code: 'git/outside-repo' }));
    expect(() => repoPath(repo, '../plain/x.yaml', join(dir, 'repo'))).toThrow(expect.objectContaining({ code: 'git/outside-repo' }));
    expect(() => repoPath(repo, join(dir, 'repo'))).toThrow(expect.objectContaining({ code: 'git/outside-repo' }));
  });

  it('keeps a symlink whose target leaves the work tree at its own path, which is inside the repository', async () => {
    const root = join(dir, 'repo');
    const repo = await openRepo(root);
    symlinkSync('/etc/passwd', join(root, 'contracts', 'passwd.yaml'));
    symlinkSync('../.git/config', join(root, 'contracts', 'gitcfg.yaml'));
    symlinkSync('missing.yaml', join(root, 'contracts', 'dangling.yaml'));
    for (const followLinks of [true, false]) {
      expect(repoPath(repo, join(root, 'contracts', 'passwd.yaml'), root, { followLinks })).toBe('contracts/passwd.yaml');
      expect(repoPath(repo, 'contracts/gitcfg.yaml', root, { followLinks })).toBe('contracts/gitcfg.yaml');
      expect(repoPath(repo, 'contracts/dangling.yaml', root, { followLinks })).toBe('contracts/dangling.yaml');
    }
  });

  it('follows a link to a file elsewhere in the work tree unless told not to (a change lists the link itself)', async () => {
    const root = join(dir, 'repo');
    const repo = await openRepo(root);
    symlinkSync('acme.yaml', join(root, 'contracts', 'alias.yaml'));
    expect(repoPath(repo, 'contracts/alias.yaml', root)).toBe('contracts/acme.yaml');
    expect(repoPath(repo, 'contracts/alias.yaml', root, { followLinks: false })).toBe('contracts/alias.yaml');
  });
});
