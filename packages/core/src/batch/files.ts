import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { InputOutputError } from '../errors.js';

const isContractFile = (name: string): boolean => name.endsWith('.yaml') || name.endsWith('.yml');
/** Directories never walked: dependencies, VCS metadata and build output. */
const skipped = new Set(['node_modules', '.git', 'dist', 'coverage']);

/**
 * Expands the paths a user gave into contract files: files as given, directories walked for `*.yaml` /
 * `*.yml`. Sorted and de-duplicated so output order never depends on the file system. A missing path
 * throws `InputOutputError` (exit 2).
 */
export async function collectContractFiles(paths: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const path of paths) {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new InputOutputError('io/not-found', code === 'ENOENT' ? `No such file or directory: ${path}` : `Cannot read ${path}: ${String(code)}`);
    }
    if (info.isDirectory()) for (const file of await walk(path)) found.add(file);
    else found.add(path);
  }
  return [...found].sort();
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.pop()!;
    let entries: import('node:fs').Dirent[];
    try {
      entries = await readdir(current, { withFileTypes: true });
    } catch (error) {
      throw new InputOutputError('io/unreadable', `Cannot read directory ${current}: ${String((error as NodeJS.ErrnoException).code)}`);
    }
    for (const entry of entries) {
      const path = join(current, entry.name);
      if (entry.isDirectory() && !skipped.has(entry.name) && !entry.name.startsWith('.')) pending.push(path);
      else if (entry.isFile() && isContractFile(entry.name)) out.push(path);
    }
  }
  return out;
}

/** A path relative to the working directory, as users expect to see it in diagnostics. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
}
