import { UsageError } from '@contracts/core';
import { runGit } from './exec.js';
import { assertContractId, assertRefSyntax, isFullSha } from './ref-syntax.js';
import type { Repo } from './repo.js';
import { isShallow, shallowError } from './shallow.js';

/** `round-2`, optionally followed by revision suffixes such as `~1`. */
const ROUND_SHORTHAND = /^round-\d+(?:[~^]\d*)*$/;

/** True for the round shorthand (`round-2`, `round-2~1`), which needs a contract id to mean a tag. */
export const isRoundShorthand = (ref: string): boolean => ROUND_SHORTHAND.test(ref);

/**
 * Expands the round shorthand: with a contract id, `round-2` means `<contractId>/round-2`
 * (suffixes kept, so `round-2~1` works). Other refs are returned unchanged.
 */
export function expandRef(ref: string, contractId?: string): string {
  if (contractId === undefined || !ROUND_SHORTHAND.test(ref)) return ref;
  assertContractId(contractId);
  return `${contractId}/${ref}`;
}

/**
 * Resolves a user-given ref to the full SHA of the commit it names.
 * The ref is syntax-checked first and passed after `--end-of-options`, so it can never act as an
 * option. Throws UsageError 'git/bad-ref' (unknown or invalid ref) or 'git/shallow' (the ref may
 * exist upstream but this shallow clone lacks it).
 */
export async function resolveRef(repo: Repo, ref: string, contractId?: string): Promise<string> {
  assertRefSyntax(ref);
  const expanded = expandRef(ref, contractId);
  assertRefSyntax(expanded);
  const out = await runGit(repo.git, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${expanded}^{commit}`]);
  const sha = out.trim();
  if (isFullSha(sha)) return sha;
  if (await isShallow(repo)) throw shallowError(`Ref ${JSON.stringify(ref)}`);
  const shown = expanded === ref ? JSON.stringify(ref) : `${JSON.stringify(ref)} (${expanded})`;
  throw new UsageError('git/bad-ref', `Unknown git ref ${shown}: no such commit in this repository.`);
}
