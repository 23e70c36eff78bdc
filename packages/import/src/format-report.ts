/**
 * What `contracts import` prints: the position moves exactly as `contracts diff` prints them (base →
 * markup), then the values read back with who proposed them, then the negotiated wording and the
 * comments with clause, author and date in the lines `contracts diff` prints them (`@contracts/diff`'s
 * wording formatter: shortened in a terminal, whole in Markdown). Every text from the markup is escaped
 * for its medium: a counterparty wrote it.
 */
import { showValue } from '@contracts/playbook';
import {
  commentLineMarkdown,
  commentLinesText,
  excerpt,
  formatDiffMarkdown,
  formatDiffText,
  regionName,
  wordingLineMarkdown,
  wordingLinesText,
  wordingWhen as when,
} from '@contracts/diff';
import { markdownText as md, terminalText as t } from '@contracts/format/escape';
import type { ImportResult } from './import-markup.js';

export type ImportFormat = 'text' | 'json' | 'markdown';

const shown = (v: unknown) => (v === undefined ? '(removed)' : showValue(v));
const ownWords = (v: ImportResult['values'][number]) => (v.ownWords ? ', read from their own words' : '');

/** One line per template row put back: it prints as the template's row again. */
const restoredLines = (result: ImportResult): string[] =>
  result.restoredRows.map((key) => `paragraph ${key}: the template's row, deleted in an earlier round, is back`);

/** One line per term restated but not read: the term, where, what they wrote, what says otherwise. */
function unreadLines(result: ImportResult): string[] {
  return result.unread.map((u) => {
    // Name the figures that disagree (the clause may say the new number too; the figure beside it may not).
    const own = (u.disagreeing ?? []).filter((d) => d.region === u.region);
    const figures = [...own, ...(u.disagreeing ?? []).filter((d) => d.region !== u.region)].map(
      (d) =>
        `${d.region === u.region ? 'it' : regionName(d.region)} still says "${excerpt(d.said, 60) || '(nothing)'}" where ${shown(u.tried)} would read "${excerpt(d.reads, 60) || '(nothing)'}"`,
    );
    const elsewhere =
      figures.length > 0
        ? `, but ${figures.join('; ')}`
        : u.contradicted?.length
          ? `; ${u.contradicted.map(regionName).join(', ')} still say${u.contradicted.length > 1 ? '' : 's'} otherwise`
          : '';
    return `${u.path}: ${regionName(u.region)} now says "${excerpt(u.said, 80)}"${elsewhere}. Not read: the term stays ${shown(u.current)}, and check reports it until counsel settles it`;
  });
}

/** One line per fact the markup changed: what it says, where, and that the contract keeps the buyer's value. */
function factLines(result: ImportResult): string[] {
  return result.factsChanged.map((f) => {
    const at = f.regions.map(regionName).join(', ');
    const by = `${f.author ?? 'unknown'}, ${when(f.date)}`;
    return `${f.path}  ${shown(f.from)} → ${shown(f.to)}: ${at || 'their wording'} now say${f.regions.length > 1 ? '' : 's'} "${excerpt(f.said, 80)}" (${by}). Not applied: the contract keeps ${shown(f.from)} and their wording is kept for counsel; check reports it until counsel confirms (change the fact, remove the wording) or rejects (remove the wording)`;
  });
}

const FACTS_HEADING = 'Facts the counterparty changed: not applied, counsel to confirm';

