import { findTerm } from '@contracts/playbook';
import { formatHistoryMarkdown, formatHistoryText, positionHistory, type HistoryVersion } from '@contracts/diff';
import { UsageError } from '@contracts/core';
import { fileHistory, looksBinary, readBlobs } from '@contracts/git';
import { brokenOutput, BrokenVersion, openContract, parseVersion, playbookFor, type CommandOutput, type ContractInGit, type ReportFormat } from './run-diff.js';

export interface HistoryRunOptions {
  term?: string;
  format: ReportFormat;
  playbook?: string;
  color: boolean;
}

/**
 * Every committed version of a contract, oldest first, from ONE `git log --follow` and ONE
 * `git cat-file --batch` (never a process per commit). Unreadable versions carry a `problem`.
 */
export async function readAllVersions(c: ContractInGit): Promise<HistoryVersion[]> {
  const entries = (await fileHistory(c.repo, c.relPath, { follow: true, contractId: c.id })).reverse();
  const blobs = await readBlobs(
    c.repo,
    entries.map((e) => ({ commit: e.commit, path: e.path })),
  );
  return entries.map((e, i) => {
    const bytes = blobs[i]?.bytes;
    const meta = {
      commit: e.commit,
      authorName: e.authorName,
      authorEmail: e.authorEmail,
      authorDate: e.authorDate,
      subject: e.subject,
      path: e.path,
      rounds: e.rounds,
    };
    if (!bytes) return { ...meta, value: undefined, problem: 'file deleted in this commit' };
    if (looksBinary(bytes)) return { ...meta, value: undefined, problem: 'binary content' };
    const parsed = parseVersion(bytes, `${c.display}@${e.commit.slice(0, 12)}`);
    if (parsed instanceof BrokenVersion) {
      const first = parsed.diagnostics[0];
      const where = first?.line ? ` (line ${first.line})` : '';
      return { ...meta, value: undefined, problem: `${parsed.diagnostics.length} YAML error(s): ${first?.message ?? 'unreadable'}${where}` };
    }
    return { ...meta, value: parsed.value };
  });
}

/** `contracts history FILE [--term PATH]`. */
export async function historyOfFile(file: string, o: HistoryRunOptions): Promise<CommandOutput> {
  const contract = await openContract(file);
  if (contract instanceof BrokenVersion) return brokenOutput(contract, o.format);
  const playbook = await playbookFor(o.playbook);
  if (playbook instanceof BrokenVersion) return brokenOutput(playbook, o.format);
  const versions = await readAllVersions(contract);
  const steps = positionHistory(versions, playbook, o.term);
  if (o.term !== undefined && steps.every((s) => s.changes.length === 0) && !findTerm(playbook, o.term)) {
    throw new UsageError('usage/unknown-term', `Unknown term ${JSON.stringify(o.term)}: not in the playbook and never present in ${contract.display}.`);
  }
  const options = { file: contract.display, color: o.color, ...(o.term !== undefined ? { term: o.term } : {}) };
  const output =
    o.format === 'json'
      ? `${JSON.stringify({ file: contract.display, contractId: contract.id, ...(o.term !== undefined ? { term: o.term } : {}), steps }, null, 2)}\n`
      : o.format === 'markdown'
        ? formatHistoryMarkdown(steps, options)
        : formatHistoryText(steps, options);
  return { output, exitCode: 0 };
}
