import { compareDiagnostics, type Diagnostic } from '../diagnostic.js';
import { loadContractFile, type LoadedFile } from '../load/load.js';
import { loadValidator, type SchemaName } from '../validate/schemas.js';
import { validateLoaded } from '../validate/validate.js';

/** Loads and schema-validates one file: parse problems, then schema problems, sorted. */
export function validateOne(file: string, validator: Awaited<ReturnType<typeof loadValidator>>): { loaded: LoadedFile; diagnostics: Diagnostic[] } {
  const loaded = loadContractFile(file);
  const diagnostics = [...loaded.diagnostics, ...validateLoaded(loaded, validator)];
  if (diagnostics.length > 1) diagnostics.sort(compareDiagnostics);
  return { loaded, diagnostics };
}

/** Batch task for runFileTask: diagnostics only, so nothing large crosses threads or stays in memory. */
export default async function validateTask(files: string[], options: { schema?: SchemaName } = {}): Promise<{ file: string; diagnostics: Diagnostic[] }[]> {
  const validator = await loadValidator(options.schema ?? 'vendor-agreement');
  return files.map((file) => ({ file, diagnostics: validateOne(file, validator).diagnostics }));
}
