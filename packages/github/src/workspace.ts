import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * The repository a command runs in, as GitHub sees it: paths in annotations and SARIF are relative to
 * its root. In Actions that is GITHUB_WORKSPACE (when the working directory is inside it); elsewhere
 * the nearest folder holding `.git` (a directory, or a file in a worktree or submodule); else the
 * working directory itself. No git process is started: `check` calls this on every run.
 */
export function repositoryRoot(cwd: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): string {
  const here = real(cwd);
  const workspace = env.GITHUB_WORKSPACE ? real(env.GITHUB_WORKSPACE) : undefined;
  if (workspace && isInside(here, workspace)) return workspace;
  for (let dir = here; ; dir = dirname(dir)) {
    if (existsSync(resolve(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return here;
  }
}

/** `{ root, cwd }` for the formatters' `repository` option. */
export const repositoryPaths = (cwd: string = process.cwd(), env: NodeJS.ProcessEnv = process.env) => ({ root: repositoryRoot(cwd, env), cwd: real(cwd) });

function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}
