import { readSchemaText } from '@contracts/core';

/** The part of a JSON Schema the playbook checks read. */
export interface SchemaNode {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  $ref?: string;
  [key: string]: unknown;
}

let root: SchemaNode | undefined;

/** The bundled vendor-agreement schema, parsed once. */
function vendorSchema(): SchemaNode {
  return (root ??= JSON.parse(readSchemaText('vendor-agreement')) as SchemaNode);
}

function resolve(node: SchemaNode): SchemaNode {
  let current = node;
  for (let i = 0; i < 16 && current.$ref; i++) {
    const name = current.$ref.replace(/^#\/\$defs\//, '');
    const defs = (vendorSchema().$defs ?? {}) as Record<string, SchemaNode>;
    current = { ...defs[name], ...Object.fromEntries(Object.entries(current).filter(([k]) => k !== '$ref')) } as SchemaNode;
  }
  return current;
}

/** The schema of a contract field by path segments from the root; `undefined` if no such field. */
export function schemaAt(segments: readonly string[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = resolve(vendorSchema());
  for (const segment of segments) {
    if (!node) return undefined;
    if (node.properties) node = node.properties[segment] ? resolve(node.properties[segment]!) : undefined;
    else if (node.items && /^\d+$/.test(segment)) node = resolve(node.items);
    else return undefined;
  }
  return node;
}

/** Every leaf under `terms` (a scalar, or a list, which is rated as one value), as dotted paths. */
export function negotiableTermPaths(): string[] {
  const out: string[] = [];
  const walk = (node: SchemaNode, path: string[]) => {
    const n = resolve(node);
    if (n.properties) for (const [k, child] of Object.entries(n.properties)) walk(child, [...path, k]);
    else out.push(path.join('.'));
  };
  walk(schemaAt(['terms'])!, []);
  return out;
}

const typeOf = (node: SchemaNode): string[] => (Array.isArray(node.type) ? node.type : node.type ? [node.type] : []);

/** The schema's allowed values for a field or for a list's members, if it enumerates them. */
export function allowedValues(node: SchemaNode): unknown[] | undefined {
  if (node.enum) return node.enum;
  if (node.items) return resolve(node.items).enum;
  return undefined;
}

/** Whether a playbook term kind fits a schema node. */
export function kindFits(kind: string, node: SchemaNode): boolean {
  const types = typeOf(node);
  switch (kind) {
    case 'number':
      return types.includes('number') || types.includes('integer');
    case 'option':
      return types.includes('string') && Array.isArray(node.enum);
    case 'boolean':
      return types.includes('boolean');
    case 'list':
      return types.includes('array');
    default:
      return true;
  }
}
