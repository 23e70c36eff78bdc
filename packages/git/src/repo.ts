import { existsSync, lstatSync, realpathSync, statSync } from 'node:fs';
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

/** How `repoPath` treats a symlink at the path itself. */
export interface RepoPathOptions {
  /**
   * Follow a symlink named by the path itself when its target is a file elsewhere in the work tree
   * (default true: `diff alias.yaml` reads the history of the file it points to). False: the link's own
   * path, as git tracks it and lists it in a change (the pull-request review). A link whose target
   * leaves the work tree or lands in its `.git` is never followed either way: the link is in the
   * repository, only its target is not, and reading it is refused later with a finding.
   */
  followLinks?: boolean;
}

/**
 * Turns a user-given file path (absolute, or relative to `cwd`) into a repo-relative path with
 * forward slashes. The folders on the way are resolved through symlinks (a checkout reached through a
 * linked folder is still the repository); the last segment only as `options.followLinks` says.
 * Throws UsageError 'git/outside-repo' for paths outside the work tree.
 */
export function repoPath(repo: Repo, userPath: string, cwd: string = process.cwd(), options: RepoPathOptions = {}): string {
  const given = resolve(cwd, userPath);
  const own = dirname(given) === given ? given : join(realpathLenient(dirname(given)), basename(given));
  const absolute = options.followLinks !== false && isSymlink(own) ? linkedInside(repo.root, own) : own;
  const rel = relative(repo.root, absolute);
  if (rel === '') throw new UsageError('git/outside-repo', `${userPath} is the repository root, not a file in it.`);
  if (!inside(rel)) throw new UsageError('git/outside-repo', `${userPath} is outside the repository at ${repo.root}.`);
  return rel.split(sep).join('/');
}

const inside = (rel: string) => !(rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel));

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Where the link leads when that is in the work tree outside `.git`; else the link itself. */
function linkedInside(root: string, link: string): string {
  const target = realpathLenient(link);
  const rel = relative(root, target);
  return inside(rel) && rel !== '.git' && !rel.startsWith(`.git${sep}`) ? target : link;
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
