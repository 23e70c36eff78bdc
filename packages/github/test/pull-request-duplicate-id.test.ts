import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPullRequest } from '../src/index.js';
import { example, pullRequestRun, scratchRepo, type ScratchRepo } from './fixture.js';
import { startFakeGitHub, type FakeGitHub } from './github-api-server.js';

/**
 * A pull request that copies a contract to start another deal and leaves its id: the copy would share
 * the original's round tags, so the review reports it (contract/duplicate-id, as check does) and fails.
 * Real git, a simulated Actions environment, the comment through a REST server on 127.0.0.1.
 */
const TOKEN = 'ghs_duplicate-id-test';
let api: FakeGitHub;
let repo: ScratchRepo;
let baseSha: string;
let dir: string;

beforeAll(async () => {
  api = await startFakeGitHub({ token: TOKEN, owner: 'city', repo: 'contracts', issue: 12 });
  repo = scratchRepo('contracts-pr-dup-');
  repo.write('contracts/springfield-smartcam.yaml', example());
  baseSha = repo.commit('As signed');
  repo.git('checkout', '-q', '-b', 'copy');
  repo.write('contracts/a-new-deal.yaml', example());
  repo.commit('Start a new deal from the signed one');
  dir = mkdtempSync(join(tmpdir(), 'contracts-actions-'));
});
afterAll(async () => {
  await api.close();
  repo.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('contracts pr with a contract that copies another one’s id', () => {
  it('reports the copy at its id line as an introduced error, though the original is not in the change', async () => {
    const r = await checkPullRequest(pullRequestRun(repo, { apiUrl: api.url, token: TOKEN, issue: 12, baseSha, dir }));
    expect(r.exitCode).toBe(1);
    expect(r.review.contracts.map((c) => c.path)).toEqual(['contracts/a-new-deal.yaml']);
    const idLine =
      example()
        .split('\n')
        .findIndex((l) => l.startsWith('id:')) + 1;
    expect(r.review.contracts[0]!.findings).toContainEqual(
      expect.objectContaining({
        code: 'contract/duplicate-id',
        line: idLine,
        introduced: true,
        message: expect.stringContaining('also the id of contracts/springfield-smartcam.yaml'),
      }),
    );
  });
});
