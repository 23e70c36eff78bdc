import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Fixed identities and dates so every test repository is byte-for-byte reproducible. */
const IDENTITY = {
  GIT_AUTHOR_NAME: 'Ada Author',
  GIT_AUTHOR_EMAIL: 'ada@example.com',
  GIT_COMMITTER_NAME: 'Nick Negotiator',
  GIT_COMMITTER_EMAIL: 'nick@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
};
// The library itself (tags via simple-git) inherits process.env.
Object.assign(process.env, IDENTITY, { GIT_COMMITTER_DATE: '2024-05-01T12:00:00+02:00' });

let tick = 0;

/** Runs git in `cwd` with fixed identity; each call gets a later fixed date. */
export function git(cwd: string, ...args: string[]): string {
  tick += 1;
  const date = new Date(Date.UTC(2024, 0, 1) + tick * 60_000).toISOString();
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...IDENTITY, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** A fresh temp directory, removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'contracts-git-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A new repository with a main branch and a local identity. */
export function initRepo(dir: string): string {
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.name', IDENTITY.GIT_COMMITTER_NAME);
  git(dir, 'config', 'user.email', IDENTITY.GIT_COMMITTER_EMAIL);
  git(dir, 'config', 'commit.gpgsign', 'false');
  git(dir, 'config', 'tag.gpgsign', 'false');
  return dir;
}

/** Writes a file (creating folders) relative to the repository. */
export function write(dir: string, rel: string, content: string | Uint8Array): void {
  const path = join(dir, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

/** Writes and commits one file; returns the new commit SHA. */
export function commitFile(dir: string, rel: string, content: string | Uint8Array, message: string): string {
  write(dir, rel, content);
  git(dir, 'add', '--', rel);
  git(dir, 'commit', '-q', '-m', message);
  return git(dir, 'rev-parse', 'HEAD').trim();
}
