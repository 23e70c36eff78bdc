/**
 * The output folder: a report is written only into an empty (or new) folder or over a previous report
 * (recognised by its report.json), never over files someone else put there unless `force` says so.
 * Rewriting a previous report removes the pages it wrote that the new one no longer has, and only
 * those: names that are not ours are never deleted, whatever report.json claims.
 */
import { lstat, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { InputOutputError, UsageError } from '@contracts/core';

export const MANIFEST = 'report.json';
export const GENERATOR = '@contracts/report';

/** The shapes of the names a report writes; nothing else is ever removed. */
const OURS = /^(?:index\.html|report\.json|(?:agreements|terms)\/[A-Za-z0-9_-][A-Za-z0-9._-]*\.html)$/;

/** What is already in the output folder. */
export interface PreparedOutput {
  /** The site files of the previous report there, when there is one. */
  previous: string[];
}

/** Checks that `out` may be written; throws UsageError 'report/out-not-empty' or 'report/out-not-a-folder'. */
export async function prepareOutput(out: string, force: boolean): Promise<PreparedOutput> {
  const info = await stat(out).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw new InputOutputError('io/unreadable', `Cannot read ${out}: ${String(error.code)}`, { cause: error });
  });
  if (!info) return { previous: [] };
  if (!info.isDirectory()) throw new UsageError('report/out-not-a-folder', `${out} is not a folder; name a folder for the report with --out`);
  const entries = await readdir(out);
  if (entries.length === 0) return { previous: [] };
  for (const folder of ['agreements', 'terms']) {
    const sub = await lstat(join(out, folder)).catch(() => undefined);
    if (sub && !sub.isDirectory()) throw new UsageError('report/out-not-a-folder', `${join(out, folder)} is not a folder (a link or a file); remove it first`);
  }
  const previous = entries.includes(MANIFEST) ? await previousFiles(join(out, MANIFEST)) : undefined;
  if (previous) return { previous };
  if (force) return { previous: [] };
  throw new UsageError(
    'report/out-not-empty',
    `${out} is not empty and holds no previous report (no ${MANIFEST} written by contracts report); choose an empty folder or pass --force`,
  );
}

async function previousFiles(manifest: string): Promise<string[] | undefined> {
  try {
    const data = JSON.parse(await readFile(manifest, 'utf8')) as { generator?: unknown; files?: unknown };
    if (data.generator !== GENERATOR || !Array.isArray(data.files)) return undefined;
    return data.files.filter((f): f is string => typeof f === 'string' && OURS.test(f));
  } catch {
    return undefined;
  }
}

/** Removes the previous report's files that the new one did not write (regular files only, never links). */
export async function removeStale(out: string, previous: readonly string[], written: ReadonlySet<string>): Promise<number> {
  let removed = 0;
  for (const file of previous) {
    if (written.has(file) || !OURS.test(file)) continue;
    const path = join(out, file);
    const info = await lstat(path).catch(() => undefined);
    if (!info?.isFile()) continue;
    await unlink(path).catch((error: NodeJS.ErrnoException) => {
      throw new InputOutputError('io/write-failed', `Cannot remove the stale page ${path}: ${String(error.code)}`, { cause: error });
    });
    removed++;
  }
  return removed;
}
