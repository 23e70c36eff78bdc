import { fromPointer } from '../diagnostic.js';

/** Offsets of one field: its key (or -1 for a list item) and its value, as [start, end). */
export type FieldOffsets = [keyStart: number, keyEnd: number, valueStart: number, valueEnd: number];

/** The deepest field found along a JSON Pointer, and whether the pointer itself was missing. */
export interface FoundField {
  entry: number;
  offsets: FieldOffsets;
  missing: boolean;
}

// Layout of one entry in the table.
const STRIDE = 7;
const ITEM = 0;
const KEY_START = 1;
const KEY_END = 2;
const VALUE_START = 3;
const VALUE_END = 4;
const FIRST_CHILD = 5;
const NEXT_SIBLING = 6;
const NONE = -1;
/** Siblings walked in one lookup past which an entry's children get a key table. */
const WIDE = 32;

/**
 * Segments of the pointers looked up, shared across files: a batch asks for the same few hundred
 * pointers (the playbook's terms) in every file. Emptied when it grows large, so a long-running
 * process that sees arbitrary pointers does not keep them all.
 */
const segmentCache = new Map<string, readonly string[]>();
function segmentsOf(pointer: string): readonly string[] {
  let segments = segmentCache.get(pointer);
  if (!segments) {
    if (segmentCache.size >= 4096) segmentCache.clear();
    segments = fromPointer(pointer);
    segmentCache.set(pointer, segments);
  }
  return segments;
}

/**
 * Where every field of a document sits, as the fast reader saw it: a flat table of entries (list
 * index, key and value offsets, first child, next sibling) in document order. Recording a field is a
 * few array pushes; building a JSON Pointer string and a Map entry per field cost the reader about a
 * third of its time, for positions only the few fields with a finding ever need. A lookup walks one
 * level of siblings per pointer segment.
 */
export class FieldIndex {
  private readonly table: number[] = [];
  /** The key of each entry; '' for a list item (keys are never empty). */
  private readonly keys: string[] = [];
  /** Last child recorded so far under each entry, and under the root: where the next sibling links in. */
  private readonly lastChild: number[] = [];
  private rootFirst = NONE;
  private rootLast = NONE;
  /**
   * Children by key (or list index) of entries with many children, built on first lookup: walking the
   * siblings made one diagnostic per key of a 150,000-key mapping cost n² (150 s for one file).
   */
  private readonly byKey = new Map<number, Map<string, number>>();

  /** Starts an entry (`parent` -1 for the root mapping) before its children are read; `close` adds the value's offsets. */
  open(parent: number, key: string, item: number, keyStart: number, keyEnd: number): number {
    const entry = this.keys.length;
    this.keys.push(key);
    this.lastChild.push(NONE);
    this.table.push(item, keyStart, keyEnd, NONE, NONE, NONE, NONE);
    const previous = parent < 0 ? this.rootLast : this.lastChild[parent]!;
    if (previous !== NONE) this.table[previous * STRIDE + NEXT_SIBLING] = entry;
    else if (parent < 0) this.rootFirst = entry;
    else this.table[parent * STRIDE + FIRST_CHILD] = entry;
    if (parent < 0) this.rootLast = entry;
    else this.lastChild[parent] = entry;
    return entry;
  }

  close(entry: number, valueStart: number, valueEnd: number): void {
    this.table[entry * STRIDE + VALUE_START] = valueStart;
    this.table[entry * STRIDE + VALUE_END] = valueEnd;
  }

  /** The field at `pointer`, or its deepest existing ancestor (`missing: true`); `undefined` for the root. */
  find(pointer: string): FoundField | undefined {
    const { table, keys } = this;
    const segments = segmentsOf(pointer);
    let found = NONE;
    let child = this.rootFirst;
    let depth = 0;
    let parent = NONE;
    for (const segment of segments) {
      const first = child;
      let walked = 0;
      const index = this.byKey.get(parent);
      if (index) child = index.get(segment) ?? NONE;
      else
        while (child !== NONE) {
          const key = keys[child]!;
          if (key === '' ? String(table[child * STRIDE + ITEM]) === segment : key === segment) break;
          child = table[child * STRIDE + NEXT_SIBLING]!;
          walked++;
        }
      if (walked > WIDE) this.index(parent, first);
      if (child === NONE) break;
      parent = child;
      found = child;
      depth++;
      child = table[child * STRIDE + FIRST_CHILD]!;
    }
    if (found === NONE) return undefined;
    const at = found * STRIDE;
    return {
      entry: found,
      offsets: [table[at + KEY_START]!, table[at + KEY_END]!, table[at + VALUE_START]!, table[at + VALUE_END]!],
      missing: depth !== segments.length,
    };
  }

  /** Builds the key → entry table of `parent`'s children, whose first child is `first`. */
  private index(parent: number, first: number): void {
    const { table, keys } = this;
    const index = new Map<string, number>();
    for (let child = first; child !== NONE; child = table[child * STRIDE + NEXT_SIBLING]!) {
      const key = keys[child]! === '' ? String(table[child * STRIDE + ITEM]) : keys[child]!;
      if (!index.has(key)) index.set(key, child);
    }
    this.byKey.set(parent, index);
  }

  /** Key offsets of the first field inside the collection at `pointer` (the root for ''), if it has one and it is keyed. */
  firstKey(pointer: string): [number, number] | undefined {
    let first: number;
    if (pointer === '') first = this.rootFirst;
    else {
      const found = this.find(pointer);
      if (!found || found.missing) return undefined;
      first = this.table[found.entry * STRIDE + FIRST_CHILD]!;
    }
    if (first === NONE || this.keys[first] === '') return undefined;
    return [this.table[first * STRIDE + KEY_START]!, this.table[first * STRIDE + KEY_END]!];
  }

  /** Number of fields recorded. */
  get size(): number {
    return this.keys.length;
  }
}
