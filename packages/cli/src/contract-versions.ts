/**
 * What the git-aware commands (diff, history, rounds, round, redline) share: the contract opened in
 * its repository, the version a `--from` / `--to` flag names, and how a version that does not parse,
 * or a broken playbook, is reported (its diagnostics, exit 1).
 */
import { displayPath, type Diagnostic } from '@contracts/core';
import { formatters } from '@contracts/format';
import { contractAt, isRoundShorthand, openContract, requireContractId, type ContractFile, type ContractVersion } from '@contracts/git';
import { loadPlaybook, resolvePlaybookPath, type Playbook } from '@contracts/playbook';

export type ReportFormat = 'text' | 'json' | 'markdown';

/** What a git-aware command prints and the exit code it sets. */
export interface CommandOutput {
  output: string;
  exitCode: number;
}

/** The contract file in its repository, named in messages as the user sees it (relative to the working directory). */
export const openContractFile = (file: string): Promise<ContractFile> => openContract(file, { name: displayPath(file) });

/** The version `ref` names (round shorthand allowed, renames followed); the working tree when `ref` is undefined. */
export async function versionOf(contract: ContractFile, ref: string | undefined): Promise<ContractVersion> {
  if (ref === undefined) return contract.working;
  // `round-2` means `<id>/round-2`: without a readable id in the working tree, say so rather than "unknown ref".
  const contractId = isRoundShorthand(ref) ? requireContractId(contract) : contract.id;
  return contractAt(contract.repo, ref, contract.relPath, { contractId, name: contract.name });
}

/** The errors that make a version unusable (it did not parse as one mapping), or undefined when it is usable. */
export function brokenDiagnostics(version: ContractVersion): Diagnostic[] | undefined {
  const { value, diagnostics } = version.loaded;
  return value === undefined || diagnostics.some((d) => d.severity === 'error') ? diagnostics : undefined;
}

/** The playbook the positions are rated with, or its diagnostics. */
export async function playbookFor(path: string | undefined): Promise<Playbook | Diagnostic[]> {
  const loaded = await loadPlaybook(resolvePlaybookPath(path));
  return loaded.playbook ?? loaded.diagnostics.map((d) => ({ ...d, file: displayPath(d.file) }));
}

/** Diagnostics of a broken version or playbook, in the command's format (stylish for text and Markdown), exit 1. */
export function brokenOutput(diagnostics: readonly Diagnostic[], format: ReportFormat): CommandOutput {
  const formatter = format === 'json' ? formatters.json : formatters.stylish;
  return { output: formatter(diagnostics, {}), exitCode: 1 };
}
