import { UsageError } from '@contracts/core';
import { looksBinary, readBlobs } from './blobs.js';
import { fileHistory } from './history.js';
import { resolveRef } from './refs.js';
import type { Repo } from './repo.js';

/** A file's content at a commit. */
export interface FileAtRef {
  /** Full SHA of the commit the ref resolved to. */
  commit: string;
  path: string;
  bytes: Buffer;
  /** `bytes` decoded as UTF-8 (meaningless when `binary`). */
  text: string;
  /** True when the content looks binary (NUL byte), as git decides. */
  binary: boolean;
}

/**
 * Reads `relPath` as it was at `ref` (round shorthand allowed when `contractId` is given).
 * Throws 'git/bad-ref' for an unknown ref and 'git/not-found-at-ref' when the file did not exist
 * there, naming the file's old path when it was renamed since.
 */
export async function fileAtRef(repo: Repo, relPath: string, ref: string, contractId?: string): Promise<FileAtRef> {
  const commit = await resolveRef(repo, ref, contractId);
  const [blob] = await readBlobs(repo, [{ commit, path: relPath }]);
  if (blob?.bytes) {
    return { commit, path: relPath, bytes: blob.bytes, text: blob.bytes.toString('utf8'), binary: looksBinary(blob.bytes) };
  }
  const oldPath = await formerPathAt(repo, relPath, commit);
  const hint = oldPath ? `; it was named ${oldPath} there (renamed since)` : '';
  throw new UsageError('git/not-found-at-ref', `${relPath} does not exist at ${ref} (${commit.slice(0, 12)})${hint}.`);
}

/** The name `relPath` had at `commit`, found by following its renames back from HEAD. */
async function formerPathAt(repo: Repo, relPath: string, commit: string): Promise<string | undefined> {
  const history = await fileHistory(repo, relPath, { follow: true, allowShallow: true }).catch(() => []);
  const candidates = [...new Set(history.map((h) => h.path))].filter((p) => p !== relPath);
  if (candidates.length === 0) return undefined;
  const found = await readBlobs(
    repo,
    candidates.map((path) => ({ commit, path })),
  );
  return found.find((b) => b.bytes !== null)?.path;
}
