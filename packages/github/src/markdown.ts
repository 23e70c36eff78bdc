import { dottedPath, type Diagnostic } from '@contracts/core';
import { formatDiffMarkdown, summaryLine } from '@contracts/diff';
import { markdownCode, markdownText as md } from '@contracts/format/escape';
import type { PlaybookChange } from './playbook-change.js';
import type { ContractReview, PullRequestReview, RequirementMove, ReviewedFinding } from './review.js';

/** What the Markdown reports need besides the review. */
export interface ReportContext {
  /** `#12`, or a push's branch: what the heading names. */
  title: string;
  /** How the base is shown: `main (abc1234)`. */
  baseLabel: string;
  headLabel: string;
  /** Redline files per contract path, as repository-relative or artifact names. */
  redlines: ReadonlyMap<string, readonly string[]>;
  /** Where the full report is (the run's summary page), for the comment. */
  runUrl?: string | undefined;
  /** Name of the uploaded artifact holding the redlines, when they are uploaded. */
  artifact?: string | undefined;
  /** Notes to print under the verdict (skipped redlines, the comment that could not be written). */
  notes?: readonly string[];
  /** What the redlines' clause library is and what the change does to it (`libraryNotes`), in summary and comment. */
  library?: readonly string[];
}

export interface Totals {
  newErrors: number;
  newWarnings: number;
  oldErrors: number;
  oldWarnings: number;
}

export function totals(review: PullRequestReview): Totals {
  const t = { newErrors: 0, newWarnings: 0, oldErrors: 0, oldWarnings: 0 };
  for (const c of review.contracts)
    for (const f of c.findings) {
      if (f.severity === 'error') f.introduced ? t.newErrors++ : t.oldErrors++;
      else if (f.severity === 'warning') f.introduced ? t.newWarnings++ : t.oldWarnings++;
    }
  t.newErrors += review.playbook?.problems.length ?? 0; // the change breaks the playbook
  return t;
}

const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The one-line verdict: what decides the check's status first. */
export function verdict(t: Totals, contracts: number): string {
  if (contracts === 0 && t.newErrors === 0) return '✅ This change touches no contract.';
  const old = t.oldErrors + t.oldWarnings > 0 ? ` (already on the base: ${n(t.oldErrors, 'error')}, ${n(t.oldWarnings, 'warning')})` : '';
  if (t.newErrors > 0)
    return `❌ This change introduces ${n(t.newErrors, 'error')} (walk-away positions, unmet risk requirements or invalid contracts) and ${n(t.newWarnings, 'warning')}${old}.`;
  if (t.newWarnings > 0) return `⚠️ No new errors; this change introduces ${n(t.newWarnings, 'warning')} (fallback positions or missing terms)${old}.`;
  return `✅ This change introduces no findings${old}.`;
}

const severity = (d: Diagnostic) => (d.severity === 'error' ? '❌ error' : d.severity === 'warning' ? '⚠️ warning' : 'ℹ️ info');
const field = (d: Diagnostic) => (d.path === '' ? '(document)' : markdownCode(dottedPath(d.path), { inTable: true }));

function findingsTable(findings: readonly ReviewedFinding[]): string[] {
  const rows = findings.map(
    (f) =>
      `| ${f.introduced ? '🆕 new' : 'on base'} | ${severity(f)} | ${f.line}:${f.column} | ${field(f)} | ${md(f.message)} ${markdownCode(f.code, { inTable: true })} | ${md(f.fix ?? '')} | ${md(f.source ?? '')} |`,
  );
  return ['| | Severity | Line | Field | Finding | Suggested | Source |', '|---|---|---|---|---|---|---|', ...rows];
}

const stateText: Record<RequirementMove['after'], string> = { absent: 'not required', met: 'met', unmet: '**not met**' };

function requirementsTable(moves: readonly RequirementMove[]): string[] {
  return [
    '| Term | Demand | Rule | Before | After |',
    '|---|---|---|---|---|',
    ...moves.map(
      (m) =>
        `| ${md(m.label)} (${markdownCode(m.term, { inTable: true })}) | ${md(m.demand)} | ${markdownCode(m.ruleId, { inTable: true })} | ${stateText[m.before]} | ${stateText[m.after]} |`,
    ),
  ];
}

function change(c: ContractReview): string {
  if (c.status === 'renamed') return `renamed from ${markdownCode(c.basePath!)}`;
  return c.status;
}

