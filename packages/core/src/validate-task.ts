import { readFileSync } from 'node:fs';
import { compareDiagnostics, type Diagnostic } from './diagnostic.js';
import { InputOutputError } from './errors.js';
import { loadYamlBytes, type LoadedFile } from './load.js';
import { loadValidator, type SchemaName } from './schemas.js';
import { validateLoaded } from './validate.js';

/**
 * Reads a file synchronously. For a batch of small files this is several times faster than
 * fs/promises (no per-file promise and file-handle round trips), and the batch is CPU-bound anyway.
 */
export function readContractFile(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : String(code ?? error);
    throw new InputOutputError('io/unreadable', `Cannot read ${file}: ${why}`, { cause: error });
  }
}

/** Loads and schema-validates one file: parse problems, then schema problems, sorted. */
export function validateOne(file: string, validator: Awaited<ReturnType<typeof loadValidator>>): { loaded: LoadedFile; diagnostics: Diagnostic[] } {
  const loaded = loadYamlBytes(readContractFile(file), file);
  const diagnostics = [...loaded.diagnostics, ...validateLoaded(loaded, validator)].sort(compareDiagnostics);
  return { loaded, diagnostics };
}

/** Batch task for runFileTask: diagnostics only, so nothing large crosses threads or stays in memory. */
export default async function validateTask(files: string[], options: { schema?: SchemaName } = {}): Promise<{ file: string; diagnostics: Diagnostic[] }[]> {
  const validator = await loadValidator(options.schema ?? 'vendor-agreement');
  return files.map((file) => ({ file, diagnostics: validateOne(file, validator).diagnostics }));
}
