/**
 * A fast reader for the plain subset of YAML that contract files use: block mappings and sequences,
 * one-line flow collections of scalars, quoted and plain scalars, comments, and simple folded or literal
 * block scalars. It is about ten times faster than a full YAML parser, which matters when CI checks
 * thousands of contracts.
 *
 * It never guesses. On anything outside that subset (anchors, tags, multi-line flow, unusual numbers,
 * duplicate keys, odd indentation, errors of any kind) it returns `undefined` and the caller uses the
 * full `yaml` parser, which also produces the diagnostics. A differential test checks that whenever it
 * answers, it answers exactly what `yaml` (core schema) answers.
 */
import { Bail, bail } from './fast-yaml-bail.js';
import { plainScalar, quoted } from './fast-yaml-scalars.js';

/** Offsets of one field: its key (or -1 for a list item) and its value, as [start, end). */
export type FieldOffsets = [keyStart: number, keyEnd: number, valueStart: number, valueEnd: number];

export interface FastParse {
  value: Record<string, unknown>;
  /** Offsets by JSON Pointer. */
  offsets: Map<string, FieldOffsets>;
}

interface Line {
  indent: number;
  /** Offset of the first content character. */
  start: number;
  /** Content without the trailing comment, trimmed on the right. */
  text: string;
}

