import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { InputOutputError } from '@contracts/core';
import { checkFiles, type CheckedFile, type CheckFilesOptions } from './check-files.js';
import type { Playbook } from './types.js';

export interface ParallelOptions extends CheckFilesOptions {
  /** Threads to use; default: available cores. */
  workers?: number;
  /** Files each worker must get to be worth starting (a worker costs ~100 ms to start). Default 400. */
  minFilesPerWorker?: number;
}

/**
 * `checkFiles` over worker threads for big batches: the work is CPU-bound (parse, validate, rate), so
 * a 2-core CI runner checks 10,000 files in about half the time. Results keep the input order.
 * `playbook.file` is re-read by each worker (compiled once per thread).
 */
export async function checkFilesParallel(files: readonly string[], playbook: Playbook, options: ParallelOptions = {}): Promise<CheckedFile[]> {
  const perWorker = options.minFilesPerWorker ?? 400;
  const workers = Math.min(options.workers ?? availableParallelism(), Math.floor(files.length / perWorker));
  if (workers <= 1) return checkFiles(files, playbook, options);
  const size = Math.ceil(files.length / workers);
  const chunks = Array.from({ length: workers }, (_, i) => files.slice(i * size, (i + 1) * size));
  // The built worker, from src/ (tests) and dist/ alike: both sit one level below the package.
  const url = new URL('../dist/check-worker.js', import.meta.url);
  const parts = await Promise.all(
    chunks.map(
      (chunk) =>
        new Promise<CheckedFile[]>((resolve, reject) => {
          const worker = new Worker(url, { workerData: { files: chunk, playbookPath: playbook.file, info: options.info ?? true } });
          worker.once('message', (message: { results?: CheckedFile[]; error?: { code: string; message: string } }) => {
            if (message.error) reject(new InputOutputError(message.error.code, message.error.message));
            else resolve(message.results!);
            void worker.terminate();
          });
          worker.once('error', reject);
        }),
    ),
  );
  return parts.flat();
}
