import type { Diagnostic, Severity } from '@contracts/core';
import type { ChunkedFormat } from './chunks.js';
import { wholeReport } from './report-writer.js';
import { totalsText } from './totals.js';
import type { Formatter } from './types.js';

// Escaping as actions/toolkit packages/core/src/command.ts: the runner unescapes exactly these sequences.
// Most values hold none of them, so one test spares five replacements (a CI run annotates 17,000
// findings per 1,000 contracts).
const escapeData = (s: string) => (/[%\r\n]/.test(s) ? s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A') : s);
const escapeProperty = (s: string) => (/[%\r\n:,]/.test(s) ? escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C') : s);

const command: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** `::name k=v,k=v::data` (`data` already escaped); like the toolkit, properties without a value are left out. */
function workflowCommand(name: string, properties: [string, string | number | undefined][], data: string): string {
  let props = '';
  for (const [key, value] of properties) {
    if (value === undefined || value === '') continue;
    props += `${props ? ',' : ''}${key}=${typeof value === 'number' ? value : escapeProperty(value)}`;
  }
  return `::${name}${props ? ` ${props}` : ''}::${data}`;
}

/** The annotation text, already escaped: its lines joined by an escaped line break (`%0A`). */
function body(d: Diagnostic): string {
  let text = escapeData(d.message);
  if (d.fix) text += `%0ASuggested: ${escapeData(d.fix)}`;
  if (d.source) text += `%0ASource: ${escapeData(d.source)}`;
  for (const r of d.related ?? []) text += `%0ARelated: ${escapeData(`${r.file}:${r.line}:${r.column} ${r.message}`)}`;
  return text;
}

/**
 * GitHub Actions workflow commands: one `::error` / `::warning` / `::notice` annotation per diagnostic (notices
 * only with `verbose`), then one plain totals line for the log. Columns are sent only for single-line ranges,
 * because GitHub rejects `col`/`endColumn` when `line` and `endLine` differ.
 */
export const githubChunks: ChunkedFormat = {
  begin: () => '',
  separator: '',
  file(_file, diagnostics, _summary, options) {
    let out = '';
    for (const d of diagnostics) {
      if (!options.verbose && d.severity === 'info') continue;
      const line = d.line >= 1 ? d.line : undefined;
      const oneLine = line !== undefined && d.endLine === d.line;
      const properties: [string, string | number | undefined][] = [
        ['file', d.file],
        ['line', line],
        ['col', oneLine && d.column >= 1 ? d.column : undefined],
        ['endLine', line !== undefined && d.endLine >= d.line ? d.endLine : undefined],
        ['endColumn', oneLine && d.endColumn >= 1 ? d.endColumn : undefined],
        ['title', d.code],
      ];
      out += `${workflowCommand(command[d.severity], properties, body(d))}\n`;
    }
    return out;
  },
  end({ errors, warnings, files }) {
    return `contracts: ${totalsText(errors, warnings, files)}\n`;
  },
};

export const github: Formatter = wholeReport(githubChunks);
