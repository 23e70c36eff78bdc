// Worker side of runFileTask: import the task module, run it on this slice, post the results back.
import { parentPort, workerData } from 'node:worker_threads';

const { taskModule, files, options } = workerData as { taskModule: string; files: string[]; options: unknown };
try {
  const task = (await import(taskModule)) as { default: (files: string[], options: unknown) => Promise<unknown[]> | unknown[] };
  parentPort!.postMessage({ ok: true, results: await task.default(files, options) });
} catch (error) {
  const e = error as Error & { code?: string; exitCode?: number };
  parentPort!.postMessage({ ok: false, error: { name: e.name, message: e.message, code: e.code, exitCode: e.exitCode } });
}
