import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const cliBin = join(repoRoot, 'packages/cli/bin/run.js');

/** A scratch git repository with a fixed identity, and no global or system git configuration. */
export function scratchRepo(prefix = 'contracts-pr-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const env: Record<string, string> = {
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'Vic Vendor',
    GIT_AUTHOR_EMAIL: 'vic@acme.example',
    GIT_AUTHOR_DATE: '2026-03-05T10:00:00Z',
    GIT_COMMITTER_NAME: 'Vic Vendor',
    GIT_COMMITTER_EMAIL: 'vic@acme.example',
    GIT_COMMITTER_DATE: '2026-03-05T10:00:00Z',
  };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: { ...process.env, ...env }, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  return {
    dir,
    env,
    git,
    write(path: string, text: string) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    },
    read: (path: string) => readFileSync(join(dir, path), 'utf8'),
    commit(message: string) {
      git('add', '-A');
      git('commit', '-q', '-m', message);
      return git('rev-parse', 'HEAD').trim();
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
export type ScratchRepo = ReturnType<typeof scratchRepo>;

export const example = (name = 'springfield-smartcam') => readFileSync(join(repoRoot, 'contracts', `${name}.yaml`), 'utf8');

/**
 * The pull_request event of `repo`'s HEAD against `baseSha` and the Actions environment a job sees
 * (the API at `apiUrl`), written under `dir`; the options `checkPullRequest` takes for it.
 */
export function pullRequestRun(repo: ReturnType<typeof scratchRepo>, o: { apiUrl: string; token: string; issue: number; baseSha: string; dir: string }) {
  const head = repo.git('rev-parse', 'HEAD').trim();
  const event = join(o.dir, 'event.json');
  writeFileSync(
    event,
    JSON.stringify({ pull_request: { number: o.issue, base: { sha: o.baseSha, ref: 'main' }, head: { sha: head, repo: { full_name: 'city/contracts' } } } }),
  );
  const env = {
    ...repo.env,
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'city/contracts',
    GITHUB_EVENT_PATH: event,
    GITHUB_API_URL: o.apiUrl,
    GITHUB_TOKEN: o.token,
    GITHUB_WORKSPACE: repo.dir,
    SOURCE_DATE_EPOCH: '1772704800',
  };
  const tool = { toolVersion: '0.1.0', toolInformationUri: 'https://github.example/city/contracts-as-code' };
  return { cwd: repo.dir, env, summary: join(o.dir, 'summary.md'), sarif: join(o.dir, 'contracts.sarif'), ...tool };
}
