import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failing, multitoolBinary, multitoolValidate } from '../../format/test/multitool.js';
import { runCli } from '../../cli/test/run-cli.js';
import { readProvenance } from '../../render/src/provenance.js';
import { COMMENT_MARKER } from '../src/comment.js';
import { example, scratchRepo, type ScratchRepo } from './fixture.js';
import { startFakeGitHub, type FakeGitHub } from './github-api-server.js';

/**
 * `contracts pr` end to end, as a pull-request job runs it: the real built CLI in a real git repository
 * (a base commit on main, the PR's commits on a branch), a simulated Actions environment (event JSON,
 * summary and output files) and a REST server on 127.0.0.1 that checks the token and API version.
 */
const FILE = 'contracts/springfield-smartcam.yaml';
const TOKEN = 'ghs_test-token';
let repo: ScratchRepo;
let api: FakeGitHub;
let baseSha: string;

beforeAll(async () => {
  api = await startFakeGitHub({ token: TOKEN, owner: 'city', repo: 'contracts', issue: 7 });
  // 120 earlier comments by people and other bots: ours must be found past the first page.
  for (let i = 0; i < 120; i++)
    api.comments.push({
      id: i + 1,
      body: i === 5 ? `> ${COMMENT_MARKER}\nquoted` : `comment ${i}`,
      user: { login: `u${i}`, type: i % 3 ? 'User' : 'Bot' },
      html_url: '',
    });
  repo = scratchRepo();
  repo.write(FILE, example());
  repo.write('contracts/nordlicht-building-sensors.yaml', example('nordlicht-building-sensors'));
  baseSha = repo.commit('Agreement as signed off by the buyer');
  repo.git('checkout', '-q', '-b', 'vendor-markup');
});
afterAll(async () => {
  await api.close();
  repo.cleanup();
});

function actionsEnv(extra: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'contracts-actions-'));
  const event = join(dir, 'event.json');
  const head = repo.git('rev-parse', 'HEAD').trim();
  writeFileSync(
    event,
    JSON.stringify({
      number: 7,
      pull_request: {
        number: 7,
        base: { sha: baseSha, ref: 'main', repo: { full_name: 'city/contracts' } },
        head: { sha: head, ref: 'vendor-markup', repo: { full_name: extra.HEAD_REPO ?? 'city/contracts' } },
      },
      repository: { full_name: 'city/contracts' },
    }),
  );
  const summary = join(dir, 'summary.md');
  const output = join(dir, 'output.txt');
  writeFileSync(summary, '');
  writeFileSync(output, '');
  const env = {
    ...repo.env,
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'city/contracts',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_OUTPUT: output,
    GITHUB_API_URL: api.url,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_RUN_ID: '4242',
    GITHUB_SHA: head,
    GITHUB_TOKEN: TOKEN,
    GITHUB_WORKSPACE: repo.dir,
    SOURCE_DATE_EPOCH: '1772704800',
    ...extra,
  };
  return { env, dir, summary: () => readFileSync(summary, 'utf8'), output: () => readFileSync(output, 'utf8') };
}

const pr = (env: Record<string, string>, dir: string, args: string[] = [], cwd = repo.dir) =>
  runCli(['pr', '--base', baseSha, '--sarif', join(dir, 'contracts.sarif'), '--out-dir', join(dir, 'redlines'), ...args], { cwd, env, timeoutMs: 120_000 });

const ours = () => api.comments.filter((c) => c.body.startsWith(COMMENT_MARKER));

