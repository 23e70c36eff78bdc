import { existsSync, readFileSync } from 'node:fs';
import type { ErrorObject } from 'ajv';
import { createAjv } from './ajv.js';
import { bundledData } from '../data.js';
import { EnvironmentError } from '../errors.js';

/** A compiled JSON Schema validator (ajv's shape: errors are left on the function after a call). */
export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export type SchemaName = 'vendor-agreement' | 'playbook' | (string & {});

/** The repository's `schemas/` directory (src/ and dist/ are both one level below the package). */
export const schemasDir = bundledData.schemasDir;

/** Absolute path of a bundled schema. */
export function schemaFile(name: SchemaName): string {
  return `${schemasDir}${name}.schema.json`;
}

/** The bundled schema as text, exactly as shipped (for `contracts schema`). */
export function readSchemaText(name: SchemaName): string {
  const file = schemaFile(name);
  if (!existsSync(file)) throw new EnvironmentError('schema/not-found', `No bundled schema named ${name} (looked for ${file})`);
  return readFileSync(file, 'utf8');
}

const cache = new Map<string, Promise<SchemaValidator>>();

/**
 * The validator for a bundled schema: the module precompiled at build time when it exists (no ajv
 * compile at start-up), else compiled now from the JSON file.
 */
export function loadValidator(name: SchemaName): Promise<SchemaValidator> {
  let validator = cache.get(name);
  if (!validator) {
    validator = importPrecompiled(name).then((v) => v ?? compileSchema(JSON.parse(readSchemaText(name))));
    cache.set(name, validator);
  }
  return validator;
}

async function importPrecompiled(name: SchemaName): Promise<SchemaValidator | undefined> {
  const url = new URL(`../../dist/generated/${name}.js`, import.meta.url);
  if (!existsSync(url)) return undefined;
  const mod = (await import(url.href)) as { default: SchemaValidator };
  return mod.default;
}

/** Compiles a schema object at run time (a user's own schema, or when no build output exists). */
export function compileSchema(schema: object): SchemaValidator {
  return createAjv().compile(schema) as SchemaValidator;
}
