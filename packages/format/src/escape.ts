/**
 * Text from contracts, commit messages and tags, escaped for the medium it is printed in. Every
 * formatter that prints such text goes through these functions, and only these: one for a terminal,
 * one for GitHub Markdown (with its code-span variant). It imports only core's light `text` subpath,
 * so any package (the position formatters in `@contracts/diff` too) can use it without loading a formatter.
 */
import { showControls } from '@contracts/core/text';

/**
 * Text for a terminal, on one line: every control character (line breaks included) and every bidi
 * control shown as a visible escape (`\x1B`, `\n`, `\u202E`), so a value can neither move the cursor,
 * erase what was printed, fake a line of output nor reorder the text around it. Apply it to each value
 * before adding colour: the colour codes a formatter adds itself are the only ones printed. The set of
 * unsafe characters is core's (`showControls`), shared with diagnostic messages.
 */
export const terminalText: (text: string) => string = showControls;

// ASCII punctuation that can open or close markup inline: emphasis, code, links and images, raw HTML
// (`<!--` would hide the rest of a PR comment), entities, strikethrough and table cells.
const MARKUP = /[\\`*_[\]<>|~&]/g;
const LINE_BREAK = /\r\n?|\n/g;
// `@name` and `@org/team` notify people when GitHub renders a comment (the bot's comment too), and a
// backslash does not stop it: a zero-width space after the `@` does, and shows nothing. An e-mail
// address (a word character before the `@`) is not a mention and is left alone.
const MENTION = /(^|[^\w])@(?=[A-Za-z0-9])/g;

/**
 * Text for GitHub-flavoured Markdown (PR comments, job summaries), safe in a paragraph, a heading or a
 * table cell: markup characters are backslash-escaped (shown, never interpreted: no HTML, comment,
 * image, link or extra cell), line breaks become `<br>`, control and bidi characters are shown as
 * visible escapes as in `terminalText`, and `@mentions` are kept from notifying anyone.
 */
export function markdownText(text: string): string {
  return text
    .replace(LINE_BREAK, '\n')
    .split('\n')
    .map((line) => terminalText(line).replace(MARKUP, '\\$&').replace(MENTION, '$1@&#8203;'))
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
