import { readFileSync } from 'node:fs';
import { compareDiagnostics, loadValidator, loadYamlBytes, loadYamlFile, validateLoaded, type Diagnostic, type LoadedFile } from '@contracts/core';
import { checkContract } from './check-contract.js';
import type { CheckSummary, Playbook } from './types.js';

export interface CheckedFile {
  file: string;
  /** Parse and schema diagnostics, then playbook and risk diagnostics, in stable order. */
  diagnostics: Diagnostic[];
  /** `undefined` when the file could not be read as a contract. */
  summary: CheckSummary | undefined;
}

export interface CheckFilesOptions {
  /** Include info diagnostics for preferred positions (default true). */
  info?: boolean;
}

/**
 * Reads a contract. Small files are read synchronously: over thousands of files the promise-based
 * readFile (open, fstat, read, close on the thread pool) costs more than parsing them. Unreadable
 * files go through core's loader so the error (and exit code) is the same as for `validate`.
 */
async function load(file: string): Promise<LoadedFile> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    return loadYamlFile(file);
  }
  return loadYamlBytes(bytes, file);
}

/** Loads, schema-validates and playbook-checks files: `contracts check` without the printing. */
export async function checkFiles(files: readonly string[], playbook: Playbook, options: CheckFilesOptions = {}): Promise<CheckedFile[]> {
  const validator = await loadValidator('vendor-agreement');
  const info = options.info ?? true;
  const out: CheckedFile[] = [];
  for (const file of files) {
    const loaded = await load(file);
    const schemaDiagnostics = validateLoaded(loaded, validator);
    if (loaded.value === undefined) {
      out.push({ file, diagnostics: loaded.diagnostics, summary: undefined });
      continue;
    }
    const checked = checkContract(loaded, playbook, { schemaDiagnostics, info });
    const diagnostics = [...loaded.diagnostics, ...schemaDiagnostics, ...checked.diagnostics].sort(compareDiagnostics);
    out.push({ file, diagnostics, summary: checked.summary });
  }
  return out;
}
