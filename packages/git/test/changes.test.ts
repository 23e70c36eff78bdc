import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { changedFilesSince, keepChangedSince, openRepo } from '../src/index.js';
import { commitFile, git, initRepo, tempDir, write } from './helpers.js';

describe('changedFilesSince', () => {
  const { dir, cleanup } = tempDir();
  afterAll(cleanup);

  it('reports committed, staged, unstaged and untracked changes with renames, not ignored files', async () => {
    initRepo(dir);
    const long = `${Array.from({ length: 30 }, (_, i) => `clause${i}: text ${i}`).join('\n')}\n`;
    commitFile(dir, 'a.yaml', long, 'a');
    commitFile(dir, 'b.yaml', 'b: 1\n', 'b');
    commitFile(dir, 'c.yaml', 'c: 1\n', 'c');
    commitFile(dir, '.gitignore', '*.log\n', 'ignore');
    git(dir, 'tag', 'base');
    commitFile(dir, 'committed.yaml', 'x: 1\n', 'later commit');
    write(dir, 'b.yaml', 'b: 2\n'); // unstaged
    write(dir, 'staged.yaml', 's: 1\n');
    git(dir, 'add', 'staged.yaml');
    write(dir, 'new dir/untracked.yaml', 'u: 1\n');
    write(dir, 'debug.log', 'ignored\n');
    renameSync(join(dir, 'a.yaml'), join(dir, 'moved.yaml')); // moved without git mv
    rmSync(join(dir, 'c.yaml'));
    const indexBefore = git(dir, 'status', '--porcelain');

    const repo = await openRepo(dir);
    expect(await changedFilesSince(repo, 'base')).toEqual([
      { status: 'M', path: 'b.yaml' },
      { status: 'D', path: 'c.yaml' },
      { status: 'A', path: 'committed.yaml' },
      { status: 'R', path: 'moved.yaml', oldPath: 'a.yaml' },
      { status: 'A', path: 'new dir/untracked.yaml' },
      { status: 'A', path: 'staged.yaml' },
    ]);
    expect(git(dir, 'status', '--porcelain')).toBe(indexBefore); // the real index is untouched
    expect(await changedFilesSince(repo, 'HEAD')).toContainEqual({ status: 'R', path: 'moved.yaml', oldPath: 'a.yaml' });
  });

  it('keeps the given files that changed, by any path to them, in their order', async () => {
    const repo = await openRepo(dir);
    const given = ['staged.yaml', join(dir, 'b.yaml'), 'c.yaml', 'moved.yaml', join(dir, 'new dir', 'untracked.yaml'), 'nope.yaml', 'debug.log'].map((f) =>
      f.startsWith('/') ? f : join(dir, f),
    );
    const kept = await keepChangedSince(repo, given, 'base');
    expect(kept.map((f) => f.slice(dir.length + 1))).toEqual(['staged.yaml', 'b.yaml', 'moved.yaml', 'new dir/untracked.yaml']);
    await expect(keepChangedSince(repo, given, 'no-such-ref')).rejects.toMatchObject({ code: 'git/bad-ref' });
  });
});
