import { compareDiagnostics, loadValidator, loadYamlBytes, readContractFile, validateLoaded, type Diagnostic } from '@contracts/core';
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

/** Loads, schema-validates and playbook-checks files: `contracts check` without the printing. */
export async function checkFiles(files: readonly string[], playbook: Playbook, options: CheckFilesOptions = {}): Promise<CheckedFile[]> {
  const validator = await loadValidator('vendor-agreement');
  const info = options.info ?? true;
  const out: CheckedFile[] = [];
  for (const file of files) {
    const loaded = loadYamlBytes(readContractFile(file), file);
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
