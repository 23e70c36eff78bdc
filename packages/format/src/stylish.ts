import type { Severity } from '@contracts/core';
import type { ChunkedFormat } from './chunks.js';
import { wholeReport } from './report-writer.js';
import { terminalText as t } from './escape.js';
import { totalsText } from './totals.js';
import type { Formatter } from './types.js';

const paint = (enabled: boolean) => (code: number, text: string) => (enabled ? `\u001b[${code}m${text}\u001b[0m` : text);
const severityColour: Record<Severity, number> = { error: 31, warning: 33, info: 36 };

/**
 * Human output grouped by file, like ESLint's stylish: `line:col  severity  message  code`. Every value
 * a contract, a playbook or a file name put there goes through `terminalText`.
 */
export const stylishChunks: ChunkedFormat = {
  begin: () => '',
  separator: '',
  file(file, diagnostics, summary, options) {
    const rows = options.verbose ? diagnostics : diagnostics.filter((d) => d.severity !== 'info');
    if (rows.length === 0 && !summary) return '';
    const c = paint(options.color ?? false);
    const out = [c(4, t(file))];
    const width = Math.max(0, ...rows.map((d) => `${d.line}:${d.column}`.length));
    const indent = `  ${' '.repeat(width)}  ${' '.repeat(7)}  `;
    for (const d of rows) {
      const where = `${d.line}:${d.column}`.padEnd(width);
      out.push(`  ${c(2, where)}  ${c(severityColour[d.severity], d.severity.padEnd(7))}  ${t(d.message)}  ${c(2, t(d.code))}`);
      if (d.fix) out.push(`${indent}${c(32, `suggested: ${t(d.fix)}`)}`);
      if (d.source) out.push(`${indent}${c(2, `source: ${t(d.source)}`)}`);
      for (const r of d.related ?? []) out.push(`${indent}${c(2, `related: ${t(r.file)}:${r.line}:${r.column} ${t(r.message)}`)}`);
    }
    if (summary) out.push(`  ${c(1, t(summary))}`);
    out.push('');
    return `${out.join('\n')}\n`;
  },
  end({ errors, warnings, files }, options) {
    const c = paint(options.color ?? false);
    const total = totalsText(errors, warnings, files);
    return `${errors > 0 ? c(31, `✖ ${total}`) : warnings > 0 ? c(33, `⚠ ${total}`) : c(32, `✔ ${total}`)}\n`;
  },
};

export const stylish: Formatter = wholeReport(stylishChunks);