describe('contracts pr on a pull request', () => {
  it('passes a good change: exit 0, a summary, one comment created', async () => {
    repo.write(FILE, example().replace('encryptionInTransit: tls-1.2', 'encryptionInTransit: tls-1.3'));
    repo.commit('Buyer: TLS 1.3 in transit');
    const run = actionsEnv();
    const r = await pr(run.env, run.dir);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(run.summary()).toContain('✅ This change introduces no findings');
    expect(run.summary()).toMatch(/Encryption in transit[^\n]*tls-1\.2[^\n]*tls-1\.3[^\n]*buyer/);
    expect(ours()).toHaveLength(1);
    expect(api.requests.filter((q) => q.method === 'POST')).toHaveLength(1);
    expect(api.requests.filter((q) => q.method === 'GET').map((q) => q.path)).toEqual([
      '/api/v3/repos/city/contracts/issues/7/comments?per_page=100',
      '/api/v3/repos/city/contracts/issues/7/comments?per_page=100&page=2',
    ]);
    expect(run.output()).toMatch(/^introduced-errors=0$/m);
  });

  it('fails a walk-away change with annotations, a summary, SARIF, redlines, and updates the one comment', async () => {
    repo.write(FILE, repo.read(FILE).replace('notificationHours: 48', 'notificationHours: 120'));
    repo.commit('Vendor markup: five days to notify');
    const run = actionsEnv();
    const r = await pr(run.env, run.dir);
    expect(r.exitCode, r.stderr).toBe(1);

    // Annotations: within GitHub's limits, the new walk-away first, on its line, path from the repository root.
    const line =
      repo
        .read(FILE)
        .split('\n')
        .findIndex((l) => l.includes('notificationHours')) + 1;
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error '));
    const warnings = r.stdout.split('\n').filter((l) => l.startsWith('::warning '));
    expect(errors[0]).toMatch(
      new RegExp(`^::error file=contracts/springfield-smartcam\\.yaml,line=${line},col=24,.*title=playbook/walk-away::.*introduced by this change`),
    );
    expect(errors.length).toBeLessThanOrEqual(10);
    expect(warnings.length).toBeLessThanOrEqual(10);
    expect(r.stdout.match(/^::notice /gm)?.length ?? 0).toBeLessThanOrEqual(1);

    // The summary: verdict, the finding marked new, the move, the redline named.
    const summary = run.summary();
    expect(summary).toContain('❌ This change introduces 1 error');
    expect(summary).toMatch(/🆕 new \| ❌ error \| \d+:24 \| `terms\.incidentResponse\.notificationHours`/);
    expect(summary).toMatch(/Vendor breach notice to buyer \| 48 hours \| 120 hours \| 🔴 vendor \| fallback → walk-away \| \*\*entered walk-away\*\*/);
    expect(summary).toContain('springfield-smartcam-');

    // Redlines for upload: a DOCX (a zip with tracked changes) and an HTML file with <ins>/<del>.
    const red = run.output().match(/^redline-dir=(.*)$/m)![1]!;
    const files = r.stderr.match(/wrote (\S+\.(?:docx|html))/g)!.map((w) => w.slice('wrote '.length));
    expect(files.map((f) => f.replace(/^.*\//, '')).sort()).toEqual([
      expect.stringMatching(/^springfield-smartcam-[0-9a-f]{7}-[0-9a-f]{7}\.docx$/),
      expect.stringMatching(/^springfield-smartcam-[0-9a-f]{7}-[0-9a-f]{7}\.html$/),
    ]);
    const html = readFileSync(join(red, files.find((f) => f.endsWith('.html'))!.replace(/^.*\//, '')), 'utf8');
    expect(html).toMatch(/<del[^>]*>forty-eight \(48<\/del>[\s\S]*<ins[^>]*>one hundred and twenty \(120<\/ins>/);
    const docx = readFileSync(join(red, files.find((f) => f.endsWith('.docx'))!.replace(/^.*\//, '')));
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    // It records the head commit it shows, so `contracts import` finds the base of a vendor's markup of it.
    expect(readProvenance(docx)).toMatchObject({ contractId: 'springfield-smartcam', commit: repo.git('rev-parse', 'HEAD').trim() });

    // One comment, updated in place: never a second.
    expect(ours()).toHaveLength(1);
    expect(api.requests.filter((q) => q.method === 'POST')).toHaveLength(1);
    expect(api.requests.filter((q) => q.method === 'PATCH')).toHaveLength(1);
    expect(ours()[0]!.body).toContain('❌ This change introduces 1 error');
    expect(ours()[0]!.body).toContain('[Full report and redlines](https://github.example/city/contracts/actions/runs/4242)');
  });

  it.skipIf(!multitoolBinary().path)("writes SARIF that Microsoft's multitool accepts with GitHub's rules, paths from the repository root", async () => {
    const run = actionsEnv();
    const r = await pr(run.env, run.dir, ['--no-comment'], join(repo.dir, 'contracts'));
    expect(r.exitCode, r.stderr).toBe(1);
    const text = readFileSync(join(run.dir, 'contracts.sarif'), 'utf8');
    expect(failing(await multitoolValidate(text))).toEqual([]);
    const log = JSON.parse(text);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: FILE, uriBaseId: '%SRCROOT%' });
    expect(log.runs[0].tool.driver.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(r.stdout).toMatch(/^::error file=contracts\/springfield-smartcam\.yaml,/m);
  });

  it("degrades on a fork's read-only token: summary written, one warning line, no error from the API", async () => {
    api.readOnly = true;
    try {
      const before = api.comments.length;
      const run = actionsEnv({ HEAD_REPO: 'vendor/contracts' });
      const r = await pr(run.env, run.dir);
      expect(r.exitCode, r.stderr).toBe(1); // the walk-away, not the comment
      expect(run.summary()).toContain('❌ This change introduces 1 error');
      const lines = r.stdout.split('\n').filter((l) => /comment/i.test(l));
      expect(lines).toEqual([expect.stringMatching(/^::warning title=contracts::No PR comment: the job token may not write comments here \(HTTP 403/)]);
      expect(api.comments.length).toBe(before);
    } finally {
      api.readOnly = false;
    }
  });

  it('prints the summary when run by hand (no --summary, no GITHUB_STEP_SUMMARY), escaped for the terminal', async () => {
    const r = await runCli(['pr', '--base', baseSha, '--no-comment'], { cwd: repo.dir, env: { ...repo.env, SOURCE_DATE_EPOCH: '1772704800' } });
    expect(r.exitCode, r.stderr).toBeLessThanOrEqual(1);
    expect(r.stdout).toMatch(/^## /m);
    expect(r.stdout).toContain('contracts/springfield-smartcam.yaml');
    expect(r.stdout).not.toMatch(/[\u001b\u009b]/);
  });

  it('refuses an unknown base with one line and exit 2', async () => {
    const run = actionsEnv();
    const r = await runCli(['pr', '--base', 'no-such-branch', '--no-comment'], { cwd: repo.dir, env: run.env });
    expect(r.exitCode).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^contracts: The base no-such-branch is not in this clone .*fetch-depth: 0/)]);
  });
});
