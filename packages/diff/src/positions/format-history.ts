import type { HistoryStep } from './history.js';
import { showMove } from './show.js';

export interface HistoryFormatOptions {
  file: string;
  term?: string;
  color?: boolean;
}

const paint = (on: boolean | undefined) => (code: string, text: string) => (on && text ? `\u001b[${code}m${text}\u001b[0m` : text);
const roundNames = (s: HistoryStep) => s.rounds.map((r) => r.slice(r.lastIndexOf('/') + 1));
const day = (iso: string) => iso.slice(0, 10);

/** Terminal text: one block per commit (oldest first), one line per moved term. */
export function formatHistoryText(steps: readonly HistoryStep[], o: HistoryFormatOptions): string {
  const c = paint(o.color);
  const out = [c('1', `${o.file}${o.term ? ` — ${o.term}` : ''}: ${steps.length} change${steps.length === 1 ? '' : 's'}`)];
  for (const s of steps) {
    const rounds = roundNames(s);
    out.push(
      '',
      `${c('33', s.commit.slice(0, 10))} ${day(s.authorDate)} ${s.authorName}${rounds.length ? c('1;36', ` [${rounds.join(', ')}]`) : ''}  ${s.subject}`,
    );
    if (s.problem) out.push(`  ${c('31', `unreadable: ${s.problem}`)}`);
    for (const ch of s.changes) {
      const g = ch.gained === 'buyer' ? c('32', 'buyer') : ch.gained === 'vendor' ? c('31', 'vendor') : c('2', 'neutral');
      const note = ch.walkAway ? c('1;31', ` (${ch.walkAway} walk-away)`) : '';
      out.push(`  ${ch.label}: ${showMove(ch)}  ${g}${note}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** Markdown: one table row per (commit, term) move. */
export function formatHistoryMarkdown(steps: readonly HistoryStep[], o: HistoryFormatOptions): string {
  const out = [
    `### Position history of \`${o.file}\`${o.term ? ` — \`${o.term}\`` : ''}`,
    '',
    '| Commit | Date | Author | Round | Term | Change | Gained |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const s of steps) {
    const meta = [`\`${s.commit.slice(0, 10)}\``, day(s.authorDate), s.authorName, roundNames(s).join(', ')];
    if (s.problem) out.push(row([...meta, '', `unreadable: ${s.problem}`, '']));
    for (const ch of s.changes) out.push(row([...meta, ch.label, showMove(ch), ch.gained + (ch.walkAway ? ` (${ch.walkAway} walk-away)` : '')]));
  }
  return `${out.join('\n')}\n`;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const row = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
