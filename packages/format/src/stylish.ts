import type { Diagnostic, Severity } from '@contracts/core';
import { countSeverities, sortDiagnostics } from '@contracts/core';
import { groupByFile, totalsLine } from './totals.js';
import type { FormatOptions, Formatter } from './types.js';

const paint = (enabled: boolean) => (code: number, text: string) => (enabled ? `\u001b[${code}m${text}\u001b[0m` : text);
const severityColour: Record<Severity, number> = { error: 31, warning: 33, info: 36 };

/** Human output grouped by file, like ESLint's stylish: `line:col  severity  message  code`. */
export const stylish: Formatter = (diagnostics: readonly Diagnostic[], options: FormatOptions = {}) => {
  const c = paint(options.color ?? false);
  const shown = sortDiagnostics(diagnostics.filter((d) => options.verbose || d.severity !== 'info'));
  const byFile = groupByFile(shown);
  const summaries = new Map((options.files ?? []).map((f) => [f.file, f.summary]));
  const files = [...new Set([...byFile.keys(), ...[...summaries.keys()].filter((f) => summaries.get(f))])].sort();
  const out: string[] = [];
  for (const file of files) {
    out.push(c(4, file));
    const rows = byFile.get(file) ?? [];
    const width = Math.max(0, ...rows.map((d) => `${d.line}:${d.column}`.length));
    for (const d of rows) {
      const where = `${d.line}:${d.column}`.padEnd(width);
      out.push(`  ${c(2, where)}  ${c(severityColour[d.severity], d.severity.padEnd(7))}  ${d.message}  ${c(2, d.code)}`);
      if (d.fix) out.push(`  ${' '.repeat(width)}  ${' '.repeat(7)}  ${c(32, `suggested: ${d.fix}`)}`);
      if (d.source) out.push(`  ${' '.repeat(width)}  ${' '.repeat(7)}  ${c(2, `source: ${d.source}`)}`);
      for (const r of d.related ?? []) out.push(`  ${' '.repeat(width)}  ${' '.repeat(7)}  ${c(2, `related: ${r.file}:${r.line}:${r.column} ${r.message}`)}`);
    }
    const summary = summaries.get(file);
    if (summary) out.push(`  ${c(1, summary)}`);
    out.push('');
  }
  const { errors, warnings } = countSeverities(diagnostics);
  const total = totalsLine(diagnostics, options);
  out.push(errors > 0 ? c(31, `✖ ${total}`) : warnings > 0 ? c(33, `⚠ ${total}`) : c(32, `✔ ${total}`));
  return out.join('\n') + '\n';
};
