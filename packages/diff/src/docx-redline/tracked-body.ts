/**
 * The later round's body with the earlier round's differences tracked, step by step (units.ts): a unit
 * of both rounds is the later one with its word changes tracked; an inserted paragraph has its
 * paragraph mark tracked too (`w:pPr/w:rPr/w:ins`), and a deleted one is the earlier round's with its
 * mark deleted, so accepting or rejecting all changes removes the paragraph itself, not just its text.
 * Rows are tracked in `w:trPr`. A deleted row sits in the table of the later round that its table
 * became (rows of it were kept), a deleted list item in the list its list became, else in a list of
 * its own with the earlier round's numbering. Bookmarks are the later round's, where it has them.
 */
import { pPrXml, rowXml, tableXml, type ListMarker, type ParagraphItem, type RunItem, type TableItem } from '@contracts/render';
import { Interner } from '../redline/tokenize.js';
import { ChangeMarks, trackedRuns } from './tracked-runs.js';
import type { RoundUnits, Step, Unit } from './units.js';

export interface TrackedBody {
  /** The body of `word/document.xml`, without the section properties. */
  xml: string;
  /** The markers of the lists its numIds (1001…) stand for: the later round's, then those only deleted items had. */
  lists: ListMarker[];
}

/** Writes `steps` (see the module comment); `lists` are each round's list markers. */
export function trackedBody(
  steps: readonly Step[],
  later: RoundUnits,
  lists: [readonly ListMarker[], readonly ListMarker[]],
  by: { author: string; date: string },
): TrackedBody {
  const marks = new ChangeMarks(by);
  const words = new Interner();
  const listOf = new Map<number, number>();
  const tableOf = new Map<TableItem, TableItem>();
  for (const { old, new: neu } of steps) {
    if (old?.kind === 'row' && neu?.kind === 'row' && !tableOf.has(old.table)) tableOf.set(old.table, neu.table);
    const [a, b] = [old?.kind === 'paragraph' ? old.paragraph.list : undefined, neu?.kind === 'paragraph' ? neu.paragraph.list : undefined];
    if (a !== undefined && b !== undefined && !listOf.has(a)) listOf.set(a, b);
  }
  const allLists = [...lists[1]];
  const listFor = (list: number) => {
    if (!listOf.has(list)) listOf.set(list, allLists.push(lists[0][list]!) - 1);
    return listOf.get(list)!;
  };

  let xml = '';
  let table: { key: TableItem; rows: string[] } | undefined;
  let afterTable = false; // Word joins two tables that no paragraph separates
  const closeTable = () => {
    if (!table) return;
    xml += tableXml(table.key, table.rows);
    table = undefined;
    afterTable = true;
  };
  const paragraph = (p: string) => {
    closeTable();
    xml += p;
    afterTable = false;
  };
  const tableKey = (unit: Extract<Unit, { kind: 'row' }>, deleted: boolean) => (deleted ? (tableOf.get(unit.table) ?? unit.table) : unit.table);
  const row = (key: TableItem, written: string) => {
    if (table?.key !== key) {
      closeTable();
      if (afterTable) xml += '<w:p />';
      table = { key, rows: [] };
    }
    table.rows.push(written);
  };
  const bookmarks = (unit: Unit) => {
    if (unit.marks.length === 0) return;
    if (unit.kind === 'row' && table?.key === unit.table) table.rows.push(...unit.marks);
    else {
      closeTable();
      xml += unit.marks.join('');
    }
  };
  const cell = (before: readonly RunItem[], p: ParagraphItem, mark = '') => `<w:p>${pPrXml(p, mark)}${trackedRuns(before, p.runs, words, marks)}</w:p>`;
  const paragraphMark = (kind: 'ins' | 'del') => `<w:rPr>${marks.mark(kind)}</w:rPr>`;

  for (const { old, new: neu } of steps) {
    if (neu) bookmarks(neu);
    if (old && neu) {
      if (old.kind === 'paragraph' && neu.kind === 'paragraph') paragraph(cell(old.paragraph.runs, neu.paragraph));
      else if (old.kind === 'row' && neu.kind === 'row')
        row(
          neu.table,
          rowXml(
            neu.row,
            neu.row.cells.map((c, k) => cell(old.row.cells[k]!.runs, c)),
          ),
        );
    } else if (neu) {
      if (neu.kind === 'paragraph') paragraph(cell([], neu.paragraph, paragraphMark('ins')));
      else
        row(
          neu.table,
          rowXml(
            neu.row,
            neu.row.cells.map((c) => cell([], c)),
            marks.mark('ins'),
          ),
        );
    } else if (old) {
      if (old.kind === 'paragraph') {
        const { list, ...p } = old.paragraph;
        const emptied: ParagraphItem = { ...p, runs: [], ...(list === undefined ? {} : { list: listFor(list) }) };
        paragraph(cell(old.paragraph.runs, emptied, paragraphMark('del')));
      } else
        row(
          tableKey(old, true),
          rowXml(
            old.row,
            old.row.cells.map((c) => cell(c.runs, { ...c, runs: [] })),
            marks.mark('del'),
          ),
        );
    }
  }
  closeTable();
  xml += later.trailing.join('');
  return { xml, lists: allLists };
}
