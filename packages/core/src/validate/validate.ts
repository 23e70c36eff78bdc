import { basename } from 'node:path';
import type { Diagnostic } from '../diagnostic.js';
import type { LoadedFile } from '../load/load.js';
import { locate } from '../load/locate.js';
import { describeSchemaError } from './schema-messages.js';
import type { SchemaValidator } from './schemas.js';

/**
 * Most schema diagnostics one file gets. Past a few hundred they are one mistake repeated (a pasted
 * list of unknown keys), and mapping each to a position and a suggestion is per-file work an attacker
 * could multiply: 150,000 unknown keys in a 2 MiB file took seconds.
 */
export const MAX_SCHEMA_DIAGNOSTICS = 200;

/**
 * Validates a loaded file against a schema and maps every ajv error to a diagnostic at the exact YAML
 * node. Several ajv errors about one place (e.g. a value failing both `type` and `enum`) collapse into one.
 */
export function validateLoaded(file: LoadedFile, validator: SchemaValidator): Diagnostic[] {
  if (file.value === undefined) return [];
  if (validator(file.value)) return [];
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const errors = validator.errors ?? [];
  for (const [i, error] of errors.entries()) {
    if (diagnostics.length === MAX_SCHEMA_DIAGNOSTICS) {
      const last = diagnostics[diagnostics.length - 1]!;
      last.message = `${last.message} (and up to ${errors.length - i} more schema problems in this file, not listed)`;
      break;
    }
    const problem = describeSchemaError(error);
    const identity = `${problem.pointer}\u0000${problem.code === 'schema/enum' || problem.code === 'schema/type' ? 'value' : problem.code}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    diagnostics.push({
      code: problem.code,
      severity: 'error',
      message: problem.message,
      file: file.file,
      ...locate(file, problem.locateAt, problem.target),
      path: problem.pointer,
      ...(problem.fix !== undefined
        ? { fix: problem.pointer === '/id' && problem.code === 'schema/required' ? idFromFileName(file.file, problem.fix, validator) : problem.fix }
        : {}),
    });
  }
  return diagnostics;
}

/**
 * A missing id is best suggested from the file's own name (`contracts/acme-cameras.yaml` → `id: acme-cameras`)
 * when the schema takes it as an id, else the schema's example. (`errors` was read before: a second call is safe.)
 */
function idFromFileName(path: string, fallback: string, validator: SchemaValidator): string {
  const slug = basename(path)
    .replace(/\.ya?ml$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  validator({ id: slug });
  return slug !== '' && !validator.errors?.some((e) => e.instancePath === '/id') ? `id: ${slug}` : fallback;
}
