import { readFile } from 'node:fs/promises';
import { displayPath, InputOutputError, loadYamlBytes, UsageError, type Diagnostic, type LoadedFile } from '@contracts/core';
import { diffPositions, formatDiffMarkdown, formatDiffText, type PositionDiff } from '@contracts/diff';
import { formatters } from '@contracts/format';
import { fileHistory, looksBinary, openRepo, readBlobs, repoPath, resolveRef, type Repo } from '@contracts/git';
import { loadPlaybook, resolvePlaybookPath, type Playbook } from '@contracts/playbook';

export type ReportFormat = 'text' | 'json' | 'markdown';

/** What a git-aware command prints and the exit code it sets (1 when a version or the playbook is broken). */
export interface CommandOutput {
  output: string;
  exitCode: number;
}

/** A contract file inside a repository, with its id read from the working tree. */
export interface ContractInGit {
  repo: Repo;
  relPath: string;
  display: string;
  id: string;
  working: LoadedFile;
}

/** Thrown-free signal that a version could not be parsed: its diagnostics, to print with exit 1. */
export class BrokenVersion {
  readonly broken = true;
  constructor(readonly diagnostics: Diagnostic[]) {}
}

/** Opens the repo around `file`, reads the working-tree file and its `id` (the round tag prefix). */
export async function openContract(file: string): Promise<ContractInGit | BrokenVersion> {
  const repo = await openRepo(file);
  const relPath = repoPath(repo, file);
  const display = displayPath(file);
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new InputOutputError(
      'io/not-found',
      `Cannot read ${display}: ${error.code === 'ENOENT' ? 'no such file in the working tree' : (error.code ?? error.message)}`,
    );
  });
  const working = parseVersion(bytes, display);
  if (working instanceof BrokenVersion) return working;
  const id = working.value?.id;
  if (typeof id !== 'string' || id.trim() === '') {
    throw new UsageError('contract/no-id', `${display} has no \`id\` field; rounds are tagged <id>/round-<n>, so the contract needs one.`);
  }
  return { repo, relPath, display, id, working };
}

/** Parses bytes of one version; YAML errors (not schema errors) make it unusable for a diff. */
export function parseVersion(bytes: Uint8Array, name: string): LoadedFile | BrokenVersion {
  const loaded = loadYamlBytes(bytes, name);
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  return loaded.value === undefined || errors.length > 0 ? new BrokenVersion(loaded.diagnostics) : loaded;
}

/**
 * The contract as it was at `ref` (round shorthand allowed), following renames: when the file is
 * not at its current path in that commit, its former names from `git log --follow` are tried.
 */
export async function versionAt(c: ContractInGit, ref: string): Promise<{ commit: string; loaded: LoadedFile } | BrokenVersion> {
  const commit = await resolveRef(c.repo, ref, c.id);
  let [blob] = await readBlobs(c.repo, [{ commit, path: c.relPath }]);
  if (!blob?.bytes) {
    const former = [...new Set((await fileHistory(c.repo, c.relPath, { follow: true, allowShallow: true })).map((h) => h.path))].filter((p) => p !== c.relPath);
    blob = (
      await readBlobs(
        c.repo,
        former.map((path) => ({ commit, path })),
      )
    ).find((b) => b.bytes !== null);
  }
  if (!blob?.bytes) throw new UsageError('git/not-found-at-ref', `${c.relPath} does not exist at ${ref} (${commit.slice(0, 12)}).`);
  if (looksBinary(blob.bytes))
    throw new UsageError('git/binary-at-ref', `${c.relPath} at ${ref} (${commit.slice(0, 12)}) is a binary file, not a YAML contract.`);
  const loaded = parseVersion(blob.bytes, `${c.display}@${ref}`);
  return loaded instanceof BrokenVersion ? loaded : { commit, loaded };
}

/** The playbook for git commands, or its diagnostics. */
export async function playbookFor(path: string | undefined): Promise<Playbook | BrokenVersion> {
  const loaded = await loadPlaybook(resolvePlaybookPath(path));
  return loaded.playbook ?? new BrokenVersion(loaded.diagnostics.map((d) => ({ ...d, file: displayPath(d.file) })));
}

/** Diagnostics of a broken version or playbook, in the command's format, exit 1. */
export function brokenOutput(broken: BrokenVersion, format: ReportFormat): CommandOutput {
  const formatter = format === 'json' ? formatters.json : formatters.stylish;
  return { output: formatter(broken.diagnostics, {}), exitCode: 1 };
}

export interface DiffRunOptions {
  from: string;
  to?: string;
  format: ReportFormat;
  playbook?: string;
  color: boolean;
}

/** `contracts diff FILE --from REF [--to REF]`. */
export async function diffFile(file: string, o: DiffRunOptions): Promise<CommandOutput> {
  const contract = await openContract(file);
  if (contract instanceof BrokenVersion) return brokenOutput(contract, o.format);
  const playbook = await playbookFor(o.playbook);
  if (playbook instanceof BrokenVersion) return brokenOutput(playbook, o.format);
  const before = await versionAt(contract, o.from);
  if (before instanceof BrokenVersion) return brokenOutput(before, o.format);
  const after = o.to === undefined ? { commit: null, loaded: contract.working } : await versionAt(contract, o.to);
  if (after instanceof BrokenVersion) return brokenOutput(after, o.format);

  const diff = diffPositions(before.loaded.value, after.loaded.value, playbook);
  const names = { file: contract.display, fromLabel: o.from, toLabel: o.to ?? 'working tree', color: o.color };
  return { output: render(diff, o.format, names, { from: before.commit, to: after.commit }), exitCode: 0 };
}

function render(diff: PositionDiff, format: ReportFormat, names: Parameters<typeof formatDiffText>[1], commits: { from: string; to: string | null }): string {
  if (format === 'markdown') return formatDiffMarkdown(diff, names);
  if (format === 'text') return formatDiffText(diff, names);
  const json = { file: names.file, from: { ref: names.fromLabel, commit: commits.from }, to: { ref: names.toLabel, commit: commits.to }, ...diff };
  return `${JSON.stringify(json, null, 2)}\n`;
}
