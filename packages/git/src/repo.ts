import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UsageError } from '@contracts/core';
import type { SimpleGit } from 'simple-git';
import { createClient, runGit } from './exec.js';

/** An open repository: its work-tree root and a git client bound to it. */
export interface Repo {
  /** Absolute, symlink-resolved path of the work tree's top level. */
  readonly root: string;
  /** The simple-git client (cwd = root). Internal commands go through `runGit`. */
  readonly git: SimpleGit;
}

/**
 * Opens the repository containing `pathInside` (a file or directory, which need not exist yet).
 * Throws UsageError 'git/not-a-repo' when the path is not inside a git work tree.
 */
export async function openRepo(pathInside: string): Promise<Repo> {
  const start = nearestExistingDir(resolve(pathInside));
  const out = await runGit(createClient(start), ['rev-parse', '--show-toplevel']).catch((error: unknown) => {
    if (error instanceof UsageError) throw error;
    // "must be run in a work tree" (inside .git, bare repos) lands here too.
    throw new UsageError('git/not-a-repo', `Not inside a git repository: ${pathInside}`, { cause: error });
  });
  const top = out.trim();
  if (!top) throw new UsageError('git/not-a-repo', `Not inside a git work tree: ${pathInside}`);
  const root = realpathSync(top);
  return { root, git: createClient(root) };
}

/**
 * Turns a user-given file path (absolute, or relative to `cwd`) into a repo-relative path with
 * forward slashes. Throws UsageError 'git/outside-repo' for paths outside the work tree.
 */
export function repoPath(repo: Repo, userPath: string, cwd: string = process.cwd()): string {
  const absolute = realpathLenient(resolve(cwd, userPath));
  const rel = relative(repo.root, absolute);
  if (rel === '') throw new UsageError('git/outside-repo', `${userPath} is the repository root, not a file in it.`);
  if (rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) {
    throw new UsageError('git/outside-repo', `${userPath} is outside the repository at ${repo.root}.`);
  }
  return rel.split(sep).join('/');
}

/** The closest ancestor (or self) that exists as a directory. */
function nearestExistingDir(path: string): string {
  let current = path;
  while (!existsSync(current) || !statSync(current).isDirectory()) {
    const parent = dirname(current);
    if (parent === current) return current;
    current = parent;
  }
  return current;
}

/** realpath that tolerates missing trailing segments (a file deleted or not yet created). */
function realpathLenient(path: string): string {
  // Compare against git's symlink-resolved top level (e.g. /tmp -> /private/tmp on macOS).
  if (existsSync(path)) return realpathSync(path);
  const parent = dirname(path);
  if (parent === path) return path;
  return join(realpathLenient(parent), basename(path));
}
