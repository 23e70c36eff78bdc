import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { UsageError } from '@contracts/core';
import { runGit } from './exec.js';
import type { Repo } from './repo.js';

/** True when the repository is a shallow clone (part of its history was never fetched). */
export async function isShallow(repo: Repo): Promise<boolean> {
  const out = await runGit(repo.git, ['rev-parse', '--is-shallow-repository']);
  return out.trim() === 'true';
}

/** The commits at the shallow boundary: present, but their parents are missing. */
export async function shallowBoundary(repo: Repo): Promise<Set<string>> {
  const out = (await runGit(repo.git, ['rev-parse', '--git-path', 'shallow'])).trim();
  const file = isAbsolute(out) ? out : join(repo.root, out);
  const text = await readFile(file, 'utf8').catch(() => '');
  return new Set(
    text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
  );
}

/** The error for history that a shallow clone does not have, with both usual fixes. */
export function shallowError(what: string): UsageError {
  return new UsageError(
    'git/shallow',
    `${what} cannot be read because this is a shallow clone (part of the history and tags was never fetched); ` +
      'run `git fetch --tags --unshallow` (in GitHub Actions, set `fetch-depth: 0` on actions/checkout).',
  );
}
