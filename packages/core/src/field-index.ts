import { fromPointer } from './diagnostic.js';

/** Offsets of one field: its key (or -1 for a list item) and its value, as [start, end). */
export type FieldOffsets = [keyStart: number, keyEnd: number, valueStart: number, valueEnd: number];

/** The deepest field found along a JSON Pointer, and whether the pointer itself was missing. */
export interface FoundField {
  offsets: FieldOffsets;
  missing: boolean;
}

const STRIDE = 6;
const PARENT = 0;
const ITEM = 1;

/**
 * Where every field of a document sits, as the fast reader saw it: a flat table of entries (parent,
 * list index, key and value offsets) in document order, each entry after its parent. Recording a field
 * is a few array pushes; building a JSON Pointer string and a Map entry per field cost the reader about
 * a third of its time, for positions only the few fields with a finding ever need. Lookups walk the
 * table instead (a contract has a few hundred fields and a file a few dozen lookups).
 */
export class FieldIndex {
  /** STRIDE numbers per entry: parent entry (-1 for the root mapping), list index (-1 for a key), keyStart, keyEnd, valueStart, valueEnd. */
  private readonly table: number[] = [];
  /** The key of each entry; '' for a list item (keys are never empty). */
  private readonly keys: string[] = [];

  /** Starts an entry before its children are read; `close` adds the value's offsets. */
  open(parent: number, key: string, item: number, keyStart: number, keyEnd: number): number {
    const entry = this.keys.length;
    this.keys.push(key);
    this.table.push(parent, item, keyStart, keyEnd, -1, -1);
    return entry;
  }

  close(entry: number, valueStart: number, valueEnd: number): void {
    this.table[entry * STRIDE + 4] = valueStart;
    this.table[entry * STRIDE + 5] = valueEnd;
  }

  /** The field at `pointer`, or its deepest existing ancestor (`missing: true`); `undefined` for the root. */
  find(pointer: string): FoundField | undefined {
    const { table, keys } = this;
    const segments = fromPointer(pointer);
    let parent = -1;
    let depth = 0;
    for (const segment of segments) {
      let hit = -1;
      for (let entry = parent + 1; entry < keys.length; entry++) {
        if (table[entry * STRIDE + PARENT] !== parent) continue;
        const key = keys[entry]!;
        if (key === '' ? String(table[entry * STRIDE + ITEM]) === segment : key === segment) {
          hit = entry;
          break;
        }
      }
      if (hit < 0) break;
      parent = hit;
      depth++;
    }
    if (parent < 0) return undefined;
    const at = parent * STRIDE;
    return { offsets: [table[at + 2]!, table[at + 3]!, table[at + 4]!, table[at + 5]!], missing: depth !== segments.length };
  }

  /** Number of fields recorded. */
  get size(): number {
    return this.keys.length;
  }
}
