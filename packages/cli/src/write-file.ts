import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { InputOutputError, UsageError } from '@contracts/core/errors';

/**
 * Writes a file atomically (temp file + rename, so a reader never sees half a file) and refuses to
 * replace a different existing file unless `force` is set: nothing a user wrote is overwritten unasked.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: { force?: boolean } = {}): Promise<void> {
  const existing = await readFile(path).catch(() => undefined);
  if (existing && !options.force) {
    const same = Buffer.compare(existing, Buffer.from(data)) === 0;
    if (same) return;
    throw new UsageError('io/exists', `${path} already exists; pass --force to overwrite it`);
  }
  const temp = `${path}.${process.pid}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    throw new InputOutputError('io/write-failed', `Cannot write ${path}: ${String((error as NodeJS.ErrnoException).code ?? error)}`);
  }
}
