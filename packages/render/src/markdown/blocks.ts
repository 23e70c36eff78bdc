/**
 * Block-level pandoc Markdown as the clause library and the redline emit it: ATX headings (with
 * `{#id}`), paragraphs, bullet and ordered lists (one level, tight), pipe tables, and fenced divs
 * `::: {#id}` (nested). Every line belongs to exactly one block; what pandoc would read otherwise is
 * for subset.ts to find.
 */
import { parseAttributes, parseInlines } from './inlines.js';
import type { Alignment, Attributes, Block, InlineText } from './syntax.js';

export const HEADING = /^(#{1,6})\s+(.*?)(?:\s+\{#([A-Za-z][\w.:-]*)\})?\s*$/;
export const FENCE_OPEN = /^(:{3,})\s*(\{.*\}|[A-Za-z][\w-]*)\s*:*\s*$/;
export const FENCE_CLOSE = /^:{3,}\s*$/;
export const BULLET = /^[-*+] /;
export const ORDERED = /^\d{1,9}[.)] /;
export const TABLE_RULE = /^\|[\s:|-]+\|\s*$/;

/** True for a line that starts a block of its own (and so ends a paragraph). */
export const startsBlock = (line: string): boolean => HEADING.test(line) || FENCE_OPEN.test(line) || FENCE_CLOSE.test(line);

const text = (source: string, line: number): InlineText => ({ source, inlines: parseInlines(source), line });

/** The cells of a pipe-table row, trimmed, escapes kept (`\|` is a literal bar inside a cell). */
export function splitRow(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  const body = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  for (let j = 0; j < body.length; j++) {
    if (body[j] === '\\' && j + 1 < body.length) cell += body[j]! + body[++j]!;
    else if (body[j] === '|') {
      cells.push(cell.trim());
      cell = '';
    } else cell += body[j];
  }
  cells.push(cell.trim());
  return cells;
}

function alignmentOf(rule: string): Alignment {
  if (rule.endsWith(':')) return rule.startsWith(':') ? 'center' : 'right';
  return rule.startsWith(':') ? 'left' : 'default';
}

/** Parses lines[from…] as blocks until the end or, inside a div, its closing fence. */
class BlockParser {
  i = 0;
  constructor(private readonly lines: string[]) {}

  blocks(inDiv: boolean): { blocks: Block[]; closed: boolean } {
    const out: Block[] = [];
    const { lines } = this;
    while (this.i < lines.length) {
      const line = lines[this.i]!;
      const lineNo = this.i + 1;
      const heading = HEADING.exec(line);
      const fence = FENCE_OPEN.exec(line);
      if (line.trim() === '') this.i++;
      else if (inDiv && FENCE_CLOSE.test(line)) {
        this.i++;
        return { blocks: out, closed: true };
      } else if (fence) {
        const attributes: Attributes = (fence[2]!.startsWith('{') ? parseAttributes(fence[2]!, 0)?.attributes : { classes: [fence[2]!], pairs: [] }) ?? {
          classes: [],
          pairs: [],
        };
        this.i++;
        const inner = this.blocks(true);
        out.push({ kind: 'div', attributes, children: inner.blocks, line: lineNo, closed: inner.closed });
      } else if (heading) {
        this.i++;
        out.push({ kind: 'heading', level: heading[1]!.length, ...(heading[3] ? { id: heading[3] } : {}), text: text(heading[2]!, lineNo) });
      } else if (line.startsWith('|') && TABLE_RULE.test(lines[this.i + 1] ?? '')) out.push(this.table());
      else if (BULLET.test(line) || ORDERED.test(line)) out.push(this.list(BULLET.test(line) ? BULLET : ORDERED));
      else {
        const para: string[] = [];
        while (this.i < lines.length && lines[this.i]!.trim() !== '' && (para.length === 0 || !startsBlock(lines[this.i]!))) para.push(lines[this.i++]!);
        out.push({ kind: 'para', text: text(para.join('\n'), lineNo) });
      }
    }
    return { blocks: out, closed: false };
  }

  private table(): Block {
    const { lines } = this;
    const line = this.i + 1;
    const head = splitRow(lines[this.i]!).map((c) => text(c, line));
    const separator = splitRow(lines[this.i + 1]!);
    const start = this.i;
    this.i += 2;
    const rows: InlineText[][] = [];
    while (this.i < lines.length && lines[this.i]!.startsWith('|')) {
      const row = this.i + 1;
      rows.push(splitRow(lines[this.i++]!).map((c) => text(c, row)));
    }
    const width = Math.max(...lines.slice(start, this.i).map((l) => [...l].length));
    return { kind: 'table', aligns: separator.map(alignmentOf), separator, head, rows, line, width };
  }

  private list(marker: RegExp): Block {
    const { lines } = this;
    const line = this.i + 1;
    const items: { source: string; line: number }[] = [];
    const markers: string[] = [];
    while (this.i < lines.length && lines[this.i]!.trim() !== '' && !startsBlock(lines[this.i]!)) {
      const current = lines[this.i]!;
      if (marker.test(current)) {
        markers.push(marker.exec(current)![0]);
        items.push({ source: current.replace(marker, ''), line: this.i + 1 });
      } else items[items.length - 1]!.source += `\n${current.trim()}`;
      this.i++;
    }
    const ordered = marker === ORDERED;
    return { kind: 'list', ordered, start: ordered ? Number(/^\d+/.exec(markers[0]!)![0]) : 1, markers, items: items.map((t) => text(t.source, t.line)), line };
  }
}

/** The library's Markdown → blocks. Divs left open at the end close there (`closed: false`). */
export function parseBlocks(markdown: string): Block[] {
  return new BlockParser(markdown.replace(/\r\n?/g, '\n').split('\n')).blocks(false).blocks;
}
