/**
 * The whitespace rule of the clause library: a line that holds nothing but `{% … %}` tags leaves
 * nothing behind (its indentation and its newline go with it); every other line prints as written.
 * So `{% if x %}` on a line of its own adds no blank line, while `, {% if x %}reachable{% endif %}`
 * keeps its space and its line end. (Liquid's own `trimTag*` options trim spaces on both sides of
 * every tag, which glues words together; Nunjucks' `trim_blocks` also eats the newline after a tag
 * that ends a line of text.)
 *
 * Works on Liquid's tokens after its own `{%-`/`-%}` handling and only moves the `trimLeft` /
 * `trimRight` counts of text tokens, so every position Liquid reports stays the template's own.
 */
import { TypeGuards, type TopLevelToken } from 'liquidjs';

interface TextToken {
  input: string;
  begin: number;
  end: number;
  trimLeft: number;
  trimRight: number;
}

export function trimBlocks(tokens: readonly TopLevelToken[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!isSilentTag(token) || !standalone(tokens, i)) continue;
    const before = tokens[i - 1];
    if (before && TypeGuards.isHTMLToken(before)) stripIndent(before as unknown as TextToken, token.begin);
    const after = tokens[i + 1];
    if (after && TypeGuards.isHTMLToken(after)) dropNewline(after as unknown as TextToken);
  }
}

/** Tags that print a value themselves; like `{{ … }}`, they keep their line. */
const PRINTING_TAGS = new Set(['heading', 'clause', 'ref', 'echo', 'cycle', 'increment', 'decrement']);
const isSilentTag = (token: TopLevelToken) => TypeGuards.isTagToken(token) && !PRINTING_TAGS.has(token.name);

const isBlank = (text: string) => /^[ \t]*$/.test(text);
const contentOf = (t: TextToken) => t.input.slice(t.begin + t.trimLeft, t.end - t.trimRight);

/** True when the tag at `index` shares its line only with other tags and spaces. */
function standalone(tokens: readonly TopLevelToken[], index: number): boolean {
  const lineEdge = (step: -1 | 1): boolean => {
    for (let j = index + step; j >= 0 && j < tokens.length; j += step) {
      const token = tokens[j]!;
      if (isSilentTag(token)) continue;
      if (!TypeGuards.isHTMLToken(token)) return false; // something printed shares the line
      const text = contentOf(token as unknown as TextToken);
      const newline = step < 0 ? text.lastIndexOf('\n') : text.indexOf('\n');
      if (newline < 0) {
        if (!isBlank(text)) return false;
        continue;
      }
      return isBlank(step < 0 ? text.slice(newline + 1) : text.slice(0, newline).replace(/\r$/, ''));
    }
    return true; // start or end of the template
  };
  return lineEdge(-1) && lineEdge(1);
}

/** Spaces and tabs between the start of the tag's line and the tag, when they are all this token holds of that line. */
function stripIndent(text: TextToken, tagBegin: number): void {
  const contentBegin = text.begin + text.trimLeft;
  const contentEnd = text.end - text.trimRight;
  if (contentEnd !== tagBegin) return; // `{%-` already trimmed the whitespace away
  let start = contentEnd;
  while (start > contentBegin && (text.input[start - 1] === ' ' || text.input[start - 1] === '\t')) start--;
  const lineStart = start === 0 || text.input[start - 1] === '\n';
  // The line must begin inside this token (or right where trim_blocks cut the previous newline).
  if (start < contentEnd && lineStart && start >= contentBegin) text.trimRight += contentEnd - start;
}

/** The spaces and the one `\n` (or `\r\n`) that end a tag's line. */
function dropNewline(text: TextToken): void {
  const match = /^[ \t]*\r?\n/.exec(contentOf(text));
  if (match) text.trimLeft += match[0].length;
}
