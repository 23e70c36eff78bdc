import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPullRequest } from '../src/index.js';
import { COMMENT_MARKER } from '../src/comment.js';
import { example, pullRequestRun, scratchRepo, type ScratchRepo } from './fixture.js';
import { startFakeGitHub, type FakeGitHub } from './github-api-server.js';

/**
 * A pull request that brings the counterparty's own wording (`negotiatedWording`, as `contracts import`
 * writes it): the summary and the PR comment list it after the position moves, as `contracts diff
 * --format markdown` does. Real git, the comment through a REST server on 127.0.0.1.
 */
const TOKEN = 'ghs_wording-test';
const FILE = 'contracts/springfield-smartcam.yaml';
const SUSPEND = 'The Vendor may suspend remote support while undisputed invoices are more than ninety (90) days overdue, and **@acme/legal** decides.';
let api: FakeGitHub;
let repo: ScratchRepo;
let baseSha: string;
let dir: string;

beforeAll(async () => {
  api = await startFakeGitHub({ token: TOKEN, owner: 'city', repo: 'contracts', issue: 21 });
  repo = scratchRepo('contracts-pr-wording-');
  repo.write(FILE, example());
  baseSha = repo.commit('As sent');
  repo.git('checkout', '-q', '-b', 'vendor-markup');
  repo.write(
    FILE,
    `${example().replace('notificationHours: 48', 'notificationHours: 72')}negotiatedWording:
  - clause: termination/termination-for-breach
    text: "${SUSPEND}"
    proposedBy: Marcus Lee (Acme Cameras)
    proposedAt: 2026-03-05T09:00:00Z
    tracked: true
    comments:
      - author: Marcus Lee (Acme Cameras)
        date: 2026-03-05T09:01:00Z
        text: We need leverage on late payment.
`,
  );
  repo.commit("Acme's markup");
  dir = mkdtempSync(join(tmpdir(), 'contracts-actions-'));
});
afterAll(async () => {
  await api.close();
  repo.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('contracts pr with negotiated wording', () => {
  it('shows the wording the PR adds, whole and escaped, and its comment, in the summary and the PR comment', async () => {
    const run = pullRequestRun(repo, { apiUrl: api.url, token: TOKEN, issue: 21, baseSha, dir });
    const r = await checkPullRequest(run);
    expect(r.review.contracts[0]!.diff?.wording?.summary).toEqual({ added: 1, changed: 0, withdrawn: 0, comments: 1, restatements: 0 });
    const summary = readFileSync(run.summary, 'utf8');
    const comment = api.comments.find((c) => c.body.startsWith(COMMENT_MARKER))!.body;
    for (const body of [summary, comment]) {
      expect(body).toContain('1 position moved: 0 toward the buyer, 1 toward the vendor; negotiated wording 1 added; 1 comment added.');
      expect(body).toMatch(/#####? Negotiated wording outside the playbook: counsel to review \(1\)/);
      expect(body).toContain(
        '- added: **clause termination/termination-for-breach** — Marcus Lee (Acme Cameras), 2026-03-05 09:00Z: The Vendor may suspend remote support while undisputed invoices are more than ninety (90) days overdue, and \\*\\*@&#8203;acme/legal\\*\\* decides.',
      );
      expect(body).toContain("  - replaces the template's wording");
      expect(body).toContain(
        '- **clause termination/termination-for-breach** — Marcus Lee (Acme Cameras), 2026-03-05 09:01Z: We need leverage on late payment.',
      );
    }
  });
});
