import { loadValidator, UsageError } from '@contracts/core';
import { assertContractId } from './ref-syntax.js';

/**
 * Why `id` is not an agreement id the vendor-agreement schema allows, or undefined when it is one. The
 * schema's own validator decides (its `id` pattern, length and reserved names): one definition of an id,
 * for the round tags it names and the files named after it.
 */
export async function agreementIdProblem(id: string): Promise<string | undefined> {
  const validate = await loadValidator('vendor-agreement');
  validate({ id });
  const error = validate.errors?.find((e) => e.instancePath === '/id');
  if (!error) return undefined;
  if (error.keyword === 'maxLength') return `it may have at most ${String(error.params.limit)} characters`;
  if (error.keyword === 'minLength') return 'it is empty';
  return 'lowercase letters a-z, digits and single hyphens only, and not a device name Windows reserves such as con or nul';
}

/**
 * Checks that `contractId` is an agreement id the schema allows, before it names a tag. A tag name is a
 * claim: `x/round-1` would be read as a round of contract `x`, and a look-alike id (a Cyrillic `а` for a
 * Latin `a`) would tag rounds that look like another contract's. Throws UsageError 'git/bad-contract-id'.
 */
export async function assertAgreementId(contractId: string): Promise<void> {
  assertContractId(contractId);
  const problem = await agreementIdProblem(contractId);
  if (!problem) return;
  throw new UsageError(
    'git/bad-contract-id',
    `Contract id ${JSON.stringify(contractId)} is not a valid agreement id (${problem}); ` +
      'fix `id` in the contract before tagging a round: it names the tags <id>/round-<n>.',
  );
}
