import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { InputOutputError } from '@contracts/core/errors';
import { writeFileAtomic } from '@contracts/core/write';

/**
 * The files of one report, written with core's `writeFileAtomic` (never half a file, never through a
 * planted link) a few at a time, so the disk works while the next page is made. The caller has already
 * decided that the output folder may be written (see `prepareOutput`): our own names are replaced.
 */
export class SiteWrites {
  private readonly pending = new Set<Promise<unknown>>();
  /** Folders made so far: one mkdir per folder, not one per file. */
  private readonly folders = new Map<string, Promise<unknown>>();
  private failure: unknown;

  constructor(
    private readonly out: string,
    private readonly limit = 16,
  ) {}

  /** Queues `data` for `sitePath` (relative to the site root); waits only when `limit` writes are in flight. */
  async add(sitePath: string, data: string | Uint8Array): Promise<void> {
    if (this.failure) throw this.failure;
    while (this.pending.size >= this.limit) await Promise.race(this.pending);
    const path = join(this.out, sitePath);
    let folder = this.folders.get(dirname(path));
    if (!folder) {
      folder = mkdir(dirname(path), { recursive: true }).catch((error: NodeJS.ErrnoException) => {
        throw new InputOutputError('io/write-failed', `Cannot create the folder ${dirname(path)}: ${String(error.code)}`, { cause: error });
      });
      this.folders.set(dirname(path), folder);
    }
    await folder;
    const write: Promise<unknown> = writeFileAtomic(path, data, { force: true, createDirectories: false })
      .catch((error: unknown) => {
        this.failure ??= error;
      })
      .finally(() => this.pending.delete(write));
    this.pending.add(write);
  }

  /** Waits for every queued write; throws the first failure. */
  async done(): Promise<void> {
    await Promise.all(this.pending);
    if (this.failure) throw this.failure;
  }
}
