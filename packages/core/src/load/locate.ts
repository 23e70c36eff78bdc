import type { Document, Node, Pair, YAMLMap } from 'yaml';
import type { Range } from '../diagnostic.js';
import { fromPointer } from '../diagnostic.js';
import type { FieldIndex } from './field-index.js';
import { lineIndexOf, type LinePositions } from './line-index.js';
import { yamlLib } from './yaml-lib.js';

interface Locatable {
  document: Document.Parsed | undefined;
  fields?: FieldIndex;
  lineCounter: LinePositions;
  text?: string;
}

export interface Located {
  /** The deepest node that exists on the path. */
  node: Node | null;
  /** The key naming that node in its parent mapping, if any. */
  key: Node | null;
  /** How many path segments were found; less than the path length when the field is missing. */
  depth: number;
}

/** Pairs by property name of the wide mappings looked up (a linear search per lookup was n² over a wide mapping). */
const pairsByName = new WeakMap<YAMLMap, Map<string, Pair>>();

/** The pair of `map` whose key becomes the property `name` (the first, as yaml's toJS keeps its position). */
function pairNamed(map: YAMLMap, name: string): Pair | undefined {
  const { isScalar } = yamlLib();
  const nameOf = (p: Pair) => (isScalar(p.key) ? (p.key.value === null ? '' : String(p.key.value)) : String(p.key));
  if (map.items.length <= 32) return (map.items as Pair[]).find((p) => nameOf(p) === name);
  let index = pairsByName.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items as Pair[]) if (!index.has(nameOf(p))) index.set(nameOf(p), p);
    pairsByName.set(map, index);
  }
  return index.get(name);
}

/** Walks a JSON Pointer down the YAML tree as far as it exists. */
export function findNode(file: Locatable, pointer: string): Located {
  const { isMap, isSeq } = yamlLib();
  let node = (file.document?.contents ?? null) as Node | null;
  let key: Node | null = null;
  let depth = 0;
  for (const segment of fromPointer(pointer)) {
    if (isMap(node)) {
      const pair = pairNamed(node, segment);
      if (!pair) break;
      key = (pair.key as Node) ?? null;
      node = (pair.value as Node) ?? key;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)] as Node | undefined;
      if (!item || !/^\d+$/.test(segment)) break;
      key = null;
      node = item;
    } else break;
    depth++;
  }
  return { node, key, depth };
}

/** The range [start, end) (at least one character) as lines and columns; no intermediate objects. */
function rangeOf(file: Locatable, start: number, end: number): Range {
  const starts = file.lineCounter.lineStarts;
  return rangeFromLine(starts, start, end, lineIndexOf(starts, start));
}

/** `rangeOf` when the line of `start` is known: most ranges end on the line they start on. */
function rangeFromLine(starts: readonly number[], start: number, end: number, line: number): Range {
  const last = Math.max(end, start + 1);
  const endLine = (starts[line + 1] ?? Infinity) > last ? line : lineIndexOf(starts, last);
  return { line: line + 1, column: start - starts[line]! + 1, endLine: endLine + 1, endColumn: last - starts[endLine]! + 1 };
}

/**
 * What to point at: `value` (default) a scalar value, or the key of a collection (a mapping spans many
 * lines; its key is where a reader looks); `key` the key (unknown fields); `first-key` the first key
 * inside the mapping at the pointer (a missing required field: where editors point too), else as `value`.
 */
export type LocateTarget = 'value' | 'key' | 'first-key';

/**
 * Source range for a field (see `LocateTarget`). A missing field points at its nearest existing parent's
 * key; an empty value (`key:`), having no text of its own, at its key; the document itself at 1:1.
 */
