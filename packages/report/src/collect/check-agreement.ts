import { validateOne, type Diagnostic, type LoadedFile, type SchemaValidator } from '@contracts/core';
import { checkContract, ruleApplicability, type CheckResult, type Playbook, type RuleApplicability } from '@contracts/playbook';

/** One working-tree contract as `contracts check` sees it, with every rated term and the rules' standing. */
export interface CheckedAgreement {
  loaded: LoadedFile;
  /** Parse and schema diagnostics, named by the path shown. */
  validation: Diagnostic[];
  /** Undefined when the file could not be read as a contract. */
  check: CheckResult | undefined;
  /** Every rule that is not out of scope: applies, upcoming, not yet in force, exempt or repealed. */
  rules: RuleApplicability[];
}

/**
 * Loads, validates and checks a contract exactly as `checkFiles` (the `contracts check` task) does — the
 * same `validateOne` and `checkContract` with the schema diagnostics — but keeps every rated term.
 */
export function checkAgreement(path: string, shown: string, playbook: Playbook, validator: SchemaValidator): CheckedAgreement {
  const { loaded, diagnostics: validation } = validateOne(path, validator);
  for (const d of validation) d.file = shown;
  if (loaded.value === undefined) return { loaded, validation, check: undefined, rules: [] };
  const check = checkContract(loaded, playbook, { schemaDiagnostics: validation, info: false, terms: true });
  for (const d of check.diagnostics) {
    d.file = shown;
    for (const r of d.related ?? []) r.file = shown;
  }
  const rules = ruleApplicability(playbook, loaded.value).filter((r) => r.status !== 'out-of-scope');
  return { loaded, validation, check, rules };
}
