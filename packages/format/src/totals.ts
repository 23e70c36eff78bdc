import { countSeverities, type Diagnostic } from '@contracts/core';
import type { FormatOptions } from './types.js';

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `2 errors, 1 warning in 3 files`: the same totals line in every human format (the file count only when known). */
export function totalsLine(diagnostics: readonly Diagnostic[], options: FormatOptions): string {
  const { errors, warnings } = countSeverities(diagnostics);
  return totalsText(errors, warnings, options.files?.length);
}

/** The totals line from counts (a streamed report has counts, not the diagnostics). */
export function totalsText(errors: number, warnings: number, files: number | undefined): string {
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}${files !== undefined ? ` in ${plural(files, 'file')}` : ''}`;
}

/** Every file to report on, sorted: those with findings and every file the caller says it checked. */
export function allFiles(diagnostics: readonly Diagnostic[], options: FormatOptions): string[] {
  return [...new Set([...diagnostics.map((d) => d.file), ...(options.files ?? []).map((f) => f.file)])].sort();
}

/** Diagnostics grouped by file, keeping their order: one pass, so formatting 10,000 files stays linear. */
export function groupByFile<D extends Diagnostic>(diagnostics: readonly D[]): Map<string, D[]> {
  const byFile = new Map<string, D[]>();
  for (const d of diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  return byFile;
}
