import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRound, fileAtRef, fileHistory, looksBinary, openRepo, readBlobs, type Repo } from '../src/index.js';
import { commitFile, git, initRepo, tempDir } from './helpers.js';

describe('history across a rename between rounds', () => {
  const { dir, cleanup } = tempDir();
  let repo: Repo;
  const shas: string[] = [];

  beforeAll(async () => {
    initRepo(dir);
    repo = await openRepo(dir);
    shas.push(commitFile(dir, 'contracts/acme draft.yaml', 'price: 100\n', 'draft'));
    await createRound(repo, 'contracts/acme draft.yaml', 'acme', 'first offer');
    git(dir, 'mv', 'contracts/acme draft.yaml', 'contracts/acme.yaml');
    git(dir, 'commit', '-q', '-m', 'rename');
    shas.push(git(dir, 'rev-parse', 'HEAD').trim());
    shas.push(commitFile(dir, 'contracts/acme.yaml', 'price: 90\n', 'counter'));
    await createRound(repo, 'contracts/acme.yaml', 'acme', 'second offer');
  });
  afterAll(cleanup);

  it('follows the rename, newest first, with the path at each commit and its rounds', async () => {
    const history = await fileHistory(repo, 'contracts/acme.yaml', { follow: true });
    expect(history.map((h) => [h.subject, h.path, h.rounds])).toEqual([
      ['counter', 'contracts/acme.yaml', ['acme/round-2']],
      ['rename', 'contracts/acme.yaml', []],
      ['draft', 'contracts/acme draft.yaml', ['acme/round-1']],
    ]);
    expect(history[0]).toMatchObject({
      commit: shas[2],
      parents: [shas[1]],
      authorName: 'Ada Author',
      authorEmail: 'ada@example.com',
      authorDate: expect.stringMatching(/^2024-01-01T/),
    });
    expect(history[1]!.status).toMatch(/^R/);
    const blobs = await readBlobs(repo, history);
    expect(blobs.map((b) => b.bytes?.toString())).toEqual(['price: 90\n', 'price: 100\n', 'price: 100\n']);
  });

  it('without follow stops at the rename', async () => {
    const history = await fileHistory(repo, 'contracts/acme.yaml', { follow: false });
    expect(history.map((h) => h.subject)).toEqual(['counter', 'rename']);
  });

  it('reads the old round under its old path, and hints at the old name otherwise', async () => {
    const old = await fileAtRef(repo, 'contracts/acme draft.yaml', 'round-1', 'acme');
    expect(old).toMatchObject({ commit: shas[0], text: 'price: 100\n', binary: false });
    await expect(fileAtRef(repo, 'contracts/acme.yaml', 'round-1', 'acme')).rejects.toMatchObject({
      code: 'git/not-found-at-ref',
      message: expect.stringMatching(/contracts\/acme\.yaml does not exist at round-1 .*named contracts\/acme draft\.yaml/),
    });
  });

  it('reports a file absent at a ref with git/not-found-at-ref', async () => {
    await expect(fileAtRef(repo, 'contracts/nope.yaml', 'HEAD')).rejects.toMatchObject({
      code: 'git/not-found-at-ref',
      message: expect.stringContaining('contracts/nope.yaml does not exist at HEAD'),
    });
    await expect(fileAtRef(repo, 'contracts', 'HEAD')).rejects.toMatchObject({ code: 'git/not-found-at-ref' });
  });
});

describe('readBlobs', () => {
  const { dir, cleanup } = tempDir();
  let repo: Repo;
  afterAll(cleanup);

  it('returns raw bytes for binary content, null for missing files, and survives odd names', async () => {
    initRepo(dir);
    repo = await openRepo(dir);
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x0a]);
    const c1 = commitFile(dir, 'logo.yaml', png, 'binary at first');
    commitFile(dir, 'logo.yaml', 'text: now\n', 'text later');
    const odd = 'odd\nname\t"quoted" ü.yaml';
    const c3 = commitFile(dir, odd, 'odd: true\n', 'odd name');
    const [bin, text, missing, oddBlob] = await readBlobs(repo, [
      { commit: c1, path: 'logo.yaml' },
      { commit: c3, path: 'logo.yaml' },
      { commit: c1, path: 'nope.yaml' },
      { commit: c3, path: odd },
    ]);
    expect(Buffer.compare(bin!.bytes!, Buffer.from(png))).toBe(0);
    expect(looksBinary(bin!.bytes!)).toBe(true);
    expect(text!.bytes!.toString()).toBe('text: now\n');
    expect(missing!.bytes).toBeNull();
    expect(oddBlob!.bytes!.toString()).toBe('odd: true\n');
    const old = await fileAtRef(repo, 'logo.yaml', 'HEAD~2');
    expect(old.binary).toBe(true);

    const history = await fileHistory(repo, odd);
    expect(history.map((h) => h.path)).toEqual([odd]);
    await expect(readBlobs(repo, [{ commit: '--output=x', path: 'a' }])).rejects.toMatchObject({ code: 'git/bad-ref' });
  });
});
