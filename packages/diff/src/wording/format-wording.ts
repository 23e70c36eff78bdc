/**
 * The one way negotiated wording is printed, by `contracts diff` / `pr` (a version against another) and
 * by `contracts import` (a markup against its base): one region per entry — where, who proposed it and
 * when, tracked or not — then its parts (label, text, rows added). Every text a counterparty wrote is
 * escaped for its medium.
 */
import { emptiedAs } from '@contracts/core';
import { isFact, showValue } from '@contracts/playbook';
import { markdownCode, markdownText as md, terminalText as t } from '@contracts/format/escape';
import type { WordingChange, WordingDiff, WordingState } from './types.js';

/** What `wordingParts` and the region lines read: a `negotiatedWording` entry or import's region report. */
export interface WordingView extends WordingState {
  /** `clause:<key>` or `paragraph:<key>`. */
  region: string;
}

/** `clause audit/costs`, `paragraph cover-page/Cyber insurance`. */
export const regionName = (region: string) => (region.startsWith('clause:') ? `clause ${region.slice(7)}` : `paragraph ${region.slice(10)}`);
/** `2026-05-18 10:00Z`, or `date unknown`. */
export const wordingWhen = (d: string | undefined) => (d ? d.replace('T', ' ').replace(/:\d\dZ$/, 'Z') : 'date unknown');
/** A terminal line of wording that may hold paragraphs: each paragraph break shown as ` ¶ `, not as an escaped `\n`. */
const oneLine = (text: string) => text.replace(/[ \t]*\r?\n(?:[ \t]*\r?\n)+[ \t]*/g, ' ¶ ').replace(/[ \t]*\r?\n[ \t]*/g, ' ');
/** `text` cut to `max` characters with an ellipsis; `Infinity` keeps it whole. */
export const excerpt = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * What a region's wording says, part by part: its label, its text, the rows added after it (Markdown
 * joins them on one line, text prints one a line). A row whose label or added rows alone changed has no
 * text. `whole`: texts uncut (JSON and Markdown reports), else on one line, shortened, for a terminal.
 */
export function wordingParts(w: Pick<WordingView, 'text' | 'label' | 'rowsAfter'>, whole = false): string[] {
  const cut = (text: string, max: number) => (whole ? text : excerpt(oneLine(text), max));
  return [
    ...(w.label !== undefined ? [`label "${cut(w.label, 80)}"`] : []),
    ...(w.text !== undefined || (w.label === undefined && w.rowsAfter === undefined)
      ? [cut(w.text ?? '', 160) || (emptiedAs({ text: w.text ?? '', label: w.label }) === 'value-emptied' ? '(value emptied)' : '(deleted)')]
      : []),
    ...(w.rowsAfter ?? []).map((row) => `+ row "${cut(row.label, 60)}": ${cut(row.text, 80)}`),
  ];
}

/** Terminal lines of one region: `  <where>  <who>, <when>[, untracked edit]`, then each part indented. `sign` goes before the region. */
export function wordingLinesText(w: WordingView, o: { sign?: string; whole?: boolean } = {}): string[] {
  const head = `  ${o.sign ? `${o.sign} ` : ''}${t(regionName(w.region))}  ${t(w.proposedBy ?? 'unknown')}, ${t(wordingWhen(w.proposedAt))}${w.tracked === false ? ', untracked edit' : ''}`;
  return [head, ...wordingParts(w, o.whole).map((part) => `    ${o.sign ? '  ' : ''}${t(part)}`)];
}

/** The Markdown bullet of one region: `- **<where>** — <who>, <when>[ (untracked edit)]: <parts>`. */
export function wordingLineMarkdown(w: WordingView, o: { prefix?: string; whole?: boolean } = {}): string {
  const head = `- ${o.prefix ?? ''}**${md(regionName(w.region))}** — ${md(w.proposedBy ?? 'unknown')}, ${md(wordingWhen(w.proposedAt))}`;
  return `${head}${w.tracked === false ? ' (untracked edit)' : ''}: ${md(wordingParts(w, o.whole).join('; '))}`;
}

/** What the comment lines read: a `negotiatedWording` entry's comment with its region. */
export interface CommentView {
  region: string;
  author: string;
  date?: string;
  text: string;
  replies?: { author: string; date?: string; text: string }[];
}

/** Terminal lines of one comment: `  <where>  <author>, <when>: <text>`, then each reply. */
export function commentLinesText(c: CommentView): string[] {
  return [
    `  ${t(regionName(c.region))}  ${t(c.author)}, ${t(wordingWhen(c.date))}: ${t(excerpt(oneLine(c.text)))}`,
    ...(c.replies ?? []).map((reply) => `    ↳ ${t(reply.author)}, ${t(wordingWhen(reply.date))}: ${t(excerpt(oneLine(reply.text)))}`),
  ];
}

/** The Markdown bullet of one comment, its text whole unless `whole` is false. */
export function commentLineMarkdown(c: CommentView, o: { whole?: boolean } = {}): string {
  const text = o.whole === false ? excerpt(c.text) : c.text;
  return `- **${md(regionName(c.region))}** — ${md(c.author)}, ${md(wordingWhen(c.date))}: ${md(text)}${c.replies?.length ? ` (${c.replies.length} replies)` : ''}`;
}

