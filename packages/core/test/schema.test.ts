import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileSchema, schemasDir } from '../src/index.js';

const contractsDir = fileURLToPath(new URL('../../../contracts/', import.meta.url));
const schemaNames = readdirSync(schemasDir).filter((f) => f.endsWith('.schema.json'));

type Schema = Record<string, unknown> & { properties?: Record<string, Schema>; items?: Schema; $defs?: Record<string, Schema> };

/** Every property schema, with its path, anywhere in the schema (including $defs and array items). */
function* properties(schema: Schema, at: string): Generator<[string, Schema]> {
  for (const [name, child] of Object.entries(schema.properties ?? {})) {
    yield [`${at}.${name}`, child];
    yield* properties(child, `${at}.${name}`);
    if (child.items) yield* properties(child.items, `${at}.${name}[]`);
  }
  for (const [name, def] of Object.entries(schema.$defs ?? {})) yield* properties(def, `$defs.${name}`);
}

describe.each(schemaNames)('%s', (name) => {
  const schema = JSON.parse(readFileSync(`${schemasDir}${name}`, 'utf8')) as Schema;

  it('is draft 2020-12 and compiles in strict mode', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(() => compileSchema(schema)).not.toThrow();
  });

  it('documents every property with a title, a description and examples, for editor autocompletion', () => {
    const missing = [...properties(schema, '')]
      .filter(([, s]) => !(typeof s.title === 'string' && typeof s.description === 'string' && Array.isArray(s.examples) && s.examples.length > 0))
      .map(([path]) => path);
    expect(missing).toEqual([]);
  });

  it('closes every object: unknown fields are errors (maps keyed by name must type their values)', () => {
    const open = [...properties(schema, '')]
      .filter(([, s]) => s.type === 'object' && (s.additionalProperties === undefined || s.additionalProperties === true) && !s.patternProperties)
      .map(([p]) => p);
    expect(open).toEqual([]);
  });
});

describe('vendor-agreement schema examples', () => {
  it('gives examples that are themselves valid values of their property', async () => {
    const schema = JSON.parse(readFileSync(`${schemasDir}vendor-agreement.schema.json`, 'utf8')) as Schema;
    const failures: string[] = [];
    for (const [path, property] of properties(schema, '')) {
      // Each compile is synchronous and the whole sweep can pass 60 s on a loaded machine: yield between
      // them, so the worker answers vitest's runner (its RPC timeout is fixed at 60 s).
      await new Promise((resume) => setImmediate(resume));
      const standalone = { ...property, $defs: schema.$defs, $schema: schema.$schema };
      delete (standalone as Record<string, unknown>).$id;
      const validate = compileSchema(standalone);
      for (const example of property.examples as unknown[]) if (!validate(example)) failures.push(`${path}: ${JSON.stringify(example)}`);
    }
    expect(failures).toEqual([]);
  });
});

describe('example contracts', () => {
  const files = readdirSync(contractsDir).filter((f) => f.endsWith('.yaml'));

  it.each(files)('%s names the schema in a yaml-language-server modeline that resolves', (file) => {
    const first = readFileSync(`${contractsDir}${file}`, 'utf8').split('\n')[0]!;
    const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
    expect(match, 'first line must be the modeline').not.toBeNull();
    const target = resolve(dirname(`${contractsDir}${file}`), match![1]!);
    expect(existsSync(target)).toBe(true);
    expect(JSON.parse(readFileSync(target, 'utf8')).$id).toContain('vendor-agreement.schema.json');
  });
});
