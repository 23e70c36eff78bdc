/**
 * Writes the imported values into the user's YAML without touching anything else: the file is parsed
 * with `yaml`'s Document API (which keeps every node's source range), and only the changed values are
 * replaced in the text, a removed key's lines cut, an added key inserted beside its siblings in their
 * indentation (or inside their `{ … }`). Comments, key order, quoting, flow style and folded text stay
 * byte for byte. Negotiated wording is one block (`negotiatedWording:`) at the end, merged with the
 * entries already there. The result is parsed again and must equal the intended value; if an edit
 * could not be placed that way, the Document API writes the file instead (formatting may then move).
 */
import { yamlLib } from '@contracts/core';
import { changesWording } from '@contracts/render';
import type { Document, Node as YamlNode, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { NegotiatedEntry } from './proposal.js';
import { ABSENT } from './match/candidates.js';
import { valueAt, withValue } from './match/read-values.js';

export interface YamlChange {
  path: string;
  /** The new value; undefined removes the key. */
  to: unknown;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

const keyPath = (path: string) => path.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k));

/** The updated YAML text. */
export function updateContractYaml(
  text: string,
  changes: readonly YamlChange[],
  wording: readonly NegotiatedEntry[],
  restored: readonly string[] = [],
): string {
  const yaml = yamlLib();
  const doc = yaml.parseDocument(text, { keepSourceTokens: false, uniqueKeys: true });
  const original = doc.toJS() as Record<string, unknown>;
  let intended = original as never;
  for (const c of changes) intended = withValue(intended, c.path, c.to === undefined ? ABSENT : c.to) as never;
  const merged = mergeWording((original.negotiatedWording as NegotiatedEntry[] | undefined) ?? [], wording, restored);
  if (merged.length > 0) intended = { ...(intended as object), negotiatedWording: merged } as never;
  else if (wording.length > 0 || restored.length > 0) {
    // Every entry went back to the template's wording: the key goes.
    const { negotiatedWording: _gone, ...rest } = intended as Record<string, unknown>;
    intended = rest as never;
  }

  const edits: Edit[] = [];
  let placed = true;
  for (const c of changes) {
    const edit = editFor(doc, text, c);
    if (edit) edits.push(edit);
    else placed = false;
  }
  if (wording.length > 0) edits.push(wordingEdit(doc, text, merged));
  edits.sort((a, b) => b.start - a.start);
  let out = text;
  let last = Number.POSITIVE_INFINITY;
  for (const e of edits) {
    if (e.end > last) placed = false; // overlapping edits: let the Document API do it
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
    last = e.start;
  }
  if (placed && sameJson(yaml.parse(out), intended)) return out;
  // Fallback: the Document API keeps comments and order, though not every byte of layout.
  for (const c of changes) {
    if (c.to === undefined) doc.deleteIn(keyPath(c.path));
    else doc.setIn(keyPath(c.path), c.to);
  }
  if (merged.length > 0) doc.set('negotiatedWording', merged);
  else if (wording.length > 0 || restored.length > 0) doc.delete('negotiatedWording');
  return doc.toString({ lineWidth: 0 });
}

/**
 * The file's entries with the markup's merged in, by clause or paragraph. An entry that records a change
 * (`tracked` set) restates what it changed: new text replaces the old with its `restates`, and a
 * paragraph's row label and added rows are restated whole (absent: back to the template's label, no
 * rows added). Comments add up. An entry left with nothing to print and no comments goes.
 */
function mergeWording(existing: readonly NegotiatedEntry[], added: readonly NegotiatedEntry[], restored: readonly string[]): NegotiatedEntry[] {
  const keyOf = (e: NegotiatedEntry) => (e.clause ? `c:${e.clause}` : `p:${e.paragraph}`);
  const out = existing.map((e) => ({ ...e }));
  // A deleted template row put back: its `text: ''` goes (their wording of it, if any, comes with `added`).
  for (const e of out) if (e.paragraph !== undefined && restored.includes(e.paragraph)) delete e.text;
  for (const entry of added) {
    const at = out.findIndex((e) => keyOf(e) === keyOf(entry));
    if (at < 0) {
      out.push(entry);
      continue;
    }
    const merged: NegotiatedEntry = { ...out[at]! };
    if (entry.tracked !== undefined && typeof entry.text === 'string') delete merged.restates;
    if (entry.tracked !== undefined && entry.paragraph !== undefined) {
      delete merged.label;
      delete merged.rowsAfter;
    }
    const comments = [...(out[at]!.comments ?? []), ...(entry.comments ?? [])];
    out[at] = { ...merged, ...entry, ...(comments.length > 0 ? { comments } : {}) };
  }
  return out.filter((e) => changesWording(e) || (e.comments?.length ?? 0) > 0);
}

