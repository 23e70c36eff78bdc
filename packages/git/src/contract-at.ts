import { loadYamlBytes, readContractFile, UsageError, type LoadedFile } from '@contracts/core';
import { looksBinary, readBlobs, type BlobResult } from './blobs.js';
import { fileHistory, type HistoryEntry } from './history.js';
import { resolveRef } from './refs.js';
import { openRepo, repoPath, type Repo } from './repo.js';

/** One version of a contract: at a commit, or in the working tree. */
export interface ContractVersion {
  /** What the version was asked for by: a ref as the user wrote it (`round-2`, `main`), or `working tree`. */
  ref: string;
  /** Full SHA of the commit; null for the working tree. */
  commit: string | null;
  /** Repo-relative path of the file in this version: its former name before a rename. */
  path: string;
  bytes: Uint8Array;
  /** The file as core's loader read it (value and diagnostics), named `<name>@<ref>` (working tree: `<name>`). */
  loaded: LoadedFile;
}

/** A contract file in a work tree, opened for the git commands. */
export interface ContractFile {
  repo: Repo;
  /** Repo-relative path, forward slashes. */
  relPath: string;
  /** The name diagnostics and messages use (default: the path as given). */
  name: string;
  /** The working-tree version. */
  working: ContractVersion;
  /** The working tree's `id` (the round-tag prefix), when it is a non-empty string. */
  id: string | undefined;
}

export interface ContractAtOptions {
  /** Resolves the `round-<n>` shorthand to `<contractId>/round-<n>`. */
  contractId?: string | undefined;
  /** The name diagnostics use, before `@<ref>` (default: the repo-relative path). */
  name?: string;
}

/**
 * Opens the repository around `path` (relative to the working directory, or absolute) and reads the
 * working-tree file. Throws 'git/not-a-repo', 'git/outside-repo', or 'io/unreadable' when the file
 * cannot be read; YAML problems are left in `working.loaded.diagnostics`.
 */
export async function openContract(path: string, options: { name?: string } = {}): Promise<ContractFile> {
  const repo = await openRepo(path);
  const relPath = repoPath(repo, path);
  const name = options.name ?? path;
  // The same reading rules as check (regular files only, no links out of the repository, bounded).
  const read = readContractFile(path);
  if (!read.ok) throw new UsageError(read.diagnostic.code, `${name}: ${read.diagnostic.message}`);
  const { bytes } = read;
  const loaded = loadYamlBytes(bytes, name);
  const id = loaded.value?.id;
  const working: ContractVersion = { ref: 'working tree', commit: null, path: relPath, bytes, loaded };
  return { repo, relPath, name, working, id: typeof id === 'string' && id.trim() !== '' ? id : undefined };
}

/** The contract id, for commands that name round tags: throws UsageError 'contract/no-id' without one. */
export function requireContractId(contract: ContractFile): string {
  if (contract.id !== undefined) return contract.id;
  throw new UsageError('contract/no-id', `${contract.name} has no \`id\` field; rounds are tagged <id>/round-<n>, so the contract needs one.`);
}

/**
 * The contract `relPath` as it was at `ref`, following renames: when the file is not at its current
 * path in that commit, the names it had before (from `git log --follow`) are tried, newest first.
 * Throws UsageError 'git/bad-ref', 'git/shallow', 'git/not-found-at-ref' or 'git/binary-at-ref';
 * YAML problems are left in `loaded.diagnostics`.
 */
export async function contractAt(repo: Repo, ref: string, relPath: string, options: ContractAtOptions = {}): Promise<ContractVersion> {
  const commit = await resolveRef(repo, ref, options.contractId);
  const [found] = await readAtCommits(repo, relPath, [commit]);
  const where = `${ref} (${commit.slice(0, 12)})`;
  if (!found) throw new UsageError('git/not-found-at-ref', `${relPath} does not exist at ${where}.`);
  if (looksBinary(found.bytes)) throw new UsageError('git/binary-at-ref', `${relPath} at ${where} is a binary file, not a YAML contract.`);
  const loaded = loadYamlBytes(found.bytes, `${options.name ?? relPath}@${ref}`);
  return { ref, commit, path: found.path, bytes: found.bytes, loaded };
}

/**
 * The file at each commit, under its current name or a former one, from one `git cat-file --batch`
 * (and, only when some commit lacks the current name, one `git log --follow`). Undefined where the
 * file existed under none of its names, or where its name holds a folder. Pass `history` when it was
 * read already.
 */
export async function readAtCommits(
  repo: Repo,
  relPath: string,
  commits: readonly string[],
  history?: readonly HistoryEntry[],
): Promise<({ path: string; bytes: Buffer } | undefined)[]> {
  const read = async (paths: readonly string[]) => {
    const blobs = await readBlobs(
      repo,
      commits.flatMap((commit) => paths.map((path) => ({ commit, path }))),
    );
    return commits.map((_, i) => blobs.slice(i * paths.length, (i + 1) * paths.length));
  };
  // A folder at the current name is no renamed file: its "former names" would be the files inside.
  const pick = ([current, ...former]: BlobResult[]) =>
    current!.type !== null && current!.bytes === null ? undefined : [current!, ...former].find((b) => b.bytes !== null);
  let found: BlobResult[][] | undefined;
  if (history === undefined) {
    found = await read([relPath]);
    if (found.some(([b]) => b!.type === null)) history = await fileHistory(repo, relPath, { follow: true, allowShallow: true });
  }
  if (history !== undefined) found = await read([...new Set([relPath, ...history.map((h) => h.path)])]);
  return found!.map(pick).map((b) => (b?.bytes ? { path: b.path, bytes: b.bytes } : undefined));
}
