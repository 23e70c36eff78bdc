import type { Diagnostic } from '../diagnostic.js';
import { runFileTask, type ParallelOptions } from './parallel.js';
import type { SchemaName } from '../validate/schemas.js';

export interface FileDiagnostics {
  file: string;
  diagnostics: Diagnostic[];
}

/** Runs `work` over items with at most `limit` in flight, keeping results in input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  });
  await Promise.all(lanes);
  return results;
}

/**
 * Loads and schema-validates files, on every core for large batches. Parse problems and schema
 * problems come back as diagnostics, in input order.
 */
export function validateFiles(files: readonly string[], schema: SchemaName = 'vendor-agreement', parallel: ParallelOptions = {}): Promise<FileDiagnostics[]> {
  return runFileTask(new URL('./validate-task.js', import.meta.url), files, { schema }, parallel);
}
