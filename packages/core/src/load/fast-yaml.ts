/**
 * A fast reader for the plain subset of YAML that contract files use: block mappings and sequences,
 * one-line flow collections of scalars, quoted and plain scalars, comments, and simple folded or literal
 * block scalars. It is several times faster than a full YAML parser, which matters when CI checks
 * thousands of contracts.
 *
 * It never guesses. On anything outside that subset (anchors, tags, multi-line flow, unusual numbers,
 * duplicate keys, odd indentation, tabs, lone carriage returns, errors of any kind) it returns `undefined`
 * and the caller uses the full `yaml` parser, which also produces the diagnostics. Keys go through the
 * same core-schema resolution as values, so only keys that stay the text as written take this path.
 * Differential tests (test/yaml-test-suite.test.ts over the official suite, test/fast-yaml.fuzz.test.ts
 * over 100,000 generated documents) check that whenever it answers, it answers exactly what `yaml`
 * (parse-options.ts) answers, value and positions.
 *
 * It works on offsets into the source rather than on per-line strings, and only slices the text of keys
 * and scalars: with thousands of files per run, allocation (and the garbage collection it causes) was
 * most of its cost.
 */
import { Bail, bail } from './fast-yaml-bail.js';
import { plainScalar, quoted } from './fast-yaml-scalars.js';
import { FieldIndex } from './field-index.js';

export type { FieldOffsets } from './field-index.js';

export interface FastParse {
  value: Record<string, unknown>;
  /** Where each field sits in the source. */
  fields: FieldIndex;
}

/**
 * Nesting the fast reader accepts (block levels; one-line flow collections add at most 16). With its
 * numbers limited to exact 15-digit forms, what it returns never needs the unsafe-value walk.
 */
const MAX_BLOCK_DEPTH = 32;

/** Longest implicit key the reader takes (yaml's limit is 1024 characters up to the `:`). */
const MAX_KEY_LENGTH = 1000;

/**
 * A plain key as yaml reads it: the core schema resolves keys like values (`1.10:` is the number 1.1,
 * `True:` the boolean, `null:` null), and yaml then turns them into property names and compares them
 * by value for duplicates (`1:` and `01:`). Only keys that stay the text as written take the fast path.
 */
function plainKey(text: string): string {
  const c = text.charCodeAt(0);
  // A key starting with a letter resolves to something else only as null/true/false in one of their
  // spellings (4 or 5 letters); the characters that end a plain scalar never reach a key (see isKeyForbidden).
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
    if ((text.length === 4 || text.length === 5) && plainScalar(text) !== text) bail();
    return text;
  }
  if (plainScalar(text) !== text) bail();
  return text;
}

