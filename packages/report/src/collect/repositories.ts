import { dirname, resolve } from 'node:path';
import { isContractsError } from '@contracts/core';
import { openRepo, repoPath, repoRoundReader, type Repo, type RoundVersion } from '@contracts/git';

/** A contract file whose rounds to read, with the id its round tags carry (from the working tree). */
export interface RoundsQuery {
  path: string;
  shown: string;
  id: string | undefined;
}

/** The versions a contract's rounds mark, oldest first, or why there are none. */
export interface RoundsOfFile {
  versions: RoundVersion[];
  /** Why no rounds could be read: not in a git repository, no id. */
  problem?: string;
}

/**
 * The rounds of every file, in one pass per repository: files are grouped by the repository that holds
 * them (one `git rev-parse` per folder, not per file), then `repoRoundReader` reads all of a
 * repository's rounds at once. Each file's versions are parsed when its function is called, so a
 * thread holds one agreement's parsed rounds at a time. A file outside any repository has no rounds; a
 * shallow clone is an error ('git/shallow'), as for `contracts rounds`: a partial list of rounds would
 * be a wrong one.
 */
export async function roundsOfFiles(files: readonly RoundsQuery[]): Promise<(() => RoundsOfFile)[]> {
  const repos = new Map<string, Promise<Repo | undefined>>();
  const repoOf = (folder: string) => {
    let repo = repos.get(folder);
    if (!repo) {
      repo = openRepo(folder).catch((error: unknown) => {
        if (isContractsError(error) && error.code === 'git/not-a-repo') return undefined;
        throw error;
      });
      repos.set(folder, repo);
    }
    return repo;
  };
  const results: (() => RoundsOfFile)[] = files.map(() => () => ({ versions: [] }));
  const byRoot = new Map<string, { repo: Repo; indexes: number[]; relPaths: string[] }>();
  for (const [i, file] of files.entries()) {
    const repo = await repoOf(dirname(resolve(file.path)));
    if (!repo) {
      results[i] = () => ({ versions: [], problem: 'not in a git repository' });
      continue;
    }
    if (file.id === undefined) {
      results[i] = () => ({ versions: [], problem: 'the contract has no readable id, which its round tags would carry' });
      continue;
    }
    let group = byRoot.get(repo.root);
    if (!group) byRoot.set(repo.root, (group = { repo, indexes: [], relPaths: [] }));
    group.indexes.push(i);
    group.relPaths.push(repoPath(repo, file.path));
  }
  for (const { repo, indexes, relPaths } of byRoot.values()) {
    const requests = indexes.map((i, k) => ({ relPath: relPaths[k]!, contractId: files[i]!.id!, name: files[i]!.shown }));
    const readers = await repoRoundReader(repo, requests);
    for (const [k, i] of indexes.entries()) results[i] = () => ({ versions: readers[k]!() });
  }
  return results;
}
