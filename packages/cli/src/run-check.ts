import { resolve } from 'node:path';
import { collectContractFiles, compareDiagnostics, countSeverities, displayPath, runFileTask, UsageError, type Diagnostic } from '@contracts/core';
import {
  chunkedFormats,
  fileEntry,
  formatters,
  type ChunkedFormat,
  type FileEntry,
  type FileSummary,
  type FormatName,
  type FormatOptions,
} from '@contracts/format';
import { loadPlaybook, rememberPlaybook, resolvePlaybookPath, type CheckedFile } from '@contracts/playbook';
import type { checkFlagSpecs, FlagValues } from './flag-specs.js';
import { exitCodeFor, useColor } from './output.js';

export interface CheckRunOptions {
  format: string;
  color: boolean;
  verbose: boolean;
  playbook?: string;
  changedSince?: string;
  shard?: string;
  /**
   * Where to write the report as it is produced. Formats printed file by file (stylish, github, json)
   * are then written one file at a time and nothing is kept: `output` comes back empty. Without it, or
   * for the other formats, the whole report comes back in `output`.
   */
  write?: (chunk: string) => void;
}

export interface CheckRun {
  output: string;
  errors: number;
  warnings: number;
  diagnostics: Diagnostic[];
}

/** The whole `contracts check` command after its flags are parsed (by oclif or by the fast path). */
export async function checkCommand(
  paths: readonly string[],
  flags: FlagValues<typeof checkFlagSpecs>,
  write?: (chunk: string) => void,
): Promise<{ output: string; exitCode: number }> {
  const result = await checkPaths(paths.length > 0 ? [...paths] : ['contracts'], {
    ...(write ? { write } : {}),
    format: flags.format,
    color: useColor(),
    verbose: flags.verbose,
    ...(flags.playbook !== undefined ? { playbook: flags.playbook } : {}),
    ...(flags['changed-since'] !== undefined ? { changedSince: flags['changed-since'] } : {}),
    ...(flags.shard !== undefined ? { shard: flags.shard } : {}),
  });
  return { output: result.output, exitCode: exitCodeFor(result, flags['max-warnings']) };
}

/** `contracts check`: playbook, file selection (changed / shard), check, format. */
export async function checkPaths(paths: string[], options: CheckRunOptions): Promise<CheckRun> {
  const shard = options.shard === undefined ? undefined : parseShard(options.shard);
  const playbookFile = resolvePlaybookPath(options.playbook);
  const loaded = await loadPlaybook(playbookFile);
  const format = formatters[options.format as FormatName];
  const render = (diagnostics: Diagnostic[], files: FileSummary[]) => format(diagnostics, { color: options.color, verbose: options.verbose, files });
  if (!loaded.playbook) {
    const diagnostics = loaded.diagnostics.map((d) => ({ ...d, file: displayPath(d.file) }));
    return tally(render(diagnostics, [{ file: displayPath(playbookFile) }]), diagnostics);
  }

  let files = await collectContractFiles(paths);
  if (options.changedSince !== undefined) files = await onlyChanged(files, options.changedSince);
  // In the order the report lists files (by the path shown), so a report can be written as it goes.
  let shown = files.map((path) => ({ path, file: displayPath(path) })).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  if (shard) shown = shown.filter((f) => shardOf(f.file, shard.count) === shard.index - 1);
  const displayOf = new Map(shown.map((f) => [f.path, f.file]));

  // Preferred positions (info) are only built with --verbose: it keeps every format (and machine
  // output for thousands of files) small. Large batches use every core (core's runFileTask).
  rememberPlaybook(playbookFile, loaded);
  const task = new URL(import.meta.resolve('@contracts/playbook/check-task'));
  const run = (onResult?: (r: CheckedFile) => void) =>
    // A check's results are large (every rated term), so a worker's start-up, JIT warm-up and result
    // copying only pay off for big batches: measured on 2 cores, one thread wins at 1,000 files.
    runFileTask<{ playbookPath: string; info: boolean }, CheckedFile>(
      task,
      shown.map((f) => f.path),
      { playbookPath: playbookFile, info: options.verbose },
      { minFilesPerThread: 2500 },
      onResult,
    );
  // Findings about the playbook itself (warnings: a broken playbook stopped above), by the path shown.
  const playbookFindings: Diagnostic[] = loaded.diagnostics.map((d) => ({ ...d, file: displayPath(d.file) }));
  // One displayPath per file, and no per-diagnostic copies: this runs over 10,000 files.
  const showPaths = (r: CheckedFile): string => {
    const file = displayOf.get(r.file) ?? displayPath(r.file);
    for (const d of r.diagnostics) {
      d.file = file;
      for (const rel of d.related ?? []) rel.file = file;
    }
    return file;
  };

  const chunked = options.write ? chunkedFormats[options.format as FormatName] : undefined;
  if (options.write && chunked) {
    const counts = await writeAsChecked(run, showPaths, playbookFindings, shown.length, chunked, options.write, {
      color: options.color,
      verbose: options.verbose,
    });
    return { output: '', ...counts, diagnostics: [] };
  }
  const diagnostics: Diagnostic[] = playbookFindings;
  const summaries: FileSummary[] = [];
  for (const r of await run()) {
    const file = showPaths(r);
    for (const d of r.diagnostics) diagnostics.push(d);
    summaries.push(r.summary ? { file, summary: r.summary.text } : { file });
  }
  return tally(render(diagnostics, summaries), diagnostics);
}

