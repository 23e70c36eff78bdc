import type { Diagnostic, Severity } from '@contracts/core';
import { showControls } from '@contracts/core/text';
import type { ChunkedFormat } from './chunks.js';
import { repositoryPath } from './paths.js';
import { wholeReport } from './report-writer.js';
import { plural, totalsText } from './totals.js';
import type { AnnotationLimits, FormatOptions, Formatter } from './types.js';

// Escaping as actions/toolkit packages/core/src/command.ts: the runner unescapes exactly these sequences.
// Most values hold none of them, so one test spares five replacements (a CI run annotates 17,000
// findings per 1,000 contracts).
const escapeData = (s: string) => (/[%\r\n]/.test(s) ? s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A') : s);
const escapeProperty = (s: string) => (/[%\r\n:,]/.test(s) ? escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C') : s);

// The log viewer obeys ANSI sequences too: a contract value must not recolour or erase the log. Line
// breaks stay, for the escapes above to carry (an annotation may have several lines).
const inert = (s: string) => (/[\r\n]/.test(s) ? s.replace(/[^\r\n]+/g, showControls) : showControls(s));

type Kind = keyof AnnotationLimits;
const kind: Record<Severity, Kind> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * What GitHub shows of one step: the runner keeps 10 annotations of each kind per step (actions/runner,
 * ExecutionContext: `_maxIssueCountPerStep`), and a job shows 50 in all. More are dropped without a word.
 */
export const githubLimits: Readonly<AnnotationLimits> = { error: 10, warning: 10, notice: 10 };

/** `::name k=v,k=v::data` (`data` already escaped); like the toolkit, properties without a value are left out. */
export function workflowCommand(name: string, properties: [string, string | number | undefined][], data: string): string {
  let props = '';
  for (const [key, value] of properties) {
    if (value === undefined || value === '') continue;
    props += `${props ? ',' : ''}${key}=${typeof value === 'number' ? value : escapeProperty(value)}`;
  }
  return `::${name}${props ? ` ${props}` : ''}::${data}`;
}

/** The annotation text, already escaped: its lines joined by an escaped line break (`%0A`). */
function body(d: Diagnostic, file: (f: string) => string): string {
  let text = escapeData(inert(d.message));
  if (d.fix) text += `%0ASuggested: ${escapeData(inert(d.fix))}`;
  if (d.source) text += `%0ASource: ${escapeData(inert(d.source))}`;
  for (const r of d.related ?? []) text += `%0ARelated: ${escapeData(inert(`${file(r.file)}:${r.line}:${r.column} ${r.message}`))}`;
  return text;
}

/**
 * One annotation: file relative to the repository root (GitHub resolves it against the workspace, not
 * the working directory). Columns are sent only for single-line ranges, because GitHub rejects
 * `col`/`endColumn` when `line` and `endLine` differ.
 */
export function annotation(d: Diagnostic, options: Pick<FormatOptions, 'repository'> = {}): string {
  const file = (f: string) => showControls(repositoryPath(f, options.repository));
  const line = d.line >= 1 ? d.line : undefined;
  const oneLine = line !== undefined && d.endLine === d.line;
  const properties: [string, string | number | undefined][] = [
    ['file', file(d.file)],
    ['line', line],
    ['col', oneLine && d.column >= 1 ? d.column : undefined],
    ['endLine', line !== undefined && d.endLine >= d.line ? d.endLine : undefined],
    ['endColumn', oneLine && d.endColumn >= 1 ? d.endColumn : undefined],
    ['title', d.code],
  ];
  return workflowCommand(kind[d.severity], properties, body(d, file));
}

/** The plain log line for a finding past the budget: still in the log, never dropped. */
export function logLine(d: Diagnostic, options: Pick<FormatOptions, 'repository'> = {}): string {
  const where = `${repositoryPath(d.file, options.repository)}${d.line >= 1 ? `:${d.line}:${Math.max(d.column, 1)}` : ''}`;
  return showControls(`${where}: ${d.severity}: ${d.message.replace(/[\r\n]+/g, ' ')} [${d.code}]`);
}

/** Counts annotations per kind against the limits; past them, findings are counted as not shown. */
export class AnnotationBudget {
  private readonly used: AnnotationLimits = { error: 0, warning: 0, notice: 0 };
  readonly over: AnnotationLimits = { error: 0, warning: 0, notice: 0 };
  constructor(private readonly limits: AnnotationLimits = githubLimits) {}

  /** Takes a slot of `severity`'s kind when one is left (one notice is always kept for `overflowNotice`). */
  take(severity: Severity): boolean {
    const k = kind[severity];
    const limit = this.limits[k] - (k === 'notice' ? 1 : 0);
    if (this.used[k] < limit) {
      this.used[k]++;
      return true;
    }
    this.over[k]++;
    return false;
  }

  /** The one notice that says how many findings were not annotated and where they are, or '' when none. */
  overflowNotice(where: string): string {
    const { error, warning, notice } = this.over;
    const total = error + warning + notice;
    if (total === 0) return '';
    const parts = [error ? plural(error, 'error') : '', warning ? plural(warning, 'warning') : '', notice ? plural(notice, 'notice') : ''].filter(Boolean);
    const text = `${plural(total, 'more finding')} (${parts.join(', ')}) not shown as annotations: GitHub shows at most ${this.limits.error} errors and ${this.limits.warning} warnings per step. ${where}`;
    return `${workflowCommand('notice', [['title', 'contracts: more findings']], escapeData(text))}\n`;
  }
}

/**
 * GitHub Actions workflow commands: one `::error` / `::warning` / `::notice` annotation per diagnostic
 * (notices only with `verbose`) up to GitHub's per-step limits, the rest as plain log lines, one notice
 * saying how many were not annotated, then the totals line. Each report gets a fresh budget.
 */
export function githubChunks(): ChunkedFormat {
  let budget: AnnotationBudget;
  return {
    begin: (options) => {
      budget = new AnnotationBudget(options.annotationLimits);
      return '';
    },
    separator: '',
    file(_file, diagnostics, _summary, options) {
      let out = '';
      for (const d of diagnostics) {
        if (!options.verbose && d.severity === 'info') continue;
        out += `${budget.take(d.severity) ? annotation(d, options) : logLine(d, options)}\n`;
      }
      return out;
    },
    end({ errors, warnings, files }) {
      return `${budget.overflowNotice('They are listed in this log.')}contracts: ${totalsText(errors, warnings, files)}\n`;
    },
  };
}

export const github: Formatter = wholeReport(githubChunks);
