import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { deserializeError, type serializeError } from '../errors.js';

/**
 * A batch task: a module whose default export turns a list of files into one result per file. Given
 * `onResult`, it may hand each result over as soon as it has it (and return none) instead of
 * collecting them.
 */
export type FileTask<O, R> = (files: string[], options: O, onResult?: (result: R) => void) => Promise<R[]> | R[];

export interface ParallelOptions {
  /** Threads to use, including this one. Default: CONTRACTS_THREADS, else the machine's cores, at most 4. */
  threads?: number;
  /** Below this many files one thread is faster than starting workers. */
  minFilesPerThread?: number;
}

/**
 * Runs a batch task over files on every core: this thread takes the first slice while worker threads
 * take the others; results come back in input order, returned or (with `onResult`) handed over one by
 * one without being kept. Starting a worker costs ~100 ms (it loads the
 * task's modules), so small batches stay on this thread.
 */
export async function runFileTask<O, R>(
  taskModule: URL,
  files: readonly string[],
  options: O,
  parallel: ParallelOptions = {},
  onResult?: (result: R) => void,
): Promise<R[]> {
  const wanted = parallel.threads ?? (Number(process.env.CONTRACTS_THREADS) || Math.min(availableParallelism(), 4));
  const threads = Math.max(1, Math.min(wanted, Math.floor(files.length / (parallel.minFilesPerThread ?? 150))));
  const task = async (slice: string[]) => {
    const results = await ((await import(taskModule.href)) as { default: FileTask<O, R> }).default(slice, options, onResult);
    // A task that collects anyway: hand its results over in order.
    if (onResult) for (const result of results) onResult(result);
    return onResult ? [] : results;
  };
  if (threads <= 1) return task([...files]);
  const size = Math.ceil(files.length / threads);
  const slices = Array.from({ length: threads }, (_, i) => files.slice(i * size, (i + 1) * size));
  const [first, ...rest] = slices;
  const remote = rest.map((slice) => inWorker<O, R>(taskModule, slice, options));
  // Results reach onResult in input order: this thread's slice as it goes, then each worker's slice.
  for (const p of remote) p.catch(() => undefined); // rejections are awaited below, in order
  const local = await task(first!);
  const collected = [local];
  for (const pending of remote) {
    const results = await pending;
    if (onResult) for (const result of results) onResult(result);
    else collected.push(results);
  }
  return collected.flat();
}

function inWorker<O, R>(taskModule: URL, files: string[], options: O): Promise<R[]> {
  return new Promise((resolve, reject) => {
    // The built worker, from src/batch/ (tests) and dist/batch/ alike: both sit two levels below the package.
    const worker = new Worker(new URL('../../dist/batch/parallel-worker.js', import.meta.url), { workerData: { taskModule: taskModule.href, files, options } });
    worker.once('message', (message: { ok: true; results: R[] } | { ok: false; error: ReturnType<typeof serializeError> }) => {
      if (message.ok) resolve(message.results);
      else reject(deserializeError(message.error));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`worker stopped with exit code ${code}`)));
  });
}