const pointerSegment = (key: string) => (key.includes('~') || key.includes('/') ? key.replace(/~/g, '~0').replace(/\//g, '~1') : key);

/**
 * Nesting the fast reader accepts (block levels; one-line flow collections add at most 16). With its
 * numbers limited to exact 15-digit forms, what it returns never needs the unsafe-value walk.
 */
const MAX_BLOCK_DEPTH = 32;

/** A key inside a one-line flow mapping, matched in place (sticky) rather than on a slice. */
const FLOW_KEY = /([A-Za-z0-9_$][^:#'"{}\[\],&*!|>%@`]*?):(?: |(?=[,}]))/y;

/** Splits source into lines, dropping blank and comment-only lines; bails on tabs and directives. */
function readLines(source: string): Line[] {
  const lines: Line[] = [];
  let offset = 0;
  while (offset <= source.length) {
    let end = source.indexOf('\n', offset);
    if (end < 0) end = source.length;
    let lineEnd = end > offset && source.charCodeAt(end - 1) === 13 ? end - 1 : end;
    let indent = 0;
    while (source.charCodeAt(offset + indent) === 32) indent++;
    const c = source.charCodeAt(offset + indent);
    if (c === 9) bail();
    if (offset + indent < lineEnd && c !== 35) {
      let raw = source.slice(offset + indent, lineEnd);
      if (indent === 0 && (raw.startsWith('---') || raw.startsWith('...') || raw.startsWith('%'))) bail();
      // Strip a trailing comment only when no quote could contain the `#`.
      const hash = raw.indexOf(' #');
      if (hash >= 0) {
        if (raw.includes('"') || raw.includes("'")) bail(); // is the `#` inside quotes? the full parser knows
        raw = raw.slice(0, hash);
      }
      if (raw.includes('\t')) bail();
      raw = raw.trimEnd();
      lines.push({ indent, start: offset + indent, text: raw });
    }
    offset = end + 1;
  }
  return lines;
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
  private readonly lines: Line[];
  private index = 0;
  /** Block nesting depth: past MAX_BLOCK_DEPTH the full parser (and its limits) takes over. */
  private depth = 0;
  readonly offsets = new Map<string, FieldOffsets>();
  constructor(private readonly source: string) {
    this.lines = readLines(source);
  }

  parse(): FastParse {
    const first = this.lines[0];
    if (!first || first.indent !== 0 || first.text.startsWith('- ')) bail();
    const value = this.mapping(0, '') as Record<string, unknown>;
    if (this.index !== this.lines.length) bail();
    return { value, offsets: this.offsets };
  }

  private set(target: Record<string, unknown>, key: string, value: unknown): void {
    if (Object.prototype.hasOwnProperty.call(target, key)) bail(); // duplicate: let yaml report it
    if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
    else target[key] = value;
  }

  /** A block mapping whose keys sit at `indent`. `firstText` continues a `- key: value` list item. */
  private mapping(indent: number, pointer: string, firstInline?: Line): Record<string, unknown> {
    if (++this.depth > MAX_BLOCK_DEPTH) bail();
    const map: Record<string, unknown> = {};
    let line: Line | undefined = firstInline;
    if (!line) line = this.lines[this.index++];
    while (line) {
      if (line.indent !== indent) bail();
      const colon = line.text.search(/:(?: |$)/);
      if (colon <= 0) bail();
      const key = line.text.slice(0, colon);
      if (!/^[A-Za-z0-9_$<][^:#'"{}\[\],&*!|>%@`]*$/.test(key) || key !== key.trimEnd()) bail();
      const child = `${pointer}/${pointerSegment(key)}`;
      let rest = line.text.slice(colon + 1);
      const restStart = line.start + colon + 1 + (rest.length - rest.trimStart().length);
      rest = rest.trim();
      const keyStart = line.start;
      if (rest === '') {
        this.set(map, key, this.nested(indent, child, [keyStart, keyStart + key.length]));
      } else if (rest[0] === '>' || rest[0] === '|') {
        this.set(map, key, this.blockScalar(rest, indent, child, [keyStart, keyStart + key.length], restStart));
      } else {
        this.set(map, key, this.inline(rest, restStart, child, [keyStart, keyStart + key.length]));
      }
      const next = this.lines[this.index];
      if (!next || next.indent < indent) break;
      if (next.indent > indent) bail(); // a continuation line of a multi-line plain scalar, or bad indentation
      if (next.text.startsWith('- ') || next.text === '-') break;
      line = next;
      this.index++;
    }
    this.depth--;
    return map;
  }

  /** The value after `key:` with nothing on its line: a nested block, or null. */
  private nested(indent: number, pointer: string, key: [number, number]): unknown {
    const next = this.lines[this.index];
    const isItem = next !== undefined && (next.text.startsWith('- ') || next.text === '-');
    if (next && (next.indent > indent || (next.indent === indent && isItem))) {
      this.index++;
      const value = isItem ? this.sequence(next.indent, pointer, next) : this.mapping(next.indent, pointer, next);
      const last = this.lines[this.index - 1]!;
      this.offsets.set(pointer, [key[0], key[1], next.start, last.start + last.text.length]);
      return value;
    }
    this.offsets.set(pointer, [key[0], key[1], key[1] + 1, key[1] + 1]);
    return null;
  }

  private sequence(indent: number, pointer: string, first: Line): unknown[] {
    if (++this.depth > MAX_BLOCK_DEPTH) bail();
    const list: unknown[] = [];
    let line: Line | undefined = first;
    while (line && line.indent === indent && (line.text.startsWith('- ') || line.text === '-')) {
      const child = `${pointer}/${list.length}`;
      const body = line.text.slice(1).trimStart();
      const bodyStart = line.start + (line.text.length - body.length);
      if (body === '') bail();
      if (body.startsWith('- ') || body[0] === '>' || body[0] === '|') bail();
      const colon = body.search(/:(?: |$)/);
      if (colon > 0 && body[0] !== '"' && body[0] !== "'" && body[0] !== '{' && body[0] !== '[') {
        // `- key: value` starts a mapping whose keys align with `key`.
        const inline: Line = { indent: indent + (bodyStart - line.start), start: bodyStart, text: body };
        const value = this.mapping(inline.indent, child, inline);
        const last = this.lines[this.index - 1]!;
        this.offsets.set(child, [-1, -1, bodyStart, last.start + last.text.length]);
        list.push(value);
      } else {
        list.push(this.inline(body, bodyStart, child, [-1, -1]));
      }
      line = this.lines[this.index];
      if (line && line.indent > indent) bail();
      if (line && line.indent === indent && (line.text.startsWith('- ') || line.text === '-')) this.index++;
      else break;
    }
    this.depth--;
    return list;
  }

  /** A value on the same line as its key or dash: scalar or one-line flow collection. */
  private inline(text: string, start: number, pointer: string, key: [number, number]): unknown {
    const c = text[0];
    let value: unknown;
    if (c === '[' || c === '{') value = this.flow(text, start, pointer);
    else if (c === '"' || c === "'") {
      const [v, end] = quoted(text, 0);
      if (end !== text.length) bail();
      value = v;
    } else value = plainScalar(text);
    this.offsets.set(pointer, [key[0], key[1], start, start + text.length]);
    return value;
  }

  /** `[a, b]` or `{k: v, …}` closed on the same line; nested one-line flow collections are fine. */
  private flow(text: string, start: number, pointer: string): unknown {
    const [value, end] = this.flowCollection(text, 0, start, pointer);
    if (end !== text.length) bail();
    return value;
  }

  /** Parses the flow collection opening at `text[at]`; returns it and the index after its closer. */
  private flowCollection(text: string, at: number, start: number, pointer: string, depth = 0): [unknown, number] {
    if (depth > 16) bail(); // deep nesting is not a contract: the full parser reports it
    const open = text[at]!;
    const close = open === '[' ? ']' : '}';
    const isMap = open === '{';
    const result: unknown[] | Record<string, unknown> = isMap ? {} : [];
    let i = at + 1;
    const skip = () => {
      while (text[i] === ' ') i++;
    };
    skip();
    if (text[i] === close) return [result, i + 1];
    for (;;) {
      let key: string | undefined;
      let keyAt = -1;
      if (isMap) {
        FLOW_KEY.lastIndex = i;
        const m = FLOW_KEY.exec(text);
        if (!m) bail();
        key = m![1]!;
        keyAt = i;
        i += m![0].length;
        skip();
      }
      const child = isMap ? `${pointer}/${pointerSegment(key!)}` : `${pointer}/${(result as unknown[]).length}`;
      const itemAt = i;
      let value: unknown;
      const c = text[i];
      if (c === '[' || c === '{') {
        [value, i] = this.flowCollection(text, i, start, child, depth + 1);
      } else if (c === '"' || c === "'") {
        const [v, end] = quoted(text, i);
        value = v;
        i = end;
      } else {
        let j = i;
        while (j < text.length && text[j] !== ',' && text[j] !== close && text[j] !== ']' && text[j] !== '}') j++;
        const raw = text.slice(i, j).trimEnd();
        if (raw.includes(': ') || raw.endsWith(':') || raw.includes('[') || raw.includes('{')) bail();
        if (raw === '' && !isMap) bail();
        value = raw === '' ? null : plainScalar(raw);
        i += raw.length;
      }
      const itemEnd = i;
      skip();
      if (isMap) this.set(result as Record<string, unknown>, key!, value);
      else (result as unknown[]).push(value);
      this.offsets.set(child, [isMap ? start + keyAt : -1, isMap ? start + keyAt + key!.length : -1, start + itemAt, start + itemEnd]);
      if (text[i] === ',') {
        i++;
        skip();
        if (text[i] === close || text[i] === ',') bail(); // trailing or doubled comma: let yaml decide
        continue;
      }
      if (text[i] === close) return [result, i + 1];
      return bail();
    }
  }

  /** `>-`, `>`, `|`, `|-` with every content line at one indentation (else: full parser). */
  private blockScalar(header: string, indent: number, pointer: string, key: [number, number], start: number): string {
    if (!/^[>|]-?$/.test(header)) bail();
    const folded = header[0] === '>';
    const strip = header.endsWith('-');
    const parts: string[] = [];
    let contentIndent = -1;
    let lastEnd = start + header.length;
    // Blank lines inside a block scalar are significant; readLines dropped them, so refuse when the raw
    // source between content lines has any.
    let previous: Line | undefined;
    while (this.index < this.lines.length && this.lines[this.index]!.indent > indent) {
      const line = this.lines[this.index]!;
      if (contentIndent < 0) contentIndent = line.indent;
      if (line.indent !== contentIndent) bail();
      const between = previous ? this.source.slice(previous.start + previous.text.length, line.start) : '';
      if (previous && (between.split('\n').length !== 2 || between.includes('#'))) bail();
      // `#` is content inside a block scalar, and trailing spaces are kept: readLines cut both.
      if (line.text.length !== this.sourceLineLength(line)) bail();
      parts.push(line.text);
      lastEnd = line.start + line.text.length;
      previous = line;
      this.index++;
    }
    if (parts.length === 0) bail();
    this.offsets.set(pointer, [key[0], key[1], start, lastEnd]);
    const body = parts.join(folded ? ' ' : '\n');
    return strip ? body : `${body}\n`;
  }

  /** Length of the raw source line from `start` (to detect a comment or trailing spaces that were cut). */
  private sourceLineLength(line: Line): number {
    let end = this.source.indexOf('\n', line.start);
    if (end < 0) end = this.source.length;
    if (this.source.charCodeAt(end - 1) === 13) end--;
    return end - line.start;
  }
}
