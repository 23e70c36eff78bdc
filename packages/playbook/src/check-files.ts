import { compareDiagnostics, contractIdAt, loadValidator, validateOne, type ContractIdAt, type Diagnostic, type LoadedFile } from '@contracts/core';
import { checkContract } from './check-contract.js';
import type { CheckSummary, Playbook } from './types.js';

export interface CheckedFile {
  file: string;
  /** Parse and schema diagnostics, then playbook and risk diagnostics, in stable order. */
  diagnostics: Diagnostic[];
  /** `undefined` when the file could not be read as a contract. */
  summary: CheckSummary | undefined;
  /** The contract's id and where it is written, for the check across files (one id, one negotiation). */
  id?: ContractIdAt;
}

export interface CheckFilesOptions {
  /** Include info diagnostics for preferred positions (default true). */
  info?: boolean;
  /** Receives each file's result as soon as it is checked; none are then kept or returned. */
  onResult?: (result: CheckedFile) => void;
  /** More checks of each contract without schema errors (the drafting lint of `check --drafting`). */
  also?: (loaded: LoadedFile) => Diagnostic[];
}

/** Loads, schema-validates and playbook-checks files: `contracts check` without the printing. */
export async function checkFiles(files: readonly string[], playbook: Playbook, options: CheckFilesOptions = {}): Promise<CheckedFile[]> {
  const validator = await loadValidator('vendor-agreement');
  const info = options.info ?? true;
  const out: CheckedFile[] = [];
  for (const file of files) {
    const { loaded, diagnostics: validation } = validateOne(file, validator);
    if (loaded.value === undefined) {
      const result = { file, diagnostics: validation, summary: undefined };
      if (options.onResult) options.onResult(result);
      else out.push(result);
      continue;
    }
    // Terms at or under a path with a schema problem are not rated again (checkContract skips them).
    const checked = checkContract(loaded, playbook, { schemaDiagnostics: validation, info, terms: false });
    let diagnostics = validation.length === 0 ? checked.diagnostics : [...validation, ...checked.diagnostics].sort(compareDiagnostics);
    if (options.also && !validation.some((d) => d.severity === 'error')) diagnostics = [...diagnostics, ...options.also(loaded)].sort(compareDiagnostics);
    const id = contractIdAt(loaded);
    const result = { file, diagnostics, summary: checked.summary, ...(id ? { id } : {}) };
    if (options.onResult) options.onResult(result);
    else out.push(result);
  }
  return out;
}
