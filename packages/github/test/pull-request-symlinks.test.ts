import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failing, multitoolBinary, multitoolValidate } from '../../format/test/multitool.js';
import { checkPullRequest } from '../src/index.js';
import { COMMENT_MARKER } from '../src/comment.js';
import { example, pullRequestRun, scratchRepo, type ScratchRepo } from './fixture.js';
import { startFakeGitHub, type FakeGitHub } from './github-api-server.js';

/**
 * Symlinks a pull request commits under contracts/: a link out of the repository and a link into its
 * .git are findings on those files (as check reports them), never an aborted review and never a file
 * left out; every other contract is still reviewed, annotated, summarised and commented. Real git,
 * a simulated Actions environment, the comment through a REST server on 127.0.0.1.
 */
const TOKEN = 'ghs_symlink-test';
let api: FakeGitHub;
let repo: ScratchRepo;
let baseSha: string;
let dir: string;

beforeAll(async () => {
  api = await startFakeGitHub({ token: TOKEN, owner: 'city', repo: 'contracts', issue: 11 });
  repo = scratchRepo('contracts-pr-links-');
  repo.write('contracts/springfield-smartcam.yaml', example());
  baseSha = repo.commit('As signed');
  repo.git('checkout', '-q', '-b', 'hostile');
  symlinkSync('/etc/passwd', join(repo.dir, 'contracts/passwd.yaml'));
  symlinkSync('../.git/config', join(repo.dir, 'contracts/gitcfg.yaml'));
  repo.write(
    'contracts/walk.yaml',
    example()
      .replace(/^id: .*$/m, 'id: walk')
      .replace('notificationHours: 48', 'notificationHours: 720'),
  );
  repo.commit('Links and a walk-away');
  dir = mkdtempSync(join(tmpdir(), 'contracts-actions-'));
});
afterAll(async () => {
  await api.close();
  repo.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('contracts pr with symlinked contracts in the change', () => {
  it('reports each link that leaves the repository as io/symlink-outside on that file, and reviews every other contract', async () => {
    const r = await checkPullRequest(pullRequestRun(repo, { apiUrl: api.url, token: TOKEN, issue: 11, baseSha, dir }));

    expect(r.exitCode).toBe(1);
    expect(r.review.contracts.map((c) => c.path)).toEqual(['contracts/gitcfg.yaml', 'contracts/passwd.yaml', 'contracts/walk.yaml']);
    const [gitcfg, passwd, walk] = r.review.contracts;
    expect(passwd!.findings).toEqual([
      expect.objectContaining({
        code: 'io/symlink-outside',
        file: 'contracts/passwd.yaml',
        line: 1,
        introduced: true,
        message: 'This is a symbolic link to /etc/passwd, outside the repository; it was not read',
      }),
    ]);
    expect(gitcfg!.findings).toEqual([
      expect.objectContaining({
        code: 'io/symlink-outside',
        file: 'contracts/gitcfg.yaml',
        line: 1,
        message: "This is a symbolic link to ../.git/config, inside the repository's .git folder; it was not read",
      }),
    ]);
    expect(walk!.findings.some((f) => f.code === 'playbook/walk-away' && f.introduced)).toBe(true);

    // Nothing of the link targets is read into any output.
    const summary = readFileSync(join(dir, 'summary.md'), 'utf8');
    const sarif = readFileSync(join(dir, 'contracts.sarif'), 'utf8');
    for (const text of [summary, sarif, r.log]) expect(text).not.toMatch(/root:x:0:0|repositoryformatversion/);
    expect(r.log).toMatch(/^::error file=contracts\/passwd\.yaml,line=1,.*title=io\/symlink-outside::This is a symbolic link to \/etc\/passwd/m);
    expect(r.log).toMatch(/^::error file=contracts\/gitcfg\.yaml,line=1,.*title=io\/symlink-outside::/m);
    expect(summary).toContain('### `contracts/walk.yaml` (added)');
    expect(summary).toContain('### `contracts/passwd.yaml` (added)');
    expect(JSON.parse(sarif).runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toEqual(
      expect.arrayContaining(['io/symlink-outside', 'io/symlink-outside', 'playbook/walk-away']),
    );
    if (multitoolBinary().path) expect(failing(await multitoolValidate(sarif))).toEqual([]);
    const ours = api.comments.filter((c) => c.body.startsWith(COMMENT_MARKER));
    expect(ours).toHaveLength(1);
    expect(ours[0]!.body).toContain('contracts/passwd.yaml');
    expect(ours[0]!.body).toContain('contracts/walk.yaml');
  });
});
