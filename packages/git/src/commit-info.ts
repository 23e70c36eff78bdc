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
  /** The first line of the commit message. */
  subject: string;
}

/** Metadata of the commit `ref` names (round shorthand allowed when `contractId` is given). */
export async function commitInfo(repo: Repo, ref: string, contractId?: string): Promise<CommitInfo> {
  const sha = await resolveRef(repo, ref, contractId);
  // The SHA is already verified, and `--end-of-options` keeps it positional regardless.
  const out = await runGit(repo.git, ['show', '-s', '--no-show-signature', '--format=%an%x00%ae%x00%aI%x00%s', '--end-of-options', sha, '--']);
  const [authorName = '', authorEmail = '', authorDate = '', subject = ''] = out.replace(/\n$/, '').split('\0');
  return { sha, authorName, authorEmail, authorDate, subject };
}

/** Who changes in a version are attributed to, and when (seconds since 1970). */
export interface VersionAuthor {
  name: string;
  /** When the changes were made: the commit's author date (working tree: SOURCE_DATE_EPOCH, else now). */
  changedAt: number;
  /** The date for the output file itself: SOURCE_DATE_EPOCH when set (a reproducible build), else `changedAt`. */
  epoch: number;
}

/**
 * The author of the version `ref` names: the commit's author (name, else email) at its author date.
 * For the working tree (`ref` undefined): `user.name` from git's configuration, else "Working copy", now.
 */
export async function versionAuthor(repo: Repo, ref: string | undefined, contractId?: string): Promise<VersionAuthor> {
  const fromEnv = process.env.SOURCE_DATE_EPOCH;
  const envEpoch = fromEnv && /^\d+$/.test(fromEnv) ? Number(fromEnv) : undefined;
  if (ref !== undefined) {
    const info = await commitInfo(repo, ref, contractId);
    const changedAt = Math.floor(Date.parse(info.authorDate) / 1000);
    return { name: info.authorName || info.authorEmail, changedAt, epoch: envEpoch ?? changedAt };
  }
  const changedAt = envEpoch ?? Math.floor(Date.now() / 1000);
  return { name: (await configuredUserName(repo)) || 'Working copy', changedAt, epoch: changedAt };
}

/** `git config user.name` as git resolves it for this repository (local, global, system), or ''. */
export async function configuredUserName(repo: Repo): Promise<string> {
  // An unset key makes git exit 1 without a word, which runGit returns as empty output.
  return (await runGit(repo.git, ['config', '--get', 'user.name'])).trim();
}
