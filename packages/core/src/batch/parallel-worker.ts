// Worker side of runFileTask: import the task module, run it on this slice, post the results back.
// Errors cross as plain data (serializeError) and become ContractsErrors again on the other side.
import { parentPort, workerData } from 'node:worker_threads';
import { serializeError } from '../errors.js';

const { taskModule, files, options } = workerData as { taskModule: string; files: string[]; options: unknown };
try {
  const task = (await import(taskModule)) as { default: (files: string[], options: unknown) => Promise<unknown[]> | unknown[] };
  parentPort!.postMessage({ ok: true, results: await task.default(files, options) });
} catch (error) {
  parentPort!.postMessage({ ok: false, error: serializeError(error) });
}
