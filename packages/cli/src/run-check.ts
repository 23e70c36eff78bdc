import {
  compareDiagnostics,
  ContractIds,
  contractFilesIn,
  contractIdsOf,
  countSeverities,
  displayPath,
  parseShard,
  runFileTask,
  selectFiles,
  type Diagnostic,
  UsageError,
} from '@contracts/core';
import { chunkedFormats, formatters, reportWriter, type FileSummary, type FormatName, type FormatOptions } from '@contracts/format';
import { loadPlaybook, rememberPlaybook, resolvePlaybookPath, type CheckedFile } from '@contracts/playbook';
import type { checkFlagSpecs, FlagValues } from './flag-specs.js';
import { batchOutcome, useColor, type BatchOutcome } from './output.js';

export interface CheckRunOptions {
  format: string;
  color: boolean;
  verbose: boolean;
  playbook?: string | undefined;
  changedSince?: string | undefined;
  shard?: string | undefined;
  /** Also lint the rendered agreement (`--drafting`): renders every contract, so it is opt-in. */
  drafting?: boolean;
  /**
   * Where to write the report as it is produced. Formats printed file by file (stylish, github, json)
   * are then written one file at a time and nothing is kept: `output` comes back empty. Without it, or
   * for the other formats, the whole report comes back in `output`.
   */
  write?: (chunk: string) => void;
}

/** The whole `contracts check` command after its flags are parsed (by oclif or by the fast path). */
export async function checkCommand(paths: readonly string[], flags: FlagValues<typeof checkFlagSpecs>, write?: (chunk: string) => void): Promise<BatchOutcome> {
  const options = {
    format: flags.format,
    color: useColor(),
    verbose: flags.verbose,
    playbook: flags.playbook,
    shard: flags.shard,
    drafting: flags.drafting,
    write,
  };
  const result = await checkPaths(paths.length > 0 ? [...paths] : ['contracts'], { ...options, changedSince: flags['changed-since'] });
  return batchOutcome(result.output, result, flags['max-warnings']);
}

/** `contracts check`: playbook, file selection (changed / shard), check on every core, report. */
export async function checkPaths(paths: string[], o: CheckRunOptions): Promise<{ output: string; errors: number; warnings: number }> {
  const shard = o.shard === undefined ? undefined : parseShard(o.shard);
  const playbookFile = resolvePlaybookPath(o.playbook);
  const loaded = await loadPlaybook(playbookFile);
  // Findings about the playbook itself, by the path shown: the report if it is broken, else warnings in it.
  const playbookFindings: Diagnostic[] = loaded.diagnostics.map((d) => ({ ...d, file: displayPath(d.file) }));
  const formatOptions = { color: o.color, verbose: o.verbose, ...(await machineOptions(o.format)) };
  if (!loaded.playbook)
    return tally(formatters[o.format as FormatName](playbookFindings, { ...formatOptions, files: [{ file: displayPath(playbookFile) }] }), playbookFindings);

  let files = await contractFilesIn(paths);
  const every = files;
  if (o.changedSince !== undefined) {
    const { openRepo, keepChangedSince, isRoundShorthand, openContract, requireContractId } = await import('@contracts/git');
    // `round-2` is a round of one agreement (`<id>/round-2`), as wherever a ref is taken: one file names the agreement.
    let contractId: string | undefined;
    if (isRoundShorthand(o.changedSince)) {
      if (files.length !== 1)
        throw new UsageError(
          'usage/round-needs-contract',
          `--changed-since ${o.changedSince} is a round of one agreement: check that agreement's file, or name the round in full (<id>/${o.changedSince})`,
        );
      contractId = requireContractId(await openContract(files[0]!, { name: displayPath(files[0]!) }));
    }
    // The repository the contracts are in, which need not be the one the command runs in.
    files = await keepChangedSince(await openRepo(files[0] ?? paths[0] ?? process.cwd()), files, o.changedSince, contractId);
  }
  const selected = selectFiles(files, shard);
  const shownAs = new Map(selected.map((f) => [f.path, f.file]));
  const ids = new ContractIds(idsOutside(every, shownAs));
  rememberPlaybook(playbookFile, loaded);
  if (o.format === 'sarif') Object.assign(formatOptions, { rules: (await import('@contracts/github')).ruleTexts(loaded.playbook) });
  const task = new URL(import.meta.resolve(o.drafting ? '@contracts/drafting/check-task' : '@contracts/playbook/check-task'));
  // Preferred positions (info) only with --verbose. A check's results are large (every rated term), so
  // worker threads only pay off for big batches: measured on 2 cores, one thread wins at 1,000 files.
  const run = (onResult?: (r: CheckedFile) => void) =>
    runFileTask(task, [...shownAs.keys()], { playbookPath: playbookFile, info: o.verbose }, { minFilesPerThread: 2500 }, onResult);

  const chunked = o.write ? chunkedFormats[o.format as FormatName]?.() : undefined;
  if (o.write && chunked) {
    const writer = reportWriter(chunked, o.write, { ...formatOptions, early: playbookFindings, fileCount: selected.length });
    await run((r) => writer.file(showAs(r, shownAs, ids), r.diagnostics, r.summary?.text));
    return { output: '', ...writer.end() };
  }
  const diagnostics = playbookFindings;
  const summaries: FileSummary[] = [];
  for (const r of await run()) {
    const file = showAs(r, shownAs, ids);
    for (const d of r.diagnostics) diagnostics.push(d);
    summaries.push(r.summary ? { file, summary: r.summary.text } : { file });
  }
  return tally(formatters[o.format as FormatName](diagnostics, { ...formatOptions, files: summaries }), diagnostics);
}

/**
 * Names a checked file and its diagnostics by the path shown, in place (no per-diagnostic copies over
 * 10,000 files), and adds the finding across files: an id an earlier file already has.
 */
function showAs(r: CheckedFile, shownAs: ReadonlyMap<string, string>, ids: ContractIds): string {
  const file = shownAs.get(r.file) ?? displayPath(r.file);
  for (const d of r.diagnostics) {
    d.file = file;
    for (const rel of d.related ?? []) rel.file = file;
  }
  const duplicate = ids.see(file, r.id);
  if (duplicate) {
    r.diagnostics.push(duplicate);
    r.diagnostics.sort(compareDiagnostics);
  }
  return file;
}

/** The ids of the contracts a partial run (`--changed-since`, `--shard`) leaves out: a copy is a duplicate of them too. */
function idsOutside(every: readonly string[], shownAs: ReadonlyMap<string, string>): Map<string, string> {
  if (every.length === shownAs.size) return new Map();
  return contractIdsOf(every.filter((f) => !shownAs.has(f)).map((path) => ({ path, shown: displayPath(path) })));
}

/**
 * What GitHub needs of the machine formats: paths from the repository root (a job may run in
 * `contracts/`), and for SARIF the tool's version and address.
 */
export async function machineOptions(format: string): Promise<Partial<FormatOptions>> {
  if (format !== 'github' && format !== 'sarif') return {};
  const { repositoryPaths } = await import('@contracts/github/workspace');
  const { toolInfo } = await import('./tool-info.js');
  const tool = toolInfo();
  return { repository: repositoryPaths(), toolVersion: tool.version, toolInformationUri: tool.informationUri };
}

const tally = (output: string, diagnostics: readonly Diagnostic[]) => ({ output, ...countSeverities(diagnostics) });
