import { runGit } from './exec.js';
import { LOG_FORMAT, parseLog, type CommitMeta } from './log-parse.js';
import { resolveRef } from './refs.js';
import type { Repo } from './repo.js';
import { parseRoundTag } from './rounds.js';
import { isShallow, shallowBoundary, shallowError } from './shallow.js';

/** One commit that changed the file. */
export interface HistoryEntry extends CommitMeta {
  /** The file's repo-relative path at this commit (differs from today's path before a rename). */
  path: string;
  /** Name-status letter for the file in this commit (A, M, R100, …; C088 where it began as a copy, the oldest entry then); '' for a merge. */
  status: string;
  /** Round tags (`<id>/round-<n>`) pointing at this commit. */
  rounds: string[];
}

export interface HistoryOptions {
  /** Follow the file across renames (default true). */
  follow?: boolean;
  /** Where history starts (default HEAD); any ref `resolveRef` accepts. */
  ref?: string;
  /** Only report rounds of this contract, and resolve the `round-<n>` shorthand in `ref`. */
  contractId?: string;
  /** Return a truncated history instead of throwing 'git/shallow' in a shallow clone. */
  allowShallow?: boolean;
}

/**
 * The commits that changed `relPath`, newest first, from ONE `git log` run. Pair with `readBlobs`
 * to get the file's content at each commit. Throws 'git/shallow' when the clone cut the history.
 */
export async function fileHistory(repo: Repo, relPath: string, options: HistoryOptions = {}): Promise<HistoryEntry[]> {
  const { follow = true, contractId } = options;
  const start = await resolveRef(repo, options.ref ?? 'HEAD', contractId);
  const args = ['log', '--no-color', '--no-show-signature', '-z', '--name-status', `--format=${LOG_FORMAT}`];
  if (follow) args.push('--follow');
  args.push('--end-of-options', start, '--', relPath);
  const raw = parseLog(await runGit(repo.git, args));

  const entries: HistoryEntry[] = [];
  let currentPath = relPath; // walking back in time: the name the file had in older commits
  for (const commit of raw) {
    const change = commit.changes.at(-1);
    const path = change ? (change.paths.at(-1) ?? currentPath) : currentPath;
    // A copy is where this file began, not where it came from: `--follow` detects copies too (with
    // --find-copies-harder), so an agreement started from another one would otherwise inherit that
    // one's history — its rounds, its authors and its old values in `diff`. Only a rename (the old
    // path gone in the same commit) carries the history over.
    const copied = change?.status.startsWith('C') === true;
    // Before a rename, the file was called by its old name.
    if (change) currentPath = change.paths[0] ?? path;
    entries.push({
      commit: commit.commit,
      parents: commit.parents,
      authorName: commit.authorName,
      authorEmail: commit.authorEmail,
      authorDate: commit.authorDate,
      subject: commit.subject,
      path,
      status: change?.status ?? '',
      rounds: commit.tags.filter((tag) => {
        const round = parseRoundTag(tag);
        return round !== undefined && (contractId === undefined || round.contractId === contractId);
      }),
    });
    if (copied) break;
  }
  if (!options.allowShallow) await assertNotCut(repo, relPath, entries);
  return entries;
}

/** The oldest entry has no parents: a real root commit, or a shallow clone's cut-off point. */
async function assertNotCut(repo: Repo, relPath: string, entries: HistoryEntry[]): Promise<void> {
  const oldest = entries.at(-1);
  if (!oldest || oldest.parents.length > 0) return;
  if (!(await isShallow(repo))) return;
  if ((await shallowBoundary(repo)).has(oldest.commit)) throw shallowError(`The full history of ${relPath}`);
}
