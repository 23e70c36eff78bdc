import { markdownCode, markdownText as md, terminalText as t } from '@contracts/format/escape';
import type { HistoryStep } from './history.js';

/** A negotiation round and the version it marks, with the term moves `positionHistory` found in it. */
export interface RoundStep extends HistoryStep {
  n: number;
  tag: string;
  /** "Name <email>" of whoever tagged the round; null for a lightweight tag. */
  tagger: string | null;
  /** When the round was tagged (ISO 8601). */
  taggedAt: string;
  /** The tag message. */
  message: string;
}

/**
 * One row of `contracts rounds`. Its date and author are those of the version the round marks (the
 * tagged commit's author and author date), as in `contracts history`; who tagged it, and when, are
 * `tagger` and `taggedAt`.
 */
export interface RoundRow {
  round: number;
  tag: string;
  commit: string;
  author: string;
  authorDate: string;
  tagger: string | null;
  taggedAt: string;
  message: string;
  /** Terms that moved since the previous round; null for the first round, or when it or the previous one is unreadable. */
  moved: number | null;
  /** Regions whose negotiated wording was added, changed or withdrawn since the previous round; null as for `moved`. */
  wording: number | null;
  /** Counterparty comments added since the previous round; null as for `moved`. */
  comments: number | null;
}

export interface RoundsFormatOptions {
  file: string;
  contractId: string;
}

/** The rows of `contracts rounds`, from the round steps in round order. */
export function roundRows(steps: readonly RoundStep[]): RoundRow[] {
  return steps.map((s, i) => {
    const unknown = i === 0 || s.problem !== undefined || steps[i - 1]!.problem !== undefined;
    return {
      round: s.n,
      tag: s.tag,
      commit: s.commit,
      author: s.authorName,
      authorDate: s.authorDate,
      tagger: s.tagger,
      taggedAt: s.taggedAt,
      message: s.message,
      moved: unknown ? null : s.changes.length,
      wording: unknown ? null : (s.wording?.changes.length ?? 0),
      comments: unknown ? null : (s.wording?.comments.length ?? 0),
    };
  });
}

/** `1 moved`, `1 moved, 2 wording, 1 comment`; `—` when unknown. */
export const roundChanges = (r: RoundRow) =>
  r.moved === null
    ? '—'
    : [`${r.moved} moved`, ...(r.wording ? [`${r.wording} wording`] : []), ...(r.comments ? [`${r.comments} comment${r.comments === 1 ? '' : 's'}`] : [])].join(
        ', ',
      );

const HEADINGS = ['Round', 'Authored', 'Author', 'Moved', 'Tag message'];
const cells = (r: RoundRow) => [`round-${r.round}`, r.authorDate.slice(0, 10), r.author, roundChanges(r), r.message.split('\n')[0]!];

/** Terminal text: a column per field, labelled; tag messages and names go through `terminalText`. */
export function formatRoundsText(rows: readonly RoundRow[], o: RoundsFormatOptions): string {
  const file = t(o.file);
  if (rows.length === 0) return `${file}: no rounds yet (tag one with \`contracts round ${file}\`)\n`;
  const table = [HEADINGS, ...rows.map((r) => cells(r).map(t))];
  const widths = [0, 1, 2, 3].map((k) => Math.max(...table.map((c) => [...c[k]!].length)));
  const pad = (text: string, k: number) => (k < 4 ? text + ' '.repeat(widths[k]! - [...text].length) : text);
  const lines = table.map((c) => `  ${c.map(pad).join('  ')}`.trimEnd());
  return `${file} (${t(o.contractId)}): ${rows.length} round${rows.length === 1 ? '' : 's'}\n${lines.join('\n')}\n`;
}

/** GitHub Markdown: one table row per round, every text escaped. */
export function formatRoundsMarkdown(rows: readonly RoundRow[], o: RoundsFormatOptions): string {
  const head = [`### Rounds of ${markdownCode(o.contractId)} (${markdownCode(o.file)})`, ''];
  if (rows.length === 0) return `${[...head, 'No rounds yet.'].join('\n')}\n`;
  const table = [`| ${HEADINGS.join(' | ')} |`, `|${'---|'.repeat(HEADINGS.length)}`, ...rows.map((r) => `| ${cells(r).map(md).join(' | ')} |`)];
  return `${[...head, ...table].join('\n')}\n`;
}

/** JSON: the file, the contract id and the rows. */
export function formatRoundsJson(rows: readonly RoundRow[], o: RoundsFormatOptions): string {
  return `${JSON.stringify({ file: o.file, contractId: o.contractId, rounds: rows }, null, 2)}\n`;
}
