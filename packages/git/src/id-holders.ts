import { readBlobs } from './blobs.js';
import { runGit } from './exec.js';
import type { Repo } from './repo.js';
import { parsedVersion } from './versions.js';

/**
 * The other YAML files at `commit` whose `id` is `contractId` (repo-relative paths, sorted): the
 * contracts that would share `contractId`'s round tags. One `git ls-tree` and one `git cat-file --batch`;
 * only files whose bytes name the id are parsed.
 */
export async function otherFilesWithId(repo: Repo, commit: string, relPath: string, contractId: string): Promise<string[]> {
  const listing = await runGit(repo.git, ['ls-tree', '-r', '-z', '--name-only', '--full-tree', commit]);
  const paths = listing.split('\0').filter((p) => p !== '' && p !== relPath && /\.ya?ml$/i.test(p));
  const blobs = await readBlobs(
    repo,
    paths.map((path) => ({ commit, path })),
  );
  const needle = Buffer.from(contractId);
  const holders: string[] = [];
  for (const blob of blobs) {
    if (!blob.bytes?.includes(needle)) continue;
    const { value } = parsedVersion(blob.bytes, blob.path, 'absent');
    if (value?.id === contractId && value.schemaVersion !== undefined) holders.push(blob.path);
  }
  return holders.sort();
}
