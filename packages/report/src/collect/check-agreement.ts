import { compareDiagnostics, contractIdAt, validateOne, type ContractIdAt, type Diagnostic, type LoadedFile, type SchemaValidator } from '@contracts/core';
import { checkContract, ruleApplicability, type CheckResult, type Playbook, type RuleApplicability } from '@contracts/playbook';

/** A working-tree contract file, loaded and schema-validated as `contracts check` loads it. */
export interface LoadedAgreement {
  loaded: LoadedFile;
  /** Parse and schema diagnostics, named by the path shown. */
  validation: Diagnostic[];
  /** The path shown (relative to the working directory), which diagnostics name. */
  shown: string;
}

/**
 * One contract as `contracts check` sees it, with every rated term and the rules' standing. Only the
 * value of the file is kept: its text and field positions (a large share of the heap over 1,000
 * files) are dropped once the diagnostics that need them are made.
 */
export interface CheckedAgreement {
  value: Record<string, unknown> | undefined;
  validation: Diagnostic[];
  shown: string;
  /** Undefined when the file could not be read as a contract. */
  check: CheckResult | undefined;
  /**
   * Everything `contracts check --verbose` reports for the file, in its order: the parse and schema
   * diagnostics, then the playbook's and the rules' (preferred positions and comments to answer as info).
   */
  diagnostics: Diagnostic[];
  /** The contract's id and where it is written, for check's finding across files (one id, one negotiation). */
  id?: ContractIdAt;
  /** Every rule that is not out of scope: applies, upcoming, not yet in force, exempt or repealed. */
  rules: RuleApplicability[];
}

/** Reads and validates a contract with `validateOne`, the first half of the `contracts check` task. */
export function loadAgreement(path: string, shown: string, validator: SchemaValidator): LoadedAgreement {
  const { loaded, diagnostics: validation } = validateOne(path, validator);
  for (const d of validation) d.file = shown;
  return { loaded, validation, shown };
}

/**
 * Checks a loaded contract exactly as `checkFiles` (the `contracts check` task) does — the same
 * `checkContract` with the schema diagnostics — but keeps every rated term and the infos.
 */
export function checkAgreement(agreement: LoadedAgreement, playbook: Playbook): CheckedAgreement {
  const { loaded, validation, shown } = agreement;
  if (loaded.value === undefined) return { value: undefined, validation, shown, check: undefined, diagnostics: validation, rules: [] };
  // With info, as `check --verbose`: the infos count too, and a comment to answer is one.
  const check = checkContract(loaded, playbook, { schemaDiagnostics: validation, info: true, terms: true });
  for (const d of check.diagnostics) {
    d.file = shown;
    for (const r of d.related ?? []) r.file = shown;
  }
  const rules = ruleApplicability(playbook, loaded.value).filter((r) => r.status !== 'out-of-scope');
  const diagnostics = validation.length === 0 ? check.diagnostics : [...validation, ...check.diagnostics].sort(compareDiagnostics);
  const id = contractIdAt(loaded);
  return { value: loaded.value, validation, shown, check, diagnostics, rules, ...(id ? { id } : {}) };
}
