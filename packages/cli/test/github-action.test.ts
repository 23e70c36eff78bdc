import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadYamlText } from '@contracts/core';
import { BUYER, commitFile, makeRepo, VENDOR, type TestRepo } from './git-fixture.js';
import { repoRoot } from './run-cli.js';

/**
 * The composite action's check step, run as GitHub would run it on a pull request: in a clone whose
 * `origin` has the base branch, with GITHUB_ACTION_PATH and GITHUB_STEP_SUMMARY set.
 */
const actionDir = join(repoRoot, '.github/actions/contracts');
const action = loadYamlText(readFileSync(join(actionDir, 'action.yml'), 'utf8'), 'action.yml').value as unknown as {
  runs: { steps: { name?: string; run?: string }[] };
};
const checkStep = action.runs.steps.find((s) => s.name === 'Check contracts')!.run!;

const FILE = 'contracts/springfield-smartcam.yaml';
let origin: TestRepo;
let work: TestRepo;

beforeAll(() => {
  origin = makeRepo('contracts-action-origin-');
  const source = readFileSync(join(repoRoot, FILE), 'utf8');
  commitFile(origin, FILE, source, { message: 'Agreement as signed off by the buyer', author: BUYER, date: '2026-03-01T10:00:00Z' });
  work = makeRepo('contracts-action-pr-');
  work.git('remote', 'add', 'origin', origin.dir);
  work.git('fetch', '-q', 'origin', 'main');
  work.git('checkout', '-q', '-b', 'vendor-markup', 'origin/main');
  commitFile(work, FILE, source.replace('notificationHours: 48', 'notificationHours: 120'), {
    message: 'Vendor markup',
    author: VENDOR,
    date: '2026-03-05T10:00:00Z',
  });
});
afterAll(() => {
  origin.cleanup();
  work.cleanup();
});

function runStep(env: Record<string, string>) {
  const summary = join(mkdtempSync(join(tmpdir(), 'contracts-summary-')), 'summary.md');
  writeFileSync(summary, '');
  const result = spawnSync('bash', ['-c', checkStep], {
    cwd: work.dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      ...work.env,
      NO_COLOR: '1',
      GITHUB_ACTION_PATH: actionDir,
      GITHUB_STEP_SUMMARY: summary,
      PATHS: 'contracts/',
      PLAYBOOK: '',
      SHARD: '1/1',
      CHANGED_ONLY: 'true',
      BASE_REF: 'main',
      ...env,
    },
    timeout: 60_000,
  });
  return { ...result, summary: readFileSync(summary, 'utf8') };
}

describe('the GitHub Action on a pull request', () => {
  it('annotates the exact YAML line, summarises the findings and what moved, and fails on a walk-away', () => {
    const r = runStep({ FAIL_ON_FINDINGS: 'true' });
    expect(r.status, r.stderr).toBe(1);
    const line =
      readFileSync(join(work.dir, FILE), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('notificationHours')) + 1;
    expect(r.stdout).toMatch(new RegExp(`^::error file=contracts/springfield-smartcam\\.yaml,line=${line},col=24,.*title=playbook/walk-away::`, 'm'));
    expect(r.summary).toContain('## Contracts');
    expect(r.summary).toMatch(/Vendor breach notice to buyer[^\n]*48[^\n]*120/);
  });

  it('reports without failing when fail-on-findings is false', () => {
    const r = runStep({ FAIL_ON_FINDINGS: 'false' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('::error file=contracts/springfield-smartcam.yaml');
  });
});
