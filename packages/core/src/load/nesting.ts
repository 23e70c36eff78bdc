/**
 * Deepest flow-collection nesting (`[[[…` / `{{{…`) in YAML source, and where it first goes past
 * `limit`. The `yaml` parser recurses on nested flow collections; thousands of levels exhaust the
 * stack, and after some inputs V8 then dies in its regexp compiler with a fatal out-of-memory error
 * that no try/catch can stop. So hostile nesting is refused before the parser sees it. Quoted
 * strings and comments are skipped; brackets in block scalars may over-count, which only matters
 * for absurd documents.
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
    }
  }
  return undefined;
}
