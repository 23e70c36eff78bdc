import { runGit } from './exec.js';
import { resolveRef } from './refs.js';
import type { Repo } from './repo.js';

/** Who made a commit and when. */
export interface CommitInfo {
  sha: string;
  authorName: string;
  authorEmail: string;
  /** Strict ISO 8601 with the author's offset. */
  authorDate: string;
}

/** Metadata of the commit `ref` names (round shorthand allowed when `contractId` is given). */
export async function commitInfo(repo: Repo, ref: string, contractId?: string): Promise<CommitInfo> {
  const sha = await resolveRef(repo, ref, contractId);
  // The SHA is already verified, and `--end-of-options` keeps it positional regardless.
  const out = await runGit(repo.git, ['show', '-s', '--no-show-signature', '--format=%an%x00%ae%x00%aI', '--end-of-options', sha, '--']);
  const [authorName = '', authorEmail = '', authorDate = ''] = out.replace(/\n$/, '').split('\0');
  return { sha, authorName, authorEmail, authorDate };
}
