/**
 * Contracts for property tests, made from the JSON Schema: start from a real contract and, for each
 * property, keep its value, drop it (when optional) or replace it by one the schema allows — empty
 * lists, long strings, odd Unicode (bidi controls, combining marks, emoji, template and Markdown
 * syntax), boundary numbers. Objects the seed lacks are generated whole. The schema validator, not
 * this generator, decides what counts as valid: the property test keeps only contracts it accepts.
 */
import fc from 'fast-check';

export interface SchemaNode {
  type?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  enum?: unknown[];
  const?: unknown;
  examples?: unknown[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  $ref?: string;
  $defs?: Record<string, SchemaNode>;
}

const ODD = [
  '\u202egnirts',
  '\u2066isolated\u2069',
  '\u200f',
  'e\u0301\u0301\u0301',
  '👩‍⚖️',
  '\u0000\u0007',
  '\r\n',
  '{{ 7*7 }}',
  '{% include "x" %}',
  '[x](javascript:alert(1))',
  '<script>',
  '| a | b |',
  '\\',
  '**',
  '\uE001',
  ':::',
  '1. ',
  '# ',
  '&amp;',
];

function stringArbitrary(node: SchemaNode): fc.Arbitrary<string> {
  if (node.format === 'date')
    return fc.date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  if (node.pattern) {
    // fast-check cannot generate from lookaheads (the id pattern refuses Windows device names with
    // one): generate from the pattern without them, and keep what the whole pattern accepts.
    const whole = new RegExp(node.pattern);
    const generable = new RegExp(node.pattern.replace(/\(\?[=!][^()]*(?:\([^()]*\)[^()]*)*\)/g, ''));
    const matching = fc.stringMatching(generable).filter((text) => whole.test(text));
    return fc.oneof(fc.constantFrom(...((node.examples as string[] | undefined) ?? ['x'])), matching);
  }
  if (node.format === 'email') return fc.constantFrom(...((node.examples as string[] | undefined) ?? ['a@example.com']), 'security@vendor.example');
  const min = node.minLength ?? 0;
  const max = node.maxLength ?? 20_000;
  const odd = fc
    .array(fc.oneof(fc.constantFrom(...ODD), fc.string({ unit: 'grapheme', maxLength: 8 })), { minLength: 1, maxLength: 8 })
    .map((parts) => parts.join(' '));
  const long = fc
    .integer({ min: Math.max(min, 1), max: Math.min(max, 20_000) })
    .map((n) => 'Lorem ipsum dolor sit amet, consectetur. '.repeat(Math.ceil(n / 41)).slice(0, n));
  const examples = (node.examples as string[] | undefined) ?? [];
  return fc
    .oneof(...(examples.length ? [fc.constantFrom(...examples)] : []), odd, long, fc.constant(''), fc.string({ unit: 'binary', maxLength: 40 }))
    .map((s) => (s.length > max ? s.slice(0, max) : s))
    .filter((s) => s.length >= min);
}

/** Any value `node` allows (recursively). */
export function valueArbitrary(node: SchemaNode, root: SchemaNode, depth = 0): fc.Arbitrary<unknown> {
  if (node.$ref) return valueArbitrary(root.$defs![node.$ref.replace('#/$defs/', '')]!, root, depth);
  if (node.const !== undefined) return fc.constant(node.const);
  if (node.enum) return fc.constantFrom(...node.enum);
  switch (node.type) {
    case 'boolean':
      return fc.boolean();
    case 'integer':
    case 'number': {
      const min = node.minimum ?? 0;
      const max = node.maximum ?? 1_000_000_000;
      const int = fc.oneof(fc.constantFrom(min, max), fc.integer({ min, max: Math.min(max, 2_000_000_000) }));
      return node.type === 'integer' ? int : fc.oneof(int, fc.double({ min, max, noNaN: true, noDefaultInfinity: true }));
    }
    case 'string':
      return stringArbitrary(node);
    case 'array': {
      const items = valueArbitrary(node.items ?? {}, root, depth + 1);
      const constraints = { minLength: node.minItems ?? 0, maxLength: Math.min(node.maxItems ?? 5, 5) };
      return node.uniqueItems ? fc.uniqueArray(items, { ...constraints, selector: (v) => JSON.stringify(v) }) : fc.array(items, constraints);
    }
    case 'object':
      return objectArbitrary(node, root, undefined, depth);
    default:
      return fc.constant(null);
  }
}

/** An object of `node`: from `seed` where it has a value (kept, dropped or replaced), generated where not. */
export function objectArbitrary(
  node: SchemaNode,
  root: SchemaNode,
  seed: Record<string, unknown> | undefined,
  depth = 0,
): fc.Arbitrary<Record<string, unknown>> {
  const entries = Object.entries(node.properties ?? {}).map(([key, child]) => {
    const required = node.required?.includes(key) ?? false;
    const resolved = child.$ref ? root.$defs![child.$ref.replace('#/$defs/', '')]! : child;
    const current = seed?.[key];
    const fresh =
      resolved.type === 'object' && current !== null && typeof current === 'object' && !Array.isArray(current)
        ? objectArbitrary(resolved, root, current as Record<string, unknown>, depth + 1)
        : valueArbitrary(resolved, root, depth + 1);
    const choices: fc.WeightedArbitrary<unknown>[] = [];
    if (current !== undefined) choices.push({ arbitrary: fc.constant(current), weight: 6 });
    // Deep generated objects stay small: drop optional properties more often the deeper they are.
    if (!required) choices.push({ arbitrary: fc.constant(undefined), weight: current === undefined ? 2 + depth : 2 });
    choices.push({ arbitrary: fresh, weight: current === undefined ? 2 : 2 });
    return [key, fc.oneof(...choices)] as const;
  });
  return fc.record(Object.fromEntries(entries)).map((value) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)));
}
