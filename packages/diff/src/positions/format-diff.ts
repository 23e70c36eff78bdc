import { markdownCode, markdownText as md, terminalText as t } from '@contracts/format/escape';
import { formatWordingMarkdown, formatWordingText, wordingSummary } from '../wording/format-wording.js';
import { show, showMove, showTiers, walkAwayNote } from './show.js';
import type { PositionChange, PositionDiff, RequirementChange, RequirementState } from './types.js';

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
    const rows = diff.positions.map((p) => [t(p.label), t(showMove(p)), p.gained, showTiers(p), t(walkAwayNote(p))] as const);
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
      lines.push(`  ${c(SIGN_COLOUR[r.change], SIGN[r.change])}  ${t(r.label)} (${t(r.term)}): ${t(r.demand)} [${t(r.ruleId)}]${requirementOutcome(r, c)}`);
      lines.push(`      ${c('2', `source: ${t(r.source)}`)}`);
    }
  }
  if (diff.wording) lines.push(...formatWordingText(diff.wording, c));
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
      out.push(
        row([md(p.label), md(show(p.from, p.unit)), md(afterCell(p)), gainedCell(p), showTiers(p), walkAwayNote(p) ? `**${md(walkAwayNote(p))}**` : '']),
      );
    out.push('');
  }
  if (diff.product.length > 0) {
    out.push('#### Product evaluation', '', '| Field | Before | After |', '|---|---|---|');
    for (const p of diff.product) out.push(row([markdownCode(p.path, { inTable: true }), md(show(p.from)), md(show(p.to))]));
    out.push('');
  }
  if (diff.requirements.length > 0) {
    out.push('#### Required terms (risk rules)', '', '| Term | Demand | Rule | Before | After | Gained | Source |', '|---|---|---|---|---|---|---|');
    for (const r of diff.requirements)
      out.push(
        row([
          md(r.label),
          md(r.demand),
          markdownCode(r.ruleId, { inTable: true }),
          STATE_CELL[r.before],
          STATE_CELL[r.after],
          r.gained === 'neutral' ? 'neutral' : gainedCell(r),
          md(r.source),
        ]),
      );
    out.push('');
  }
  if (diff.wording) out.push(...formatWordingMarkdown(diff.wording));
  return out.join('\n');
}

/**
 * `3 positions moved: 2 toward the buyer, 1 toward the vendor; 1 entered walk-away; 1 risk requirement now unmet.`
 * then, when the diff has its wording, `; negotiated wording 1 added; 1 comment added`. Every count is of
 * rows printed below it.
 */
export function summaryLine(diff: PositionDiff): string {
  const wording = diff.wording ? wordingSummary(diff.wording) : '';
  const line = positionsLine(diff);
  return wording ? `${line.slice(0, -1)}; ${wording}.` : line;
}

function positionsLine(diff: PositionDiff): string {
  const s = diff.summary;
  const walk = [
    ...(s.walkAwayEntered ? [`${s.walkAwayEntered} entered walk-away`] : []),
    ...(s.walkAwayLeft ? [`${s.walkAwayLeft} left walk-away`] : []),
    ...(s.walkAwayDropped ? [`${s.walkAwayDropped} walk-away term${s.walkAwayDropped === 1 ? '' : 's'} dropped (review)`] : []),
  ];
  const rules = [...(s.requirementsUnmet ? [`${s.requirementsUnmet} now unmet`] : []), ...(s.requirementsMet ? [`${s.requirementsMet} now met`] : [])];
  const ruleText = rules.length ? `risk requirement${s.requirementsUnmet + s.requirementsMet === 1 ? '' : 's'}: ${rules.join(', ')}` : '';
  if (s.moved === 0) return ruleText ? `No positions moved; ${ruleText}.` : 'No positions moved.';
  const parts = [`${s.towardBuyer} toward the buyer`, `${s.towardVendor} toward the vendor`, ...(s.neutral ? [`${s.neutral} neutral`] : [])];
  const tail = [...(walk.length ? [walk.join(', ')] : []), ...(ruleText ? [ruleText] : [])];
  return `${s.moved} position${s.moved === 1 ? '' : 's'} moved: ${parts.join(', ')}${tail.map((x) => `; ${x}`).join('')}.`;
}

const STATE_CELL: Record<RequirementState, string> = { absent: 'not required', met: 'met', unmet: '**not met**' };
const SIGN: Record<RequirementChange['change'], string> = {
  added: '+ now required',
  dropped: '− no longer required',
  unmet: '✗ no longer met',
  met: '✓ now met',
};
const SIGN_COLOUR: Record<RequirementChange['change'], string> = { added: '33', dropped: '2', unmet: '31', met: '32' };

/** ` — NOT met, toward the vendor`, ` — met, toward the buyer`, ` — met`; nothing for a rule that stopped binding. */
function requirementOutcome(r: RequirementChange, c: ReturnType<typeof paint>): string {
  if (r.change === 'dropped') return '';
  const direction = r.gained === 'neutral' ? '' : `, toward the ${r.gained}`;
  return r.met ? ` — met${direction}` : c('31', ` — NOT met${direction}`);
}

const gainedCell = (p: { gained: PositionChange['gained'] }) => (p.gained === 'buyer' ? '🟢 buyer' : p.gained === 'vendor' ? '🔴 vendor' : 'neutral');
const afterCell = (p: PositionChange) => (Array.isArray(p.to) && Array.isArray(p.from) ? `${show(p.to)} (${showMove(p)})` : show(p.to, p.unit));
/** A table row of cells already escaped (or our own markup). */
const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
