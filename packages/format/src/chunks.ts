import { countSeverities, type Diagnostic } from '@contracts/core';
import type { FormatOptions } from './types.js';

/** What the closing part of a report needs: totals over every file. */
export interface Totals {
  errors: number;
  warnings: number;
  /** Every diagnostic, info included. */
  diagnostics: number;
  /** Files checked, when the caller knows them. */
  files: number | undefined;
}

/** One checked file in a report's file list. */
export interface FileEntry {
  file: string;
  summary?: string;
  errors: number;
  warnings: number;
}

/**
 * A format whose report is an opening, one piece per file in file order, and a closing: stylish,
 * github and json. A batch can then write each file's piece as soon as that file is checked and keep
 * nothing, instead of holding every finding of every file until the end (at 1,000 files, holding
 * them cost more time than formatting them; at 10,000, hundreds of megabytes).
 */
export interface ChunkedFormat {
  begin(options: FormatOptions): string;
  /** Everything printed for one file, from its diagnostics in sorted order; '' when nothing shows. */
  file(file: string, diagnostics: readonly Diagnostic[], summary: string | undefined, options: FormatOptions): string;
  /** Written between two non-empty file pieces. */
  separator: string;
  /** The closing part; `files` lists the files checked, in order, with their counts. */
  end(totals: Totals, options: FormatOptions, files: readonly FileEntry[]): string;
}

/** A file's entry in the file list, from its diagnostics. */
export function fileEntry(file: string, summary: string | undefined, diagnostics: readonly Diagnostic[]): FileEntry {
  const { errors, warnings } = countSeverities(diagnostics);
  return summary ? { file, summary, errors, warnings } : { file, errors, warnings };
}
