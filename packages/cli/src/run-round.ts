import { formatRoundsJson, formatRoundsMarkdown, formatRoundsText, positionHistory, roundRows } from '@contracts/diff';
import { terminalText } from '@contracts/format/escape';
import { createRound, requireContractId, roundVersions } from '@contracts/git';
import { brokenDiagnostics, brokenOutput, openContractFile, playbookFor, type CommandOutput, type ReportFormat } from './contract-versions.js';

/** `contracts round FILE [-m MSG] [--force]`: tags the commit that last changed the file as the next round. */
export async function tagRound(file: string, o: { message?: string | undefined; force?: boolean }): Promise<CommandOutput> {
  const contract = await openContractFile(file);
  const broken = brokenDiagnostics(contract.working);
  if (broken) return brokenOutput(broken, 'text');
  const round = await createRound(contract.repo, contract.relPath, requireContractId(contract), { message: o.message, force: o.force ?? false });
  return { output: `Tagged ${terminalText(round.tag)} on ${round.commit.slice(0, 12)}: ${terminalText(round.message.split('\n')[0]!)}\n`, exitCode: 0 };
}

/** `contracts rounds FILE`: every round with the date and author of its version and how many positions moved since the one before. */
export async function listRoundsOf(file: string, o: { format: ReportFormat; playbook?: string }): Promise<CommandOutput> {
  const contract = await openContractFile(file);
  const broken = brokenDiagnostics(contract.working);
  if (broken) return brokenOutput(broken, o.format);
  const playbook = await playbookFor(o.playbook);
  if (Array.isArray(playbook)) return brokenOutput(playbook, o.format);
  const id = requireContractId(contract);
  const versions = await roundVersions(contract.repo, contract.relPath, id, { name: contract.name });
  const steps = positionHistory(versions, playbook).map((step, i) => ({ ...versions[i]!, ...step }));
  const rows = roundRows(steps);
  const names = { file: contract.name, contractId: id };
  const format = o.format === 'json' ? formatRoundsJson : o.format === 'markdown' ? formatRoundsMarkdown : formatRoundsText;
  return { output: format(rows, names), exitCode: 0 };
}
