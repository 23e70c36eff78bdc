/**
 * The two rounds as the redline aligned them, in the DOCX writer's model. Each round's anchored
 * Markdown is rebuilt from the redline's blocks (`reconstruct`: the text the structure-anchored diff
 * read, block by block), so the line each block starts on is known on both sides; the writer's model
 * of that Markdown records the line every paragraph and table row came from. A block and the
 * paragraph or row written from it therefore meet by line, and the redline's own alignment (clauses
 * by key, moves, paragraphs paired by similarity) decides which paragraphs and rows the DOCX pairs.
 */
import type { BodyItem, DocxModel, ParagraphItem, TableItem, TableRow } from '@contracts/render';
import { reconstruct, type RedlineBlock } from '../redline/index.js';

/** A paragraph or a table row of one round, with the bookmarks that stand between it and the previous one. */
export type Unit = { marks: string[] } & ({ kind: 'paragraph'; paragraph: ParagraphItem } | { kind: 'row'; table: TableItem; row: TableRow });

/** One round: its Markdown (anchored, as `render --to docx` renders it) and the line each block starts on. */
export interface RoundSource {
  markdown: string;
  /** Per redline block, its first line in `markdown`; undefined for a block the round does not have. */
  starts: (number | undefined)[];
}

/** A round rebuilt from the redline's blocks (see the module comment). */
export function roundSource(blocks: readonly RedlineBlock[], side: 'old' | 'new'): RoundSource {
  const absent = side === 'new' ? 'delete' : 'insert';
  const starts: (number | undefined)[] = [];
  let last = 0; // the line the previous block ends on
  for (const block of blocks) {
    if (block.kind === absent) {
      starts.push(undefined);
      continue;
    }
    const start = last === 0 ? 1 : last + ((side === 'new' ? block.blankBefore : block.oldBlankBefore) ? 2 : 1);
    starts.push(start);
    let newlines = (side === 'new' ? block.prefix : block.oldPrefix).split('\n').length - 1;
    for (const op of block.ops) if (op.kind !== absent) newlines += (side === 'old' ? (op.oldText ?? op.text) : op.text).split('\n').length - 1;
    last = start + newlines;
  }
  return { markdown: reconstruct(blocks, side), starts };
}

/** A round's paragraphs and rows in order, by the line they were written from, and the bookmarks after the last. */
export interface RoundUnits {
  units: Unit[];
  byLine: Map<number, Unit>;
  trailing: string[];
}

export function roundUnits(model: DocxModel): RoundUnits {
  const units: Unit[] = [];
  let marks: string[] = [];
  const add = (unit: Unit) => {
    units.push(unit);
    marks = [];
  };
  for (const item of model.body as BodyItem[]) {
    if (item.kind === 'mark') marks.push(item.xml);
    else if (item.kind === 'paragraph') add({ kind: 'paragraph', paragraph: item, marks });
    else if (item.kind === 'table') for (const row of item.rows) add({ kind: 'row', table: item, row, marks });
  }
  return { units, byLine: new Map(units.map((u) => [u.kind === 'row' ? u.row.line : u.paragraph.line, u])), trailing: marks };
}

/** One step of the tracked document: a unit of both rounds (equal or edited), of the earlier only (deleted) or of the later only (inserted). */
export type Step = { old: Unit; new: Unit } | { old: Unit; new?: undefined } | { old?: undefined; new: Unit };

/** Whether two units can be one edited unit: paragraphs, or rows of as many cells. */
const pairable = (a: Unit, b: Unit) => (a.kind === 'row' ? b.kind === 'row' && a.row.cells.length === b.row.cells.length : b.kind === 'paragraph');

/**
 * The redline's blocks as steps over the rounds' units, in reading order; undefined when a paragraph or
 * row of either round is not the start of one block (Markdown the two readers split differently).
 */
export function alignUnits(blocks: readonly RedlineBlock[], sources: [RoundSource, RoundSource], rounds: [RoundUnits, RoundUnits]): Step[] | undefined {
  const [before, after] = rounds;
  const steps: Step[] = [];
  let seenOld = 0;
  let seenNew = 0;
  blocks.forEach((_, i) => {
    const oldStart = sources[0].starts[i];
    const newStart = sources[1].starts[i];
    const old = oldStart === undefined ? undefined : before.byLine.get(oldStart);
    const neu = newStart === undefined ? undefined : after.byLine.get(newStart);
    if (old) seenOld++;
    if (neu) seenNew++;
    if (old && neu && pairable(old, neu)) steps.push({ old, new: neu });
    else {
      if (old) steps.push({ old });
      if (neu) steps.push({ new: neu });
    }
  });
  return seenOld === before.units.length && seenNew === after.units.length ? steps : undefined;
}
