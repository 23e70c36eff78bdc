import type { Severity } from '@contracts/core';
import { annotation, AnnotationBudget, logLine, workflowCommand, type AnnotationLimits, type RepositoryPaths } from '@contracts/format';
import type { ReviewedFinding } from './review.js';

const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * The findings in the order they get GitHub's few annotation slots: most severe first, and within a
 * severity those the PR introduced before those already on the base; then by file and line.
 */
export function annotationOrder(findings: readonly ReviewedFinding[]): ReviewedFinding[] {
  return [...findings].sort(
    (a, b) =>
      rank[a.severity] - rank[b.severity] ||
      Number(b.introduced) - Number(a.introduced) ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column,
  );
}

/**
 * Workflow commands for the step log: the run's own warnings first (they must be seen: a comment that
 * could not be written), then findings as annotations within GitHub's per-step limits, the rest as
 * plain log lines, and one notice saying how many more are in the job summary.
 */
export function annotate(findings: readonly ReviewedFinding[], warnings: readonly string[], repository: RepositoryPaths, limits?: AnnotationLimits): string {
  const budget = new AnnotationBudget(limits);
  let out = '';
  for (const text of warnings) {
    out += budget.take('warning')
      ? `${workflowCommand('warning', [['title', 'contracts']], text.replace(/%/g, '%25').replace(/\r?\n/g, '%0A'))}\n`
      : `warning: ${text}\n`;
  }
  for (const f of annotationOrder(findings)) {
    const shown = { ...f, message: f.introduced ? `${f.message} (introduced by this change)` : f.message };
    out += `${budget.take(f.severity) ? annotation(shown, { repository }) : logLine(shown, { repository })}\n`;
  }
  return out + budget.overflowNotice('Every finding is in the job summary and the SARIF file.');
}