/** The report in `format`. */
export function formatImport(result: ImportResult, format: ImportFormat, options: { color?: boolean } = {}): string {
  if (format === 'json') {
    const { yaml: _yaml, ...rest } = result;
    return `${JSON.stringify(rest, null, 2)}\n`;
  }
  const labels = { file: result.file, fromLabel: `base ${result.base.ref}`, toLabel: result.markup, color: Boolean(options.color) };
  const wording = result.regions.filter((r) => r.outcome === 'wording' || r.label !== undefined || r.rowsAfter !== undefined);
  const comments = result.regions.flatMap((r) => r.comments.map((c) => ({ r, c })));
  const unsettledParts = [
    ...(result.unread.length > 0 ? [`${result.unread.length} term${result.unread.length > 1 ? 's' : ''} NOT READ`] : []),
    ...(result.factsChanged.length > 0
      ? [`${result.factsChanged.length} fact${result.factsChanged.length > 1 ? 's' : ''} changed by the counterparty NOT APPLIED`]
      : []),
  ];
  const unsettled =
    unsettledParts.length > 0
      ? `; ${unsettledParts.join(', ')}: imported, but counsel must settle ${result.unread.length + result.factsChanged.length > 1 ? 'them' : 'it'} (exit 1)`
      : '';
  const action = result.written ? `wrote ${result.file}` : 'nothing written';
  if (format === 'markdown') {
    const out = [formatDiffMarkdown(result.diff, labels).trimEnd(), ''];
    if (result.values.length > 0) {
      out.push(`#### Values read from the markup (${result.values.length})`, '', '| Term | Before | After | Proposed by |', '|---|---|---|---|');
      for (const v of result.values)
        out.push(`| \`${md(v.path)}\` | ${md(shown(v.from))} | ${md(shown(v.to))} | ${md(v.author ?? '—')}, ${md(when(v.date))}${ownWords(v)} |`);
      out.push('');
    }
    if (result.factsChanged.length > 0) {
      out.push(`#### ${FACTS_HEADING} (${result.factsChanged.length})`, '');
      for (const line of factLines(result)) out.push(`- **${md(line)}**`);
      out.push('');
    }
    if (result.unread.length > 0) {
      out.push(`#### Terms restated in the counterparty's own words, not read: counsel to settle (${result.unread.length})`, '');
      for (const line of unreadLines(result)) out.push(`- **${md(line)}**`);
      out.push('');
    }
    if (result.restoredRows.length > 0) {
      out.push(`#### Template rows put back (${result.restoredRows.length})`, '');
      for (const line of restoredLines(result)) out.push(`- ${md(line)}`);
      out.push('');
    }
    if (wording.length > 0) {
      out.push(`#### Negotiated wording outside the playbook: counsel to review (${wording.length})`, '');
      for (const r of wording) out.push(wordingLineMarkdown(r, { whole: true }));
      out.push('');
    }
    if (comments.length > 0) {
      out.push(`#### Comments (${comments.length})`, '');
      for (const { r, c } of comments) out.push(commentLineMarkdown({ region: r.region, ...c }));
      out.push('');
    }
    if (result.baseAuthors.length > 0) out.push(`_${baseAuthorsLine(result, md)}_`, '');
    out.push(`_${md(action)}${result.committed ? `; committed ${result.committed.slice(0, 7)}` : ''}${md(unsettled)}._`, '');
    return out.join('\n');
  }
  const out = [formatDiffText(result.diff, labels).trimEnd()];
  if (!result.ours) out.push('', `${t(result.markup)} is not one of ours: every change is kept as negotiated wording.`);
  if (result.baseAuthors.length > 0) out.push('', baseAuthorsLine(result, t));
  if (result.values.length > 0) {
    out.push('', 'Values read from the markup');
    for (const v of result.values)
      out.push(`  ${t(v.path)}  ${t(shown(v.from))} → ${t(shown(v.to))}  (${t(v.author ?? 'unknown')}, ${t(when(v.date))}${ownWords(v)})`);
  }
  if (result.factsChanged.length > 0) {
    out.push('', FACTS_HEADING);
    for (const line of factLines(result)) out.push(`  ! ${t(line)}`);
  }
  if (result.unread.length > 0) {
    out.push('', "NOT READ: terms restated in the counterparty's own words, counsel to settle");
    for (const line of unreadLines(result)) out.push(`  ! ${t(line)}`);
  }
  if (result.restoredRows.length > 0) {
    out.push('', 'Template rows put back');
    for (const line of restoredLines(result)) out.push(`  ${t(line)}`);
  }
  if (wording.length > 0) {
    out.push('', 'Negotiated wording outside the playbook: counsel to review');
    for (const r of wording) out.push(...wordingLinesText(r));
  }
  if (comments.length > 0) {
    out.push('', 'Comments');
    for (const { r, c } of comments) out.push(...commentLinesText({ region: r.region, ...c }));
  }
  out.push('', `${action}${result.committed ? `; committed ${result.committed.slice(0, 7)} as the counterparty's round` : ''}${unsettled}`);
  return `${out.join('\n')}\n`;
}

/** Why some tracked changes are not read as the counterparty's: they are our redline's. */
const baseAuthorsLine = (result: ImportResult, esc: (text: string) => string) =>
  `Tracked changes by ${result.baseAuthors.map(esc).join(', ')} are the redline's (to ${esc(result.base.ref)}): taken as already agreed, not as the counterparty's.`;
