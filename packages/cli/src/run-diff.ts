import { diffVersions, formatDiffMarkdown, formatDiffText } from '@contracts/diff';
import { brokenDiagnostics, brokenOutput, openContractFile, playbookFor, versionOf, type CommandOutput, type ReportFormat } from './contract-versions.js';

export interface DiffRunOptions {
  from: string;
  to?: string;
  format: ReportFormat;
  playbook?: string;
  color: boolean;
}

/** `contracts diff FILE --from REF [--to REF]`: the position moves between two versions. */
export async function diffFile(file: string, o: DiffRunOptions): Promise<CommandOutput> {
  const contract = await openContractFile(file);
  const playbook = await playbookFor(o.playbook);
  if (Array.isArray(playbook)) return brokenOutput(playbook, o.format);
  const before = await versionOf(contract, o.from);
  const after = await versionOf(contract, o.to);
  const broken = brokenDiagnostics(before) ?? brokenDiagnostics(after);
  if (broken) return brokenOutput(broken, o.format);

  const diff = diffVersions(before.loaded.value, after.loaded.value, playbook);
  const names = { file: contract.name, fromLabel: o.from, toLabel: o.to ?? 'working tree', color: o.color };
  if (o.format === 'markdown') return { output: formatDiffMarkdown(diff, names), exitCode: 0 };
  if (o.format === 'text') return { output: formatDiffText(diff, names), exitCode: 0 };
  const json = { file: contract.name, from: { ref: o.from, commit: before.commit }, to: { ref: names.toLabel, commit: after.commit }, ...diff };
  return { output: `${JSON.stringify(json, null, 2)}\n`, exitCode: 0 };
}
