/**
 * The one Markdown → HTML converter, for exactly the pandoc Markdown the clause library and the
 * redline emit (the subset markdown/blocks.ts and markdown/inlines.ts parse; the DOCX writer reads
 * the same tree). It exists so that rendering HTML never waits for a pandoc process or the
 * pandoc-wasm start-up, and gives the same bytes on every machine; a differential test holds it to
 * pandoc's own HTML. Anything outside the subset comes out as literal, escaped text — never as markup.
 */
import { fromMarkdownId } from './anchors.js';
import { escapeHtml } from './escape-html.js';
import { elementFor, inlinesToHtml, plainText } from './html-inline.js';
import { parseBlocks } from './markdown/blocks.js';
import type { Block, InlineText } from './markdown/syntax.js';

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

const inline = (text: InlineText) => inlinesToHtml(text.inlines, fromMarkdownId);

function tableToHtml(block: Extract<Block, { kind: 'table' }>): string {
  const cell = (tag: string, text: InlineText, j: number) => {
    const align = block.aligns[j] ?? 'left';
    return `<${tag} style="text-align: ${align === 'default' ? 'left' : align};">${inline(text)}</${tag}>`;
  };
  const body = block.rows.map((r) => `<tr>\n${r.map((c, j) => cell('td', c, j)).join('\n')}\n</tr>`);
  return `<table>\n<thead>\n<tr>\n${block.head.map((c, j) => cell('th', c, j)).join('\n')}\n</tr>\n</thead>\n<tbody>\n${body.join('\n')}\n</tbody>\n</table>`;
}

function blocksToHtml(blocks: readonly Block[], used: Set<string>, out: string[]): void {
  for (const block of blocks) {
    switch (block.kind) {
      case 'div': {
        const { open, close } = elementFor(block.attributes, 'div', fromMarkdownId);
        if (block.attributes.id) used.add(block.attributes.id);
        out.push(open);
        blocksToHtml(block.children, used, out);
        out.push(close);
        break;
      }
      case 'heading': {
        const id = block.id ?? autoId(plainText(block.text.source), used);
        if (block.id) used.add(id);
        out.push(`<h${block.level} id="${escapeHtml(id)}">${inline(block.text)}</h${block.level}>`);
        break;
      }
      case 'table':
        out.push(tableToHtml(block));
        break;
      case 'list': {
        const tag = block.ordered ? 'ol' : 'ul';
        const open = block.ordered && block.start !== 1 ? `<ol start="${block.start}">` : `<${tag}>`;
        out.push(`${open}\n${block.items.map((t) => `<li>${inline(t)}</li>`).join('\n')}\n</${tag}>`);
        break;
      }
      case 'para':
        out.push(`<p>${inline(block.text)}</p>`);
    }
  }
}

/** Block-level conversion of the library's Markdown to an HTML fragment. */
export function markdownToHtml(markdown: string): string {
  const out: string[] = [];
  blocksToHtml(parseBlocks(markdown), new Set<string>(), out);
  return `${out.join('\n')}\n`;
}