/** Whether two contract values are the same data, whatever their key order (dates as ISO text). */
export const sameJson = (a: unknown, b: unknown) => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v instanceof Date) return v.toISOString();
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    );
  return v;
}

/** A scalar as YAML source: plain when it reads back as the same string, else double-quoted. */
function scalarSource(value: unknown, flow: boolean): string {
  if (typeof value !== 'string') return String(value);
  const plain = /^[A-Za-z0-9][^:#\n]*$/.test(value) && !/\s$/.test(value) && !(flow && /[,[\]{}]/.test(value));
  return plain && yamlLib().parse(value) === value ? value : JSON.stringify(value);
}

const lineStart = (text: string, at: number) => text.lastIndexOf('\n', at - 1) + 1;
const lineEnd = (text: string, at: number) => {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl + 1;
};

function editFor(doc: Document, text: string, change: YamlChange): Edit | undefined {
  const yaml = yamlLib();
  const path = keyPath(change.path);
  const node = doc.getIn(path, true) as YamlNode | undefined;
  const parentPath = path.slice(0, -1);
  const parent = (parentPath.length === 0 ? doc.contents : doc.getIn(parentPath, true)) as YAMLMap | undefined;
  if (node?.range && change.to !== undefined) {
    const [start, end] = node.range;
    if (yaml.isScalar(node) && !Array.isArray(change.to)) {
      const quoted = text[start] === "'" || text[start] === '"';
      return {
        start,
        end,
        text:
          quoted && typeof change.to === 'string' ? JSON.stringify(change.to) : scalarSource(change.to, Boolean(parent && yaml.isMap(parent) && parent.flow)),
      };
    }
    if (yaml.isSeq(node) && Array.isArray(change.to)) {
      if ((node as YAMLSeq).flow || change.to.length === 0) {
        if (!(node as YAMLSeq).flow) return undefined;
        return { start, end, text: `[${change.to.map((v) => scalarSource(v, true)).join(', ')}]` };
      }
      return blockSeqEdit(text, node as YAMLSeq, change.to);
    }
    return undefined;
  }
  if (!parent || !yaml.isMap(parent) || !parent.range)
    return change.to === undefined ? { start: 0, end: 0, text: '' } : insertMissing(doc, text, path, change.to);
  const pair = parent.items.find((p) => yaml.isScalar(p.key) && (p.key as Scalar).value === path[path.length - 1]) as Pair<YamlNode, YamlNode> | undefined;
  if (!pair?.key?.range || change.to !== undefined) return change.to === undefined ? { start: 0, end: 0, text: '' } : insertMissing(doc, text, path, change.to);
  const valueEnd = pair.value?.range?.[1] ?? pair.key.range[1];
  if (parent.flow) {
    let start = pair.key.range[0];
    let end = valueEnd;
    const after = /^\s*,\s*/.exec(text.slice(end));
    if (after) end += after[0].length;
    else {
      const before = /,\s*$/.exec(text.slice(0, start));
      if (before) start -= before[0].length;
    }
    return { start, end, text: '' };
  }
  return {
    start: lineStart(text, pair.key.range[0]),
    end: lineEnd(text, Math.max(pair.key.range[0], trimEnd(text, pair.key.range[0], valueEnd) - 1)),
    text: '',
  };
}

/**
 * A block list edited line by line: removed items lose their lines (comments on the others stay), added
 * ones follow the last item in its indentation. One whole replacement when the order changed.
 */
function blockSeqEdit(text: string, seq: YAMLSeq, next: unknown[]): Edit | undefined {
  const yaml = yamlLib();
  const items = seq.items as YamlNode[];
  const old = items.map((n) => (yaml.isScalar(n) ? (n as Scalar).value : undefined));
  const kept = old.filter((v) => next.some((n) => n === v));
  const added = next.filter((v) => !old.includes(v));
  if (!seq.range || items.some((n) => !n.range) || kept.some((v, i) => next[i] !== v) || next.length !== kept.length + added.length || kept.length === 0)
    return undefined;
  const first = items[0]!.range![0];
  const indent = ' '.repeat(text.lastIndexOf('-', first) - lineStart(text, first));
  const lastKept = [...items].reverse().find((n) => kept.includes((n as Scalar).value))!;
  const start = lineStart(text, first);
  const end = lineEnd(text, trimEnd(text, first, items[items.length - 1]!.range![1]) - 1);
  let body = '';
  for (const n of items) {
    const line = text.slice(lineStart(text, n.range![0]), lineEnd(text, trimEnd(text, n.range![0], n.range![1]) - 1));
    if (kept.includes((n as Scalar).value)) body += line.endsWith('\n') ? line : `${line}\n`;
    if (n === lastKept) for (const v of added) body += `${indent}- ${scalarSource(v, false)}\n`;
  }
  return { start, end, text: body };
}

/** The end of a node's own text, before the blank lines and comments a block node's range runs over. */
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  return e;
}

