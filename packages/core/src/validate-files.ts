import type { Diagnostic } from './diagnostic.js';
import { compareDiagnostics } from './diagnostic.js';
import { loadYamlFile, type LoadedFile } from './load.js';
import { loadValidator, type SchemaName } from './schemas.js';
import { validateLoaded } from './validate.js';

export interface FileResult {
  file: string;
  loaded: LoadedFile;
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

/** Loads and schema-validates files. Parse problems and schema problems come back as diagnostics. */
export async function validateFiles(files: readonly string[], schema: SchemaName = 'vendor-agreement'): Promise<FileResult[]> {
  const validator = await loadValidator(schema);
  return mapLimit(files, 16, async (file) => {
    const loaded = await loadYamlFile(file);
    const diagnostics = [...loaded.diagnostics, ...validateLoaded(loaded, validator)].sort(compareDiagnostics);
    return { file, loaded, diagnostics };
  });
}
