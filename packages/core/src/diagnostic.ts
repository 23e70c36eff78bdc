import type { DiagnosticCode } from './codes.js';

export type Severity = 'error' | 'warning' | 'info';

/** A location in a file. Lines and columns are 1-based; the end is exclusive. */
export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Another place that explains a diagnostic, e.g. the product field that triggered a risk rule. */
export interface RelatedLocation extends Range {
  file: string;
  path: string;
  message: string;
}

/**
 * One finding about one place in one file. Plain, serialisable data: every validator and check returns
 * these, and every formatter is a pure function of a list of them.
 */
export interface Diagnostic extends Range {
  /** Stable code; a released code never changes meaning (see codes.ts). */
  code: DiagnosticCode;
  severity: Severity;
  /** A sentence for a lawyer, naming the field in dotted form. */
  message: string;
  /** The file as the user named it (relative paths stay relative). */
  file: string;
  /** JSON Pointer of the field (`/terms/incidentResponse/notificationHours`); `""` for the whole document. */
  path: string;
  /** Citation of the law, standard or practice behind the finding. */
  source?: string;
  /** Suggested value or action. */
  fix?: string;
  related?: RelatedLocation[];
}

/** Dotted form of a JSON Pointer for messages: `/terms/audit/onSite` → `terms.audit.onSite`, arrays as `[0]`. */
export function dottedPath(pointer: string): string {
  if (pointer === '') return '(document)';
  let out = '';
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(segment)) out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

/** JSON Pointer from path segments. */
export function toPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** Path segments of a JSON Pointer. */
export function fromPointer(pointer: string): string[] {
  if (pointer === '') return [];
  const segments = pointer.slice(1).split('/');
  // Escapes are rare (a key holding `/` or `~`); locating findings calls this thousands of times.
  return pointer.includes('~') ? segments.map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')) : segments;
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Stable order: file, line, column, severity, code. Output is deterministic whatever the input order. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    severityRank[a.severity] - severityRank[b.severity] ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

/**
 * A sorted copy of `list`. Batches arrive already in order (files sorted, each file's findings
 * sorted), so one linear check usually replaces an O(n log n) sort of 100,000+ diagnostics.
 */
export function sortDiagnostics<D extends Diagnostic>(list: readonly D[]): D[] {
  for (let i = 1; i < list.length; i++) {
    if (compareDiagnostics(list[i - 1]!, list[i]!) > 0) return list.slice().sort(compareDiagnostics);
  }
  return list.slice();
}

/** How many diagnostics of each severity: one pass, for exit codes and totals lines alike. */
export function countSeverities(list: readonly Diagnostic[]): { errors: number; warnings: number; infos: number } {
  const counts = { errors: 0, warnings: 0, infos: 0 };
  for (const d of list) {
    if (d.severity === 'error') counts.errors++;
    else if (d.severity === 'warning') counts.warnings++;
    else counts.infos++;
  }
  return counts;
}
