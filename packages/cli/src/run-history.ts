import { UsageError } from '@contracts/core';
import { formatHistoryMarkdown, formatHistoryText, positionHistory } from '@contracts/diff';
import { contractHistory } from '@contracts/git';
import { findTerm } from '@contracts/playbook';
import { brokenOutput, openContractFile, playbookFor, type CommandOutput, type ReportFormat } from './contract-versions.js';

export interface HistoryRunOptions {
  term?: string;
  format: ReportFormat;
  playbook?: string;
  color: boolean;
}

/** `contracts history FILE [--term PATH]`: how each position moved across every committed version. */
export async function historyOfFile(file: string, o: HistoryRunOptions): Promise<CommandOutput> {
  const contract = await openContractFile(file);
  const playbook = await playbookFor(o.playbook);
  if (Array.isArray(playbook)) return brokenOutput(playbook, o.format);
  const versions = await contractHistory(contract.repo, contract.relPath, { contractId: contract.id, name: contract.name });
  const steps = positionHistory(versions, playbook, o.term);
  if (o.term !== undefined && steps.every((s) => s.changes.length === 0) && !findTerm(playbook, o.term)) {
    throw new UsageError('usage/unknown-term', `Unknown term ${JSON.stringify(o.term)}: not in the playbook and never present in ${contract.name}.`);
  }
  const options = { file: contract.name, color: o.color, ...(o.term !== undefined ? { term: o.term } : {}) };
  if (o.format === 'markdown') return { output: formatHistoryMarkdown(steps, options), exitCode: 0 };
  if (o.format === 'text') return { output: formatHistoryText(steps, options), exitCode: 0 };
  const json = { file: contract.name, contractId: contract.id, ...(o.term !== undefined ? { term: o.term } : {}), steps };
  return { output: `${JSON.stringify(json, null, 2)}\n`, exitCode: 0 };
}
