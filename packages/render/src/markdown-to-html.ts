/**
 * The one Markdown → HTML converter, for exactly the pandoc Markdown the clause library and the
 * redline emit: ATX headings (with `{#id}`), paragraphs, bullet and ordered lists, pipe tables,
 * fenced divs `::: {#id}` (nested), and the inline subset of html-inline.ts (spans, `<ins>`/`<del>`,
 * strong, emphasis, code, safe links). It exists so that rendering HTML never waits for a pandoc
 * process or the pandoc-wasm start-up, and gives the same bytes on every machine; a differential
 * test holds it to pandoc's own HTML. Anything outside the subset comes out as literal, escaped
 * text — never as markup.
 */
import { fromMarkdownId } from './anchors.js';
import { escapeHtml } from './escape-html.js';
import { elementFor, inlineToHtml, parseAttributes, plainText } from './html-inline.js';

/** pandoc's auto identifier: lowercase, punctuation dropped, spaces → hyphens, from the first letter. */
function autoId(text: string, used: Set<string>): string {
  const base =
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_.-]/gu, '')
      .trim()
      .replace(/\s+/g, '-')
      .replace(/^[^\p{L}]+/u, '') || 'section';
  let id = base;
  for (let n = 1; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

function splitRow(line: string): string[] {
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

const inline = (text: string) => inlineToHtml(text, fromMarkdownId);

function tableToHtml(rows: string[]): string {
  const head = splitRow(rows[0]!);
  const aligns = splitRow(rows[1]!).map((s) => (s.endsWith(':') ? (s.startsWith(':') ? 'center' : 'right') : 'left'));
  const cell = (tag: string, text: string, j: number) => `<${tag} style="text-align: ${aligns[j] ?? 'left'};">${inline(text)}</${tag}>`;
  const body = rows.slice(2).map(
    (r) =>
      `<tr>\n${splitRow(r)
        .map((c, j) => cell('td', c, j))
        .join('\n')}\n</tr>`,
  );
  return `<table>\n<thead>\n<tr>\n${head.map((c, j) => cell('th', c, j)).join('\n')}\n</tr>\n</thead>\n<tbody>\n${body.join('\n')}\n</tbody>\n</table>`;
}

const HEADING = /^(#{1,6})\s+(.*?)(?:\s+\{#([A-Za-z][\w.:-]*)\})?\s*$/;
const FENCE_OPEN = /^(:{3,})\s*(\{.*\}|[A-Za-z][\w-]*)\s*:*\s*$/;
const FENCE_CLOSE = /^:{3,}\s*$/;
const BULLET = /^[-*+] /;
const ORDERED = /^\d{1,9}[.)] /;
const TABLE_RULE = /^\|[\s:|-]+\|\s*$/;

/** True for a line that starts a block of its own (and so ends a paragraph). */
const startsBlock = (line: string) => HEADING.test(line) || FENCE_OPEN.test(line) || FENCE_CLOSE.test(line);

function listToHtml(lines: string[], i: number, marker: RegExp, tag: 'ul' | 'ol'): { html: string; next: number } {
  const items: string[] = [];
  while (i < lines.length && lines[i]!.trim() !== '' && !startsBlock(lines[i]!)) {
    const line = lines[i]!;
    if (marker.test(line)) items.push(line.replace(marker, ''));
    else items[items.length - 1] += `\n${line.trim()}`;
    i++;
  }
  const start = tag === 'ol' ? /^(\d+)/.exec(lines[i - items.length] ?? '')?.[1] : undefined;
  const open = tag === 'ol' && start && start !== '1' ? `<ol start="${Number(start)}">` : `<${tag}>`;
  return { html: `${open}\n${items.map((t) => `<li>${inline(t)}</li>`).join('\n')}\n</${tag}>`, next: i };
}

/** Block-level conversion of the library's Markdown to an HTML fragment. */
export function markdownToHtml(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  const used = new Set<string>();
  const openDivs: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const heading = HEADING.exec(line);
    const fence = FENCE_OPEN.exec(line);
    if (line.trim() === '') {
      i++;
    } else if (FENCE_CLOSE.test(line) && openDivs.length > 0) {
      out.push(openDivs.pop()!);
      i++;
    } else if (fence) {
      const attributes = fence[2]!.startsWith('{') ? parseAttributes(fence[2]!, 0)?.attributes : { classes: [fence[2]!], pairs: [] };
      const { open, close } = elementFor(attributes ?? { classes: [], pairs: [] }, 'div', fromMarkdownId);
      if (attributes?.id) used.add(attributes.id);
      out.push(open);
      openDivs.push(close);
      i++;
    } else if (heading) {
      const level = heading[1]!.length;
      const id = heading[3] ?? autoId(plainText(heading[2]!), used);
      if (heading[3]) used.add(id);
      out.push(`<h${level} id="${escapeHtml(id)}">${inline(heading[2]!)}</h${level}>`);
      i++;
    } else if (line.startsWith('|') && TABLE_RULE.test(lines[i + 1] ?? '')) {
      const rows: string[] = [];
      while (i < lines.length && lines[i]!.startsWith('|')) rows.push(lines[i++]!);
      out.push(tableToHtml(rows));
    } else if (BULLET.test(line) || ORDERED.test(line)) {
      const list = BULLET.test(line) ? listToHtml(lines, i, BULLET, 'ul') : listToHtml(lines, i, ORDERED, 'ol');
      out.push(list.html);
      i = list.next;
    } else {
      const para: string[] = [];
      while (i < lines.length && lines[i]!.trim() !== '' && (para.length === 0 || !startsBlock(lines[i]!))) para.push(lines[i++]!);
      out.push(`<p>${inline(para.join('\n'))}</p>`);
    }
  }
  while (openDivs.length > 0) out.push(openDivs.pop()!);
  return `${out.join('\n')}\n`;
}