/** `2 added, 1 changed, 1 withdrawn; 1 comment; 1 restated term out of step`, or '' when nothing moved. */
export function wordingSummary(w: WordingDiff): string {
  const s = w.summary;
  const moves = [
    ...(s.added ? [`${s.added} added`] : []),
    ...(s.changed ? [`${s.changed} changed`] : []),
    ...(s.withdrawn ? [`${s.withdrawn} withdrawn`] : []),
  ];
  return [
    ...(moves.length ? [`negotiated wording ${moves.join(', ')}`] : []),
    ...(s.comments ? [`${s.comments} comment${s.comments === 1 ? '' : 's'} added`] : []),
    ...(s.restatements ? [`${s.restatements} restated term${s.restatements === 1 ? '' : 's'} out of step`] : []),
  ].join('; ');
}

const SIGN: Record<WordingChange['change'], string> = { added: '+', changed: '~', withdrawn: '−' };
/** The side of a change whose wording prints: the later's, or the withdrawn one. */
const shownSide = (c: WordingChange) => ({ region: c.region, ...(c.after ?? c.before)! });
/** What the change replaced or restores, unescaped. */
function replacedLine(c: WordingChange, whole: boolean): string {
  if (c.change === 'withdrawn') return "withdrawn: the template's wording stands again";
  if (!c.before) return "replaces the template's wording";
  return `replaces: ${wordingParts(c.before, whole).join('; ')}`;
}
function rowLines(c: WordingChange, whole: boolean): string[] {
  const cut = (x: string, max: number) => (whole ? x : excerpt(x, max));
  const label =
    c.labelChanged && c.change === 'changed'
      ? [
          `label ${c.labelChanged.from === null ? "the template's" : `"${cut(c.labelChanged.from, 80)}"`} → ${c.labelChanged.to === null ? "the template's" : `"${cut(c.labelChanged.to, 80)}"`}`,
        ]
      : [];
  const rows =
    c.change === 'changed'
      ? [...(c.rowsAdded ?? []).map((r) => `row added "${cut(r.label, 60)}"`), ...(c.rowsRemoved ?? []).map((r) => `row dropped "${cut(r.label, 60)}"`)]
      : [];
  return [...label, ...rows];
}
const restatedLine = (r: WordingDiff['restatements'][number]) =>
  r.problem === 'unread'
    ? `${r.term}: ${regionName(r.region)} says "${excerpt(r.said, 80)}", not read: the term is rated at ${r.current === undefined ? 'no value' : showValue(r.current)}; counsel to settle`
    : isFact(r.term)
      ? `${r.term}: ${regionName(r.region)} says "${excerpt(r.said, 80)}" (${showValue(r.read)}), but the contract's fact is ${r.current === undefined ? 'absent' : showValue(r.current)}: a fact the counterparty changed, not applied; counsel to confirm or reject`
      : `${r.term}: ${regionName(r.region)} says "${excerpt(r.said, 80)}" (${showValue(r.read)}), but the term is now ${r.current === undefined ? 'absent' : showValue(r.current)}`;

/** The terminal section after the positions: each region changed, the comments added, the restated terms out of step. Empty when nothing moved. */
export function formatWordingText(w: WordingDiff, paint: (code: string, text: string) => string = (_c, x) => x): string[] {
  const out: string[] = [];
  if (w.changes.length > 0) {
    out.push('', `Negotiated wording outside the playbook: counsel to review`);
    for (const c of w.changes) {
      const [head, ...parts] = wordingLinesText(shownSide(c), { sign: SIGN[c.change] });
      out.push(
        paint(c.change === 'withdrawn' ? '2' : '33', head!),
        ...parts,
        ...[...rowLines(c, false), replacedLine(c, false)].map((x) => `      ${paint('2', t(x))}`),
      );
    }
  }
  if (w.comments.length > 0) {
    out.push('', 'Comments added');
    for (const c of w.comments) out.push(...commentLinesText(c));
  }
  if (w.restatements.length > 0) {
    out.push('', 'Restated terms out of step with their value: counsel to settle');
    for (const r of w.restatements) out.push(`  ${paint('31', '!')} ${t(restatedLine(r))}`);
  }
  return out;
}

/** The Markdown section (the PR summary's, the diff's `--format markdown`): texts whole, every text escaped. */
export function formatWordingMarkdown(w: WordingDiff): string[] {
  const out: string[] = [];
  if (w.changes.length > 0) {
    out.push(`#### Negotiated wording outside the playbook: counsel to review (${w.changes.length})`, '');
    for (const c of w.changes) {
      out.push(wordingLineMarkdown(shownSide(c), { prefix: `${c.change}: `, whole: true }));
      for (const line of [...rowLines(c, true), replacedLine(c, true)]) out.push(`  - ${md(line)}`);
    }
    out.push('');
  }
  if (w.comments.length > 0) {
    out.push(`#### Comments added (${w.comments.length})`, '');
    for (const c of w.comments) out.push(commentLineMarkdown(c));
    out.push('');
  }
  if (w.restatements.length > 0) {
    out.push(`#### Restated terms out of step with their value: counsel to settle (${w.restatements.length})`, '');
    for (const r of w.restatements) out.push(`- ${markdownCode(r.term)}: ${md(restatedLine(r).slice(r.term.length + 2))}`);
    out.push('');
  }
  return out;
}
