/**
 * Blocks → the body of `word/document.xml`, as pandoc's DOCX writer lays them out: headings in the
 * reference document's "Heading n" styles, the first paragraph after a heading or list in "First
 * Paragraph" and the others in "Body Text", list items and table cells in "Compact", a heading with
 * an id a bookmark over its whole section (to the next heading of its level or higher), a div with
 * an id a bookmark over its blocks, pipe tables in the "Table" style with pandoc's column widths.
 * The body is model items (model.ts), each paragraph and row with the source line it came from.
 */
import type { Alignment, Block, InlineText } from '../markdown/syntax.js';
import type { BodyItem, ParagraphItem, TableRow } from './model.js';
import type { ListMarker } from './numbering.js';
import { RunWriter, type RunContext } from './runs.js';
import { typeset, type WordInline } from './typography.js';
import { escapeXml } from './xml.js';

export interface BodyContext extends RunContext {
  /** Style id of a paragraph style, by its name (`Heading 1`, `First Paragraph`). */
  paraStyle(name: string): string;
}

/** pandoc's text width for table columns (5.5 in, in twentieths of a point) and its Markdown reader's line width. */
const TEXT_WIDTH = 7920;
const COLUMNS = 72;

type Table = Extract<Block, { kind: 'table' }>;

/** pandoc's `headerLtEq`: a heading of `level` or higher ends a section, and so does a div that starts with one. */
const endsSection = (block: Block | undefined, level: number): boolean =>
  block?.kind === 'heading' ? block.level <= level : block?.kind === 'div' && endsSection(block.children[0], level);

export class BodyWriter {
  private readonly out: BodyItem[] = [];
  private firstPara = true;
  /** The marker of every list, in document order (list n has numId 1000 + n). */
  readonly lists: ListMarker[] = [];

  constructor(private readonly context: BodyContext) {}

  private paragraph(style: string, inlines: readonly WordInline[], line: number, extra: { list?: number; jc?: string } = {}): ParagraphItem {
    return { kind: 'paragraph', style: this.context.paraStyle(style), ...extra, runs: new RunWriter(this.context).write(inlines).done(), line };
  }

  private bookmark(id: string | undefined, write: () => void): void {
    if (!id) {
      write();
      return;
    }
    const n = this.context.nextBookmarkId();
    this.out.push({ kind: 'mark', xml: `<w:bookmarkStart w:id="${n}" w:name="${escapeXml(id)}" />` });
    write();
    this.out.push({ kind: 'mark', xml: `<w:bookmarkEnd w:id="${n}" />` });
  }

  /** Writes `list[from, to)`; a heading takes the blocks of its section with it. */
  blocks(list: readonly Block[], from = 0, to = list.length): this {
    for (let i = from; i < to; ) {
      const block = list[i]!;
      // Word joins adjacent tables unless a paragraph separates them (pandoc #4315).
      if (block.kind === 'table' && i > from && list[i - 1]!.kind === 'table') this.out.push({ kind: 'spacer' });
      if (block.kind === 'heading') {
        let end = i + 1;
        while (end < to && !endsSection(list[end], block.level)) end++;
        this.bookmark(block.id, () => {
          this.firstPara = true;
          this.out.push(this.paragraph(`Heading ${block.level}`, typeset(block.text.inlines), block.text.line));
          this.blocks(list, i + 1, end);
        });
        i = end;
        continue;
      }
      this.block(block);
      i++;
    }
    return this;
  }

  private block(block: Exclude<Block, { kind: 'heading' }>): void {
    switch (block.kind) {
      case 'para': {
        const inlines = typeset(block.text.inlines);
        if (inlines.length === 0) return;
        this.out.push(this.paragraph(this.firstPara ? 'First Paragraph' : 'Body Text', inlines, block.text.line));
        this.firstPara = false;
        return;
      }
      case 'div': {
        // A div that is one section (its heading carries the same id) is one bookmark, as in pandoc.
        const [first, ...rest] = block.children;
        const merged = first?.kind === 'heading' && first.id === block.attributes.id && rest.every((b) => b.kind !== 'heading' || b.level > first.level);
        const children = merged ? [{ ...first, id: undefined } as Block, ...rest] : block.children;
        this.bookmark(block.attributes.id, () => this.blocks(children));
        return;
      }
      case 'list':
        this.list(block);
        return;
      case 'table':
        this.table(block);
    }
  }

  private list(block: Extract<Block, { kind: 'list' }>): void {
    const marker: ListMarker = { ordered: block.ordered, delimiter: block.markers[0]!.includes(')') ? ')' : '.', start: block.start };
    const list = this.lists.push(marker) - 1;
    for (const item of block.items) {
      const inlines = typeset(item.inlines);
      if (inlines.length === 0) continue;
      this.out.push(this.paragraph('Compact', inlines, item.line, { list }));
    }
    this.firstPara = true;
  }

  private table(block: Table): void {
    const columns = block.separator.length;
    const fit = (row: readonly InlineText[]) => Array.from({ length: columns }, (_, j) => typeset(row[j]?.inlines ?? []));
    const head = fit(block.head);
    const rows = block.rows.map(fit);
    const hasHeader = head.some((cell) => cell.length > 0);
    // Column widths in pandoc's arithmetic (doubles, floored): relative to the rule's dashes when a line is wide.
    const widths = block.width > COLUMNS ? block.separator.map((s) => s.length) : undefined;
    const total = widths?.reduce((a, b) => a + b, 0) ?? 0;
    const grid = widths
      ? widths.map((w) => `<w:gridCol w:w="${Math.floor(TEXT_WIDTH * (w / total))}" />`).join('')
      : `<w:gridCol w:w="${Math.floor(TEXT_WIDTH * (1 / columns))}" />`.repeat(columns);
    const tblPr = [
      '<w:tblStyle w:val="Table" />',
      widths ? '<w:tblW w:type="pct" w:w="5000" />' : '<w:tblW w:type="auto" w:w="0" />',
      widths ? '<w:tblLayout w:type="fixed" />' : '',
      `<w:tblLook w:firstRow="${hasHeader ? 1 : 0}" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="0" w:val="${hasHeader ? '0020' : '0000'}" />`,
    ].join('');
    this.firstPara = true;
    const row = (cells: WordInline[][], header: boolean, line: number): TableRow => ({
      header,
      cells: cells.map((cell, j) => this.cell(cell, block.aligns[j]!, line)),
      line,
    });
    const lineOf = (r: number) => block.rows[r]?.[0]?.line ?? block.line + 2 + r;
    const body = [...(hasHeader ? [row(head, true, block.line)] : []), ...rows.map((r, k) => row(r, false, lineOf(k)))];
    this.out.push({ kind: 'table', props: `<w:tblPr>${tblPr}</w:tblPr><w:tblGrid>${grid}</w:tblGrid>`, rows: body });
  }

  private cell(inlines: WordInline[], align: Alignment, line: number): ParagraphItem {
    if (inlines.length === 0) return { kind: 'paragraph', style: this.context.paraStyle('Compact'), runs: [], line };
    this.firstPara = false;
    return this.paragraph('Compact', inlines, line, align === 'default' ? {} : { jc: align });
  }

  /** The body written so far, as model items. */
  items(): readonly BodyItem[] {
    return this.out;
  }
}
