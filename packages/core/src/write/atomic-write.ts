/**
 * The one way this toolkit writes a file a user will open: atomically, exclusively, never through a
 * link. A pull request controls file names and may plant symlinks or FIFOs where output goes, so:
 *
 * - the temporary file is created with O_EXCL under an unpredictable name in the target's folder (a
 *   planted `<out>.tmp` symlink cannot redirect the write), then renamed over the target (a reader
 *   never sees half a file);
 * - a target that is a symlink, FIFO, device or directory is refused, never followed or opened;
 * - an existing file with different content is kept unless `force` (nothing a user wrote is lost);
 * - temporary files still open when the process is interrupted (SIGINT, SIGTERM) are removed.
 */
import { randomBytes } from 'node:crypto';
import { constants, type Stats, unlinkSync } from 'node:fs';
import { lstat, mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputOutputError, UsageError } from '../errors.js';

export interface WriteOptions {
  /** Replace an existing file whose content differs. */
  force?: boolean;
  /** Create missing parent directories (default true). */
  createDirectories?: boolean;
}

/** What happened: written, or left alone because the file already held exactly these bytes. */
export type WriteOutcome = 'written' | 'unchanged';

const pending = new Set<string>();
let handlersInstalled = false;

/** Removes every temporary file still pending, then lets the signal end the process as it would have. */
function installSignalCleanup(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      for (const temp of pending) {
        // Synchronous: an async unlink would not run before the process dies.
        try {
          unlinkSync(temp);
        } catch {
          // already gone
        }
      }
      process.kill(process.pid, signal);
    });
  }
}

async function existing(path: string): Promise<Stats | undefined> {
  try {
    return await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw ioError(path, error);
  }
}

function ioError(path: string, error: unknown): InputOutputError {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOSPC' ? 'no space left on the device' : String(code ?? error);
  return new InputOutputError('io/write-failed', `Cannot write ${path}: ${why}`, { cause: error });
}

/** Writes `data` to `path` atomically; see the module comment for the guarantees. */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: WriteOptions = {}): Promise<WriteOutcome> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const info = await existing(path);
  if (info) {
    if (info.isSymbolicLink())
      throw new UsageError('io/target-is-link', `${path} is a symbolic link; refusing to write through it (remove it or choose another --out)`);
    if (info.isDirectory()) throw new UsageError('io/target-is-directory', `${path} is a directory; name a file`);
    if (!info.isFile()) throw new UsageError('io/target-not-regular', `${path} is not a regular file (a FIFO, socket or device); refusing to write to it`);
    const current = await readFile(path).catch((error: unknown) => {
      throw ioError(path, error);
    });
    if (Buffer.compare(current, bytes) === 0) return 'unchanged';
    if (!options.force) throw new UsageError('io/exists', `${path} already exists; pass --force to overwrite it`);
  }
  const dir = dirname(path);
  if (options.createDirectories !== false) await mkdir(dir, { recursive: true }).catch((error: unknown) => Promise.reject(ioError(path, error)));
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  installSignalCleanup();
  pending.add(temp);
  try {
    // O_EXCL|O_NOFOLLOW: fails on anything already at the name, a planted symlink included.
    const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, info ? info.mode & 0o777 : 0o644);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
    return 'written';
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw ioError(path, error);
  } finally {
    pending.delete(temp);
  }
}
