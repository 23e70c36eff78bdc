import { UsageError } from '../errors.js';
import { collectContractFiles, displayPath } from './files.js';

/**
 * Which files a batch command works on: the contract files under the paths a user named (a path with
 * none is a usage error, so a CI job pointed at the wrong folder cannot go green) and, in a CI matrix,
 * the share of them one job takes (`--shard i/n`).
 */

/** Shard `index` (1-based) of `count`, as `--shard i/n` names it. */
export interface Shard {
  index: number;
  count: number;
}

/** A file to work on: the path to read and the name reports show (relative to the working directory). */
export interface SelectedFile {
  path: string;
  file: string;
}

/**
 * The contract files under `paths` (files as given, directories walked), sorted and de-duplicated as
 * `collectContractFiles` gives them. Throws UsageError 'usage/no-contracts' for a path that holds no
 * contract file, naming it: checking nothing must not pass.
 */
export async function contractFilesIn(paths: readonly string[]): Promise<string[]> {
  const found = await Promise.all(paths.map((path) => collectContractFiles([path])));
  const empty = paths.filter((_, i) => found[i]!.length === 0);
  if (empty.length > 0) {
    throw new UsageError(
      'usage/no-contracts',
      `No contract files (*.yaml, *.yml) in ${empty.map((p) => JSON.stringify(p)).join(', ')}; name a contract file or a folder that holds some`,
    );
  }
  return paths.length === 1 ? found[0]! : [...new Set(found.flat())].sort();
}

/** `i/n` with 1 ≤ i ≤ n; anything else is a UsageError 'usage/bad-shard' (exit 2). */
export function parseShard(text: string): Shard {
  const match = /^([1-9]\d{0,5})\/([1-9]\d{0,5})$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || index > count) throw new UsageError('usage/bad-shard', `--shard must be i/n with 1 ≤ i ≤ n (e.g. 2/4), got "${text}"`);
  return { index, count };
}

/**
 * The shard (0-based) a file belongs to: FNV-1a of its path (forward slashes) modulo the shard count.
 * It depends on nothing but the path, so every job of a CI matrix agrees without talking to the others.
 */
export function shardOf(path: string, count: number): number {
  let hash = 0x811c9dc5;
  const text = path.split('\\').join('/');
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % count;
}

/**
 * The files in report order (sorted by the name shown, so a report can be written as files are done),
 * only those of `shard` when one is given. Sharding goes by the name shown, the same on every job.
 */
export function selectFiles(paths: readonly string[], shard?: Shard): SelectedFile[] {
  const shown = paths.map((path) => ({ path, file: displayPath(path) })).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return shard ? shown.filter((f) => shardOf(f.file, shard.count) === shard.index - 1) : shown;
}
