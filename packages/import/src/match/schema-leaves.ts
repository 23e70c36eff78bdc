/**
 * What a term can be, from the JSON Schema: every leaf path of the contract with its kind (boolean,
 * integer, enum, string, date, list of enums or strings) and its enum values. Candidate values are
 * made from this, so a value the schema does not allow is never proposed.
 */
import { readSchemaText } from '@contracts/core';

export type LeafKind = 'boolean' | 'integer' | 'number' | 'enum' | 'string' | 'date' | 'list';

export interface Leaf {
  path: string;
  kind: LeafKind;
  /** Enum values (of the leaf, or of a list's items). */
  values?: string[];
  /** For a list: whether its items are enum values or free strings. */
  items?: 'enum' | 'string';
}

interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
}

let leaves: Map<string, Leaf> | undefined;

/** Leaves by path; list items of object arrays appear as `parent.[].field`. */
export function schemaLeaves(): Map<string, Leaf> {
  if (leaves) return leaves;
  const schema = JSON.parse(readSchemaText('vendor-agreement')) as SchemaNode & { $defs: Record<string, SchemaNode> };
  const resolve = (node: SchemaNode): SchemaNode => {
    let n = node;
    for (let hops = 0; n.$ref && hops < 20; hops++) n = { ...schema.$defs[n.$ref.split('/').pop()!], ...n, $ref: undefined } as SchemaNode;
    return n;
  };
  const out = new Map<string, Leaf>();
  const walk = (raw: SchemaNode, path: string) => {
    // Negotiated wording is what the import writes, not a term; recursive parts (comment replies) end here.
    if (path === 'negotiatedWording' || path.split('.').length > 12) return;
    const node = resolve(raw);
    if (node.properties) {
      for (const [key, child] of Object.entries(node.properties)) walk(child, path ? `${path}.${key}` : key);
      return;
    }
    const type = Array.isArray(node.type) ? node.type[0] : node.type;
    if (type === 'array') {
      const item = resolve(node.items ?? {});
      if (item.properties) walk(item, `${path}.[]`);
      else if (item.type === 'string') {
        out.set(path, { path, kind: 'list', items: item.enum ? 'enum' : 'string', ...(item.enum ? { values: item.enum.map(String) } : {}) });
      }
    } else if (type === 'boolean') out.set(path, { path, kind: 'boolean' });
    else if (type === 'integer' || type === 'number') out.set(path, { path, kind: type });
    else if (type === 'string') {
      if (node.enum) out.set(path, { path, kind: 'enum', values: node.enum.map(String) });
      else out.set(path, { path, kind: node.format === 'date' ? 'date' : 'string' });
    }
  };
  walk(schema, '');
  leaves = out;
  return out;
}

/** The leaf of a contract path (`terms.flowDown.subcontractors.0.name` → `terms.flowDown.subcontractors.[].name`). */
export function leafOf(path: string): Leaf | undefined {
  const found = schemaLeaves().get(path.replace(/\.\d+(?=\.|$)/g, '.[]'));
  return found ? { ...found, path } : undefined;
}

/** Every leaf at or under one of `prefixes`. */
export function leavesUnder(prefixes: readonly string[]): Leaf[] {
  const out: Leaf[] = [];
  for (const leaf of schemaLeaves().values()) {
    if (leaf.path.includes('[]')) continue;
    if (prefixes.some((p) => leaf.path === p || leaf.path.startsWith(`${p}.`))) out.push(leaf);
  }
  return out;
}