/** One contract's section: findings, what the PR resolved, position moves, requirements, redlines. */
function contractSection(c: ContractReview, ctx: ReportContext, level: '###' | '####'): string[] {
  const sub = level === '###' ? '####' : '#####';
  const out = [`${level} ${markdownCode(c.path)} (${change(c)})`, ''];
  if (c.summary) out.push(md(c.summary), '');
  if (c.findings.length > 0) out.push(...findingsTable(c.findings), '');
  else out.push('No errors or warnings.', '');
  if (c.resolved.length > 0)
    out.push(`${sub} Resolved by this change`, '', ...c.resolved.map((d) => `- ${severity(d)} ${field(d)}: ${md(d.message)} ${markdownCode(d.code)}`), '');
  if (c.diff && c.status !== 'added') {
    const moves = formatDiffMarkdown(c.diff, { file: c.path, fromLabel: ctx.baseLabel, toLabel: ctx.headLabel });
    out.push(
      moves
        .replace(/^### /, `${sub} `)
        .replace(/^#### /gm, `${sub}# `)
        .trimEnd(),
      '',
    );
  }
  if (c.requirements.length > 0) out.push(`${sub} Risk requirements now met or unmet`, '', ...requirementsTable(c.requirements), '');
  const files = ctx.redlines.get(c.path);
  if (files?.length) {
    const where = ctx.artifact ? ` in the artifact ${markdownCode(ctx.artifact)}${ctx.runUrl ? ` of [this run](${encodeURI(ctx.runUrl)})` : ''}` : '';
    out.push(`Redline: ${files.map((f) => markdownCode(f)).join(', ')}${where}`, '');
  }
  return out;
}

const judgedWith: Record<PlaybookChange['judgedWith'], string> = {
  base: "the base branch's playbook",
  bundled: 'the bundled playbook, which the base used (it has no playbook file)',
  change: "this change's playbook, because the base's has errors: review the playbook itself with care",
};
const direction: Record<PlaybookChange['terms'][number]['direction'], string> = {
  looser: '🔓 looser',
  tighter: '🔒 tighter',
  mixed: 'looser and tighter',
  other: 'changed',
};

/**
 * The playbook section: the change edits the playbook, so the contracts were judged with the base's
 * (the PR's playbook is hostile input); what the edit would do — the terms whose positions moved (old
 * → new bands), the rules added, removed or changed, and per contract the findings it would add or remove.
 */
function playbookSection(p: PlaybookChange, level: '###' | '####'): string[] {
  const sub = level === '###' ? '####' : '#####';
  const verb = p.status === 'added' ? 'adds' : p.status === 'removed' ? 'deletes' : 'edits';
  const out = [`${level} Playbook: this change ${verb} ${markdownCode(p.file)}`, ''];
  out.push(
    `Every contract in this report was judged with ${judgedWith[p.judgedWith]}, not with the one this change proposes: a change cannot loosen the playbook and pass under the loosened positions. Once merged, the edited playbook judges later changes.`,
    '',
  );
  if (p.problems.length > 0)
    out.push(
      `${sub} Errors in the proposed playbook`,
      '',
      '| Line | Field | Problem |',
      '|---|---|---|',
      ...p.problems.map((d) => `| ${d.line}:${d.column} | ${field(d)} | ${md(d.message)} ${markdownCode(d.code, { inTable: true })} |`),
      '',
    );
  if (p.terms.length > 0)
    out.push(
      `${sub} Term positions`,
      '',
      '| Term | Base playbook | This change | For the buyer |',
      '|---|---|---|---|',
      ...p.terms.map(
        (t) =>
          `| ${md(t.label)} (${markdownCode(t.term, { inTable: true })}) | ${md(t.before)} | ${md(t.after)} | ${t.status === 'changed' ? direction[t.direction] : `${t.status}, ${direction[t.direction]}`} |`,
      ),
      '',
    );
  else if (p.problems.length === 0) out.push('No term position moved.', '');
  if (p.rules.length > 0) out.push(`${sub} Rules`, '', ...p.rules.map((r) => `- ${r.kind} ${markdownCode(r.id)} ${r.status}`), '');
  if (p.problems.length > 0) return out;
  out.push(`${sub} Findings the proposed playbook would add or remove`, '');
  if (p.findings.length === 0) out.push('None: every contract in scope keeps the findings it has.', '');
  else {
    const row = (path: string, what: string, d: Diagnostic) =>
      `| ${markdownCode(path, { inTable: true })} | ${what} | ${severity(d)} | ${d.line}:${d.column} | ${field(d)} | ${md(d.message)} ${markdownCode(d.code, { inTable: true })} |`;
    out.push('| Contract | | Severity | Line | Field | Finding |', '|---|---|---|---|---|---|');
    for (const f of p.findings) out.push(...f.added.map((d) => row(f.path, '➕ would add', d)), ...f.removed.map((d) => row(f.path, '➖ would remove', d)));
    out.push('');
  }
  return out;
}

function librarySection(ctx: ReportContext, level: '###' | '####'): string[] {
  return ctx.library?.length ? [`${level} Clause library`, '', ...ctx.library.map(md).join(' ').split('\n'), ''] : [];
}

function overview(review: PullRequestReview): string[] {
  if (review.contracts.length === 0) return [];
  const rows = review.contracts.map((c) => {
    const count = (sev: string, introduced: boolean) => c.findings.filter((f) => f.severity === sev && f.introduced === introduced).length;
    const moved = c.diff && c.status !== 'added' ? summaryLine(c.diff) : '—';
    return `| ${markdownCode(c.path, { inTable: true })} | ${c.status} | ${count('error', true)} | ${count('warning', true)} | ${count('error', false)} / ${count('warning', false)} | ${md(moved)} |`;
  });
  return ['| Contract | Change | New errors | New warnings | On base (errors / warnings) | Positions |', '|---|---|---|---|---|---|', ...rows, ''];
}

/** The job summary (`GITHUB_STEP_SUMMARY`): the verdict, an overview, the playbook change, then every changed contract in full. */
export function summaryMarkdown(review: PullRequestReview, ctx: ReportContext): string {
  const out = [`## Contracts: ${md(ctx.title)}`, '', verdict(totals(review), review.contracts.length), ''];
  out.push(`Compared ${md(ctx.headLabel)} with ${md(ctx.baseLabel)}.`, '');
  for (const note of ctx.notes ?? []) out.push(`> ${md(note)}`, '');
  out.push(...overview(review));
  if (review.playbook) out.push(...playbookSection(review.playbook, '###'));
  out.push(...librarySection(ctx, '###'));
  if (review.removed.length > 0) out.push(`Removed: ${review.removed.map((p) => markdownCode(p)).join(', ')}`, '');
  for (const c of review.contracts) out.push(...contractSection(c, ctx, '###'));
  return limit(`${out.join('\n').trimEnd()}\n`, SUMMARY_LIMIT, ctx);
}

/**
 * The PR comment: the verdict and overview, then each contract's section folded in `<details>` (open
 * when the PR introduced an error there), and a link to the full summary of the run.
 */
export function commentMarkdown(review: PullRequestReview, ctx: ReportContext): string {
  const out = [`### Contracts: ${verdict(totals(review), review.contracts.length)}`, ''];
  out.push(`Compared ${md(ctx.headLabel)} with ${md(ctx.baseLabel)}.${ctx.runUrl ? ` [Full report and redlines](${encodeURI(ctx.runUrl)})` : ''}`, '');
  out.push(...overview(review));
  if (review.playbook) out.push(...playbookSection(review.playbook, '####'));
  out.push(...librarySection(ctx, '####'));
  for (const c of review.contracts) {
    const open = c.findings.some((f) => f.introduced && f.severity === 'error') ? ' open' : '';
    out.push(`<details${open}><summary>${md(c.path)}</summary>`, '', ...contractSection(c, ctx, '####'), '</details>', '');
  }
  return limit(`${out.join('\n').trimEnd()}\n`, COMMENT_LIMIT, ctx);
}

/** GitHub refuses comments over 65,536 characters and step summaries over 1 MiB: cut with a note, at a line. */
const COMMENT_LIMIT = 60_000;
const SUMMARY_LIMIT = 1_000_000;

function limit(text: string, max: number, ctx: ReportContext): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf('\n', max - 400);
  const where = ctx.runUrl ? `the [run's summary](${encodeURI(ctx.runUrl)}) and the SARIF file` : 'the SARIF file';
  // A cut inside <details> leaves it open; close it so the note shows.
  const open = (text.slice(0, cut).match(/<details/g) ?? []).length - (text.slice(0, cut).match(/<\/details>/g) ?? []).length;
  return `${text.slice(0, cut)}\n${open > 0 ? '</details>\n' : ''}\n> Cut at ${max.toLocaleString('en-US')} characters (GitHub's limit); every finding is in ${where}.\n`;
}