/** A key inside a one-line flow mapping, matched in place (sticky). */
const FLOW_KEY = /([A-Za-z0-9_$][^:#'"{}[\],&*!|>%@`\n\r]*?):(?: |(?=[,}]))/y;

const SPACE = 32;
const BOM = 0xfeff;
const CR = 13;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const COMMA = 44;
const GREATER = 62;
const PIPE = 124;

/** First character of a block mapping key: `[A-Za-z0-9_$<]`. */
function isKeyStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36 || c === 60;
}

/** Characters a block mapping key may not contain: `` :#'"{}[],&*!|>%@` ``. */
function isKeyForbidden(c: number): boolean {
  switch (c) {
    case 58:
    case 35:
    case 39:
    case 34:
    case 123:
    case 125:
    case 91:
    case 93:
    case 44:
    case 38:
    case 42:
    case 33:
    case 124:
    case 62:
    case 37:
    case 64:
    case 96:
      return true;
    default:
      return false;
  }
}

/**
 * Offset of the first ` #` (a comment) at or after `from`, or -1. Searches for the single character
 * `#`: in optimised code V8's two-character `indexOf(' #')` measured a hundred times slower on
 * these files (Node 20).
 */
function commentAfter(s: string, from: number): number {
  let hash = s.indexOf('#', from + 1);
  while (hash >= 0 && s.charCodeAt(hash - 1) !== SPACE) hash = s.indexOf('#', hash + 1);
  return hash < 0 ? -1 : hash - 1;
}

export function fastParseYaml(source: string): FastParse | undefined {
  try {
    return new FastParser(source).parse();
  } catch (error) {
    if (error instanceof Bail) return undefined;
    throw error;
  }
}

class FastParser {
  /** Content lines (blank and comment-only lines dropped): indentation, first content offset, content end (comment and trailing spaces cut). */
  private readonly indents: number[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** The next unread line. */
  private index = 0;
  /** Block nesting depth: past MAX_BLOCK_DEPTH the full parser (and its limits) takes over. */
  private depth = 0;
  readonly fields = new FieldIndex();

  constructor(private readonly source: string) {
    this.readLines();
  }

  /**
   * Splits the source into content lines; bails on tabs, lone carriage returns and directives. The
   * searches for tabs, carriage returns and comments are native `indexOf` calls rather than a loop over
   * every character, which matters while the code is still cold (the first few hundred files of a run).
   */
  private readLines(): void {
    const s = this.source;
    if (s.includes('\t')) bail(); // tabs: the full parser knows where they are allowed
    const hasCarriageReturn = s.includes('\r');
    // yaml drops one byte-order mark that starts the text; a second one is content (and no key start: bail).
    let offset = s.charCodeAt(0) === BOM ? 1 : 0;
    let nextComment = commentAfter(s, offset);
    while (offset <= s.length) {
      let newline = s.indexOf('\n', offset);
      if (newline < 0) newline = s.length;
      // Only a CR before an LF is a CRLF line end: a CR that ends the file is content to yaml (bailed on below).
      const lineEnd = newline < s.length && newline > offset && s.charCodeAt(newline - 1) === CR ? newline - 1 : newline;
      let start = offset;
      while (s.charCodeAt(start) === SPACE) start++;
      const first = s.charCodeAt(start);
      if (start < lineEnd && first !== HASH) {
        if (start === offset && (first === 37 || s.startsWith('---', start) || s.startsWith('...', start))) bail();
        if (hasCarriageReturn) {
          const cr = s.indexOf('\r', start);
          if (cr >= 0 && cr < lineEnd) bail(); // a lone CR is a line break to YAML
        }
        if (nextComment >= 0 && nextComment < start) nextComment = commentAfter(s, start);
        let end = lineEnd;
        if (nextComment >= 0 && nextComment < lineEnd) {
          // Is the `#` inside quotes? The full parser knows.
          const quote = s.indexOf('"', start);
          const apostrophe = s.indexOf("'", start);
          if ((quote >= 0 && quote < lineEnd) || (apostrophe >= 0 && apostrophe < lineEnd)) bail();
          end = nextComment;
        }
        // YAML white space is the space (tabs were refused): other Unicode spaces are content.
        while (end > start && s.charCodeAt(end - 1) === SPACE) end--;
        this.indents.push(start - offset);
        this.starts.push(start);
        this.ends.push(end);
      }
      offset = newline + 1;
    }
  }

  parse(): FastParse {
    if (this.starts.length === 0 || this.indents[0] !== 0 || this.isItem(0)) bail();
    this.index = 1;
    const value = this.mapping(0, -1, 0, this.starts[0]!);
    if (this.index !== this.starts.length) bail();
    return { value, fields: this.fields };
  }

  /** `- …` or a lone `-`. */
  private isItem(line: number): boolean {
    const start = this.starts[line]!;
    return this.source.charCodeAt(start) === DASH && (this.ends[line] === start + 1 || this.source.charCodeAt(start + 1) === SPACE);
  }

  private set(target: Record<string, unknown>, key: string, value: unknown): void {
    // Values are never `undefined`, so anything already there is a duplicate key (let yaml report it)
    // or a name inherited from Object.prototype (`constructor`, `__proto__`…), which the full parser
    // handles safely too. One property load is cheaper than hasOwnProperty on every key.
    if (target[key] !== undefined) bail();
    target[key] = value;
  }

  /**
   * A block mapping whose keys sit at `indent`, starting on line `line` (already consumed) at `start`,
   * which is after the dash when the mapping begins inside a `- key: value` list item.
   */
  private mapping(indent: number, parent: number, line: number, start: number): Record<string, unknown> {
    if (++this.depth > MAX_BLOCK_DEPTH) bail();
    const s = this.source;
    const map: Record<string, unknown> = {};
    for (;;) {
      const end = this.ends[line]!;
      // The key runs to the first `: ` (or a `:` ending the line), and is a plain key.
      if (!isKeyStart(s.charCodeAt(start))) bail();
      let colon = start + 1;
      for (; ; colon++) {
        if (colon >= end) bail();
        const c = s.charCodeAt(colon);
        if (c === COLON) {
          if (colon + 1 === end || s.charCodeAt(colon + 1) === SPACE) break;
          bail();
        }
        if (isKeyForbidden(c)) bail();
      }
      // yaml refuses an implicit key whose `:` is more than 1024 characters after its start.
      if (s.charCodeAt(colon - 1) === SPACE || colon - start > MAX_KEY_LENGTH) bail();
      const key = plainKey(s.slice(start, colon));
      const entry = this.fields.open(parent, key, -1, start, colon);
      let rest = colon + 1;
      while (rest < end && s.charCodeAt(rest) === SPACE) rest++;
      let value: unknown;
      if (rest >= end) value = this.nested(indent, entry, colon);
      else {
        const c = s.charCodeAt(rest);
        value = c === GREATER || c === PIPE ? this.blockScalar(rest, end, indent, entry) : this.inline(rest, end, entry);
      }
      this.set(map, key, value);
      const next = this.index;
      if (next >= this.starts.length || this.indents[next]! < indent) break;
      if (this.indents[next]! > indent) bail(); // a continuation line of a multi-line plain scalar, or bad indentation
      if (this.isItem(next)) break;
      line = next;
      start = this.starts[next]!;
      this.index++;
    }
    this.depth--;
    return map;
  }

  /** The value after `key:` with nothing on its line: a nested block, or null. */
  private nested(indent: number, entry: number, keyEnd: number): unknown {
    const next = this.index;
    if (next < this.starts.length) {
      const nextIndent = this.indents[next]!;
      const isItem = this.isItem(next);
      if (nextIndent > indent || (nextIndent === indent && isItem)) {
        this.index++;
        const value = isItem ? this.sequence(nextIndent, entry, next) : this.mapping(nextIndent, entry, next, this.starts[next]!);
        this.fields.close(entry, this.starts[next]!, this.ends[this.index - 1]!);
        return value;
      }
    }
    this.fields.close(entry, keyEnd + 1, keyEnd + 1);
    return null;
  }

  /** A block sequence whose dashes sit at `indent`, starting on line `line` (already consumed). */
  private sequence(indent: number, parent: number, line: number): unknown[] {
    if (++this.depth > MAX_BLOCK_DEPTH) bail();
    const s = this.source;
    const list: unknown[] = [];
    for (;;) {
      const end = this.ends[line]!;
      let body = this.starts[line]! + 1;
      while (body < end && s.charCodeAt(body) === SPACE) body++;
      if (body >= end) bail();
      const c = s.charCodeAt(body);
      if ((c === DASH && (body + 1 === end || s.charCodeAt(body + 1) === SPACE)) || c === GREATER || c === PIPE) bail();
      const entry = this.fields.open(parent, '', list.length, -1, -1);
      let colon = -1;
      if (c !== DOUBLE_QUOTE && c !== SINGLE_QUOTE && c !== OPEN_BRACE && c !== OPEN_BRACKET) {
        for (let i = body + 1; i < end; i++) {
          if (s.charCodeAt(i) === COLON && (i + 1 === end || s.charCodeAt(i + 1) === SPACE)) {
            colon = i;
            break;
          }
        }
      }
      if (colon > body) {
        // `- key: value` starts a mapping whose keys align with `key`.
        list.push(this.mapping(indent + (body - this.starts[line]!), entry, line, body));
        // A mapping item is pointed at by its first line, comment included (as yaml's node range runs).
        this.fields.close(entry, body, this.index - 1 === line ? this.lineEndBeforeSpaces(body) : this.ends[this.index - 1]!);
      } else {
        list.push(this.inline(body, end, entry));
      }
      const next = this.index;
      if (next >= this.starts.length) break;
      if (this.indents[next]! > indent) bail();
      if (this.indents[next]! !== indent || !this.isItem(next)) break;
      line = next;
      this.index++;
    }
    this.depth--;
    return list;
  }

  /** A value on the same line as its key or dash, in [start, end): scalar or one-line flow collection. */
  private inline(start: number, end: number, entry: number): unknown {
    const s = this.source;
    const c = s.charCodeAt(start);
    let value: unknown;
    if (c === OPEN_BRACKET || c === OPEN_BRACE) {
      let close: number;
      [value, close] = this.flowCollection(start, end, entry, 0);
      if (close !== end) bail();
    } else if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
      let close: number;
      [value, close] = quoted(s, start, end);
      if (close !== end) bail();
    } else value = plainScalar(s.slice(start, end));
    this.fields.close(entry, start, end);
    return value;
  }

  /** Parses the flow collection opening at `at` (closed before `end`); returns it and the offset after its closer. */
  private flowCollection(at: number, end: number, parent: number, depth: number): [unknown, number] {
    if (depth > 16) bail(); // deep nesting is not a contract: the full parser reports it
    const s = this.source;
    const isMap = s.charCodeAt(at) === OPEN_BRACE;
    const close = isMap ? CLOSE_BRACE : CLOSE_BRACKET;
    const map: Record<string, unknown> = {};
    const list: unknown[] = [];
    let i = at + 1;
    while (i < end && s.charCodeAt(i) === SPACE) i++;
    if (i < end && s.charCodeAt(i) === close) return [isMap ? map : list, i + 1];
    for (;;) {
      let key = '';
      let entry: number;
      if (isMap) {
        FLOW_KEY.lastIndex = i;
        const match = FLOW_KEY.exec(s);
        if (!match || FLOW_KEY.lastIndex > end) bail();
        // `{ high : 60 }`: spaces before the colon are not part of the key.
        let keyEnd = i + match![1]!.length;
        while (s.charCodeAt(keyEnd - 1) === SPACE) keyEnd--;
        if (keyEnd - i > MAX_KEY_LENGTH) bail();
        key = plainKey(s.slice(i, keyEnd));
        entry = this.fields.open(parent, key, -1, i, keyEnd);
        i = FLOW_KEY.lastIndex;
        while (i < end && s.charCodeAt(i) === SPACE) i++;
      } else entry = this.fields.open(parent, '', list.length, -1, -1);
      const itemAt = i;
      let value: unknown;
      const c = i < end ? s.charCodeAt(i) : -1;
      if (c === OPEN_BRACKET || c === OPEN_BRACE) {
        [value, i] = this.flowCollection(i, end, entry, depth + 1);
      } else if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
        [value, i] = quoted(s, i, end);
      } else {
        let j = i;
        for (; j < end; j++) {
          const d = s.charCodeAt(j);
          if (d === COMMA || d === CLOSE_BRACKET || d === CLOSE_BRACE) break;
          if (d === OPEN_BRACKET || d === OPEN_BRACE) bail();
        }
        while (j > i && s.charCodeAt(j - 1) === SPACE) j--;
        if (j === i) {
          if (!isMap) bail();
          value = null;
        } else {
          const raw = s.slice(i, j);
          if (raw.includes(': ') || s.charCodeAt(j - 1) === COLON) bail();
          value = plainScalar(raw);
        }
        i = j;
      }
      this.fields.close(entry, itemAt, i);
      while (i < end && s.charCodeAt(i) === SPACE) i++;
      if (isMap) this.set(map, key, value);
      else list.push(value);
      const next = i < end ? s.charCodeAt(i) : -1;
      if (next === COMMA) {
        i++;
        while (i < end && s.charCodeAt(i) === SPACE) i++;
        const after = i < end ? s.charCodeAt(i) : -1;
        if (after === close || after === COMMA) bail(); // trailing or doubled comma: let yaml decide
        continue;
      }
      if (next === close) return [isMap ? map : list, i + 1];
      return bail();
    }
  }

  /** `>-`, `>`, `|`, `|-` with every content line at one indentation (else: full parser). */
  private blockScalar(header: number, headerEnd: number, indent: number, entry: number): string {
    const s = this.source;
    const length = headerEnd - header;
    if (length > 2 || (length === 2 && s.charCodeAt(header + 1) !== DASH)) bail();
    const folded = s.charCodeAt(header) === GREATER;
    const strip = length === 2;
    const parts: string[] = [];
    let contentIndent = -1;
    let lastEnd = headerEnd;
    let previous = -1;
    // Blank lines before the first content line are content too.
    if (this.index < this.starts.length) {
      const gap = s.slice(headerEnd, this.starts[this.index]!);
      if (gap.indexOf('\n') !== gap.lastIndexOf('\n')) bail();
    }
    while (this.index < this.starts.length && this.indents[this.index]! > indent) {
      const line = this.index;
      const start = this.starts[line]!;
      const end = this.ends[line]!;
      if (contentIndent < 0) contentIndent = this.indents[line]!;
      if (this.indents[line] !== contentIndent) bail();
      // Blank lines inside a block scalar are significant and readLines dropped them: refuse when the
      // raw source between two content lines holds more than the line break, or a comment line.
      if (previous >= 0) {
        const gap = s.slice(this.ends[previous]!, start);
        if (gap.indexOf('\n') !== gap.lastIndexOf('\n') || gap.includes('#')) bail();
      }
      // `#` is content inside a block scalar, and trailing spaces are kept: readLines cut both.
      if (end !== this.rawLineEnd(start)) bail();
      parts.push(s.slice(start, end));
      lastEnd = end;
      previous = line;
      this.index++;
    }
    if (parts.length === 0) bail();
    // What follows the last content line up to the next content line was dropped by readLines: a `#`
    // line there may be content, and a line of spaces deeper than the content is content (suite case
    // L24T, `x\n \n`). Only bare line breaks (and the next line's own indentation) are safe to skip.
    const nextLine = this.index < this.starts.length ? this.starts[this.index]! - this.indents[this.index]! : s.length;
    for (let i = lastEnd; i < nextLine; i++) {
      const c = s.charCodeAt(i);
      if (c !== 10 && c !== CR) bail();
    }
    this.fields.close(entry, header, lastEnd);
    const body = parts.join(folded ? ' ' : '\n');
    return strip ? body : `${body}\n`;
  }

  /** End of the raw source line from `start`, trailing spaces cut (a comment kept). */
  private lineEndBeforeSpaces(start: number): number {
    let end = this.rawLineEnd(start);
    while (end > start && this.source.charCodeAt(end - 1) === SPACE) end--;
    return end;
  }

  /** End of the raw source line from `start` (to detect a comment or trailing spaces that were cut). */
  private rawLineEnd(start: number): number {
    let end = this.source.indexOf('\n', start);
    if (end < 0) return this.source.length;
    if (this.source.charCodeAt(end - 1) === CR) end--;
    return end;
  }
}
