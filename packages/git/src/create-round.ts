import { UsageError } from '@contracts/core';
import { readAtCommits } from './contract-at.js';
import { assertAgreementId } from './contract-id.js';
import { otherFilesWithId } from './id-holders.js';
import { runGit } from './exec.js';
import type { Repo } from './repo.js';
import { listRounds, roundTagName, type Round } from './rounds.js';

export interface CreateRoundOptions {
  /** The tag message (default: "Round <n> of <id>"). */
  message?: string | undefined;
  /** Tag even a commit that is a round already, or a file unchanged since the last round. */
  force?: boolean;
}

/**
 * Tags the next negotiation round of a contract: an annotated tag `<contractId>/round-<n>` on the
 * commit that last changed `relPath`. Refuses, with a UsageError:
 * - 'git/bad-contract-id': an id the schema does not allow (it would squat other contracts' tags);
 * - 'git/shallow': a shallow clone, where the last round may be missing and numbering would restart;
 * - 'git/duplicate-id': another file committed at HEAD has the same id (it would share the tags);
 * - 'git/untracked', 'git/dirty': a file never committed, or with uncommitted changes (the round would
 *   not hold what the negotiator sees);
 * - 'git/already-tagged', 'git/no-change': a commit that is a round already, or a file unchanged since
 *   the last round (unless `force`).
 */
export async function createRound(repo: Repo, relPath: string, contractId: string, options: CreateRoundOptions = {}): Promise<Round> {
  await assertAgreementId(contractId);
  const rounds = await listRounds(repo, contractId);
  const last = rounds.at(-1);
  const n = (last?.n ?? 0) + 1;
  const tag = roundTagName(contractId, n);
  const commit = await lastCommitOf(repo, relPath);
  if (!commit) {
    throw new UsageError('git/untracked', `${relPath} has never been committed; commit it before tagging a round.`);
  }
  const status = await runGit(repo.git, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', relPath]);
  if (status !== '') {
    throw new UsageError('git/dirty', `${relPath} has uncommitted changes; commit them before tagging ${tag}.`);
  }
  // One id, one negotiation: a copy of this contract (or another with its id) would share its tags.
  const head = (await runGit(repo.git, ['rev-parse', '--verify', 'HEAD^{commit}'])).trim();
  const others = await otherFilesWithId(repo, head, relPath, contractId);
  if (others.length > 0) {
    throw new UsageError(
      'git/duplicate-id',
      `${others.join(', ')} ${others.length === 1 ? 'has' : 'have'} the id ${contractId} too; give each agreement its own id before tagging a round: the tags ${contractId}/round-<n> would mix the negotiations.`,
    );
  }
  if (!options.force) await assertNewRound(repo, relPath, commit, rounds);
  // Annotated, so the round records who tagged it and when; `--message=` keeps any text a value.
  const text = options.message?.trim() || `Round ${n} of ${contractId}`;
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

/** A round must hold something new: not a commit tagged already, not the last round's content again. */
async function assertNewRound(repo: Repo, relPath: string, commit: string, rounds: readonly Round[]): Promise<void> {
  const short = commit.slice(0, 12);
  const tagged = rounds.filter((r) => r.commit === commit).map((r) => r.tag);
  if (tagged.length > 0) {
    throw new UsageError(
      'git/already-tagged',
      `${relPath} last changed in ${short}, which is ${tagged.join(' and ')} already; commit this round's changes first, or pass --force to tag it again.`,
    );
  }
  const last = rounds.at(-1);
  if (!last) return;
  const [before, now] = await readAtCommits(repo, relPath, [last.commit, commit]);
  if (before && now && Buffer.compare(before.bytes, now.bytes) === 0) {
    throw new UsageError(
      'git/no-change',
      `${relPath} is the same in ${short} as in ${last.tag}; commit this round's changes first, or pass --force to tag it anyway.`,
    );
  }
}

/** Full SHA of the last commit (from HEAD) that changed `relPath`, or undefined. */
async function lastCommitOf(repo: Repo, relPath: string): Promise<string | undefined> {
  // An unborn HEAD (no commits yet) means nothing was ever committed.
  const head = await runGit(repo.git, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  if (!head.trim()) return undefined;
  const out = await runGit(repo.git, ['log', '-1', '--no-show-signature', '--format=%H', 'HEAD', '--', relPath]);
  return out.trim() || undefined;
}
