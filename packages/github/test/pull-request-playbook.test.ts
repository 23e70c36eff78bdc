import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { failing, multitoolBinary, multitoolValidate } from '../../format/test/multitool.js';
import { checkPullRequest } from '../src/index.js';
import { COMMENT_MARKER } from '../src/comment.js';
import { example, repoRoot, scratchRepo, type ScratchRepo } from './fixture.js';
import { startFakeGitHub, type FakeGitHub } from './github-api-server.js';

/**
 * The playbook is hostile input in a pull request: a PR that loosens it and moves a contract into the
 * loosened range in the same commit must fail on the base's playbook, and say in its own section what
 * the edit would change. Real git repositories, the review run in-process with a simulated Actions
 * environment, the PR comment through a REST server on 127.0.0.1.
 */
const FILE = 'contracts/springfield-smartcam.yaml';
const TOKEN = 'ghs_playbook-test';
const playbook = readFileSync(join(repoRoot, 'playbook.yaml'), 'utf8');
const NOTICE = '    better: lower\n    preferred: 24\n    fallback: 48\n    walkAwayBeyond: 72\n';
const withNotice = (preferred: number, fallback: number, walkAway: number) =>
  playbook.replace(NOTICE, `    better: lower\n    preferred: ${preferred}\n    fallback: ${fallback}\n    walkAwayBeyond: ${walkAway}\n`);

let api: FakeGitHub;
let repo: ScratchRepo;
let baseSha: string;
const scratch: string[] = [];

beforeAll(async () => {
  expect(playbook).toContain(NOTICE);
  api = await startFakeGitHub({ token: TOKEN, owner: 'city', repo: 'contracts', issue: 9 });
});
afterAll(() => api.close());
afterEach(() => {
  repo?.cleanup();
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A base commit on main (with `files`), then a branch for the PR. */
function baseWith(files: Record<string, string>) {
  repo = scratchRepo('contracts-pr-playbook-');
  for (const [path, text] of Object.entries(files)) repo.write(path, text);
  baseSha = repo.commit('As signed off by counsel');
  repo.git('checkout', '-q', '-b', 'vendor-markup');
}

async function review(options: { base?: string | null; comment?: boolean; sarif?: boolean } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'contracts-actions-'));
  scratch.push(dir);
  const head = repo.git('rev-parse', 'HEAD').trim();
  const base = options.base === null ? undefined : (options.base ?? baseSha);
  writeFileSync(
    join(dir, 'event.json'),
    JSON.stringify(
      base
        ? {
            pull_request: {
              number: 9,
              base: { sha: base, ref: 'main', repo: { full_name: 'city/contracts' } },
              head: { sha: head, repo: { full_name: 'city/contracts' } },
            },
          }
        : { before: '0000000000000000000000000000000000000000', after: head },
    ),
  );
  const env = {
    ...repo.env,
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'city/contracts',
    GITHUB_EVENT_NAME: base ? 'pull_request' : 'push',
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
    GITHUB_API_URL: api.url,
    GITHUB_TOKEN: TOKEN,
    GITHUB_WORKSPACE: repo.dir,
    SOURCE_DATE_EPOCH: '1772704800',
  };
  const summary = join(dir, 'summary.md');
  const sarif = options.sarif ? join(dir, 'contracts.sarif') : undefined;
  const tool = { toolVersion: '0.1.0', toolInformationUri: 'https://github.example/city/contracts-as-code' };
  const result = await checkPullRequest({ cwd: repo.dir, env, summary, comment: options.comment ?? false, sarif, ...tool });
  return { ...result, summaryText: readFileSync(summary, 'utf8'), sarifText: sarif ? readFileSync(sarif, 'utf8') : '' };
}

