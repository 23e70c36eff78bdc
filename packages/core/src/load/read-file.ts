/**
 * Reading a contract file as a pull request may have planted it. A file is read only when it is a
 * regular file, only inside the repository when a symlink leads to it, and never past the size limit:
 * - a symlink (or a path through a symlinked directory) whose target leaves the root, or lands in its
 *   `.git`, is refused with an `io/symlink-outside` diagnostic; the root is the git work tree holding
 *   the path (found by walking up for `.git`, without running git), else the working directory;
 * - a FIFO, device, socket or directory is refused with `io/not-a-file` (it is opened non-blocking,
 *   never read: a FIFO would block and `/dev/zero` never ends);
 * - the size is checked with `fstat` before reading, and reading stops one byte past the limit (files
 *   such as `/proc/self/mem` report size 0), so a 3 GB file costs one `yaml/too-large` and no memory.
 * A file that exists but cannot be read (permissions, I/O errors) is a broken environment, not a
 * finding: it throws `InputOutputError` (`io/unreadable`, exit 2), on any thread.
 */
import { closeSync, constants, existsSync, fstatSync, openSync, readlinkSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import type { Diagnostic } from '../diagnostic.js';
import { InputOutputError } from '../errors.js';
import { excerpt } from '../text/excerpt.js';
import { DEFAULT_MAX_BYTES, tooLarge } from './decode.js';

export type ReadOutcome = { ok: true; bytes: Uint8Array } | { ok: false; diagnostic: Diagnostic };

const rootCache = new Map<string, string>();

/** The git work tree holding `dir` (the nearest ancestor with a `.git` file or directory), else the working directory. */
export function repositoryRoot(dir: string): string {
  const start = resolve(dir);
  const visited: string[] = [];
  let root: string | undefined;
  for (let d = start; ; d = dirname(d)) {
    const cached = rootCache.get(d);
    if (cached !== undefined) {
      root = cached;
      break;
    }
    visited.push(d);
    if (existsSync(join(d, '.git'))) {
      root = d;
      break;
    }
    if (dirname(d) === d) break;
  }
  root ??= process.cwd();
  if (rootCache.size > 10_000) rootCache.clear();
  for (const d of visited) rootCache.set(d, root);
  return root;
}

/** True when `path` is `dir` or below it (both real paths). */
export const isInside = (path: string, dir: string): boolean => path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);

/** True when `real` (where the symlinked `path` really leads) is outside the repository holding `path`, or in its `.git`. */
export function escapesRoot(path: string, real: string): boolean {
  const root = realpathSync.native(repositoryRoot(dirname(resolve(path))));
  return !isInside(real, root) || isInside(real, join(root, '.git'));
}

const kindOf = (info: Stats): string | undefined =>
  info.isFile()
    ? undefined
    : info.isDirectory()
      ? 'a directory'
      : info.isFIFO()
        ? 'a named pipe (FIFO)'
        : info.isCharacterDevice()
          ? 'a character device'
          : info.isBlockDevice()
            ? 'a block device'
            : info.isSocket()
              ? 'a socket'
              : 'not a regular file';

const problem = (file: string, code: Diagnostic['code'], message: string): ReadOutcome => ({
  ok: false,
  diagnostic: { code, severity: 'error', message, file, line: 1, column: 1, endLine: 1, endColumn: 2, path: '' },
});

function unreadable(file: string, error: unknown): InputOutputError {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EIO'
          ? 'input/output error'
          : code === 'ELOOP'
            ? 'too many levels of symbolic links'
            : String(code ?? error);
  return new InputOutputError('io/unreadable', `Cannot read ${excerpt(file, 200)}: ${why}`, { cause: error });
}

/**
 * Reads a contract file under the rules above: its bytes, or a diagnostic saying why it was not read.
 * Synchronous: for a batch of small files several times faster than fs/promises, and a batch is CPU-bound.
 */
export function readContractFile(file: string, maxBytes = DEFAULT_MAX_BYTES): ReadOutcome {
  let real: string;
  try {
    real = realpathSync.native(file);
  } catch (error) {
    throw unreadable(file, error);
  }
  if (real !== resolve(file) && escapesRoot(file, real)) {
    let link: string | undefined;
    try {
      link = readlinkSync(file);
    } catch {} // not a link itself: a symlinked directory further up the path
    const intoGit = isInside(real, join(realpathSync.native(repositoryRoot(dirname(resolve(file)))), '.git'));
    const where = intoGit ? "inside the repository's .git folder" : 'outside the repository';
    const what = link === undefined ? `This path leads through a symbolic link to ${excerpt(real, 80)}` : `This is a symbolic link to ${excerpt(link, 80)}`;
    return problem(file, 'io/symlink-outside', `${what}, ${where}; it was not read`);
  }
  let fd: number;
  try {
    const kind = kindOf(statSync(real));
    if (kind) return problem(file, 'io/not-a-file', `This is ${kind}, not a contract file; it was not read`);
    // Non-blocking and not following links: a file swapped for a FIFO or a symlink since the checks above is not waited on.
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (error) {
    throw unreadable(file, error);
  }
  try {
    const info = fstatSync(fd);
    const kind = kindOf(info);
    if (kind) return problem(file, 'io/not-a-file', `This is ${kind}, not a contract file; it was not read`);
    if (info.size > maxBytes) return { ok: false, diagnostic: tooLarge(file, info.size, maxBytes) };
    return readBounded(fd, file, info.size, maxBytes);
  } catch (error) {
    throw unreadable(file, error);
  } finally {
    closeSync(fd);
  }
}

/** Reads to the end, or to one byte past `maxBytes`, into a buffer sized by what `fstat` said. */
function readBounded(fd: number, file: string, size: number, maxBytes: number): ReadOutcome {
  let buffer = Buffer.allocUnsafe(Math.min(maxBytes, size > 0 ? size : 64 * 1024) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > maxBytes) return { ok: false, diagnostic: tooLarge(file, length, maxBytes, true) };
      const grown = Buffer.allocUnsafe(Math.min(maxBytes + 1, buffer.length * 2));
      buffer.copy(grown, 0, 0, length);
      buffer = grown;
    }
    const n = readSync(fd, buffer, length, buffer.length - length, null);
    if (n === 0) break;
    length += n;
  }
  if (length > maxBytes) return { ok: false, diagnostic: tooLarge(file, length, maxBytes, true) };
  return { ok: true, bytes: buffer.subarray(0, length) };
}
