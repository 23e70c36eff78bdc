/**
 * The built-in writer's intermediate model of a document body, and its one serialisation: paragraphs
 * (headings, list items and table cells are paragraphs too) carrying their runs, tables of rows, and the
 * bookmarks between blocks. body.ts and runs.ts build it; `bodyXml` writes exactly what the writer
 * writes. It is public so that a redline can align two documents block by block and write the later
 * one with tracked changes (`@contracts/diff`), with the same XML for everything that did not change.
 */
import { escapeXml } from './xml.js';

/** One piece of a paragraph's content, in order. Only `text` and `break` carry characters. */
export type RunItem =
  /** Text of one formatting: `props` is the run's `<w:rPr>…</w:rPr>` (or empty); `deleted` inside a `.deletion` span. */
  | { kind: 'text'; text: string; props: string; deleted?: true }
  | { kind: 'break' }
  /** The start tag of a `w:hyperlink`, or of a `w:ins`/`w:del` written for an `.insertion`/`.deletion` span. */
  | { kind: 'open'; xml: string }
  | { kind: 'close'; xml: string }
  /** A `w:bookmarkStart` or `w:bookmarkEnd`. */
  | { kind: 'mark'; xml: string };

/** A paragraph, heading, list item or table cell. */
export interface ParagraphItem {
  kind: 'paragraph';
  /** Paragraph style id. */
  style: string;
  /** Index of its list in the document's lists (numId 1001 + list), for a list item. */
  list?: number;
  /** `w:jc` value, for an aligned table cell. */
  jc?: string;
  runs: RunItem[];
  /** 1-based source line of the Markdown it was written from. */
  line: number;
}

export interface TableRow {
  header: boolean;
  /** One paragraph per cell (an empty cell: a paragraph without runs). */
  cells: ParagraphItem[];
  /** 1-based source line of the row. */
  line: number;
}

export interface TableItem {
  kind: 'table';
  /** `<w:tblPr>…</w:tblPr><w:tblGrid>…</w:tblGrid>`. */
  props: string;
  rows: TableRow[];
}

/** A block of the body: a paragraph, a table, a bookmark between blocks, or the empty paragraph Word needs between two tables. */
export type BodyItem = ParagraphItem | TableItem | { kind: 'mark'; xml: string } | { kind: 'spacer' };

/** The numbering of list `list` (numId 1001 + list). */
export const numPrXml = (list: number): string => `<w:numPr><w:ilvl w:val="0" /><w:numId w:val="${1001 + list}" /></w:numPr>`;

/** A paragraph's `w:pPr`; `mark` goes last (a tracked paragraph mark: `<w:rPr><w:ins …/></w:rPr>`). */
export function pPrXml(p: Pick<ParagraphItem, 'style' | 'list' | 'jc'>, mark = ''): string {
  const numPr = p.list === undefined ? '' : numPrXml(p.list);
  const jc = p.jc ? `<w:jc w:val="${p.jc}" />` : '';
  return `<w:pPr><w:pStyle w:val="${escapeXml(p.style)}" />${numPr}${jc}${mark}</w:pPr>`;
}

/** One run of text; `deleted` writes it as `w:delText`, as a tracked deletion must. */
export function textRunXml(text: string, props: string, deleted = false): string {
  const tag = deleted ? 'w:delText' : 'w:t';
  return `<w:r>${props}<${tag} xml:space="preserve">${escapeXml(text)}</${tag}></w:r>`;
}

export const BREAK_RUN = '<w:r><w:br /></w:r>';

/** Runs as the writer writes them. */
export function runsXml(runs: readonly RunItem[]): string {
  let xml = '';
  for (const run of runs) {
    if (run.kind === 'text') xml += textRunXml(run.text, run.props, run.deleted);
    else if (run.kind === 'break') xml += BREAK_RUN;
    else xml += run.xml;
  }
  return xml;
}

export const paragraphXml = (p: ParagraphItem): string => `<w:p>${pPrXml(p)}${runsXml(p.runs)}</w:p>`;

/** A table row from its cells' paragraphs (written); `change` goes in `w:trPr` after `w:tblHeader` (a tracked row). */
export function rowXml(row: Pick<TableRow, 'header'>, cells: readonly string[], change = ''): string {
  const trPr = row.header || change ? `<w:trPr>${row.header ? '<w:tblHeader w:val="on" />' : ''}${change}</w:trPr>` : '';
  return `<w:tr>${trPr}${cells.map((p) => `<w:tc><w:tcPr />${p}</w:tc>`).join('')}</w:tr>`;
}

export const tableXml = (table: Pick<TableItem, 'props'>, rows: readonly string[]): string => `<w:tbl>${table.props}${rows.join('')}</w:tbl>`;

/** The body as the writer writes it (without the section properties). */
export function bodyXml(items: readonly BodyItem[]): string {
  let xml = '';
  for (const item of items) {
    if (item.kind === 'paragraph') xml += paragraphXml(item);
    else if (item.kind === 'table')
      xml += tableXml(
        item,
        item.rows.map((row) => rowXml(row, row.cells.map(paragraphXml))),
      );
    else if (item.kind === 'mark') xml += item.xml;
    else xml += '<w:p />';
  }
  return xml;
}
