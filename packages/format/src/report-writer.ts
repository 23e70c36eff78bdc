import { compareDiagnostics, countSeverities, sortDiagnostics, type Diagnostic } from '@contracts/core';
import { fileEntry, type ChunkedFormat, type FileEntry, type Totals } from './chunks.js';
import { groupByFile } from './totals.js';
import type { FormatOptions, Formatter } from './types.js';

/** A report being written file by file. */
export interface ReportWriter {
  /**
   * One file's part, written at once. Files must come in report order (sorted by the name shown) with
   * their diagnostics sorted, as a batch delivers them.
   */
  file(file: string, diagnostics: readonly Diagnostic[], summary?: string): void;
  /** Writes the parts still due and the closing part; returns the totals. */
  end(): Totals;
}

export interface ReportWriterOptions extends FormatOptions {
  /**
   * Findings known before the batch starts, about any file: a playbook's own findings. Each joins the
   * report where its file sorts: merged into the part of a file the batch delivers, or as a part of its own.
   */
  early?: readonly Diagnostic[];
  /** How many files the batch checks, for the totals line (undefined: not said). */
  fileCount?: number | undefined;
}

/**
 * Writes a chunked report as it is produced: the opening at once, each file's part as soon as the file
 * is delivered, then the closing. Nothing is kept but one entry per file for the closing's file list.
 * `wholeReport` writes through it too, so a streamed report has the bytes of the whole one by
 * construction. A format with state per report (github's annotation budget) is given as a factory.
 */
export function reportWriter(format: ChunkedFormat, write: (chunk: string) => void, options: ReportWriterOptions = {}): ReportWriter {
  const early = groupByFile([...(options.early ?? [])].sort(compareDiagnostics));
  const earlyFiles = [...early.keys()].sort();
  let nextEarly = 0;
  let { errors, warnings } = countSeverities(options.early ?? []);
  let diagnosticCount = options.early?.length ?? 0;
  const entries: FileEntry[] = [];
  let wrotePart = false;
  const writePart = (file: string, diagnostics: readonly Diagnostic[], summary: string | undefined) => {
    const part = format.file(file, diagnostics, summary, options);
    if (part === '') return;
    write(wrotePart ? format.separator + part : part);
    wrotePart = true;
  };
  /** Early findings of files sorting before `file` (all of them when undefined) get parts of their own. */
  const writeEarlyBefore = (file: string | undefined) => {
    while (nextEarly < earlyFiles.length && (file === undefined || earlyFiles[nextEarly]! < file)) {
      const other = earlyFiles[nextEarly++]!;
      writePart(other, early.get(other)!, undefined);
    }
  };
  write(format.begin(options));
  return {
    file(file, diagnostics, summary) {
      writeEarlyBefore(file);
      let all = diagnostics;
      if (earlyFiles[nextEarly] === file) all = [...early.get(earlyFiles[nextEarly++]!)!, ...diagnostics].sort(compareDiagnostics);
      const entry = fileEntry(file, summary, all);
      // Early findings were counted at the start.
      const own = all === diagnostics ? entry : countSeverities(diagnostics);
      errors += own.errors;
      warnings += own.warnings;
      diagnosticCount += diagnostics.length;
      entries.push(entry);
      writePart(file, all, summary);
    },
    end() {
      writeEarlyBefore(undefined);
      const totals: Totals = { errors, warnings, diagnostics: diagnosticCount, files: options.fileCount };
      write(format.end(totals, options, entries));
      return totals;
    },
  };
}

/**
 * The whole-report formatter made of a chunked format: the files it is told about in report order,
 * through the same writer a batch streams with (`reportWriter`), so both give the same bytes.
 */
export function wholeReport(make: ChunkedFormat | (() => ChunkedFormat)): Formatter {
  return (diagnostics, options = {}) => {
    const format = typeof make === 'function' ? make() : make;
    const listed = new Map((options.files ?? []).map((f) => [f.file, f.summary]));
    const byFile = groupByFile(sortDiagnostics(diagnostics.filter((d) => listed.has(d.file))));
    const early = listed.size === 0 ? diagnostics : diagnostics.filter((d) => !listed.has(d.file));
    let out = '';
    const writer = reportWriter(format, (chunk) => (out += chunk), { ...options, early, fileCount: options.files?.length });
    for (const file of [...listed.keys()].sort()) writer.file(file, byFile.get(file) ?? [], listed.get(file));
    writer.end();
    return out;
  };
}
