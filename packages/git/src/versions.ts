import { loadYamlBytes } from '@contracts/core';
import { looksBinary, readBlobs } from './blobs.js';
import { commitInfo } from './commit-info.js';
import { readAtCommits } from './contract-at.js';
import { fileHistory } from './history.js';
import type { Repo } from './repo.js';
import { listRounds, type Round } from './rounds.js';

/**
 * A committed version of a contract with its parsed value: what the position history
 * (`@contracts/diff`'s `positionHistory`) reads.
 */
export interface CommittedVersion {
  commit: string;
  authorName: string;
  authorEmail: string;
  /** Strict ISO 8601 with the author's offset. */
  authorDate: string;
  subject: string;
  /** The file's path at this commit (its former name before a rename). */
  path: string;
  /** Round tags (`<id>/round-<n>`) on this commit. */
  rounds: string[];
  /** The parsed contract; undefined when this version cannot be read (see `problem`). */
  value: Record<string, unknown> | undefined;
  /** Why the version cannot be read: deleted, binary, or its YAML errors. */
  problem?: string;
}

/** A round and the version it marks: who wrote that version and when (the commit), and its value. */
export interface RoundVersion extends Round, CommittedVersion {}

/**
 * Every committed version of a contract, oldest first, renames followed, from ONE `git log --follow`
 * and ONE `git cat-file --batch` (never a process per commit). `name` names versions in problems.
 */
export async function contractHistory(
  repo: Repo,
  relPath: string,
  options: { contractId?: string | undefined; name?: string } = {},
): Promise<CommittedVersion[]> {
  const entries = (await fileHistory(repo, relPath, { follow: true, ...(options.contractId ? { contractId: options.contractId } : {}) })).reverse();
  const blobs = await readBlobs(
    repo,
    entries.map((e) => ({ commit: e.commit, path: e.path })),
  );
  return entries.map((e, i) => ({
    commit: e.commit,
    authorName: e.authorName,
    authorEmail: e.authorEmail,
    authorDate: e.authorDate,
    subject: e.subject,
    path: e.path,
    rounds: e.rounds,
    ...parsedVersion(blobs[i]?.bytes ?? null, `${options.name ?? relPath}@${e.commit.slice(0, 12)}`, 'file deleted in this commit'),
  }));
}

/**
 * Every round of a contract with the version it marks, by round number: one `git for-each-ref`, one
 * `git log --follow` and one `git cat-file --batch` (plus one `git show` for a round on a commit that
 * did not change the file). Throws 'git/shallow' in a shallow clone, where rounds may be missing.
 */
export async function roundVersions(repo: Repo, relPath: string, contractId: string, options: { name?: string } = {}): Promise<RoundVersion[]> {
  const rounds = await listRounds(repo, contractId);
  if (rounds.length === 0) return [];
  const history = await fileHistory(repo, relPath, { follow: true, allowShallow: true });
  const files = await readAtCommits(
    repo,
    relPath,
    rounds.map((r) => r.commit),
    history,
  );
  return Promise.all(
    rounds.map(async (round, i) => {
      const entry = history.find((h) => h.commit === round.commit) ?? { ...(await commitInfo(repo, round.commit)), path: files[i]?.path ?? relPath };
      return {
        ...round,
        authorName: entry.authorName,
        authorEmail: entry.authorEmail,
        authorDate: entry.authorDate,
        subject: entry.subject,
        path: files[i]?.path ?? entry.path,
        rounds: [round.tag],
        ...parsedVersion(files[i]?.bytes ?? null, `${options.name ?? relPath}@${round.tag}`, 'no such file in this round'),
      };
    }),
  );
}

/** The value of a version's bytes, or why there is none. */
export function parsedVersion(bytes: Buffer | null, name: string, absent: string): Pick<CommittedVersion, 'value' | 'problem'> {
  if (!bytes) return { value: undefined, problem: absent };
  if (looksBinary(bytes)) return { value: undefined, problem: 'binary content' };
  const loaded = loadYamlBytes(bytes, name);
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (loaded.value !== undefined && errors.length === 0) return { value: loaded.value };
  const first = errors[0] ?? loaded.diagnostics[0];
  const where = first?.line ? ` (line ${first.line})` : '';
  return { value: undefined, problem: `${errors.length} YAML error(s): ${first?.message ?? 'unreadable'}${where}` };
}
