import type { Diagnostic } from '../diagnostic.js';
import { toPointer } from '../diagnostic.js';

/** No real contract nests deeper than a dozen levels; the cap keeps every later walk cheap and bounded. */
export const MAX_DEPTH = 64;

export interface UnsafeValue {
  code: Diagnostic['code'];
  pointer: string;
  message: string;
}

/**
 * Finds the first value no later stage should see: nesting deeper than `MAX_DEPTH`, or a number that
 * JavaScript cannot hold exactly (`1e400` becomes Infinity, `0x7FFFFFFFFFFFFFFFFF` loses digits).
 * Iterative, so hostile depth cannot overflow the stack.
 */
export function findUnsafeValue(root: unknown): UnsafeValue | undefined {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'number') {
      if (!Number.isFinite(value) || (Number.isInteger(value) && !Number.isSafeInteger(value))) {
        return { code: 'yaml/number-out-of-range', pointer: toPointer(path), message: 'Number is too large to be represented exactly; use a smaller value' };
      }
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= MAX_DEPTH) {
      return { code: 'yaml/too-deep', pointer: toPointer(path), message: `Nesting is deeper than ${MAX_DEPTH} levels` };
    }
    if (Array.isArray(value)) for (const [i, item] of value.entries()) stack.push({ value: item, path: [...path, i] });
    else for (const key of Object.keys(value)) stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
  }
  return undefined;
}
