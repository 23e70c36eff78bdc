/**
 * Autoescape for Markdown. Every value a template prints goes through {@link escapeMarkdown}, so pandoc
 * reads it as literal text: no emphasis, links, raw HTML or raw OpenXML (`{=openxml}`), citations (`@key`),
 * math (`$`), table cells (`|`), headings or list markers can come from contract data.
 */

// Always escaped: characters that open or close inline markup, raw HTML/entities and attributes.
const ALWAYS = /[\\`*_{}[\]<>#+!|~^$@&=]/g;

/** Escapes one value for use inside a Markdown paragraph, heading, list item or table cell. */
export function escapeMarkdown(value: string): string {
  let text = value
    // Control characters have no business in a contract and some would end a line.
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    // A value stays one inline run: a newline could start a heading, list or code block.
    .replace(/\s+/g, ' ')
    .trim()
    .replace(ALWAYS, '\\$&')
    // Smart typography would change the value: "--" → dash, "..." → ellipsis, straight → curly quotes.
    .replace(/-(?=-)/g, '\\-')
    .replace(/\.(?=\.)/g, '\\.')
    .replace(/["']/g, '\\$&');
  // Markers that only matter at the start of a line: lists ("1." "1)" "-"), fenced divs (":::"),
  // definition lists (":"), title blocks ("%").
  text = text.replace(/^(\d+)([.)])/, '$1\\$2').replace(/^([-:%])/, '\\$1');
  return text;
}
