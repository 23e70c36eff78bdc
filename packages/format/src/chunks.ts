import { countSeverities, sortDiagnostics, type Diagnostic } from '@contracts/core';
import { groupByFile } from './totals.js';
import type { FormatOptions, Formatter } from './types.js';

/** What the closing lines of a report need: totals over every file. */
export interface Totals {
  errors: number;
  warnings: number;
  /** Files checked, when the caller knows them. */
  files: number | undefined;
}

/**
 * A format whose output is one piece per file, in file order, then closing lines: stylish and github.
 * A batch can then write each file's piece as soon as that file is checked and keep nothing, instead
 * of holding every finding of every file until the end (at 1,000 files, holding them cost more time
 * than formatting them; at 10,000, hundreds of megabytes).
 */
export interface ChunkedFormat {
  /** Everything printed for one file, from its diagnostics in sorted order; '' when nothing shows. */
  file(file: string, diagnostics: readonly Diagnostic[], summary: string | undefined, options: FormatOptions): string;
  /** The closing lines. */
  end(totals: Totals, options: FormatOptions): string;
}

/**
 * The whole-report formatter made of a chunked format: group by file, pieces in file order, closing
 * lines. Streaming the pieces and calling this give the same bytes, by construction.
 */
export function wholeReport(format: ChunkedFormat): Formatter {
  return (diagnostics, options = {}) => {
    const byFile = groupByFile(sortDiagnostics(diagnostics));
    const summaries = new Map((options.files ?? []).map((f) => [f.file, f.summary]));
    const files = [...new Set([...byFile.keys(), ...summaries.keys()])].sort();
    let out = '';
    for (const file of files) out += format.file(file, byFile.get(file) ?? [], summaries.get(file), options);
    const { errors, warnings } = countSeverities(diagnostics);
    return out + format.end({ errors, warnings, files: options.files?.length }, options);
  };
}
