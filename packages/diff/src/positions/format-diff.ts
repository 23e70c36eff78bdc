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

/** Terminal text: one aligned line per moved term, then product facts and requirements. */
export function formatDiffText(diff: PositionDiff, o: DiffFormatOptions): string {
  const c = paint(o.color);
  const lines = [`${c('1', `${o.file}: ${o.fromLabel} → ${o.toLabel}`)}  ${summaryLine(diff)}`];
  if (diff.positions.length > 0) {
    const rows = diff.positions.map((p) => [p.label, showMove(p), p.gained, showTiers(p), walkAwayNote(p)] as const);
    const w = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => [...r[i]!].length)));
    lines.push('', 'Positions');
    for (const [label, move, gained, tiers, note] of rows) {
      const g = gained === 'buyer' ? c('32', pad(gained, w[2]!)) : gained === 'vendor' ? c('31', pad(gained, w[2]!)) : c('2', pad(gained, w[2]!));
      lines.push(`  ${pad(label, w[0]!)}  ${pad(move, w[1]!)}  ${g}  ${pad(tiers, w[3]!)}  ${c('1;31', note)}`.trimEnd());
    }
  }
  if (diff.product.length > 0) {
    lines.push('', 'Product evaluation');
    for (const p of diff.product) lines.push(`  ${p.path}  ${showMove(p)}`);
  }
  if (diff.requirements.length > 0) {
    lines.push('', 'Required terms (risk rules)');
    for (const r of diff.requirements) {
      const sign = r.change === 'added' ? c('33', '+ now required') : c('2', '− no longer required');
      lines.push(`  ${sign}  ${r.label} (${r.term}): ${r.demand} [${r.ruleId}]${r.change === 'added' ? (r.met ? ' — met' : c('31', ' — NOT met')) : ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The pull-request comment: a Markdown table of moves, then product facts and requirements. */
export function formatDiffMarkdown(diff: PositionDiff, o: DiffFormatOptions): string {
  const out = [`### Position changes in \`${o.file}\`: ${cell(o.fromLabel)} → ${cell(o.toLabel)}`, '', summaryLine(diff), ''];
  if (diff.positions.length > 0) {
    out.push('| Term | Before | After | Gained | Tier | |', '|---|---|---|---|---|---|');
    for (const p of diff.positions)
      out.push(row([p.label, show(p.from, p.unit), afterCell(p), gainedCell(p), showTiers(p), walkAwayNote(p) ? `**${walkAwayNote(p)}**` : '']));
    out.push('');
  }
  if (diff.product.length > 0) {
    out.push('#### Product evaluation', '', '| Field | Before | After |', '|---|---|---|');
    for (const p of diff.product) out.push(row([`\`${p.path}\``, show(p.from), show(p.to)]));
    out.push('');
  }
  if (diff.requirements.length > 0) {
    out.push('#### Required terms (risk rules)', '', '| | Term | Demand | Rule | Met |', '|---|---|---|---|---|');
    for (const r of diff.requirements)
      out.push(
        row([
          r.change === 'added' ? 'now required' : 'no longer required',
          r.label,
          r.demand,
          `\`${r.ruleId}\``,
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
/** Table cell text: pipes and newlines would break the row. */
const cell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const row = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
