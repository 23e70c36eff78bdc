import type { Dirent } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { InputOutputError } from '../errors.js';
import { escapesRoot } from '../load/read-file.js';

const isContractFile = (name: string): boolean => name.endsWith('.yaml') || name.endsWith('.yml');
/** Directories never walked: dependencies, VCS metadata and build output. */
const skipped = new Set(['node_modules', '.git', 'dist', 'coverage']);

/**
 * Expands the paths a user gave into contract files: files as given, directories walked for `*.yaml` /
 * `*.yml`. Sorted and de-duplicated so output order never depends on the file system. A missing path
 * throws `InputOutputError` (exit 2).
 *
 * Nothing that looks like a contract is skipped silently. Symlinks are followed when their target
 * stays inside the repository (a linked directory is walked once, so link loops end); a link that
 * leaves it, and a FIFO, device, socket or directory named like a contract, is listed all the same, and
 * reading it (`readContractFile`) reports why it was not read.
 */
export async function collectContractFiles(paths: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const path of paths) {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A dangling or looping symlink is listed: reading it says what is wrong with it.
      if ((code === 'ENOENT' || code === 'ELOOP') && (await isSymlink(path))) {
        found.add(path);
        continue;
      }
      throw new InputOutputError('io/not-found', code === 'ENOENT' ? `No such file or directory: ${path}` : `Cannot read ${path}: ${String(code)}`);
    }
    const linkedOut = (await isSymlink(path)) && escapesRoot(path, await realpath(path));
    if (info.isDirectory() && !isContractFile(path.replace(/[/\\]+$/, '')) && !linkedOut) for (const file of await walk(path)) found.add(file);
    else found.add(path);
  }
  return [...found].sort();
}

async function isSymlink(path: string): Promise<boolean> {
  try {
    return (await lstat(path.replace(/[/\\]+$/, ''))).isSymbolicLink();
  } catch {
    return false;
  }
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const pending = [dir];
  const walked = new Set<string>([await realpath(dir)]);
  while (pending.length > 0) {
    const current = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = await readdir(current, { withFileTypes: true });
    } catch (error) {
      throw new InputOutputError('io/unreadable', `Cannot read directory ${current}: ${String((error as NodeJS.ErrnoException).code)}`);
    }
    for (const entry of entries) {
      const path = join(current, entry.name);
      const named = isContractFile(entry.name);
      if (entry.isSymbolicLink()) {
        let real: string;
        let target: Awaited<ReturnType<typeof stat>>;
        try {
          real = await realpath(path);
          target = await stat(real);
        } catch {
          if (named) out.push(path); // dangling: reading it fails loudly
          continue;
        }
        if (target.isDirectory() && !named) {
          if (skipped.has(entry.name) || entry.name.startsWith('.')) continue;
          if (escapesRoot(path, real))
            out.push(path); // refused when read, never walked
          else if (!walked.has(real)) {
            walked.add(real);
            pending.push(path);
          }
        } else if (named) out.push(path);
      } else if (entry.isDirectory() && !named) {
        if (skipped.has(entry.name) || entry.name.startsWith('.')) continue;
        const real = await realpath(path);
        if (walked.has(real)) continue;
        walked.add(real);
        pending.push(path);
      } else if (named) out.push(path); // files, and FIFOs, sockets, devices or directories named like contracts
    }
  }
  return out;
}

/** A path relative to the working directory, as users expect to see it in diagnostics. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
}
