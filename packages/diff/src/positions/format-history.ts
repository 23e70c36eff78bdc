import { markdownCode, markdownText as md, terminalText as t } from '@contracts/format/escape';
import type { HistoryStep } from './history.js';
import { regionName } from '../wording/format-wording.js';
import { showMove, walkAwayNote } from './show.js';

export interface HistoryFormatOptions {
  file: string;
  term?: string;
  color?: boolean;
}

const paint = (on: boolean | undefined) => (code: string, text: string) => (on && text ? `\u001b[${code}m${text}\u001b[0m` : text);
const roundNames = (s: HistoryStep) => s.rounds.map((r) => r.slice(r.lastIndexOf('/') + 1));
const day = (iso: string) => iso.slice(0, 10);

/** One line per wording change and comment of a step: the region, then what happened and who proposed it. */
function wordingMoves(s: HistoryStep): { region: string; what: string }[] {
  const w = s.wording;
  if (!w) return [];
  return [
    ...w.changes.map((c) => {
      const by = (c.after ?? c.before)?.proposedBy;
      return { region: regionName(c.region), what: `negotiated wording ${c.change}${by ? ` (${by})` : ''}` };
    }),
    ...w.comments.map((c) => ({ region: regionName(c.region), what: `comment by ${c.author}` })),
  ];
}

/**
 * Terminal text: one block per commit (oldest first), one line per moved term. Commit and tag text,
 * labels and values go through `terminalText`.
 */
export function formatHistoryText(steps: readonly HistoryStep[], o: HistoryFormatOptions): string {
  const c = paint(o.color);
  const out = [c('1', `${t(o.file)}${o.term ? ` — ${t(o.term)}` : ''}: ${steps.length} change${steps.length === 1 ? '' : 's'}`)];
  for (const s of steps) {
    const rounds = roundNames(s).map(t);
    out.push(
      '',
      `${c('33', s.commit.slice(0, 10))} ${t(day(s.authorDate))} ${t(s.authorName)}${rounds.length ? c('1;36', ` [${rounds.join(', ')}]`) : ''}  ${t(s.subject)}`,
    );
    if (s.problem) out.push(`  ${c('31', `unreadable: ${t(s.problem)}`)}`);
    for (const ch of s.changes) {
      const g = ch.gained === 'buyer' ? c('32', 'buyer') : ch.gained === 'vendor' ? c('31', 'vendor') : c('2', 'neutral');
      const note = walkAwayNote(ch) ? c('1;31', ` (${t(walkAwayNote(ch))})`) : '';
      out.push(`  ${t(ch.label)}: ${t(showMove(ch))}  ${g}${note}`);
    }
    for (const m of wordingMoves(s)) out.push(`  ${t(m.region)}: ${c('33', t(m.what))}`);
  }
  return `${out.join('\n')}\n`;
}

/** Markdown: one table row per (commit, term) move, every text escaped for GitHub. */
export function formatHistoryMarkdown(steps: readonly HistoryStep[], o: HistoryFormatOptions): string {
  const out = [
    `### Position history of ${markdownCode(o.file)}${o.term ? ` — ${markdownCode(o.term)}` : ''}`,
    '',
    '| Commit | Date | Author | Round | Term | Change | Gained |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const s of steps) {
    const meta = [`\`${s.commit.slice(0, 10)}\``, md(day(s.authorDate)), md(s.authorName), md(roundNames(s).join(', '))];
    if (s.problem) out.push(row([...meta, '', md(`unreadable: ${s.problem}`), '']));
    for (const ch of s.changes) out.push(row([...meta, md(ch.label), md(showMove(ch)), ch.gained + (walkAwayNote(ch) ? ` (${md(walkAwayNote(ch))})` : '')]));
    for (const m of wordingMoves(s)) out.push(row([...meta, md(m.region), md(m.what), 'counsel to review']));
  }
  return `${out.join('\n')}\n`;
}

/** A table row of cells already escaped (or our own markup). */
const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
