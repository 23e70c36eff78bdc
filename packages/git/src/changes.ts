import { execFile } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { copyFile, mkdtemp, rm, stat, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { runGit, toContractsError } from './exec.js';
import { resolveRef } from './refs.js';
import type { Repo } from './repo.js';

const execFileAsync = promisify(execFile);

/** A file that differs between a ref and the working tree. */
export interface ChangedFile {
  /** A (added), M (modified), D (deleted), R (renamed), C (copied), T (type changed). */
  status: 'A' | 'M' | 'D' | 'R' | 'C' | 'T';
  /** Repo-relative path in the working tree (the old path for deletions). */
  path: string;
  /** For renames and copies: the path at the ref. */
  oldPath?: string;
}

/**
 * Files changed between `ref` and the working tree: committed, staged, unstaged and untracked
 * (but not ignored) changes, with renames detected — also for a file moved without `git mv`.
 */
export async function changedFilesSince(repo: Repo, ref: string, contractId?: string): Promise<ChangedFile[]> {
  const sha = await resolveRef(repo, ref, contractId);
  // Untracked files only take part in rename detection when they are in the index. Mark them
  // intent-to-add in a *copy* of the index so the user's real index is never touched.
  const dir = await mkdtemp(join(tmpdir(), 'contracts-git-'));
  try {
    const index = join(dir, 'index');
    const real = (await runGit(repo.git, ['rev-parse', '--git-path', 'index'])).trim();
    const realIndex = isAbsolute(real) ? real : join(repo.root, real);
    await copyFile(realIndex, index).catch(() => {});
    // The copy keeps the index's own mtime: git trusts an entry's stat data only when the file is older
    // than the index ("racy git"), and a fresh mtime would hide a same-size edit made in the second the
    // index was last written (git compares whole seconds).
    await stat(realIndex).then(
      (s) => utimes(index, s.atime, s.mtime),
      () => {},
    );
    const env = { ...process.env, GIT_INDEX_FILE: index };
    await gitWithEnv(repo.root, env, ['--literal-pathspecs', 'add', '--intent-to-add', '--', '.']);
    const out = await gitWithEnv(repo.root, env, ['diff', '--no-color', '--no-ext-diff', '--name-status', '-z', '-M', '--end-of-options', sha, '--']);
    return parseNameStatus(out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The files among `files` (paths relative to the working directory, or absolute) that exist and were
 * added, modified, renamed, copied or left untracked since `ref`: what `check --changed-since` checks.
 * Order is kept. `contractId` lets `ref` be a round shorthand (`round-2` for `<id>/round-2`).
 */
export async function keepChangedSince(repo: Repo, files: readonly string[], ref: string, contractId?: string): Promise<string[]> {
  const changed = new Set((await changedFilesSince(repo, ref, contractId)).filter((c) => c.status !== 'D').map((c) => resolve(repo.root, c.path)));
  return files.filter((file) => {
    try {
      // repo.root is symlink-resolved, so the files are too (/tmp → /private/tmp on macOS).
      return changed.has(realpathSync(file));
    } catch {
      return false;
    }
  });
}

/** Parses `--name-status -z` output: status, then one path (two for R/C: old, new). */
function parseNameStatus(out: string): ChangedFile[] {
  const tokens = out.split('\0');
  const files: ChangedFile[] = [];
  for (let i = 0; i < tokens.length && tokens[i] !== ''; ) {
    const status = tokens[i]!.charAt(0) as ChangedFile['status'];
    if (status === 'R' || status === 'C') {
      files.push({ status, path: tokens[i + 2]!, oldPath: tokens[i + 1]! });
      i += 3;
    } else {
      files.push({ status, path: tokens[i + 1]! });
      i += 2;
    }
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Runs git with a custom environment (simple-git rejects inherited variables such as EDITOR). */
async function gitWithEnv(cwd: string, env: NodeJS.ProcessEnv, args: string[]): Promise<string> {
  try {
    const { stdout } = await execFileAsync('git', args, { cwd, env, maxBuffer: 256 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr;
    throw toContractsError(new Error(stderr || String(error), { cause: error }), args);
  }
}

/**
 * The commit a pull request's changes start from: the merge base of `ref` and HEAD (what `git diff
 * ref...HEAD` compares with). On the merge commit Actions checks out for a pull request that is the
 * base branch's tip; on the PR's head it is the fork point, so commits added to the base branch since
 * are not counted as the PR's. Without a HEAD (no commit yet), or with no common history, `ref` itself.
 */
export async function mergeBase(repo: Repo, ref: string): Promise<string> {
  const sha = await resolveRef(repo, ref);
  const head = (await runGit(repo.git, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])).trim();
  if (head === '') return sha;
  const base = (await runGit(repo.git, ['merge-base', '--end-of-options', sha, head]).catch(() => '')).trim();
  return base === '' ? sha : base;
}
