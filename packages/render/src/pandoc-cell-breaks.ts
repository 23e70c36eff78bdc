/**
 * Pandoc reads our Markdown with raw attributes off (pandoc-options.ts), so the hard line break a
 * table cell prints between its paragraphs (`CELL_BREAK`, raw HTML and raw OOXML, which the built-in
 * converters read) would reach pandoc as two code spans. A pipe-table row is one line and holds no
 * break of pandoc's own, so a table holding one goes to pandoc as the same table written as a grid
 * table, whose cells span lines: each break a trailing `\`, the columns as wide as the pipe table's
 * rule makes them (in proportion, wider than pandoc's 72 columns so the proportions are the widths).
 */
import { splitRow } from './markdown/blocks.js';
import { CELL_BREAK } from './markdown/inlines.js';

const RULE = /^\|(?:\s*:?-+:?\s*\|)+\s*$/;

/** `markdown` with every pipe table that holds a cell break written as a grid table; unchanged when none does. */
export function withGridTablesForPandoc(markdown: string): string {
  if (!markdown.includes(CELL_BREAK)) return markdown;
  const lines = markdown.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    if (!(lines[i]!.startsWith('|') && RULE.test(lines[i + 1] ?? ''))) {
      out.push(lines[i++]!);
      continue;
    }
    let end = i + 2;
    while (end < lines.length && lines[end]!.startsWith('|')) end++;
    const table = lines.slice(i, end);
    out.push(...(table.some((l) => l.includes(CELL_BREAK)) ? gridTable(table) : table));
    i = end;
  }
  return out.join('\n');
}

/** Display columns, as pandoc counts them to find a grid cell's edges (East Asian wide characters take two). */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
const widthOf = (text: string) => [...text].reduce((n, ch) => n + (/\p{M}/u.test(ch) ? 0 : WIDE.test(ch) ? 2 : 1), 0);

/** A cell line pandoc would read as a block's start (a list, a heading, a quote…) gets its mark escaped. */
const literalStart = (line: string) => line.replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2').replace(/^([-+*#>:=~|])/, '\\$1');

/** A cell's Markdown as lines of at most `width` columns: broken at spaces (never an escaped one), each break a trailing `\`. */
function cellLines(cell: string, width: number): string[] {
  const out: string[] = [];
  cell.split(CELL_BREAK).forEach((part, k, parts) => {
    const words = literalStart(part.trim()).split(/(?<!\\) +/);
    let line = '';
    for (const word of words) {
      // A word that would start a line as a block's mark stays on the line before.
      if (line !== '' && widthOf(`${line} ${word}`) > width && literalStart(word) === word) {
        out.push(line);
        line = word;
      } else line = line === '' ? word : `${line} ${word}`;
    }
    out.push(k < parts.length - 1 ? `${line}\\` : line);
  });
  return out;
}

function gridTable(table: readonly string[]): string[] {
  const [header, rule, ...body] = table;
  const rules = splitRow(rule!);
  const rows = [splitRow(header!), ...body.map(splitRow)];
  const dashes = rules.map((r) => Math.max(1, r.replace(/[^-]/g, '').length));
  const total = dashes.reduce((a, b) => a + b, 0);
  // Each column at least as wide as its longest unbreakable stretch, the whole wider than 72 columns.
  const longest = rules.map((_, c) =>
    Math.max(3, ...rows.map((r) => Math.max(0, ...(r[c] ?? '').split(CELL_BREAK).flatMap((p) => p.split(/(?<!\\) +/).map((w) => widthOf(w) + 1))))),
  );
  const scale = Math.max(100 / total, ...longest.map((w, c) => w / dashes[c]!));
  const wrapAt = dashes.map((d) => Math.ceil(d * scale));
  const wrapped = rows.map((cells) => wrapAt.map((w, c) => cellLines(cells[c] ?? '', w)));
  // A line kept long (a word that must not start one) widens its column.
  const widths = wrapAt.map((w, c) => Math.max(w, ...wrapped.flatMap((r) => r[c]!.map(widthOf))));
  const line = (fill: string, aligned: boolean) =>
    `+${widths
      .map((w, c) => {
        const r = rules[c]!;
        const left = aligned && r.startsWith(':') ? ':' : fill;
        const right = aligned && r.endsWith(':') ? ':' : fill;
        return `${left}${fill.repeat(w)}${right}`;
      })
      .join('+')}+`;
  const rowLines = (columns: readonly string[][]) => {
    const height = Math.max(...columns.map((c) => c.length));
    return Array.from(
      { length: height },
      (_, k) => `|${columns.map((col, c) => ` ${col[k] ?? ''}${' '.repeat(widths[c]! - widthOf(col[k] ?? ''))} `).join('|')}|`,
    );
  };
  const [head, ...rest] = wrapped;
  return [line('-', false), ...rowLines(head!), line('=', true), ...rest.flatMap((r) => [...rowLines(r), line('-', false)])];
}
