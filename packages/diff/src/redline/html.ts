/**
 * Redline as an HTML fragment with <ins>/<del>.
 *
 * Markdown subset handled: ATX headings (`#`..`######` -> <h1>..<h6>), `-`/`*`/`+` items
 * (grouped into <ul>), `1.`/`1)` items (grouped into <ol>), `>` lines (<blockquote>), and
 * paragraphs (<p>). Inline Markdown is NOT interpreted: backslash escapes are resolved and
 * everything else (including `**bold**`) is shown literally, HTML-escaped. This keeps the
 * output safe and deterministic: the same blocks always give byte-identical HTML.
 */
import { escapeHtml } from '@contracts/render';
import type { RedlineBlock } from './types.js';

// The one HTML escaper lives in render; re-exported for this package's callers.
export { escapeHtml };

/** Resolves Markdown backslash escapes, then HTML-escapes. */
function inline(text: string): string {
  return escapeHtml(text.replace(/\\([!-/:-@[-`{-~])/g, '$1'));
}

type Container = 'ul' | 'ol' | null;

interface Shape {
  container: Container;
  open: string;
  close: string;
}

function shapeOf(prefix: string): Shape {
  const marker = prefix.replace(/^[ \t]*(?:>[ \t]?)*/, '').trim();
  const quoted = /^[ \t]*>/.test(prefix);
  let shape: Shape;
  const heading = /^(#{1,6})$/.exec(marker);
  if (heading) shape = { container: null, open: `<h${heading[1]!.length}>`, close: `</h${heading[1]!.length}>` };
  else if (/^[-*+]$/.test(marker)) shape = { container: 'ul', open: '<li>', close: '</li>' };
  else if (/^\d+[.)]$/.test(marker)) shape = { container: 'ol', open: '<li>', close: '</li>' };
  else shape = { container: null, open: '<p>', close: '</p>' };
  if (quoted) {
    // Lists inside quotes are rare in contracts; render the item as a quoted paragraph.
    return { container: null, open: `<blockquote>${shape.container ? '<p>' : shape.open}`, close: `${shape.container ? '</p>' : shape.close}</blockquote>` };
  }
  return shape;
}

/** Renders blocks as an HTML fragment, one element per line of output. */
export function toRedlineHtml(blocks: readonly RedlineBlock[]): string {
  const lines: string[] = [];
  let container: Container = null;
  for (const block of blocks) {
    const shape = shapeOf(block.prefix);
    // A blank line between list items of one kind still belongs to the same list.
    if (container !== shape.container) {
      if (container) lines.push(`</${container}>`);
      if (shape.container) lines.push(`<${shape.container}>`);
      container = shape.container;
    }
    let body = '';
    for (const op of block.ops) {
      const text = inline(op.text);
      const moved = block.moved ? ` class="moved-${block.moved}"` : '';
      body += op.kind === 'equal' ? text : op.kind === 'insert' ? `<ins${moved}>${text}</ins>` : `<del${moved}>${text}</del>`;
    }
    const cls = block.kind === 'equal' ? '' : ` class="redline-${block.moved ? `moved-${block.moved}` : block.kind}"`;
    lines.push(shape.open.replace(/^(<[a-z0-9]+)/, `$1${cls}`) + body + shape.close);
  }
  if (container) lines.push(`</${container}>`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
