import { runGit } from './exec.js';
import type { Repo } from './repo.js';

/** Who a commit is attributed to: the author of the changes it records (the committer stays the user). */
export interface CommitAuthor {
  name: string;
  email?: string;
  /** ISO 8601; default: now. */
  date?: string;
}

/**
 * Commits the current content of one file (and nothing else that is staged) with `message`, attributed
 * to `author`; returns the new commit's SHA. Used by `contracts import --commit` to record the vendor's
 * round under the vendor's name and the date of their changes.
 */
export async function commitFile(repo: Repo, relPath: string, message: string, author: CommitAuthor): Promise<string> {
  const ident = `${author.name.replace(/[<>\n]/g, '').trim() || 'Counterparty'} <${(author.email ?? '').replace(/[<>\s]/g, '')}>`;
  await runGit(repo.git, ['add', '--', relPath]);
  await runGit(repo.git, ['commit', '--quiet', '--only', `--author=${ident}`, ...(author.date ? [`--date=${author.date}`] : []), '-m', message, '--', relPath]);
  return (await runGit(repo.git, ['rev-parse', 'HEAD'])).trim();
}