export function locate(file: Locatable, pointer: string, target: LocateTarget = 'value'): Range {
  if (file.fields) return locateByOffsets(file, file.fields, pointer, target);
  const { isMap, isScalar, isSeq } = yamlLib();
  const { node, key, depth } = findNode(file, pointer);
  if (target === 'first-key' && isMap(node) && depth === fromPointer(pointer).length) {
    const first = node.items[0]?.key as Node | undefined;
    if (first?.range) return rangeOf(file, first.range[0], first.range[1]);
  }
  const empty = isScalar(node) && node.range != null && node.range[0] === node.range[1];
  const chosen = target === 'key' || !isScalar(node) || empty ? (key ?? node) : node;
  const range = chosen?.range;
  if (!range || (node === file.document?.contents && chosen === node)) return { line: 1, column: 1, endLine: 1, endColumn: 2 };
  if (chosen === node && (isMap(node) || isSeq(node))) {
    // A list-item collection: its first line only.
    const firstLineEnd = file.lineCounter.linePos(range[0]);
    const nextLine = file.lineCounter.lineStarts[firstLineEnd.line];
    let lineEndOffset = nextLine === undefined ? range[1] : nextLine - 1;
    // Not the line break (CRLF's CR included) nor trailing spaces: the range ends with the line's last character.
    while (lineEndOffset > range[0] + 1 && (file.text?.charCodeAt(lineEndOffset - 1) === 13 || file.text?.charCodeAt(lineEndOffset - 1) === 32))
      lineEndOffset--;
    return rangeOf(file, range[0], Math.min(range[1], Math.max(lineEndOffset, range[0] + 1)));
  }
  let end = range[1];
  if (isScalar(chosen) && (chosen.type === 'BLOCK_LITERAL' || chosen.type === 'BLOCK_FOLDED') && file.text !== undefined) {
    // A block scalar's node runs on to the next line; the range a reader wants ends with its last character.
    while (end > range[0] + 1 && /[\n\r ]/.test(file.text[end - 1]!)) end--;
  }
  return rangeOf(file, range[0], end);
}

/** The same rules over the fast reader's offsets: deepest existing field, key for collections. */
function locateByOffsets(file: Locatable, fields: FieldIndex, pointer: string, target: LocateTarget): Range {
  const starts = file.lineCounter.lineStarts;
  if (target === 'first-key') {
    const first = fields.firstKey(pointer);
    if (first) return rangeOf(file, first[0], first[1]);
  }
  const found = fields.find(pointer);
  if (!found) return { line: 1, column: 1, endLine: 1, endColumn: 2 };
  const [keyStart, keyEnd, valueStart, valueEnd] = found.offsets;
  const { missing } = found;
  const opener = file.text?.[valueStart];
  const blockScalar = opener === '>' || opener === '|';
  const valueLine = lineIndexOf(starts, valueStart);
  const nextLineStart = starts[valueLine + 1] ?? Infinity;
  const multiLine = valueEnd - 1 > valueStart && valueEnd - 1 >= nextLineStart;
  // Collections (flow, or a nested block on the following lines) are pointed at by their key.
  const startsBelowKey = keyStart >= 0 && keyStart < starts[valueLine]!;
  const collection = opener === '[' || opener === '{' || startsBelowKey || (multiLine && !blockScalar);
  const useKey = keyStart >= 0 && (target === 'key' || missing || collection || valueEnd <= valueStart);
  if (useKey) return rangeFromLine(starts, keyStart, keyEnd, startsBelowKey || valueEnd <= valueStart ? lineIndexOf(starts, keyStart) : valueLine);
  if (multiLine && !blockScalar) {
    let lineEnd = (starts[valueLine + 1] ?? valueEnd) - 1;
    while (lineEnd > valueStart + 1 && (file.text?.charCodeAt(lineEnd - 1) === 13 || file.text?.charCodeAt(lineEnd - 1) === 32)) lineEnd--;
    return rangeFromLine(starts, valueStart, Math.max(valueStart + 1, Math.min(valueEnd, lineEnd)), valueLine);
  }
  return rangeFromLine(starts, valueStart, valueEnd, valueLine);
}