describe('contracts pr when the change edits the playbook', () => {
  it('fails a PR that loosens the playbook and moves a contract into the loosened range, judged with the base playbook', async () => {
    baseWith({ 'playbook.yaml': playbook, [FILE]: example() });
    repo.write('playbook.yaml', withNotice(720, 800, 1000));
    repo.write(FILE, example().replace('notificationHours: 48', 'notificationHours: 720'));
    repo.commit('Vendor markup: thirty days to notify, and a playbook to match');
    const r = await review({ comment: true });

    expect(r.exitCode).toBe(1);
    const walkAway = r.review.contracts[0]!.findings.find((f) => f.code === 'playbook/walk-away');
    expect(walkAway).toMatchObject({ introduced: true, path: '/terms/incidentResponse/notificationHours' });
    expect(r.log).toMatch(
      /^::warning title=contracts::This change edits the playbook playbook\.yaml: the contracts were judged with the base branch's playbook\./m,
    );
    expect(r.log).toMatch(/^::error file=contracts\/springfield-smartcam\.yaml,.*title=playbook\/walk-away::/m);

    const section = r.summaryText.slice(r.summaryText.indexOf('### Playbook: this change edits `playbook.yaml`'));
    expect(section).not.toBe(r.summaryText);
    expect(section).toContain("judged with the base branch's playbook");
    expect(section).toContain(
      '| Vendor breach notice to buyer (`incidentResponse.notificationHours`) | preferred at most 24 hours · fallback at most 48 hours · walk-away beyond 72 hours | preferred at most 720 hours · fallback at most 800 hours · walk-away beyond 1000 hours | 🔓 looser |',
    );
    expect(section).toMatch(
      /\| `contracts\/springfield-smartcam\.yaml` \| ➖ would remove \| ❌ error \| \d+:\d+ \| `terms\.incidentResponse\.notificationHours` \|.*`playbook\/walk-away`/,
    );

    const ours = api.comments.filter((c) => c.body.startsWith(COMMENT_MARKER));
    expect(ours).toHaveLength(1);
    expect(ours[0]!.body).toContain('#### Playbook: this change edits `playbook.yaml`');
    expect(ours[0]!.body).toContain('🔓 looser');
  });

  it('passes a PR that only tightens the playbook, listing the findings it would add to unchanged contracts', async () => {
    baseWith({ 'playbook.yaml': playbook, [FILE]: example() });
    repo.write('playbook.yaml', withNotice(12, 24, 36));
    repo.commit('Counsel: faster breach notice');
    const r = await review();

    expect(r.exitCode).toBe(0);
    expect(r.review.contracts).toEqual([]);
    expect(r.summaryText).toContain('✅ This change touches no contract.');
    expect(r.summaryText).toContain('| 🔒 tighter |');
    expect(r.summaryText).toMatch(/\| `contracts\/springfield-smartcam\.yaml` \| ➕ would add \| ❌ error \|.*`playbook\/walk-away`/);
    expect(r.review.playbook).toMatchObject({ file: 'playbook.yaml', status: 'modified', judgedWith: 'base', problems: [] });
  });

  it('judges with the bundled playbook when the PR adds the first playbook.yaml, and with its own on the first commit', async () => {
    baseWith({ [FILE]: example() });
    repo.write('playbook.yaml', withNotice(720, 800, 1000));
    repo.write(FILE, example().replace('notificationHours: 48', 'notificationHours: 720'));
    repo.commit('A playbook of our own');
    const pr = await review();
    expect(pr.exitCode).toBe(1);
    expect(pr.review.playbook).toMatchObject({ status: 'added', judgedWith: 'bundled' });
    expect(pr.summaryText).toContain('### Playbook: this change adds `playbook.yaml`');
    expect(pr.summaryText).toContain('the bundled playbook, which the base used');

    // No base (the first commit): nothing older to trust, the committed playbook judges, no playbook section.
    const first = await review({ base: null });
    expect(first.review.base).toBeUndefined();
    expect(first.review.playbook).toBeUndefined();
    const notice = first.review.contracts[0]!.findings.filter((f) => f.path === '/terms/incidentResponse/notificationHours').map((f) => f.code);
    expect(notice).not.toContain('playbook/walk-away');
    expect(first.summaryText).not.toContain('### Playbook');
  });

  it('judges with the base playbook when the PR deletes playbook.yaml to fall back to the bundled one', async () => {
    baseWith({ 'playbook.yaml': withNotice(12, 24, 36), [FILE]: example().replace('notificationHours: 48', 'notificationHours: 24') });
    repo.git('rm', '-q', 'playbook.yaml');
    repo.write(FILE, example());
    repo.commit('Vendor: drop the house playbook');
    const r = await review();
    expect(r.exitCode).toBe(1);
    expect(r.review.playbook).toMatchObject({ status: 'removed', judgedWith: 'base' });
    expect(r.summaryText).toContain('### Playbook: this change deletes `playbook.yaml`');
  });

  it('fails a PR that breaks the playbook, with the error annotated on playbook.yaml, and still reviews the contracts', async () => {
    baseWith({ 'playbook.yaml': playbook, [FILE]: example() });
    repo.write('playbook.yaml', playbook.replace(NOTICE, '    better: lower\n    preferred: soon\n'));
    repo.write(FILE, example().replace('notificationHours: 48', 'notificationHours: 120'));
    repo.commit('Vendor: a playbook that cannot rate the notice');
    const r = await review({ sarif: true });
    expect(r.exitCode).toBe(1);
    expect(r.review.playbook!.problems.length).toBeGreaterThan(0);
    expect(r.log).toMatch(/^::error file=playbook\.yaml,line=\d+,/m);
    expect(r.review.contracts[0]!.findings.some((f) => f.code === 'playbook/walk-away' && f.introduced)).toBe(true);
    expect(r.summaryText).toContain('#### Errors in the proposed playbook');
    const results = JSON.parse(r.sarifText).runs[0].results;
    expect(
      results.some(
        (x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
          x.locations[0]!.physicalLocation.artifactLocation.uri === 'playbook.yaml',
      ),
    ).toBe(true);
    if (multitoolBinary().path) expect(failing(await multitoolValidate(r.sarifText))).toEqual([]);
  });
});
