/**
 * A small Markdown → HTML converter for exactly the subset the clause templates emit: ATX headings
 * (with `{#id}`), paragraphs, one-level bullet lists, pipe tables, `**strong**`, `*em*`, `` `code` ``,
 * links to `#anchors` / http(s) / mailto, and backslash escapes. It exists so that one contract to HTML
 * never waits for a pandoc process or the pandoc-wasm start-up, and gives the same bytes on every
 * machine. Anything outside the subset comes out as literal, escaped text — never as markup.
 */

const PUNCT = /[!-/:-@[-`{-~]/;
const SAFE_HREF = /^(#[A-Za-z0-9_.:-]*|https?:\/\/[^\s"<>]+|mailto:[^\s"<>]+)$/;

const HTML_SPECIAL = /[&<>"]/;

export function escapeHtml(text: string): string {
  // Most text (and every single character `inlineToHtml` passes) needs no escape: one test spares four replaces.
  if (!HTML_SPECIAL.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Index of `delim` at or after `from`, skipping backslash escapes; -1 when absent. */
function findClose(src: string, delim: string, from: number): number {
  for (let j = from; j < src.length; j++) {
    if (src[j] === '\\') j++;
    else if (src.startsWith(delim, j)) return j;
  }
  return -1;
}

/** Inline Markdown → HTML. */
export function inlineToHtml(src: string): string {
  let out = '';
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    const next = src[i + 1];
    if (ch === '\\' && next === '\n') {
      out += '<br />\n';
      i += 2;
    } else if (ch === '\\' && next !== undefined && PUNCT.test(next)) {
      out += escapeHtml(next);
      i += 2;
    } else if (src.startsWith('**', i) && findClose(src, '**', i + 2) > i + 2) {
      const end = findClose(src, '**', i + 2);
      out += `<strong>${inlineToHtml(src.slice(i + 2, end))}</strong>`;
      i = end + 2;
    } else if ((ch === '*' || ch === '`') && findClose(src, ch, i + 1) > i + 1) {
      const end = findClose(src, ch, i + 1);
      const inner = src.slice(i + 1, end);
      out += ch === '*' ? `<em>${inlineToHtml(inner)}</em>` : `<code>${escapeHtml(inner)}</code>`;
      i = end + 1;
    } else if (ch === '[' && link(src, i)) {
      const { text, href, end } = link(src, i)!;
      out += `<a href="${escapeHtml(href)}">${inlineToHtml(text)}</a>`;
      i = end;
    } else {
      out += escapeHtml(ch);
      i += 1;
    }
  }
  return out;
}

function link(src: string, at: number): { text: string; href: string; end: number } | undefined {
  const close = findClose(src, ']', at + 1);
  if (close < 0 || src[close + 1] !== '(') return undefined;
  const paren = src.indexOf(')', close + 2);
  if (paren < 0) return undefined;
  const href = src.slice(close + 2, paren);
  return SAFE_HREF.test(href) ? { text: src.slice(at + 1, close), href, end: paren + 1 } : undefined;
}

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

const plain = (markdown: string) => markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1').replace(/\*\*|\*|`|\[|\]\([^)]*\)/g, '');

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

function tableToHtml(rows: string[]): string {
  const head = splitRow(rows[0]!);
  const aligns = splitRow(rows[1]!).map((s) => (s.endsWith(':') ? (s.startsWith(':') ? 'center' : 'right') : 'left'));
  const cell = (tag: string, text: string, j: number) => `<${tag} style="text-align: ${aligns[j] ?? 'left'};">${inlineToHtml(text)}</${tag}>`;
  const body = rows.slice(2).map(
    (r) =>
      `<tr>\n${splitRow(r)
        .map((c, j) => cell('td', c, j))
        .join('\n')}\n</tr>`,
  );
  return `<table>\n<thead>\n<tr>\n${head.map((c, j) => cell('th', c, j)).join('\n')}\n</tr>\n</thead>\n<tbody>\n${body.join('\n')}\n</tbody>\n</table>`;
}

/** Block-level conversion of the template subset to an HTML fragment. */
export function markdownToHtml(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  const used = new Set<string>();
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const heading = /^(#{1,6})\s+(.*?)(?:\s+\{#([A-Za-z][\w.:-]*)\})?\s*$/.exec(line);
    if (line.trim() === '') {
      i++;
    } else if (heading) {
      const level = heading[1]!.length;
      const id = heading[3] ?? autoId(plain(heading[2]!), used);
      if (heading[3]) used.add(id);
      out.push(`<h${level} id="${escapeHtml(id)}">${inlineToHtml(heading[2]!)}</h${level}>`);
      i++;
    } else if (line.startsWith('|') && /^\|[\s:|-]+\|\s*$/.test(lines[i + 1] ?? '')) {
      const rows: string[] = [];
      while (i < lines.length && lines[i]!.startsWith('|')) rows.push(lines[i++]!);
      out.push(tableToHtml(rows));
    } else if (/^[-*] /.test(line)) {
      const items: string[] = [];
      while (i < lines.length && lines[i]!.trim() !== '') {
        if (/^[-*] /.test(lines[i]!)) items.push(lines[i]!.slice(2));
        else items[items.length - 1] += `\n${lines[i]!.trim()}`;
        i++;
      }
      out.push(`<ul>\n${items.map((t) => `<li>${inlineToHtml(t)}</li>`).join('\n')}\n</ul>`);
    } else {
      const para: string[] = [];
      while (i < lines.length && lines[i]!.trim() !== '' && !/^#{1,6}\s/.test(lines[i]!)) para.push(lines[i++]!);
      out.push(`<p>${inlineToHtml(para.join('\n'))}</p>`);
    }
  }
  return `${out.join('\n')}\n`;
}
