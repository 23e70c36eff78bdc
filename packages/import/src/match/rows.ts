/**
 * The rows of a table outside the clauses (a cover-page row and the rows added after it), as the
 * counterparty left them: a row's label and added rows are wording no term explains, set apart from its
 * value cells; a cell's paragraphs stay apart; a template row an earlier round deleted may be back.
 */
import { CELL_BREAK, tableCells } from '@contracts/render';
import type { MarkupBlock } from '../docx/read-document.js';
import type { RegionProposal } from './align.js';
import type { Rendering } from './rendering.js';
import { blockWords } from './words.js';

/** A table row as the counterparty left it: its label and value apart, and the rows it added after it. */
export interface RowProposal {
  /** The label cell as they wrote it. */
  label: string;
  /** Whether they deleted the row itself. */
  deleted: boolean;
  /** Whether they emptied its value cells and kept its label: the entry then names the label, or `text: ''` would delete the row. */
  valueEmptied: boolean;
  /** The rows after it that were not the template's (added now, or in an earlier round), as they left them. */
  after: { label: string; text: string }[];
  /** The label changed, or rows after it were added or changed, against the base rendering. */
  edited: boolean;
  /**
   * The template's row, deleted in an earlier round (only the rows added after it printed), is back:
   * `first` where it belongs, before those rows (it is read as the template's row again, see
   * import-markup.ts); `elsewhere` below one of them, where the template's row cannot print.
   */
  readded?: 'first' | 'elsewhere';
}

/** Text on one line, whitespace runs as one space. */
export const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A cell's text as negotiated wording keeps it: each of its paragraphs flat, a blank line between them (render prints a line break there). */
const cellText = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map(flat)
    .filter(Boolean)
    // One that starts with a dash as `\- `: `- ` would mark a list item.
    .map((p) => (p.startsWith('- ') ? `\\${p}` : p))
    .join('\n\n');

/** The template's label of a row, from its key (`cover-page/Data return`, `cover-page/Term~2` for a second row so labelled). */
export const templateLabel = (key: string) => key.slice(key.indexOf('/') + 1).replace(/~\d+$/, '');

/**
 * Whether the counterparty put back a template row an earlier round deleted (whose region prints only
 * the rows added after it): the markup holds more rows with the template's label than the base prints
 * there. The one put back is the row tracked as inserted (else the first so labelled).
 */
function readdedRow(base: Rendering, region: string, blocks: readonly MarkupBlock[]): 'first' | 'elsewhere' | undefined {
  const label = blockWords(templateLabel(region.slice('paragraph:'.length))).join(' ');
  const labelled = (cell: string | undefined) => blockWords(cell ?? '').join(' ') === label;
  const printed = base.blocks.filter((b) => b.region === region && labelled(renderedCells(b.markdown)[0])).length;
  const candidates = blocks.flatMap((b, i) => (labelled(b.cells?.[0]) && blockWords(b.accepted).length > 0 ? [i] : []));
  if (candidates.length <= printed) return undefined;
  const inserted = candidates.find((i) => blocks[i]!.changes.some((c) => c.kind === 'insert' && c.text === ''));
  return (inserted ?? candidates[0]) === 0 ? 'first' : 'elsewhere';
}

/** A rendered row's cells as the reader sees them, each cell's paragraphs (the line breaks it prints between them) apart as in {@link cellText}. */
const renderedCells = (markdown: string) => tableCells(markdown.replaceAll(CELL_BREAK, '\uE000')).map((cell) => cellText(cell.split('\uE000').join('\n\n')));

/** The paragraph breaks inside a markup row's cells (each cell's paragraphs but its first). */
const cellBreaks = (cells: readonly string[]) => cells.reduce((n, cell) => n + Math.max(0, cellText(cell).split('\n\n').length - 1), 0);

/** A region that is one row of a table outside the clauses (a cover-page row), keyed by the template's label. */
export const isRowRegion = (base: Rendering, region: string) => region.startsWith('paragraph:') && base.blocks.find((b) => b.region === region)?.kind === 'row';

/**
 * A row's label and the rows added after it are wording no term value explains, so they are set apart:
 * the region's proposal reads as the base's label and added rows with the counterparty's value cells,
 * and a value in the row is read back as usual while the label they wrote (or the rows they added)
 * is kept as negotiated wording. Its first row in the markup is the template's row (unless an earlier round
 * deleted it: `addedRowsOnly`); the rest were added.
 */
export function rowProposal(base: Rendering, proposal: RegionProposal, blocks: MarkupBlock[], restored: boolean): void {
  // Where an earlier round deleted the template's row and kept the rows it added after it, every row here is one of those.
  const ownPrinted = !base.addedRowsOnly.has(proposal.region);
  const readded = ownPrinted ? undefined : readdedRow(base, proposal.region, blocks);
  const own = ownPrinted ? blocks[0] : undefined;
  const added = ownPrinted ? blocks.slice(1) : blocks;
  const baseBlocks = base.blocks.filter((b) => b.region === proposal.region);
  const baseCells = baseBlocks.map((b) => renderedCells(b.markdown));
  const printedLabel = ownPrinted ? blockWords(baseCells[0]?.[0] ?? '') : [];
  const baseAfter = baseCells.slice(ownPrinted ? 1 : 0).map((cells) => ({ label: cells[0] ?? '', text: cellText(cells.slice(1).join(' ')) }));
  const deleted = own === undefined || blockWords(own.accepted).length === 0;
  const label = cellText(own?.cells?.[0] ?? '');
  const values = cellText(own?.cells?.slice(1).join(' ') ?? '');
  const after = added
    .filter((b) => blockWords(b.accepted).length > 0)
    .map((b) => ({ label: cellText(b.cells?.[0] ?? ''), text: cellText(b.cells?.slice(1).join(' ') ?? '') }));
  // Words and the paragraphs they fall into: a paragraph added inside a cell with no new words still reshapes it.
  const words = (rows: { label: string; text: string }[]) =>
    rows
      .map((r) =>
        [r.label, r.text]
          .map((cell) =>
            cell
              .split('\n\n')
              .map((p) => blockWords(p).join(' '))
              .join(' ¶ '),
          )
          .join(' '),
      )
      .join(' | ');
  const labelEdited = !deleted && blockWords(label).join(' ') !== printedLabel.join(' ');
  proposal.proposed.push(...(deleted ? [] : [...printedLabel, ...blockWords(values)]), ...baseBlocks.slice(ownPrinted ? 1 : 0).flatMap((b) => b.words));
  if (!deleted && values !== '') proposal.paragraphs.push(values);
  if (own && !deleted) proposal.reshaped = cellBreaks(own.cells ?? []) !== cellBreaks(baseCells[0] ?? []);
  proposal.row = {
    label,
    deleted,
    valueEmptied: !deleted && blockWords(values).length === 0,
    after,
    edited: labelEdited || words(after) !== words(baseAfter),
    ...(readded !== undefined ? { readded } : {}),
  };
  if (restored && own) {
    // The row put back is theirs to answer for: its insertion (a tracked row carries no text of its own) attributes it.
    proposal.row.readded = 'first';
    proposal.changes.push(...own.changes.filter((c) => c.text.trim() === ''));
  }
}
