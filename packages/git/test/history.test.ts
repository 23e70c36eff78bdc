import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractAt, contractHistory, createRound, fileHistory, looksBinary, openRepo, readBlobs, roundVersions, type Repo } from '../src/index.js';
import { commitFile, git, initRepo, tempDir } from './helpers.js';

describe('history across a rename between rounds', () => {
  const { dir, cleanup } = tempDir();
  let repo: Repo;
  const shas: string[] = [];

  beforeAll(async () => {
    initRepo(dir);
    repo = await openRepo(dir);
    shas.push(commitFile(dir, 'contracts/acme draft.yaml', 'price: 100\n', 'draft'));
    await createRound(repo, 'contracts/acme draft.yaml', 'acme', { message: 'first offer' });
    git(dir, 'mv', 'contracts/acme draft.yaml', 'contracts/acme.yaml');
    git(dir, 'commit', '-q', '-m', 'rename');
    shas.push(git(dir, 'rev-parse', 'HEAD').trim());
    shas.push(commitFile(dir, 'contracts/acme.yaml', 'price: 90\n', 'counter'));
    await createRound(repo, 'contracts/acme.yaml', 'acme', { message: 'second offer' });
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

  it("reads a round from before the rename by the file's current name, under the name it had then", async () => {
    const old = await contractAt(repo, 'round-1', 'contracts/acme.yaml', { contractId: 'acme', name: 'acme.yaml' });
    expect(old).toMatchObject({ ref: 'round-1', commit: shas[0], path: 'contracts/acme draft.yaml' });
    expect(old.loaded).toMatchObject({ file: 'acme.yaml@round-1', value: { price: 100 }, diagnostics: [] });
    const now = await contractAt(repo, 'round-2', 'contracts/acme.yaml', { contractId: 'acme' });
    expect(now).toMatchObject({ commit: shas[2], path: 'contracts/acme.yaml' });
  });

  it('reports a file absent at a ref with git/not-found-at-ref', async () => {
    await expect(contractAt(repo, 'HEAD', 'contracts/nope.yaml')).rejects.toMatchObject({
      code: 'git/not-found-at-ref',
      message: expect.stringMatching(/^contracts\/nope\.yaml does not exist at HEAD \([0-9a-f]{12}\)\.$/),
    });
    await expect(contractAt(repo, 'HEAD', 'contracts')).rejects.toMatchObject({ code: 'git/not-found-at-ref' });
  });

  it('reads every version with its value and path in one pass, oldest first', async () => {
    const versions = await contractHistory(repo, 'contracts/acme.yaml', { contractId: 'acme' });
    expect(versions.map((v) => [v.subject, v.path, v.rounds, v.value])).toEqual([
      ['draft', 'contracts/acme draft.yaml', ['acme/round-1'], { price: 100 }],
      ['rename', 'contracts/acme.yaml', [], { price: 100 }],
      ['counter', 'contracts/acme.yaml', ['acme/round-2'], { price: 90 }],
    ]);
  });

  it('reads each round with the author and date of the version it marks', async () => {
    const rounds = await roundVersions(repo, 'contracts/acme.yaml', 'acme');
    expect(rounds.map((r) => [r.tag, r.commit, r.path, r.value, r.message, r.authorName])).toEqual([
      ['acme/round-1', shas[0], 'contracts/acme draft.yaml', { price: 100 }, 'first offer', 'Ada Author'],
      ['acme/round-2', shas[2], 'contracts/acme.yaml', { price: 90 }, 'second offer', 'Ada Author'],
    ]);
    expect(rounds[0]!.authorDate).toMatch(/^2024-01-01T/); // the commit's author date, not the tag's
    expect(rounds[0]!.taggedAt).toBe('2024-05-01T12:00:00+02:00');
  });
});

describe('history of an agreement started as a copy of another', () => {
  const { dir, cleanup } = tempDir();
  let repo: Repo;
  // Two agreements from one template share most lines: git's --follow calls the second a copy (C088).
  const template = (id: string, vendor: string, hours: number) =>
    [
      `id: ${id}`,
      `vendor: ${vendor}`,
      ...Array.from({ length: 30 }, (_, i) => `clause${i}: standard wording number ${i}`),
      `notificationHours: ${hours}`,
      '',
    ].join('\n');

  beforeAll(async () => {
    initRepo(dir);
    repo = await openRepo(dir);
    commitFile(dir, 'contracts/riverside.yaml', template('riverside', 'Badgeworks Ltd.', 24), 'riverside draft');
    await createRound(repo, 'contracts/riverside.yaml', 'riverside', { message: 'first offer' });
    commitFile(dir, 'contracts/acme.yaml', template('acme', 'Acme Cameras Inc.', 72), 'acme draft');
    commitFile(dir, 'contracts/acme.yaml', template('acme', 'Acme Cameras Inc.', 48), 'acme counter');
  });
  afterAll(cleanup);

  it('starts where the copy was made: none of the other agreement’s commits or rounds', async () => {
    expect(git(dir, 'log', '--follow', '--name-status', '--format=', '--', 'contracts/acme.yaml')).toMatch(
      /^C\d+\tcontracts\/riverside\.yaml\tcontracts\/acme\.yaml$/m,
    );
    const history = await fileHistory(repo, 'contracts/acme.yaml');
    expect(history.map((h) => [h.subject, h.path])).toEqual([
      ['acme counter', 'contracts/acme.yaml'],
      ['acme draft', 'contracts/acme.yaml'],
    ]);
    expect(history.flatMap((h) => h.rounds)).toEqual([]);
    const versions = await contractHistory(repo, 'contracts/acme.yaml');
    expect(versions.map((v) => v.subject)).toEqual(['acme draft', 'acme counter']);
  });

  it('does not read the other agreement as this one at a ref from before the copy', async () => {
    await expect(contractAt(repo, 'riverside/round-1', 'contracts/acme.yaml')).rejects.toMatchObject({ code: 'git/not-found-at-ref' });
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
    await expect(contractAt(repo, 'HEAD~2', 'logo.yaml')).rejects.toMatchObject({
      code: 'git/binary-at-ref',
      message: expect.stringContaining('logo.yaml at HEAD~2'),
    });

    const history = await fileHistory(repo, odd);
    expect(history.map((h) => h.path)).toEqual([odd]);
    await expect(readBlobs(repo, [{ commit: '--output=x', path: 'a' }])).rejects.toMatchObject({ code: 'git/bad-ref' });
  });
});
