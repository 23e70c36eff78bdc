import { markdownCode, markdownText as md, terminalText as t } from '@contracts/format/escape';
import { show, showMove, showTiers, walkAwayNote } from './show.js';
import type { PositionChange, PositionDiff } from './types.js';

export interface DiffFormatOptions {
  /** Display name of the file. */
  file: string;
  /** What the sides are called (`round-1`, `working tree`). */
  fromLabel: string;
  toLabel: string;
  color?: boolean;
}

const paint = (on: boolean | undefined) => (code: string, text: string) => (on && text ? `\u001b[${code}m${text}\u001b[0m` : text);
const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - [...text].length));

/**
 * Terminal text: one aligned line per moved term, then product facts and requirements. Labels and
 * values from the contract or the playbook go through `terminalText`.
 */
export function formatDiffText(diff: PositionDiff, o: DiffFormatOptions): string {
  const c = paint(o.color);
  const lines = [`${c('1', `${t(o.file)}: ${t(o.fromLabel)} → ${t(o.toLabel)}`)}  ${summaryLine(diff)}`];
  if (diff.positions.length > 0) {
    const rows = diff.positions.map((p) => [t(p.label), t(showMove(p)), p.gained, showTiers(p), walkAwayNote(p)] as const);
    const w = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => [...r[i]!].length)));
    lines.push('', 'Positions');
    for (const [label, move, gained, tiers, note] of rows) {
      const g = gained === 'buyer' ? c('32', pad(gained, w[2]!)) : gained === 'vendor' ? c('31', pad(gained, w[2]!)) : c('2', pad(gained, w[2]!));
      lines.push(`  ${pad(label, w[0]!)}  ${pad(move, w[1]!)}  ${g}  ${pad(tiers, w[3]!)}  ${c('1;31', note)}`.trimEnd());
    }
  }
  if (diff.product.length > 0) {
    lines.push('', 'Product evaluation');
    for (const p of diff.product) lines.push(`  ${t(p.path)}  ${t(showMove(p))}`);
  }
  if (diff.requirements.length > 0) {
    lines.push('', 'Required terms (risk rules)');
    for (const r of diff.requirements) {
      const sign = r.change === 'added' ? c('33', '+ now required') : c('2', '− no longer required');
      const met = r.change === 'added' ? (r.met ? ' — met' : c('31', ' — NOT met')) : '';
      lines.push(`  ${sign}  ${t(r.label)} (${t(r.term)}): ${t(r.demand)} [${t(r.ruleId)}]${met}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The pull-request comment: a Markdown table of moves, then product facts and requirements. Every
 * text from the contract, the playbook or git is escaped for GitHub (`markdownText`, `markdownCode`);
 * the only markup is our own.
 */
export function formatDiffMarkdown(diff: PositionDiff, o: DiffFormatOptions): string {
  const out = [`### Position changes in ${markdownCode(o.file)}: ${md(o.fromLabel)} → ${md(o.toLabel)}`, '', summaryLine(diff), ''];
  if (diff.positions.length > 0) {
    out.push('| Term | Before | After | Gained | Tier | |', '|---|---|---|---|---|---|');
    for (const p of diff.positions)
      out.push(row([md(p.label), md(show(p.from, p.unit)), md(afterCell(p)), gainedCell(p), showTiers(p), walkAwayNote(p) ? `**${walkAwayNote(p)}**` : '']));
    out.push('');
  }
  if (diff.product.length > 0) {
    out.push('#### Product evaluation', '', '| Field | Before | After |', '|---|---|---|');
    for (const p of diff.product) out.push(row([markdownCode(p.path, { inTable: true }), md(show(p.from)), md(show(p.to))]));
    out.push('');
  }
  if (diff.requirements.length > 0) {
    out.push('#### Required terms (risk rules)', '', '| | Term | Demand | Rule | Met |', '|---|---|---|---|---|');
    for (const r of diff.requirements)
      out.push(
        row([
          r.change === 'added' ? 'now required' : 'no longer required',
          md(r.label),
          md(r.demand),
          markdownCode(r.ruleId, { inTable: true }),
          r.change === 'added' ? (r.met ? 'yes' : '**no**') : '',
        ]),
      );
    out.push('');
  }
  return out.join('\n');
}

/** `3 positions moved: 2 toward the buyer, 1 toward the vendor; 1 entered walk-away` */
export function summaryLine(diff: PositionDiff): string {
  const s = diff.summary;
  if (s.moved === 0) return 'No positions moved.';
  const parts = [`${s.towardBuyer} toward the buyer`, `${s.towardVendor} toward the vendor`, ...(s.neutral ? [`${s.neutral} neutral`] : [])];
  const walk = [...(s.walkAwayEntered ? [`${s.walkAwayEntered} entered walk-away`] : []), ...(s.walkAwayLeft ? [`${s.walkAwayLeft} left walk-away`] : [])];
  return `${s.moved} position${s.moved === 1 ? '' : 's'} moved: ${parts.join(', ')}${walk.length ? `; ${walk.join(', ')}` : ''}.`;
}

const gainedCell = (p: PositionChange) => (p.gained === 'buyer' ? '🟢 buyer' : p.gained === 'vendor' ? '🔴 vendor' : 'neutral');
const afterCell = (p: PositionChange) => (Array.isArray(p.to) && Array.isArray(p.from) ? `${show(p.to)} (${showMove(p)})` : show(p.to, p.unit));
/** A table row of cells already escaped (or our own markup). */
const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
