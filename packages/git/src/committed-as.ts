/**
 * Which committed version a working-tree file is: the commit (and the negotiation round) whose blob
 * is byte for byte the file. `render --to docx` records it in the document's properties, so that
 * `contracts import` can find the base the vendor's markup started from without being told.
 */
import { createHash } from 'node:crypto';
import { runGit } from './exec.js';
import { listRounds } from './rounds.js';
import type { Repo } from './repo.js';

export interface CommittedAs {
  /** Full SHA of the round's commit when the bytes are a round's, else of HEAD (the file is unchanged since HEAD). */
  commit: string;
  /** The latest round of the contract whose version is the same bytes, when there is one. */
  round?: number;
  /** How the version is named: the round's tag, else `HEAD`. */
  ref: string;
}

/** git's object id for `bytes` as a blob (what `git hash-object` prints). */
function blobId(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** The blob ids of `relPath` in each commit (`undefined` where it does not exist), in one git call. */
async function blobIdsAt(repo: Repo, commits: readonly string[], relPath: string): Promise<(string | undefined)[]> {
  if (commits.length === 0) return [];
  // `rev-parse` prints one line per name it resolves and stops at the first it cannot: check one by one
  // only when that happens (a file added after an early round).
  const out = await runGit(repo.git, ['rev-parse', '--verify', '--quiet', '--end-of-options', ...commits.map((c) => `${c}:${relPath}`)]).catch(() => '');
  const ids = out.split('\n').filter(Boolean);
  if (ids.length === commits.length) return ids;
  return Promise.all(
    commits.map(
      async (c) => (await runGit(repo.git, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${c}:${relPath}`]).catch(() => '')).trim() || undefined,
    ),
  );
}

/**
 * The committed version `bytes` (the working-tree file at `relPath`) is, or `undefined` when the file
 * differs from HEAD (uncommitted edits) or the repository has no commits yet.
 */
export async function committedAs(repo: Repo, relPath: string, bytes: Uint8Array, contractId?: string): Promise<CommittedAs | undefined> {
  const head = (await runGit(repo.git, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])).trim();
  if (!head) return undefined;
  const id = blobId(bytes);
  const [atHead] = await blobIdsAt(repo, [head], relPath);
  if (atHead !== id) return undefined;
  const rounds = contractId ? await listRounds(repo, contractId).catch(() => []) : [];
  const ids = await blobIdsAt(
    repo,
    rounds.map((r) => r.commit),
    relPath,
  );
  const round = rounds.filter((_, i) => ids[i] === id).at(-1);
  return round ? { commit: round.commit, round: round.n, ref: round.tag } : { commit: head, ref: 'HEAD' };
}
