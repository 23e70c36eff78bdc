/**
 * Deepest flow-collection nesting (`[[[…` / `{{{…`) in YAML source, and where it first goes past
 * `limit`. The `yaml` parser recurses on nested flow collections; thousands of levels exhaust the
 * stack, and after some inputs V8 then dies in its regexp compiler with a fatal out-of-memory error
 * that no try/catch can stop. So hostile nesting is refused before the parser sees it.
 *
 * Brackets that are not flow indicators are not counted: in quoted strings, comments, words
 * (`it's [fine]`) and block scalars (`|` / `>` and the lines indented below them), so a valid file is
 * never refused. Where a block scalar's extent is in doubt the check counts (it may over-count on odd
 * input, never under-count on what yaml would parse as flow).
 */
export function flowNestingBeyond(text: string, limit: number): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) {
      // [ {
      if (++depth > limit) return i;
    } else if (c === 93 || c === 125) {
      // ] }
      if (depth > 0) depth--;
    } else if (c === 34) {
      // "…" with backslash escapes
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92) i++;
    } else if (c === 39 && (i === 0 || /[\s[{,:]/.test(text[i - 1]!))) {
      // '…' ('' is an escaped quote); an apostrophe inside a word does not open a string
      for (i++; i < text.length; i++) if (text.charCodeAt(i) === 39 && text.charCodeAt(++i) !== 39) break;
    } else if (c === 35 && (i === 0 || /\s/.test(text[i - 1]!))) {
      // # comment to end of line
      while (i < text.length && text.charCodeAt(i) !== 10) i++;
    } else if ((c === 124 || c === 62) && depth === 0) {
      // | > in block context: a block scalar header when it is a node of its own
      const skipTo = blockScalarEnd(text, i);
      if (skipTo !== undefined) i = skipTo - 1;
    }
  }
  return undefined;
}

/** After `|` or `>`: indicators, then spaces and a comment or nothing, to the line end (yaml's header). */
const HEADER_REST = /^[1-9+-]*(?: +#[^\n]*| *)(?:\r?\n|$)/;

/**
 * When `text[at]` opens a block scalar, the offset where its content ends (the first line yaml's lexer
 * no longer reads as content); else undefined. Mirrors the lexer: the content is indented at least
 * one column deeper than the node's parent (`key:` or the last `-`/`?`/`:` indicator), auto-detected
 * from the first non-blank line unless an explicit indentation indicator says otherwise, and goes on
 * while lines are blank or that deep. Where the parent's column is uncertain the deeper one is assumed,
 * which ends the scalar earlier: brackets are then counted, never skipped.
 */
function blockScalarEnd(text: string, at: number): number | undefined {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const before = text.slice(lineStart, at);
  // A quote before the header may open on an earlier line: its key's indentation is unknown.
  if (before.includes('"') || before.includes("'")) return undefined;
  const match = /^( *)((?:[-?:] +)*)(.*)$/s.exec(before)!;
  const [, indentation, indicators, key] = match as unknown as [string, string, string, string];
  let parent: number;
  if (key === '') parent = indentation.length;
  else if (/^[^\s#].*: +$/s.test(key)) parent = indentation.length + indicators.length;
  else return undefined; // `a: b |`: part of a plain scalar
  if (key === '' && indicators !== '') parent = indentation.length + lastIndicatorColumn(indicators);
  const rest = HEADER_REST.exec(text.slice(at + 1, at + 258));
  if (!rest) return undefined;
  if (!rest[0].endsWith('\n')) return text.length;
  const explicit = /^[+-]*([1-9])/.exec(rest[0]);
  let line = at + 1 + rest[0].length;
  let contentIndent = explicit ? parent + Number(explicit[1]) : -1;
  while (line < text.length) {
    let spaces = 0;
    while (text.charCodeAt(line + spaces) === 32) spaces++;
    const next = text.indexOf('\n', line);
    const end = next < 0 ? text.length : next;
    const afterSpaces = line + spaces;
    const blank = afterSpaces >= end || (text.charCodeAt(afterSpaces) === 13 && afterSpaces + 1 === end);
    if (!blank) {
      if (contentIndent < 0) contentIndent = spaces > parent ? spaces : Infinity;
      if (spaces < contentIndent || spaces <= parent) return line;
    }
    line = end + 1;
  }
  return text.length;
}

/** Column (within `indicators`) of the last of `- `, `? `, `: ` indicators. */
function lastIndicatorColumn(indicators: string): number {
  let column = 0;
  for (let i = 0; i < indicators.length; i++) if (indicators[i] !== ' ') column = i;
  return column;
}