/** Inserts a key that is absent (and any absent groups above it) beside its nearest existing siblings. */
function insertMissing(doc: Document, text: string, path: (string | number)[], value: unknown): Edit | undefined {
  const yaml = yamlLib();
  let depth = path.length - 1;
  let parent: YAMLMap | undefined;
  for (; depth >= 0; depth--) {
    const candidate = (depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true)) as YAMLMap | undefined;
    if (candidate && yaml.isMap(candidate)) {
      parent = candidate;
      break;
    }
  }
  if (!parent?.range || path.slice(depth).some((k) => typeof k === 'number')) return undefined;
  const rest = path.slice(depth) as string[];
  const nested = rest.slice(1).reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);
  if (parent.flow) {
    const close = text.lastIndexOf('}', parent.range[1]);
    if (close < 0) return undefined;
    const inner = yaml
      .stringify({ [rest[0]!]: nested }, { collectionStyle: 'flow', lineWidth: 0 })
      .trim()
      .replace(/^\{\s*|\s*\}$/g, '');
    let at = close;
    while (at > 0 && /\s/.test(text[at - 1]!)) at--;
    const empty = parent.items.length === 0;
    return { start: at, end: at, text: `${empty ? ' ' : ', '}${inner}` };
  }
  const lastPair = parent.items[parent.items.length - 1] as Pair<YamlNode, YamlNode> | undefined;
  if (!lastPair?.key?.range) return undefined;
  const indent = ' '.repeat(lastPair.key.range[0] - lineStart(text, lastPair.key.range[0]));
  const end = lastPair.value?.range ? trimEnd(text, lastPair.key.range[0], lastPair.value.range[1]) : lastPair.key.range[1];
  const at = lineEnd(text, Math.max(end - 1, lastPair.key.range[0]));
  const block = yaml
    .stringify({ [rest[0]!]: nested }, { lineWidth: 0 })
    .trimEnd()
    .split('\n')
    .map((l) => indent + l)
    .join('\n');
  return { start: at, end: at, text: `${at > 0 && text[at - 1] !== '\n' ? '\n' : ''}${block}\n` };
}

/** Replaces (or appends) the `negotiatedWording:` block. */
function wordingEdit(doc: Document, text: string, entries: readonly NegotiatedEntry[]): Edit {
  const yaml = yamlLib();
  const block = entries.length > 0 ? yaml.stringify({ negotiatedWording: entries }, { lineWidth: 0 }) : '';
  const root = doc.contents as YAMLMap;
  const pair = yaml.isMap(root)
    ? (root.items.find((p) => yaml.isScalar(p.key) && (p.key as Scalar).value === 'negotiatedWording') as Pair<YamlNode, YamlNode> | undefined)
    : undefined;
  if (pair?.key?.range) {
    const start = lineStart(text, pair.key.range[0]);
    const end = pair.value?.range ? lineEnd(text, trimEnd(text, start, pair.value.range[1]) - 1) : lineEnd(text, pair.key.range[1]);
    return { start, end, text: block };
  }
  return { start: text.length, end: text.length, text: `${text.endsWith('\n') || text === '' ? '' : '\n'}${block}` };
}

export { valueAt };