/**
 * Writes the report while checking: its opening, each file's part as soon as the file is checked,
 * then the closing. The same bytes as the whole report (a test holds it to that), without keeping any
 * finding. The playbook's own findings go where the file order puts them.
 */
async function writeAsChecked(
  run: (onResult: (r: CheckedFile) => void) => Promise<unknown>,
  showPaths: (r: CheckedFile) => string,
  playbookFindings: Diagnostic[],
  fileCount: number,
  format: ChunkedFormat,
  write: (chunk: string) => void,
  options: FormatOptions,
): Promise<{ errors: number; warnings: number }> {
  let { errors, warnings } = countSeverities(playbookFindings);
  let diagnosticCount = playbookFindings.length;
  const entries: FileEntry[] = [];
  let wrotePiece = false;
  const writePiece = (file: string, diagnostics: readonly Diagnostic[], summary: string | undefined) => {
    const piece = format.file(file, diagnostics, summary, options);
    if (piece === '') return;
    write(wrotePiece ? format.separator + piece : piece);
    wrotePiece = true;
  };
  const extra = [...new Set(playbookFindings.map((d) => d.file))].sort();
  const findingsOf = (file: string) => playbookFindings.filter((d) => d.file === file).sort(compareDiagnostics);
  let nextExtra = 0;
  const writeExtrasBefore = (file: string | undefined) => {
    while (nextExtra < extra.length && (file === undefined || extra[nextExtra]! < file)) {
      const other = extra[nextExtra++]!;
      writePiece(other, findingsOf(other), undefined);
    }
  };
  write(format.begin(options));
  await run((r) => {
    const file = showPaths(r);
    const entry = fileEntry(file, r.summary?.text, r.diagnostics);
    errors += entry.errors;
    warnings += entry.warnings;
    diagnosticCount += r.diagnostics.length;
    entries.push(entry);
    writeExtrasBefore(file);
    let diagnostics = r.diagnostics;
    if (extra[nextExtra] === file) diagnostics = [...findingsOf(extra[nextExtra++]!), ...diagnostics].sort(compareDiagnostics);
    writePiece(file, diagnostics, r.summary?.text);
  });
  writeExtrasBefore(undefined);
  write(format.end({ errors, warnings, diagnostics: diagnosticCount, files: fileCount }, options, entries));
  return { errors, warnings };
}

function tally(output: string, diagnostics: Diagnostic[]): CheckRun {
  const { errors, warnings } = countSeverities(diagnostics);
  return { output, errors, warnings, diagnostics };
}

/** `i/n` with 1 ≤ i ≤ n; anything else is a usage error (exit 2). */
export function parseShard(text: string): { index: number; count: number } {
  const match = /^([1-9]\d{0,5})\/([1-9]\d{0,5})$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || index > count) throw new UsageError('usage/bad-shard', `--shard must be i/n with 1 ≤ i ≤ n (e.g. 2/4), got "${text}"`);
  return { index, count };
}

/**
 * Deterministic shard of a file: FNV-1a of its path (forward slashes) modulo the shard count. Depends on
 * nothing but the path, so every job of a CI matrix agrees without talking to the others.
 */
export function shardOf(path: string, count: number): number {
  let hash = 0x811c9dc5;
  const text = path.split('\\').join('/');
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % count;
}

/** Keeps the files changed (added, modified, renamed, untracked) since `ref`, via @contracts/git. */
async function onlyChanged(files: string[], ref: string): Promise<string[]> {
  const { openRepo, changedFilesSince } = await import('@contracts/git');
  const repo = await openRepo(process.cwd());
  const changed = new Set((await changedFilesSince(repo, ref)).filter((c) => c.status !== 'D').map((c) => resolve(repo.root, c.path)));
  const { realpathSync } = await import('node:fs');
  return files.filter((f) => changed.has(realpathSync(f)));
}
