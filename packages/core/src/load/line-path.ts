/** A block mapping key as written: double-quoted (with escapes), single-quoted, or plain up to its colon. One capture group. */
export const KEY_PATTERN = String.raw`("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{[][^:#]*?)`;
const KEY = new RegExp(String.raw`^${KEY_PATTERN}\s*:(?:\s|$)`);

/**
 * The field a line of a block-style YAML file sits under, read from indentation alone: for a file that
 * did not parse, where no syntax tree says which field a syntax error is in. Block mappings and `- `
 * sequences (as contracts are written) are followed; flow collections, block scalars and multi-line
 * quoted strings are skipped over as values. It names a place for the reader, and is never used as data.
 */
export function pathAtLine(text: string, line: number): string {
  const lines = text.split(/\r?\n/, line);
  // The open mappings and sequences above the line: each with its indent and the key or index last seen.
  const stack: { indent: number; segment: string | number; seq: boolean }[] = [];
  let blockScalarIndent = -1;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const content = raw.replace(/^\ufeff/, '');
    if (/^\s*(#.*)?$/.test(content)) continue;
    let indent = content.length - content.trimStart().length;
    if (blockScalarIndent >= 0) {
      if (indent > blockScalarIndent) continue;
      blockScalarIndent = -1;
    }
    let rest = content.slice(indent);
    // `- ` items: each is one more level, at the dash's column.
    while (rest.startsWith('- ') || rest === '-') {
      while (stack.length > 0 && stack.at(-1)!.indent > indent) stack.pop();
      const top = stack.at(-1);
      if (top && top.indent === indent && top.seq) top.segment = (top.segment as number) + 1;
      else stack.push({ indent, segment: 0, seq: true });
      const skip = rest.match(/^-\s*/)![0].length;
      indent += skip;
      rest = rest.slice(skip);
    }
    const key = KEY.exec(rest);
    if (!key) continue;
    while (stack.length > 0 && stack.at(-1)!.indent >= indent) stack.pop();
    const name = key[1]!.replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1');
    stack.push({ indent, segment: name, seq: false });
    if (/^[|>][-+0-9]*\s*(#.*)?$/.test(rest.slice(key[0].length).trim())) blockScalarIndent = indent;
  }
  return stack.map((s) => `/${String(s.segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
