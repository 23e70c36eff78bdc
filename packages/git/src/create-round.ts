import { UsageError } from '@contracts/core';
import { runGit } from './exec.js';
import type { Repo } from './repo.js';
import { listRounds, nextRoundNumber, roundTagName, type Round } from './rounds.js';

/**
 * Tags the next negotiation round of a contract: an annotated tag `<contractId>/round-<n>` on the
 * commit that last changed `relPath`. Refuses with 'git/dirty' when the file has uncommitted
 * changes (staged or not) — the round would not contain what the negotiator sees — and with
 * 'git/untracked' when the file was never committed.
 */
export async function createRound(repo: Repo, relPath: string, contractId: string, message?: string): Promise<Round> {
  const n = await nextRoundNumber(repo, contractId);
  const tag = roundTagName(contractId, n);
  const commit = await lastCommitOf(repo, relPath);
  if (!commit) {
    throw new UsageError('git/untracked', `${relPath} has never been committed; commit it before tagging a round.`);
  }
  const status = await runGit(repo.git, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', relPath]);
  if (status !== '') {
    throw new UsageError('git/dirty', `${relPath} has uncommitted changes; commit them before tagging ${tag}.`);
  }
  // Annotated, so the round records who tagged it and when; `--message=` keeps any text a value.
  const text = message?.trim() || `Round ${n} of ${contractId}`;
  try {
    await runGit(repo.git, ['tag', '--annotate', `--message=${text}`, '--end-of-options', tag, commit]);
  } catch (error) {
    if (error instanceof Error && /already exists/.test(error.message)) {
      throw new UsageError('git/round-exists', `Tag ${tag} already exists (created concurrently?); try again.`, { cause: error });
    }
    throw error;
  }
  const round = (await listRounds(repo, contractId)).find((r) => r.n === n);
  if (!round) throw new UsageError('git/bad-ref', `Tag ${tag} was created but cannot be read back.`);
  return round;
}

/** Full SHA of the last commit (from HEAD) that changed `relPath`, or undefined. */
async function lastCommitOf(repo: Repo, relPath: string): Promise<string | undefined> {
  // An unborn HEAD (no commits yet) means nothing was ever committed.
  const head = await runGit(repo.git, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  if (!head.trim()) return undefined;
  const out = await runGit(repo.git, ['log', '-1', '--no-show-signature', '--format=%H', 'HEAD', '--', relPath]);
  return out.trim() || undefined;
}
