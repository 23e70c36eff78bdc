import { fromPointer, toPointer } from '@contracts/core';

/**
 * Segments of a playbook path. Dotted paths and pointers are both accepted; `relativeTo` is prepended
 * unless the path already starts with it (`terms` for term paths, nothing for condition paths).
 */
export function pathSegments(path: string, relativeTo: string[] = []): string[] {
  const segments = path.startsWith('/') ? fromPointer(path) : path.split('.');
  const prefixed = relativeTo.every((s, i) => segments[i] === s);
  return prefixed ? segments : [...relativeTo, ...segments];
}

/** Dotted path inside `terms` from root segments. */
export function termDotted(segments: readonly string[]): string {
  return (segments[0] === 'terms' ? segments.slice(1) : segments).join('.');
}

export const pointerOf = (segments: readonly string[]): string => toPointer(segments);

/** The value at `segments` of a plain JSON value, or `undefined`. */
export function valueAt(root: unknown, segments: readonly string[]): unknown {
  let node = root;
  for (const segment of segments) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}
