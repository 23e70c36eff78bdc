import type { Diagnostic, Severity } from '@contracts/core';
import { dottedPath, sortDiagnostics } from '@contracts/core';
import { markdownCode, markdownText } from './escape.js';
import { groupByFile, plural, totalsLine } from './totals.js';
import type { Formatter } from './types.js';

const marker: Record<Severity, string> = { error: '❌ error', warning: '⚠️ warning', info: 'ℹ️ info' };

const cell = markdownText;
const code = (s: string, inTable: boolean) => markdownCode(s, { inTable });

function row(d: Diagnostic): string {
  const related = (d.related ?? []).map((r) => `<br>↳ ${cell(`${r.file}:${r.line}:${r.column} ${r.message}`)}`).join('');
  const finding = `${cell(d.message)} ${code(d.code, true)}${related}`;
  const field = d.path === '' ? '(document)' : code(dottedPath(d.path), true);
  const cells = [marker[d.severity], `${d.line}:${d.column}`, field, finding, cell(d.fix ?? ''), cell(d.source ?? '')];
  return `| ${cells.join(' | ')} |`;
}

/**
 * Markdown for pull-request comments and `$GITHUB_STEP_SUMMARY`: a heading, the totals, then one section per file
 * with findings or a summary line, each with a table of findings (info rows only with `verbose`).
 */
export const markdown: Formatter = (diagnostics, options = {}) => {
  const shown = sortDiagnostics(diagnostics.filter((d) => options.verbose || d.severity !== 'info'));
  const summaries = new Map((options.files ?? []).map((f) => [f.file, f.summary]));
  const files = [...new Set([...shown.map((d) => d.file), ...[...summaries.keys()].filter((f) => summaries.get(f))])].sort();
  const errors = diagnostics.some((d) => d.severity === 'error');
  const warnings = diagnostics.some((d) => d.severity === 'warning');
  const out = ['## Contracts', '', `${errors ? '❌' : warnings ? '⚠️' : '✅'} ${totalsLine(diagnostics, options)}`];
  const byFile = groupByFile(shown);
  const withFindings = new Set(diagnostics.filter((d) => d.severity !== 'info').map((d) => d.file));
  const clean = (options.files ?? []).filter((f) => !withFindings.has(f.file));
  if (clean.length > 0) out[2] += ` (${plural(clean.length, 'file')} without findings)`;
  for (const file of files) {
    out.push('', `### ${code(file, false)}`);
    const summary = summaries.get(file);
    if (summary) out.push('', cell(summary));
    const rows = byFile.get(file) ?? [];
    if (rows.length === 0) continue;
    out.push('', '| Severity | Line | Field | Finding | Suggested | Source |', '| --- | --- | --- | --- | --- | --- |', ...rows.map(row));
  }
  return `${out.join('\n')}\n`;
};
