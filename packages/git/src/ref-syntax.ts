import { UsageError } from '@contracts/core';

/** Revision suffixes we accept after a ref name: `~`, `~3`, `^`, `^2`, in any sequence. */
const SUFFIX = /(?:[~^]\d*)*$/;
const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/**
 * Why `name` is not a valid ref name under `git check-ref-format` rules (with one-level names such
 * as `HEAD` or `main` allowed), or undefined when it is valid.
 */
export function refNameProblem(name: string): string | undefined {
  if (name === '') return 'it is empty';
  if (name.startsWith('-')) return 'it starts with "-"';
  // Control characters, space and the characters git reserves for revision syntax.
  if (/[\x00-\x20\x7f~^:?*[\\]/.test(name)) return 'it contains a space, control or special character';
  if (name.includes('..')) return 'it contains ".."';
  if (name.includes('@{') || name === '@') return 'it uses @{...} syntax';
  if (name.startsWith('/') || name.endsWith('/') || name.includes('//')) return 'it has an empty path component';
  if (name.endsWith('.')) return 'it ends with "."';
  for (const part of name.split('/')) {
    if (part.startsWith('.')) return 'a component starts with "."';
    if (part.endsWith('.lock')) return 'a component ends with ".lock"';
  }
  return undefined;
}

/**
 * Checks a user-given revision (`main`, `v1.2`, `acme/round-2~1`, `HEAD^2`, a hex SHA) before it
 * goes anywhere near git. A leading `-` is always rejected so the value can never be parsed as an
 * option (`--upload-pack=…`, `-c …`, `--output=…`), even by a command lacking `--end-of-options`.
 * Throws UsageError 'git/bad-ref'.
 */
export function assertRefSyntax(ref: string): void {
  if (typeof ref !== 'string' || ref.length > 1024) {
    throw new UsageError('git/bad-ref', 'Invalid git ref: too long or not a string.');
  }
  const base = ref.replace(SUFFIX, '');
  const problem = ref.startsWith('-') ? 'it starts with "-"' : refNameProblem(base);
  if (problem) throw new UsageError('git/bad-ref', `Invalid git ref ${JSON.stringify(ref)}: ${problem}.`);
}

/** Checks a contract id for use as the first part of a tag name `<id>/round-<n>`. */
export function assertContractId(contractId: string): void {
  const problem = refNameProblem(contractId);
  if (problem) {
    throw new UsageError('git/bad-contract-id', `Contract id ${JSON.stringify(contractId)} cannot name a git tag: ${problem}.`);
  }
}

/** True for a full (SHA-1 or SHA-256) lowercase hex object id. */
export function isFullSha(value: string): boolean {
  return FULL_SHA.test(value);
}
