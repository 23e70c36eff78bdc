/**
 * Text from contracts, commit messages and tags, escaped for the medium it is printed in. Every
 * formatter that prints such text goes through these functions, and only these: one for a terminal,
 * one for GitHub Markdown (with its code-span variant). This module imports nothing, so any package
 * (the position formatters in `@contracts/diff` too) can use it without loading a formatter.
 */

/**
 * What a terminal (or a PR page) would act on instead of showing: C0 controls but tab (ESC starts the
 * sequences that move the cursor, erase lines and recolour), DEL, C1 controls (U+009B is a one-byte CSI
 * for many terminals), the bidirectional controls that reorder text as it is shown (Trojan Source,
 * CVE-2021-42574) and the Unicode line and paragraph separators.
 */
const UNSAFE = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069]/g;
const UNSAFE_TEST = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069]/;

const hex = (code: number, width: number) => code.toString(16).toUpperCase().padStart(width, '0');
/** `\n`, `\r`, `\x1B`, `\u202E`: what was there, made visible instead of obeyed. */
const visible = (char: string): string => {
  if (char === '\n') return '\\n';
  if (char === '\r') return '\\r';
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`;
};

/**
 * Text for a terminal, on one line: every control character (line breaks included) and every bidi
 * control shown as a visible escape (`\x1B`, `\n`, `\u202E`), so a value can neither move the cursor,
 * erase what was printed, fake a line of output nor reorder the text around it. Apply it to each value
 * before adding colour: the colour codes a formatter adds itself are the only ones printed.
 */
export function terminalText(text: string): string {
  // Nearly every value is clean: one test spares the replace (stylish prints 170,000 values per 10,000 files).
  return UNSAFE_TEST.test(text) ? text.replace(UNSAFE, visible) : text;
}

// ASCII punctuation that can open or close markup inline: emphasis, code, links and images, raw HTML
// (`<!--` would hide the rest of a PR comment), entities, strikethrough and table cells.
const MARKUP = /[\\`*_[\]<>|~&]/g;
const LINE_BREAK = /\r\n?|\n/g;

/**
 * Text for GitHub-flavoured Markdown (PR comments, job summaries), safe in a paragraph, a heading or a
 * table cell: markup characters are backslash-escaped (shown, never interpreted: no HTML, comment,
 * image, link or extra cell), line breaks become `<br>`, and control and bidi characters are shown as
 * visible escapes as in `terminalText`.
 */
export function markdownText(text: string): string {
  return text
    .replace(LINE_BREAK, '\n')
    .split('\n')
    .map((line) => terminalText(line).replace(MARKUP, '\\$&'))
    .join('<br>');
}

/**
 * A GitHub Markdown code span holding `text` literally: the fence is longer than any run of backticks
 * inside, line breaks become spaces and control characters visible escapes. In a table cell (`inTable`)
 * `|` is escaped too, as GFM splits the row before it reads code spans.
 */
export function markdownCode(text: string, options: { inTable?: boolean } = {}): string {
  const flat = terminalText(text.replace(LINE_BREAK, ' '));
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
  const span = `${fence}${pad}${flat}${pad}${fence}`;
  return options.inTable ? span.replace(/\|/g, '\\|') : span;
}
