/**
 * The judge for the fast YAML reader: the `yaml` library with the project's parse options. For any
 * text, the fast reader either bails (returns undefined), or yaml reads the text without an error or
 * warning as one mapping, its value is deep-equal to the reader's (key order, number/string types,
 * -0, prototypes), and every field is located at the same line and column from the reader's offsets
 * as from yaml's nodes.
 */
import { parseAllDocuments } from 'yaml';
import { fastParseYaml } from '../src/load/fast-yaml.js';
import { LineIndex } from '../src/load/line-index.js';
import { locate } from '../src/load/locate.js';
import { DEFAULT_MAX_ALIAS_COUNT, parseOptions } from '../src/load/parse-options.js';
import { keyDiagnostics } from '../src/load/yaml-errors.js';

export type Verdict = 'bailed' | 'agreed';

/** Every JSON Pointer in a plain value (the root excluded). */
export function pointers(value: unknown, at = ''): string[] {
  if (value === null || typeof value !== 'object') return [];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  return entries.flatMap(([k, v]) => {
    const pointer = `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    return [pointer, ...pointers(v, pointer)];
  });
}

/** Strict structural equality: same types (1 is not "1", -0 is not 0), same key order, same prototypes. */
export function difference(a: unknown, b: unknown, at = ''): string | undefined {
  if (typeof a !== typeof b) return `${at || '/'}: ${typeof a} vs ${typeof b}`;
  if (a === null || b === null || typeof a !== 'object') return Object.is(a, b) ? undefined : `${at || '/'}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${at || '/'}: different prototypes`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${at || '/'}: list vs mapping`;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return `${at || '/'}: keys ${JSON.stringify(ka)} vs ${JSON.stringify(kb)}`;
  for (const k of ka) {
    const d = difference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}/${k}`);
    if (d) return d;
  }
  return undefined;
}

/** Compares the fast reader with yaml on one text; throws with the text and the first difference. */
export function judge(text: string): Verdict {
  const fast = fastParseYaml(text);
  if (fast === undefined) return 'bailed';
  const fail = (why: string): never => {
    throw new Error(`fast reader disagrees with yaml: ${why}\ninput: ${JSON.stringify(text)}`);
  };
  let documents: ReturnType<typeof parseAllDocuments>;
  try {
    documents = parseAllDocuments(text, parseOptions);
  } catch (error) {
    return fail(`yaml threw ${String(error)}`);
  }
  if (!Array.isArray(documents) || documents.length !== 1) return fail(`yaml read ${Array.isArray(documents) ? documents.length : 0} documents`);
  const document = documents[0]!;
  const problems = [...document.errors, ...document.warnings];
  if (problems.length > 0) return fail(`yaml reports ${problems.map((e) => `${e.code} (${e.message.split('\n')[0]})`).join('; ')}`);
  // Keys yaml reads otherwise than written, or two keys becoming one name (duplicates: yaml's own check is off).
  const keys = keyDiagnostics(document, 'judge.yaml', new LineIndex(text));
  if (keys.length > 0) return fail(`the loader reports ${keys.map((d) => `${d.code} (${d.message})`).join('; ')}`);
  let expected: unknown;
  try {
    expected = document.toJS({ maxAliasCount: DEFAULT_MAX_ALIAS_COUNT });
  } catch (error) {
    return fail(`yaml's toJS threw ${String(error)}`);
  }
  const diff = difference(fast.value, expected);
  if (diff) fail(`value ${diff}`);
  // Positions: both sides through the same line index, so only the offsets each reader found are compared.
  const lineCounter = new LineIndex(text);
  const viaTree = { document, lineCounter, text };
  const viaOffsets = { document: undefined, fields: fast.fields, lineCounter, text };
  for (const pointer of pointers(expected)) {
    for (const target of ['value', 'key', 'first-key'] as const) {
      const a = locate(viaTree, pointer, target);
      const b = locate(viaOffsets, pointer, target);
      if (a.line !== b.line || a.column !== b.column || a.endLine !== b.endLine || a.endColumn !== b.endColumn)
        fail(`${target} of ${pointer}: yaml ${JSON.stringify(a)}, fast ${JSON.stringify(b)}`);
    }
  }
  return 'agreed';
}
