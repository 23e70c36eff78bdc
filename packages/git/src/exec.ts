import { EnvironmentError, UsageError } from '@contracts/core';
import { simpleGit, type SimpleGit } from 'simple-git';

/** Creates the simple-git client used for every command run in `dir`. */
export function createClient(dir: string): SimpleGit {
  // No custom env: simple-git refuses to run when handed variables such as EDITOR or PAGER,
  // and the inherited environment is what the user expects git to see anyway.
  return simpleGit({ baseDir: dir, trimmed: false, maxConcurrentProcesses: 8 });
}

/**
 * Runs `git <args>` and returns its stdout. Every call goes through here so that failures
 * become one-line ContractsErrors instead of simple-git's multi-line GitErrors.
 *
 * Note: simple-git only rejects when git exits non-zero *and* wrote to stderr, so commands run
 * with `--quiet` that fail silently (e.g. `rev-parse --verify --quiet`) resolve to empty output.
 */
export async function runGit(git: SimpleGit, args: string[]): Promise<string> {
  try {
    // --literal-pathspecs: repo-relative paths are file names, never globs or `:(magic)`.
    return await git.raw(['--literal-pathspecs', ...args]);
  } catch (error) {
    throw toContractsError(error, args);
  }
}

/** Maps a failure of simple-git / git to a ContractsError with a stable code. */
export function toContractsError(error: unknown, args: string[]): Error {
  const text = error instanceof Error ? error.message : String(error);
  if (/ENOENT/.test(text) && /spawn/.test(text)) {
    return new EnvironmentError('git/missing', 'git is not installed or not on PATH.', { cause: error });
  }
  if (/not a git repository/i.test(text)) {
    return new UsageError('git/not-a-repo', 'Not inside a git repository.', { cause: error });
  }
  if (/Please tell me who you are|empty ident/i.test(text)) {
    return new EnvironmentError('git/no-identity', 'git needs a user identity: set it with `git config user.name` and `git config user.email`.', {
      cause: error,
    });
  }
  const line = firstLine(text);
  const command = args[0] ?? '';
  return new EnvironmentError('git/failed', `git ${command} failed: ${line}`, { cause: error });
}

function firstLine(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const fatal = lines.find((l) => /^(fatal|error):/.test(l));
  return (fatal ?? lines[0] ?? 'unknown error').replace(/^(fatal|error):\s*/, '');
}
