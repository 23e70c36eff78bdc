type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A leaf of a flattened subtree: its segments from the document root and its value. */
export interface Leaf {
  segments: string[];
  value: unknown;
}

/**
 * The leaves under `prefix` keyed by dotted path relative to it, in document order: scalars and
 * lists are leaves, mappings are walked. `stopAt(dotted)` marks paths that are leaves even when they
 * hold a mapping (a playbook term with an object value). Flatten once per version, diff many times.
 */
export function flatten(root: unknown, prefix: string[], stopAt: (dotted: string) => boolean = () => false): Map<string, Leaf> {
  const out = new Map<string, Leaf>();
  const walk = (node: unknown, segments: string[], dotted: string) => {
    if (dotted !== '' && (!isObject(node) || stopAt(dotted))) return void out.set(dotted, { segments, value: node });
    if (!isObject(node)) return;
    for (const key of Object.keys(node)) walk(node[key], [...segments, key], dotted === '' ? key : `${dotted}.${key}`);
  };
  walk(valueAt(root, prefix), prefix, '');
  return out;
}

/** Dotted keys of two flattened versions: the old ones in order, then the ones only the new has. */
export function unionKeys(a: Map<string, Leaf>, b: Map<string, Leaf>): string[] {
  const keys = [...a.keys()];
  for (const key of b.keys()) if (!a.has(key)) keys.push(key);
  return keys;
}

/** Value at `segments` (from the root), or undefined. */
export function valueAt(root: unknown, segments: readonly string[]): unknown {
  let node = root;
  for (const s of segments) {
    if (!isObject(node)) return undefined;
    node = node[s];
  }
  return node;
}

/** Deep equality of plain YAML values (lists compared in order). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => sameValue(a[k], b[k]));
  }
  return false;
}

/** Members of list `b` not in list `a` (by deep equality). */
export function membersNotIn(a: unknown[], b: unknown[]): unknown[] {
  return b.filter((x) => !a.some((y) => sameValue(x, y)));
}

/** The `added`/`removed` members of two lists, or nothing when either side is not a list. */
export function listDelta(from: unknown, to: unknown): { membersAdded?: unknown[]; membersRemoved?: unknown[] } {
  if (!Array.isArray(from) && !Array.isArray(to)) return {};
  const a = Array.isArray(from) ? from : [];
  const b = Array.isArray(to) ? to : [];
  return { membersAdded: membersNotIn(a, b), membersRemoved: membersNotIn(b, a) };
}

export const absent = (v: unknown): boolean => v === undefined || v === null;

/**
 * Leaf paths (segments) under `root`: scalars and lists are leaves, mappings are walked. `stopAt`
 * marks paths that are leaves even when they hold a mapping. (Kept for redline-document's position
 * summary; the diff itself uses `flatten`.)
 */
export function leafPaths(root: unknown, prefix: string[], stopAt: (segments: string[]) => boolean = () => false): string[][] {
  const out: string[][] = [];
  const walk = (node: unknown, segments: string[]) => {
    if (segments.length > prefix.length && stopAt(segments)) return void out.push(segments);
    if (!isObject(node)) return void (segments.length > prefix.length && out.push(segments));
    for (const key of Object.keys(node)) walk(node[key], [...segments, key]);
  };
  walk(root, prefix);
  return out;
}

/** Union of the leaf paths of two values, first-seen order (old document order, then new additions). */
export function unionLeafPaths(a: unknown, b: unknown, prefix: string[], stopAt?: (segments: string[]) => boolean): string[][] {
  const seen = new Map<string, string[]>();
  for (const segments of [...leafPaths(a, prefix, stopAt), ...leafPaths(b, prefix, stopAt)]) {
    const key = segments.join('\u0000');
    if (!seen.has(key)) seen.set(key, segments);
  }
  return [...seen.values()];
}
