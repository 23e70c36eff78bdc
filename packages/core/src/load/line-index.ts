/** Offset → 1-based line and column; the part of yaml's LineCounter that diagnostics need. */
export interface LinePositions {
  lineStarts: number[];
  linePos(offset: number): { line: number; col: number };
}

/** Line starts computed only when a position is first asked for: valid files never pay for it. */
export class LineIndex implements LinePositions {
  private starts: number[] | undefined;
  constructor(private readonly text: string) {}

  get lineStarts(): number[] {
    if (!this.starts) {
      // A byte-order mark is not a column: editors count line 1 from the character after it.
      const starts = [this.text.charCodeAt(0) === 0xfeff ? 1 : 0];
      for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
    }
    return this.starts;
  }

  linePos(offset: number): { line: number; col: number } {
    const starts = this.lineStarts;
    const line = lineIndexOf(starts, offset);
    return { line: line + 1, col: Math.max(1, offset - starts[line]! + 1) };
  }
}

/** 0-based index of the line holding `offset`, given the offsets where lines start (binary search). */
export function lineIndexOf(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}
